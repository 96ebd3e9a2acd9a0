"""``symnet codegen``: a standalone forward/backward module for given layer sizes.

The elementwise pieces come from :func:`symnet.numeric.forms.derive_forms` (SymPy's
derivatives of the registry definitions), printed by a subclass of the backend's SymPy code
printer; a jinja2 template lays out the matrix-level code.  One :class:`Backend` per
target holds its printer, imports, conversions and initialisation:

- ``numpy``: one matrix product per layer and direction, in-place where NumPy allows;
- ``jax``: the same algebra, ``loss_and_grad`` and ``step`` compiled with ``jax.jit``
  (``step`` donates the old parameters); float64 inside ``jax.enable_x64`` only, never
  switched on for the whole process;
- ``torch``: the same algebra on tensors;
- ``numba``: explicit loops over the entries, every elementwise form fused into them and
  compiled by ``numba.njit`` (no per-layer temporaries; the fastest for small networks).

``dtype`` is float64 (default) or float32: every backend computes and returns it.  The
output is deterministic: the same arguments give the same bytes.  Only the printer of the
requested backend is imported (SymPy's torch printer module imports torch itself).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sympy as sp

from symnet import __version__
from symnet.core.files import template_environment, write_atomic
from symnet.core.layers import validate_sizes
from symnet.core.registry import (ACTIVATIONS, EXP_LIMIT, STEP_CODE, ActivationBase,
                                  helper_source, row_of)
from symnet.numeric.forms import derive_forms

BACKENDS = ("numpy", "jax", "torch", "numba")
DTYPES = ("float64", "float32")
TEMPLATES = Path(__file__).parent / "templates"


class _KernelPrinting:
    """The registry's functions as calls of the module's own helpers ``_<name>(Z)``, and
    Heaviside(z, 0), which derivatives of ReLU-like units produce, as ``_step``."""

    def _print_Heaviside(self, e):
        # Heaviside(z, 0): the ReLU'(0) = 0 convention of the registry
        if len(e.args) > 1 and e.args[1] != 0:
            raise ValueError("only Heaviside(z, 0) is supported")
        return f"_step({self._print(e.args[0])})"


    def _print(self, expr, **kwargs):
        # a registry row named like a SymPy function (tanh) must not reach _print_tanh
        if isinstance(expr, ActivationBase):
            return self._print_ActivationBase(expr)
        return super()._print(expr, **kwargs)

    def _print_ActivationBase(self, e):
        """Any registry activation (SymPy tries ``_print_<class>`` along the MRO, so every
        row, a user's too, arrives here): a call of the module's helper ``_<name>``."""
        return f"_{row_of(e).name}({self._print(e.args[0])})"


def kernel_printer(base: type) -> type:
    """A SymPy code printer class with the registry's helpers."""
    return type(f"{base.__name__}Kernel", (_KernelPrinting, base), {})


def _numpy_printer():
    from sympy.printing.numpy import NumPyPrinter
    return kernel_printer(NumPyPrinter)


def helpers(forms, backend: str) -> tuple[str, list, set]:
    """(text, names, modules): the helper functions a module needs, one per registry
    function its forms call (from the row's code for this backend), ``_step`` for
    Heaviside, and the modules the helpers name in full."""
    used = set()
    for expr in (forms.f, forms.fprime, forms.output_delta, forms.loss_term):
        used |= {type(e).__name__ for e in expr.atoms(sp.Function)}
    parts, names, modules = [], [], set()
    for row in ACTIVATIONS.values():
        if row.function.__name__ in used:
            if backend not in row.code:
                raise ValueError(f"activation {row.name!r} has no {backend} helper in the "
                                 "registry")
            parts.append(helper_source(row.name, row.code[backend]))
            names.append(f"_{row.name}")
            modules |= set((row.imports or {}).get(backend, ()))
    if "Heaviside" in used:
        parts.append(helper_source("step", STEP_CODE[backend]))
        names.append("_step")
    return "\n\n\n".join(parts), names, modules


@dataclass(frozen=True)
class Backend:
    """What differs between targets: the template, the printer, the imports, how an input
    becomes an array of the dtype, and how parameters are initialised."""

    name: str
    template: str
    printer: callable                  # () -> printer class (imported when used)
    imports: str
    asarray: str                       # "{x}" -> array of DTYPE
    concat: str
    dtype: str                         # "{dtype}" -> the backend's dtype object
    init: str                          # body of init_params(seed), arrays of DTYPE;
                                       # "{limit}": the half-width r (init_limit)


_NUMPY_INIT = '''    rng = np.random.default_rng(seed)
    params = []
    for s_k, s_l in zip(SIZES[:-1], SIZES[1:]):
        r = {limit}
        W = np.zeros((s_k + 1, s_l), dtype=DTYPE)
        W[1:] = rng.uniform(-r, r, (s_k, s_l))
        params.append(W)
    return params'''


def init_limit(gain: float) -> str:
    """The half-width r of ``init_params``' uniform draw W[1:] ~ U(-r, r), as code in the
    layer's fan-in s_k and fan-out s_l, for a registry row's ``init_gain`` g; the variance
    of such a weight is r^2 / 3:

    - g = 1 (Glorot, sigmoid and tanh): r = sqrt(6 / (s_k + s_l)), Var W = 2 / (s_k + s_l);
    - any other g (He's fan-in scaling; g = 2 for ReLU-like units): r = sqrt(3 g / s_k),
      Var W = g / s_k, so a layer with s_k = s_l gets g times the Glorot variance.
    """
    if gain == 1:
        return "(6.0 / (s_k + s_l)) ** 0.5"
    return f"({3.0 * float(gain)!r} / s_k) ** 0.5"


def _jax_printer():
    from sympy.printing.numpy import JaxPrinter
    return kernel_printer(JaxPrinter)


def _torch_printer():
    from sympy.printing.pytorch import TorchPrinter
    return kernel_printer(TorchPrinter)


BACKEND = {b.name: b for b in (
    Backend("numpy", "kernel.py.j2", _numpy_printer, "import numpy as np",
            "np.asarray({x}, dtype=DTYPE)", "np.concatenate", "np.{dtype}", _NUMPY_INIT),
    Backend("jax", "kernel.py.j2", _jax_printer,
            "import contextlib\n\nimport jax\nimport jax.numpy as jnp",
            "_as_array({x})", "jnp.concatenate", "jnp.{dtype}",
            '''    with _precision():
        key = jax.random.PRNGKey(seed)
        params = []
        for s_k, s_l in zip(SIZES[:-1], SIZES[1:]):
            key, sub = jax.random.split(key)
            r = {limit}
            W = jax.random.uniform(sub, (s_k, s_l), dtype=DTYPE, minval=-r, maxval=r)
            params.append(jnp.concatenate((jnp.zeros((1, s_l), dtype=DTYPE), W)))
        return params'''),
    Backend("torch", "kernel.py.j2", _torch_printer, "import torch",
            "torch.as_tensor({x}, dtype=DTYPE)", "torch.cat", "torch.{dtype}",
            '''    g = torch.Generator().manual_seed(seed)
    params = []
    for s_k, s_l in zip(SIZES[:-1], SIZES[1:]):
        r = {limit}
        W = (2.0 * torch.rand((s_k, s_l), generator=g, dtype=DTYPE) - 1.0) * r
        params.append(torch.cat((torch.zeros((1, s_l), dtype=DTYPE), W)))
    return params'''),
    Backend("numba", "kernel_numba.py.j2", _numpy_printer,
            "import math\n\nimport numba\nimport numpy as np",
            "np.ascontiguousarray({x}, dtype=DTYPE)", "np.concatenate", "np.{dtype}",
            _NUMPY_INIT),
)}


#: a softmax output layer per array backend: the row-wise softmax and each row's
#: cross-entropy -sum_j y_j ln softmax(z)_j = logsumexp(z) - sum_j y_j z_j (targets sum to 1)
SOFTMAX = {
    "numpy": '''def _softmax(Z):
    """Row-wise softmax, shifted by the row's maximum (no overflow)."""
    T = Z - Z.max(axis=1, keepdims=True)
    np.exp(T, out=T)
    T /= T.sum(axis=1, keepdims=True)
    return T


def _softmax_loss(Z, Y):
    """Each row's -sum_j y_j ln softmax(z)_j = logsumexp(z) - sum_j y_j z_j."""
    M = Z.max(axis=1, keepdims=True)
    return M[:, 0] + np.log(np.exp(Z - M).sum(axis=1)) - (Y * Z).sum(axis=1)''',
    "jax": '''def _softmax(Z):
    return jax.nn.softmax(Z, axis=1)


def _softmax_loss(Z, Y):
    return jax.nn.logsumexp(Z, axis=1) - (Y * Z).sum(axis=1)''',
    "torch": '''def _softmax(Z):
    return torch.softmax(Z, dim=1)


def _softmax_loss(Z, Y):
    return torch.logsumexp(Z, dim=1) - (Y * Z).sum(dim=1)''',
    "numba": "",                  # the numba template loops over the row itself
}


def _environment():
    return template_environment(TEMPLATES, ("<%", "%>"), ("<{", "}>"), ("<#", "#>"))


def operation_counts(sizes, forms) -> dict:
    """Flops per batch row: matrix products (2 per multiply-add) and elementwise work."""
    pairs = list(zip(sizes[:-1], sizes[1:]))
    f_ops = max(forms.ops("f"), 1)
    fwd_mm = sum(2 * a * b for a, b in pairs)
    fwd_el = sum(b * (1 + f_ops) for _, b in pairs)                   # threshold + f
    bwd_mm = sum(2 * a * b for a, b in pairs) + sum(2 * a * b for a, b in pairs[1:])
    fprime_ops = 0 if forms.fprime == 1 else forms.ops("fprime") + 1
    bwd_el = (sizes[-1] * (forms.ops("output_delta") + forms.ops("loss_term") + 2)
              + sum(b for _, b in pairs)                               # threshold rows
              + sum(a * fprime_ops for a, _ in pairs[1:]))
    return dict(forward_matmul=fwd_mm, forward_elementwise=fwd_el, backward_matmul=bwd_mm,
                backward_elementwise=bwd_el, backward_products=2 * len(pairs) - 1)


def _imports(printer, already: str, modules=()) -> str:
    """The modules the printed forms and helpers call by their full name (numpy.sign,
    say) and the backend's imports do not bring in under that name."""
    lines = [f"import {m}" for m in sorted(set(printer.module_imports) | set(modules))
             if f"import {m}\n" not in already + "\n"]
    return "".join("\n" + line for line in lines)


def check_options(backend: str, dtype: str) -> None:
    """ValueError naming the valid values of a bad backend or dtype."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; known: {', '.join(BACKENDS)}")
    if dtype not in DTYPES:
        raise ValueError(f"unknown dtype {dtype!r}; known: {', '.join(DTYPES)}")


def generate(sizes, activation: str = "sigmoid", loss: str = "squared",
             backend: str = "numpy", dtype: str = "float64") -> str:
    """The source text of the kernel module."""
    check_options(backend, dtype)
    sizes = validate_sizes(list(sizes), max_entries=None)
    forms = derive_forms(activation, loss)
    spec = BACKEND[backend]
    gain = ACTIVATIONS[forms.activation].init_gain
    printer = spec.printer()({"fully_qualified_modules": True})
    replacements, (delta,) = sp.cse([forms.output_delta], symbols=sp.numbered_symbols("t"),
                                    optimizations="basic")
    helper_text, helper_names, helper_modules = helpers(forms, backend)
    printed = dict(f_code=printer.doprint(forms.f), fprime_code=printer.doprint(forms.fprime),
                   delta_cse=[(str(s), printer.doprint(e)) for s, e in replacements],
                   delta_code=printer.doprint(delta), loss_code=printer.doprint(forms.loss_term))
    n = len(sizes) - 1
    text = _environment().get_template(spec.template).render(
        title=f"{backend} forward/backward kernel for a {'-'.join(map(str, sizes))} network "
              f"({activation}, {loss} loss, {dtype}).",
        version=__version__, backend=backend, sizes=tuple(sizes),
        sizes_text="-".join(map(str, sizes)), dtype=dtype,
        dtype_code=spec.dtype.format(dtype=dtype), exp_limit=EXP_LIMIT[dtype],
        activation=forms.activation, loss=forms.loss, n_layers=n,
        param_shapes=[(a + 1, b) for a, b in zip(sizes[:-1], sizes[1:])],
        delta_text=sp.sstr(forms.output_delta), fprime_text=sp.sstr(forms.fprime),
        imports=spec.imports + _imports(printer, spec.imports, helper_modules),
        helpers=helper_text,
        helper_names=helper_names, init_code=spec.init.format(limit=init_limit(gain)),
        init_gain=gain,
        asarray=lambda x: spec.asarray.format(x=x), concat=spec.concat,
        fprime_is_one=forms.fprime == 1, softmax=forms.softmax,
        softmax_code=SOFTMAX[backend] if forms.softmax else "", **printed,
        **operation_counts(sizes, forms))
    compile(text, "<generated kernel>", "exec")        # a template bug fails here, not later
    return text


def write_module(path, sizes, activation="sigmoid", loss="squared", backend="numpy",
                 dtype="float64") -> str:
    """Generate and write atomically (temporary file, then rename); returns the text."""
    text = generate(sizes, activation, loss, backend, dtype)
    write_atomic(str(path), text)
    return text
