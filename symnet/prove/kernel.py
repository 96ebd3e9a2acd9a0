"""A generated kernel (numpy, jax, torch or numba) executed on symbols and proved equal
to SymPy's gradient.

The module's own text is run as written, its imports answered by the shims of
:mod:`symnet.prove.shims` (:func:`~symnet.prove.shims.load`; the backend is the library
it imports): NumPy object arrays whose entries are SymPy expressions, the libraries'
structural operations (``@``, slicing, ``.T``, ``sum``, ``empty``, ``concatenate``/``cat``,
``multiply``/``matmul``/``negative`` with ``out=``) kept, their elementwise functions
(``exp``, ``log``, ``tanh``, ``logaddexp``, ``maximum``/``clamp``, ``where``,
``jax.nn.sigmoid``, ``torch.nn.functional.softplus``, ...) applied entry by entry as the
SymPy functions they compute; ``jax.jit`` and ``numba.njit`` keep the function as Python
(compilation does not change the value), ``jax.enable_x64`` is no context.  The numba
module's scalar functions branch (``max``, ``abs``, ``x if Z > 0.0 else y``): each is run
once on fresh symbols along every branch and summarised (:mod:`symnet.prove.shims.
numba_shim`).  Its ``loss_and_grad(params, X, Y)`` then returns, for every weight and
threshold, the exact expression the module computes.  float64 and float32 modules share
the code path; the proof is of the expression (the dtype changes the rounding only).

Not shimmed (Unsupported, with the library name): an array's row maximum (softmax's
``Z.max``, numba's ``max`` over a row: a comparison of array entries with no symbolic
value, whose every ordering would have to be run); ``jax.scipy.special.ndtr``,
``torch.special.ndtr`` and NumPy's ``vectorize(math.erfc)`` (GELU's Phi: the NumPy form
prints 1/sqrt(2) as a float, which read as a rational is not 1/sqrt(2)); ``torch.clamp``
with an upper bound; any library name outside the shims' tables.

The derived side shares nothing with the kernel: E = (1/m) sum over the rows of the
loss of the nested forward pass a^(1) = x, z = a @ W[1:] - W[0], a = f(z), with f the
registry's SymPy function, differentiated by ``sp.diff``.  Both sides are written in
elementary functions (registry activations by their definitions) and every entry's
difference must simplify to exactly 0.

Two things are stated, not proved: a clip at the overflow limit (``maximum(Z, -700)``
before an ``exp``) is taken as inactive, so the proof covers |z| below that limit; float
constants of the module (1.0, 0.5) are read as the rationals they print as.

Units with a kink (ReLU, leaky ReLU: the registry rows whose definition is a
``Piecewise``).  A comparison of the module (``Z > 0``, ``Z >= 0``, ``Z < 0``) becomes the
indicator ``Heaviside(d, H0)`` that d > 0, d = Z - 0 (H0 = 0 for a strict comparison, 1
otherwise); ``maximum(Z, c)`` becomes c + (Z - c) H(Z - c) and ``where(C, A, B)`` becomes
C A + (1 - C) B.  The derived side writes the row's definition (``Piecewise((z, z > 0),
(0, True))``) with the same indicators (ReLU(z) = H(z) z) and differentiates the nested
loss by ``sp.diff``; H'(z) = DiracDelta(z) is 0 off z = 0 and is dropped.  Every
indicator of both sides is then replaced by a sign symbol h in {0, 1}, one per
pre-activation (arguments that expand to the same polynomial share it, opposite ones get
h and 1 - h).  With h^2 = h both sides are multilinear polynomials in the h's; when they
are the same polynomial they agree at every vertex of {0, 1}^n, so one exact identity per
entry proves the entry on every sign region: for every input whose pre-activations are
all != 0.  At z = 0 the derivative is a convention: the module's own ``_fprime`` at 0
(run on the exact number 0 through the shims, comparisons of numbers decided as Python
decides them) must be the registry's f'(0) (ReLU'(0) = 0, leaky_relu'(0) = 1/100).

Stated, not proved, besides: each library function computes the mathematical function it
is documented to (``jax.nn.softplus`` is ln(1 + e^z)); the values of a numba scalar
function's branches are real (exp of both sides is compared when they are one function).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy as sp

from symnet.prove.shims import Unsupported, array, exact, load

#: the largest module (weights and thresholds) run on symbols
MAX_WEIGHTS = 60


@dataclass
class KernelProof:
    """What was proved: ``entries`` gradient entries of ``sizes`` at batch sizes
    ``batches``; ``first`` names the first entry that differs (None: all equal)."""

    sizes: tuple
    activation: str
    loss: str
    batches: tuple
    backend: str = "numpy"
    entries: int = 0
    first: str | None = None
    seconds: float = 0.0
    method: str = ("symbolic execution: the module's own loss_and_grad run on SymPy object "
                   "arrays, each gradient entry compared with sp.diff of the nested loss "
                   "(1/m) sum E_k, difference expanded or cancelled to exactly 0 (clips at the "
                   "overflow limit taken as inactive)")
    notes: list = field(default_factory=list)

    #: the method of a module whose units have a kink (ReLU-like): what holds where
    KINK_METHOD = ("symbolic execution: the module's own loss_and_grad run on SymPy object "
                   "arrays, comparisons as 0/1 indicators H(z); each gradient entry compared "
                   "with sp.diff of the nested loss (1/m) sum E_k built from the row's "
                   "Piecewise definition as indicators (H' = DiracDelta, 0 off z = 0), every "
                   "H(z) replaced by a sign symbol h in {{0, 1}} (h^2 = h) and the multilinear "
                   "difference expanded to exactly 0: proved on every sign region, i.e. for "
                   "every input with all pre-activations z != 0; at z = 0 the module's "
                   "f'(0) = {at_zero} (its _fprime), the registry's convention")

    @property
    def ok(self) -> bool:
        return self.first is None and self.entries > 0


def _symbols(sizes, m):
    params = []
    for k, (s_k, s_l) in enumerate(zip(sizes[:-1], sizes[1:])):
        params.append(np.array([[sp.Symbol(f"W{k}_{r}_{c}", real=True) for c in range(s_l)]
                                for r in range(s_k + 1)], dtype=object))
    X = np.array([[sp.Symbol(f"x{n}_{i}", real=True) for i in range(sizes[0])]
                  for n in range(m)], dtype=object)
    Y = np.array([[sp.Symbol(f"y{n}_{j}", real=True) for j in range(sizes[-1])]
                  for n in range(m)], dtype=object)
    return params, X, Y


def has_kink(activation: str) -> bool:
    """The row's definition is a Piecewise (ReLU, leaky ReLU): not differentiable at 0."""
    from symnet.core.registry import activation as row
    return isinstance(row(activation).function.definition(sp.Symbol("x", real=True)),
                      sp.Piecewise)


