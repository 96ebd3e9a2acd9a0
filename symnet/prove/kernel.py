"""A generated NumPy kernel executed on symbols and proved equal to SymPy's gradient.

The module's own text is run with its array library replaced by :class:`SymbolicNumpy`:
NumPy object arrays whose entries are SymPy expressions, NumPy's structural operations
(``@``, slicing, ``.T``, ``sum``, ``empty``, ``multiply``/``matmul``/``negative`` with
``out=``) kept, and its elementwise functions (``exp``, ``log``, ``tanh``, ``logaddexp``,
``maximum``, ``reciprocal``, ``where``) applied entry by entry as SymPy functions.  Its
``loss_and_grad(params, X, Y)`` then returns, for every weight and threshold, the exact
expression the module computes.

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
(run with NumPy) must be the registry's f'(0) (ReLU'(0) = 0, leaky_relu'(0) = 1/100).
Softmax's row maximum (an array's ``max``) stays refused: a comparison with no symbolic
value here.
"""
from __future__ import annotations

import time
import types
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

#: the largest module (weights and thresholds) run on symbols
MAX_WEIGHTS = 60

#: clips at or below this (the overflow limits are -700 for float64 and -80 for float32)
#: are guards against overflow, taken as inactive
_CLIP = -50


def _each(fn):
    """A NumPy-style elementwise function on object arrays, ``out=`` honoured."""
    def apply(*args, out=None, **_):
        arrays = [np.asarray(a, dtype=object) for a in args]
        result = np.frompyfunc(fn, len(arrays), 1)(*arrays)
        result = _array(result)
        if out is not None:
            out[...] = result
            return out
        return result
    return apply


def _clip(value, bound):
    """maximum(value, bound): the clip at the overflow limit is inactive (see above); any
    other is bound + (value - bound) H(value - bound), ReLU's max(z, 0) = z H(z)."""
    value, bound = sp.sympify(value), sp.sympify(bound)
    if bound.is_number and bound <= _CLIP:
        return value
    return bound + (value - bound) * sp.Heaviside(value - bound, 0)


def _where(condition, a, b):
    """where(C, A, B) entry by entry: C A + (1 - C) B for a 0/1 indicator C (what a
    comparison gives here), a Piecewise for a SymPy truth value."""
    condition = sp.sympify(condition)
    if isinstance(condition, sp.logic.boolalg.Boolean):
        return sp.Piecewise((a, condition), (b, True))
    return condition * a + (1 - condition) * b


def _comparison(strict: bool, positive: bool):
    """The entrywise comparison of a :class:`SymbolicArray` with another operand: the
    indicator Heaviside(d, H0) that d > 0, where d = left - right (``positive``) or
    right - left, and H0 its value at d = 0 (0 for a strict comparison, 1 otherwise)."""
    at_zero = sp.S.Zero if strict else sp.S.One

    def compare(self, other):
        def one(a, b):
            d = sp.sympify(a) - sp.sympify(b)
            return sp.Heaviside(d if positive else -d, at_zero)
        return np.frompyfunc(one, 2, 1)(np.asarray(self, dtype=object),
                                        np.asarray(other, dtype=object)).view(SymbolicArray)
    return compare


class SymbolicArray(np.ndarray):
    """An object array of SymPy expressions whose comparisons give indicators (see
    :func:`_comparison`) instead of truth values (which SymPy cannot decide)."""

    __gt__ = _comparison(strict=True, positive=True)
    __ge__ = _comparison(strict=False, positive=True)
    __lt__ = _comparison(strict=True, positive=False)
    __le__ = _comparison(strict=False, positive=False)


def _array(x) -> SymbolicArray:
    return np.asarray(x, dtype=object).view(SymbolicArray)


class Unsupported(ValueError):
    """The module does something that has no symbolic value (a comparison on arrays)."""


class SymbolicNumpy(types.ModuleType):
    """The ``np`` a generated module sees when it is run on symbols."""

    float64 = float32 = object

    def __init__(self):
        super().__init__("numpy (symbolic)")
        self.exp = _each(sp.exp)
        self.log = _each(sp.log)
        self.tanh = _each(sp.tanh)
        self.log1p = _each(lambda a: sp.log(1 + a))
        self.greater = _each(lambda a, b: sp.Heaviside(a - b, 0))
        self.greater_equal = _each(lambda a, b: sp.Heaviside(a - b, 1))
        self.logaddexp = _each(lambda a, b: sp.log(sp.exp(a) + sp.exp(b)))
        self.maximum = _each(_clip)
        self.reciprocal = _each(lambda a: 1 / a)
        self.negative = _each(lambda a: -a)
        self.multiply = _each(lambda a, b: a * b)
        self.where = _each(_where)

    @staticmethod
    def asarray(x, dtype=None):
        return _array(x)

    @staticmethod
    def empty(shape, dtype=None):
        return _array(np.full(shape, sp.S.Zero, dtype=object))

    zeros = empty

    @staticmethod
    def matmul(a, b, out=None):
        result = _array(np.asarray(a, dtype=object) @ np.asarray(b, dtype=object))
        if out is not None:
            out[...] = result
            return out
        return result

    def __getattr__(self, name):
        raise Unsupported(f"the module calls np.{name}, which has no symbolic version here")


