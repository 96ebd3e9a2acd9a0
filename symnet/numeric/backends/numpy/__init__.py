"""NumPy: one matrix product per layer and direction, in place where NumPy allows."""
from symnet.numeric.backends import Backend, kernel_printer


class Hooks:
    """max(a, b) -> numpy.maximum(a, b); a two-branch Piecewise -> numpy.where."""

    ALIASES = {"numpy": "np"}         # as the kernel imports them

    _module = "numpy"

    def _print_Max(self, e):
        a, b = self._two(e)
        return f"{self._module_format(self._module + '.maximum')}({a}, {b})"

    def _print_Piecewise(self, e):
        cond, a, b = self._two(e)
        return f"{self._module_format(self._module + '.where')}({cond}, {a}, {b})"


def printer():
    from sympy.printing.numpy import NumPyPrinter
    return kernel_printer(NumPyPrinter, Hooks)


INIT = '''    rng = np.random.default_rng(seed)
    params = []
    for s_k, s_l in zip(SIZES[:-1], SIZES[1:]):
        r = {limit}
        W = np.zeros((s_k + 1, s_l), dtype=DTYPE)
        W[1:] = rng.uniform(-r, r, (s_k, s_l))
        params.append(W)
    return params'''

SOFTMAX = '''def _softmax(Z):
    """Row-wise softmax, shifted by the row's maximum (no overflow)."""
    T = Z - Z.max(axis=1, keepdims=True)
    np.exp(T, out=T)
    T /= T.sum(axis=1, keepdims=True)
    return T


def _softmax_loss(Z, Y):
    """Each row's -sum_j y_j ln softmax(z)_j = logsumexp(z) - sum_j y_j z_j."""
    M = Z.max(axis=1, keepdims=True)
    return M[:, 0] + np.log(np.exp(Z - M).sum(axis=1)) - (Y * Z).sum(axis=1)'''

#: fast forms: the printed sigmoid makes three temporaries, this one makes one; the
#: printed softplus (max(Z, 0) + log1p(e^-|Z|)) makes four, NumPy's logaddexp none
OVERRIDES = {"softplus": ("np.logaddexp(0.0, Z)", ()), "sigmoid": ('''"""1/(1 + e^-Z), in place on one temporary; Z is clipped at -_EXP_LIMIT so e^-Z
cannot overflow (below it the true value is 0 to the dtype's precision)."""
T = np.maximum(Z, -_EXP_LIMIT)
np.negative(T, out=T)
np.exp(T, out=T)
T += 1.0
return np.reciprocal(T, out=T)''', ())}

BACKEND = Backend(
    "numpy", "kernel.py.j2", "numpy/macros.j2", printer, "import numpy as np",
    "np.asarray({x}, dtype=DTYPE)", "np.concatenate", "np.{dtype}", INIT,
    "(Z > 0).astype(Z.dtype)", SOFTMAX, OVERRIDES)