def derived_gradients(sizes, activation: str, loss: str, params, X, Y) -> list:
    """SymPy's gradient of E = (1/m) sum_rows E_k for the nested forward pass, entry by
    entry, in the shapes of ``params`` (elementary functions).

    A unit with a kink enters by its Piecewise definition written with indicators
    (:func:`indicators`: ReLU(z) = H(z) z), not by the registry's stated derivative, and
    ``sp.diff`` differentiates that; the DiracDelta(z) it gives for H'(z) is 0 wherever
    z != 0 (H is constant on each side), which is where the result is claimed."""
    from symnet.core.registry import activation as row, loss as loss_row
    from symnet.prove.model import ExpressionModel
    f, term = row(activation).function, loss_row(loss).term
    kink = has_kink(activation)
    if kink:
        definition = f.definition
        f = lambda z: indicators(definition(z))                       # noqa: E731
    m = X.shape[0]
    A = X
    for W in params:
        Z = A @ W[1:] - W[0]
        A = np.frompyfunc(f, 1, 1)(Z)
    E = sp.Add(*(term(A[n, j], Y[n, j]) for n in range(m) for j in range(A.shape[1]))) / m
    if kink:
        def gradient(w):
            return sp.diff(E, w).replace(lambda e: isinstance(e, sp.DiracDelta),
                                         lambda e: sp.S.Zero)
    else:
        unfold = ExpressionModel().unfold

        def gradient(w):
            return unfold(sp.diff(E, w))
    return [np.frompyfunc(gradient, 1, 1)(W) for W in params]