@dataclass
class KernelProof:
    """What was proved: ``entries`` gradient entries of ``sizes`` at batch sizes
    ``batches``; ``first`` names the first entry that differs (None: all equal)."""

    sizes: tuple
    activation: str
    loss: str
    batches: tuple
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


def load(text: str) -> types.ModuleType:
    """The module of ``text`` (a generated kernel), executed once with real NumPy."""
    module = types.ModuleType("symnet_kernel_under_proof")
    exec(compile(text, "<kernel under proof>", "exec"), module.__dict__)
    return module


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
    expr = expr.xreplace({v: sp.Rational(str(v)) for v in expr.atoms(sp.Float)})
    return expr.replace(sp.tanh, lambda u: (sp.exp(u) - sp.exp(-u)) / (sp.exp(u) + sp.exp(-u)))


def _equal(a, b) -> bool:
    """Exactly equal: structurally, expanded, or as cancelled rational functions.  First
    a refutation at one rational point in 50-digit arithmetic: a difference there well
    above the rounding proves the two differ (and spares the algebra on a wrong module)."""
    from symnet.prove.entrywise import exactly_equal
    difference = a - b
    free = sorted(difference.free_symbols, key=str)
    point = {s: sp.Rational(((7 * n) % 11) + 3, 17 + (n % 5)) * (-1) ** n
             for n, s in enumerate(free)}
    value = difference.xreplace(point).evalf(50)
    if value.is_number and abs(value) > sp.Float("1e-30"):
        return False
    return exactly_equal(a, b)


def _kink_value(activation: str) -> sp.Expr:
    """The registry's f'(0): its stated derivative at the kink (Heaviside(0, 0) = 0)."""
    from symnet.core.registry import activation as row
    x = sp.Symbol("x", real=True)
    return sp.diff(row(activation).function(x), x).subs(x, 0)


def _kink_convention(module, activation: str) -> str | None:
    """None when the module's ``_fprime`` at z = 0 (run with NumPy) is the registry's f'(0);
    else the difference in words."""
    fprime, f = getattr(module, "_fprime", None), getattr(module, "_f", None)
    if fprime is None or f is None:
        return "the module has no _fprime(A, Z) to read its f'(0) from"
    zero = np.zeros((1, 1))
    got, want = float(np.asarray(fprime(f(zero), zero))[0, 0]), _kink_value(activation)
    if abs(got - float(want)) > 1e-12:
        return (f"f'(0): the module's _fprime gives {got!r} at z = 0, the registry's "
                f"convention for {activation} is {want}")
    return None


def prove_module(text: str, batches=(1, 2)) -> KernelProof:
    """Run the generated module ``text`` on symbols and prove every gradient entry equal
    to SymPy's, at each batch size; the sizes, activation and loss are the module's own
    (``SIZES``, ``ACTIVATION``, ``LOSS``).  Unsupported when it cannot run on symbols."""
    start = time.perf_counter()
    module = load(text)
    sizes, activation, loss = tuple(module.SIZES), module.ACTIVATION, module.LOSS
    weights = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
    if weights > MAX_WEIGHTS:
        raise Unsupported(f"its {weights} weights and thresholds are too many to run on "
                          f"symbols (at most {MAX_WEIGHTS}); the module is the same template "
                          "at every size, so prove a small one written with the same options, "
                          "e.g. --layers 2,3,2")
    proof = KernelProof(sizes, activation, loss, tuple(batches))
    kink = has_kink(activation)
    if kink:
        difference = _kink_convention(module, activation)
        proof.method = KernelProof.KINK_METHOD.format(at_zero=_kink_value(activation))
        if difference:
            proof.first = difference
            proof.seconds = time.perf_counter() - start
            return proof
    module.np = SymbolicNumpy()
    for m in batches:
        params, X, Y = _symbols(sizes, m)
        try:
            _, grads = module.loss_and_grad(params, X, Y)
        except TypeError as exc:          # a truth value of a SymPy relation
            reason = str(exc) if len(str(exc)) <= 100 else str(exc)[:100] + " ..."
            raise Unsupported(f"the module would compare arrays to truth values ({reason}), "
                              "which have no symbolic value here") from None
        wanted = derived_gradients(sizes, activation, loss, params, X, Y)
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
                    proof.first = (f"grads[{k}][{r}, {c}] at batch size {m}: the module "
                                   f"computes {sp.sstr(value)[:120]}")
                    proof.seconds = time.perf_counter() - start
                    return proof
    proof.seconds = time.perf_counter() - start
    return proof