def _indicator(condition) -> sp.Expr:
    """A condition as a 0/1 expression, exact wherever no compared quantity is 0:
    d > 0 (or d >= 0) as Heaviside(d), And as a product, Or and Not by complements,
    ITE(a, b, c) (SymPy's fold of nested Piecewise) as a b + (1 - a) c."""
    if condition is sp.true or condition is sp.false:
        return sp.Integer(condition is sp.true)
    if isinstance(condition, (sp.StrictGreaterThan, sp.GreaterThan)):
        return sp.Heaviside(indicators(condition.lhs - condition.rhs), 0)
    if isinstance(condition, (sp.StrictLessThan, sp.LessThan)):
        return sp.Heaviside(indicators(condition.rhs - condition.lhs), 0)
    if isinstance(condition, sp.Eq):
        return sp.S.Zero                    # holds at a kink only
    if isinstance(condition, sp.Ne):
        return sp.S.One
    if isinstance(condition, sp.And):
        return sp.Mul(*(_indicator(c) for c in condition.args))
    if isinstance(condition, sp.Or):
        return 1 - sp.Mul(*(1 - _indicator(c) for c in condition.args))
    if isinstance(condition, sp.Not):
        return 1 - _indicator(condition.args[0])
    if isinstance(condition, sp.ITE):               # if a then b else c
        a, b, c = (_indicator(part) for part in condition.args)
        return a * b + (1 - a) * c
    raise Unsupported(f"the condition {condition} has no indicator here")


def indicators(expr) -> sp.Expr:
    """``expr`` with every Piecewise((e_1, c_1), (e_2, c_2), ...) written as
    sum_i I(c_i) prod_{j<i} (1 - I(c_j)) e_i, I the 0/1 indicator of a condition."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Piecewise):
        return expr
    if isinstance(expr, sp.Piecewise):
        total, earlier = sp.S.Zero, sp.S.One
        for branch, condition in expr.args:
            here = _indicator(condition)
            total += earlier * here * indicators(branch)
            earlier *= 1 - here
        return total
    return expr.func(*(indicators(a) for a in expr.args))


class SignRegions:
    """One sign symbol h_n in {0, 1} per pre-activation that an indicator tests, shared by
    the module's side and the derived one; :meth:`multilinear` writes an expression in
    them."""

    def __init__(self):
        self.signs: dict = {}           # the canonical argument d -> its symbol h (d > 0)
        self._seen: dict = {}           # an indicator's argument as written -> h or 1 - h

    def _reduce(self, expr):
        """Expanded, every power h^k (k >= 1) of a sign symbol written h (h in {0, 1})."""
        hs = set(self.signs.values())
        expr = sp.expand(expr)
        return expr.replace(lambda e: e.is_Pow and e.base in hs and e.exp.is_Integer
                            and e.exp > 0, lambda e: e.base)

    def _sign(self, step):
        written = step.args[0]
        if written not in self._seen:
            self._seen[written] = self._canonical_sign(written)
        return self._seen[written]

    def _canonical_sign(self, written):
        d = self._reduce(self.multilinear(written, expand=False))
        if d in self.signs:
            return self.signs[d]
        opposite = sp.expand(-d)
        if opposite in self.signs:
            return 1 - self.signs[opposite]          # H(-d) = 1 - H(d) for d != 0
        self.signs[d] = sp.Symbol(f"sign_{len(self.signs)}", real=True)
        return self.signs[d]

    def multilinear(self, expr, expand=True):
        """``expr`` with Heaviside(d, .) replaced by the sign symbol of d, innermost first;
        expanded and reduced to a multilinear polynomial in the signs (``expand``)."""
        expr = expr.replace(lambda e: isinstance(e, sp.Heaviside), self._sign)
        return self._reduce(expr) if expand else expr

    def equal(self, got, expected) -> bool:
        """``got`` and ``expected`` (with indicators, no Piecewise) are the same multilinear
        polynomial in the sign symbols, i.e. equal on every sign region.  The expansion is
        SymEngine's where it reads the difference without loss (plain, distinctly named
        symbols and numbers: a polynomial), SymPy's otherwise."""
        difference = self.multilinear(got - expected, expand=False)
        fast = _multilinear_is_zero_in_symengine(difference, set(self.signs.values()))
        return fast if fast is not None else self._reduce(difference) == 0


def _multilinear_is_zero_in_symengine(difference, signs) -> bool | None:
    """SymEngine's expansion of ``difference`` with every power h^k of a sign written h is
    0 (True) or not (False); None when SymEngine is missing or cannot read it losslessly."""
    try:
        import symengine
    except ImportError:
        return None
    symbols = difference.free_symbols
    if any(type(s) is not sp.Symbol for s in symbols) \
            or len({s.name for s in symbols}) != len(symbols) or difference.atoms(sp.Function):
        return None
    names = {h.name for h in signs}

    def reduced(factor):
        base, exponent = factor.args if isinstance(factor, symengine.Pow) else (None, None)
        if isinstance(base, symengine.Symbol) and base.name in names \
                and exponent.is_Integer and int(exponent) > 0:
            return base
        return factor

    expanded = symengine.expand(symengine.sympify(difference))
    terms = expanded.args if isinstance(expanded, symengine.Add) else (expanded,)
    return symengine.expand(symengine.Add(*(
        symengine.Mul(*(reduced(f) for f in (t.args if isinstance(t, symengine.Mul) else (t,))))
        for t in terms))) == 0


def _exact(expr):
    """The module's value in the derived side's terms: floats it wrote (1.0, 0.5) as the
    rationals they print as, tanh in exponentials as the registry defines it."""
    expr = exact(expr)
    expr = expr.xreplace({v: sp.Rational(str(v)) for v in expr.atoms(sp.Float)})
    return expr.replace(sp.tanh, lambda u: (sp.exp(u) - sp.exp(-u)) / (sp.exp(u) + sp.exp(-u)))


#: mpmath's function of each SymPy function a kernel's value may contain
_MPMATH = {sp.exp: mpmath.exp, sp.log: mpmath.log, sp.tanh: mpmath.tanh,
           sp.sinh: mpmath.sinh, sp.cosh: mpmath.cosh, sp.sin: mpmath.sin, sp.cos: mpmath.cos,
           sp.atan: mpmath.atan, sp.erf: mpmath.erf, sp.erfc: mpmath.erfc}


def _value_at(expr, point: dict, memo: dict):
    """expr at ``point`` in mpmath's working precision, each distinct subexpression
    evaluated once (the kernel's values share their subtrees; SymPy's evalf walks every
    copy).  KeyError for a function it does not know."""
    if expr in memo:
        return memo[expr]
    if expr.is_Symbol:
        value = point[expr]
    elif expr.is_Rational:
        value = mpmath.mpf(expr.p) / expr.q
    elif expr.is_Add:
        value = mpmath.fsum(_value_at(a, point, memo) for a in expr.args)
    elif expr.is_Mul:
        value = mpmath.fprod(_value_at(a, point, memo) for a in expr.args)
    elif expr.is_Pow:
        value = _value_at(expr.base, point, memo) ** _value_at(expr.exp, point, memo)
    elif expr is sp.pi or expr is sp.E:
        value = mpmath.pi if expr is sp.pi else mpmath.e
    else:
        value = _MPMATH[expr.func](*(_value_at(a, point, memo) for a in expr.args))
    memo[expr] = value
    return value


def _certainly_different(difference) -> bool:
    """The difference at one point of small rationals, in 50-digit arithmetic, is far
    above the rounding (|d| > 1e-30): the two sides differ.  Only "different" is decided
    by numbers (a proof is never); False means "not known"."""
    free = sorted(difference.free_symbols, key=str)
    point = {s: mpmath.mpf(((7 * n) % 11) + 3) / (17 + (n % 5)) * (-1) ** n
             for n, s in enumerate(free)}
    with mpmath.workdps(50):
        try:
            value = _value_at(difference, point, {})
        except (KeyError, ZeroDivisionError, ValueError):
            return False
        return bool(abs(value) > mpmath.mpf("1e-30"))


def _equal(a, b) -> bool:
    """Exactly equal: structurally, expanded (SymEngine's expansion where it reads the
    expression without loss, else SymPy's), or as cancelled rational functions.  First a
    refutation at one rational point (:func:`_certainly_different`), which spares the
    algebra on a wrong module."""
    from symnet.prove.entrywise import _expands_to_zero_in_symengine
    if a == b:
        return True
    difference = a - b
    if difference == 0:
        return True
    if _certainly_different(difference):
        return False
    if _expands_to_zero_in_symengine(difference) or sp.expand(difference) == 0:
        return True
    return sp.cancel(sp.together(difference)) == 0


def _kink_value(activation: str) -> sp.Expr:
    """The registry's f'(0): its stated derivative at the kink (Heaviside(0, 0) = 0)."""
    from symnet.core.registry import activation as row
    x = sp.Symbol("x", real=True)
    return sp.diff(row(activation).function(x), x).subs(x, 0)


def _kink_convention(module, backend: str, activation: str) -> str | None:
    """None when the module's ``_fprime(_f(0), 0)``, run on the exact number 0 through the
    shims (comparisons of numbers decided as Python decides them: 0 > 0 is false), is the
    registry's f'(0); else the difference in words."""
    fprime, f = getattr(module, "_fprime", None), getattr(module, "_f", None)
    if fprime is None or f is None:
        return "the module has no _fprime(A, Z) to read its f'(0) from"
    zero = sp.S.Zero if backend == "numba" else array([[sp.S.Zero]])
    got = float(exact(np.asarray(fprime(f(zero), zero), dtype=object).flat[0]))
    want = _kink_value(activation)
    if abs(got - float(want)) > 1e-12:
        return (f"f'(0): the module's _fprime gives {got!r} at z = 0, the registry's "
                f"convention for {activation} is {want}")
    return None


def _module_gradients(module, sizes, m):
    """(params, X, Y, grads): the module's own loss_and_grad on symbols at batch size m."""
    params, X, Y = _symbols(sizes, m)
    try:
        _, grads = module.loss_and_grad(params, X, Y)
    except TypeError as exc:          # a truth value of a SymPy relation
        reason = str(exc) if len(str(exc)) <= 100 else str(exc)[:100] + " ..."
        raise Unsupported(f"the module would compare arrays to truth values ({reason}), "
                          "which have no symbolic value here") from None
    return params, X, Y, grads


def _first_difference(proof, grads, wanted, kink, m) -> str | None:
    """Compare every entry (counted in ``proof.entries``); the first that differs, named."""
    regions = SignRegions()
    for k, (got, want) in enumerate(zip(grads, wanted)):
        for (r, c), value in np.ndenumerate(np.asarray(got, dtype=object)):
            proof.entries += 1
            got_exact, expected = _exact(sp.sympify(value)), want[r, c]
            if kink:
                same = regions.equal(indicators(got_exact), indicators(expected))
            else:
                same = _equal(got_exact, expected)
            if not same:
                return (f"grads[{k}][{r}, {c}] at batch size {m}: the module computes "
                        f"{sp.sstr(value)[:120]}")
    return None


def prove_module(text: str, batches=(1, 2)) -> KernelProof:
    """Run the generated module ``text`` (any backend: its imports are answered by the
    shims of :mod:`symnet.prove.shims`) on symbols and prove every gradient entry equal to
    SymPy's, at each batch size; the sizes, activation and loss are the module's own
    (``SIZES``, ``ACTIVATION``, ``LOSS``).  Unsupported when it cannot run on symbols."""
    start = time.perf_counter()
    module, backend = load(text)
    sizes, activation, loss = tuple(module.SIZES), module.ACTIVATION, module.LOSS
    weights = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
    if weights > MAX_WEIGHTS:
        raise Unsupported(f"its {weights} weights and thresholds are too many to run on "
                          f"symbols (at most {MAX_WEIGHTS}); the module is the same template "
                          "at every size, so prove a small one written with the same options, "
                          "e.g. --layers 2,3,2")
    proof = KernelProof(sizes, activation, loss, tuple(batches), backend=backend)
    kink = has_kink(activation)
    if kink:
        proof.method = KernelProof.KINK_METHOD.format(at_zero=_kink_value(activation))
        proof.first = _kink_convention(module, backend, activation)
    for m in batches:
        if proof.first is not None:
            break
        params, X, Y, grads = _module_gradients(module, sizes, m)
        wanted = derived_gradients(sizes, activation, loss, params, X, Y)
        proof.first = _first_difference(proof, grads, wanted, kink, m)
    proof.method = f"{backend} module: {proof.method}"
    proof.seconds = time.perf_counter() - start
    return proof
