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

A softmax output's shift by the row maximum (``Z.max``, numba's ``max`` over a row) is a
fresh real symbol t per maximum (:func:`~symnet.prove.shims.arrays.maximum_of`): softmax
and its cross-entropy are invariant under subtracting a per-row constant, and an identity
proved for an arbitrary t holds for t = the maximum; a module whose value depends on t
(the shift forgotten in one place) fails.  The derived side writes the softmax by its
definition e^z_j / sum_i e^z_i, and a row's targets sum to 1 (the last one is
1 - the others, on both sides): the module's delta a - y needs it.  The loss value is
proved as well: its derivative in each shift t is exactly 0 (so it is constant in t on
the reals), and at t = 0 it equals the nested loss exactly.

GELU's Phi: ``jax.scipy.special.ndtr`` and ``torch.special.ndtr`` are exactly
(1 + erf(x/sqrt 2))/2, NumPy's ``vectorize(math.erfc)`` runs the math shim's erfc; the
floats the printers write for 1/sqrt(2 pi) and 1/sqrt(2) are read as those constants
(:data:`~symnet.prove.shims.arrays.CONSTANTS`: a float that is exactly the double nearest
to one, as 0.5 is read as 1/2); both sides are compared with Phi, phi and erfc written
by erf.  ``torch.clamp(Z, max=c)`` is min(Z, c) = c + (Z - c) H(c - Z), exact wherever
Z != c (a bound at the overflow limit taken as inactive, as below).

Not shimmed (Unsupported, with the library name): any library name outside the shims'
tables.  (numba's GELU calls math.erfc and math.exp on one number: the math shim's.)

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
from symnet.prove.shims.arrays import is_shift

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

    #: added to the method of a softmax module: why the shift by the row maximum is a symbol
    SHIFT_METHOD = ("; softmax output: each row maximum the module computes (the shift t "
                    "subtracted before exp) is a fresh real symbol, so the identities are "
                    "proved for an arbitrary shift t and hence for t = the row maximum "
                    "(softmax and its cross-entropy are invariant under a per-row constant; "
                    "a result that depends on t fails); targets of a row sum to 1 (last "
                    "target written 1 - the others, on both sides); the loss value is proved "
                    "too: its derivative in each shift is exactly 0 (constant in t), and at "
                    "t = 0 it equals the nested loss")

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


def derived_side(sizes, activation: str, loss: str, params, X, Y) -> tuple:
    """(E, grads): the loss E = (1/m) sum_rows E_k of the nested forward pass and SymPy's
    gradient of it, entry by entry, in the shapes of ``params`` (elementary functions).

    A unit with a kink enters by its Piecewise definition written with indicators
    (:func:`indicators`: ReLU(z) = H(z) z), not by the registry's stated derivative, and
    ``sp.diff`` differentiates that; the DiracDelta(z) it gives for H'(z) is 0 wherever
    z != 0 (H is constant on each side), which is where the result is claimed.  A softmax
    output (the softmax-cross-entropy loss) is its definition a_j = e^z_j / sum_i e^z_i,
    with no shift; the loss value of a loss with a logit form (cross-entropy) is that form,
    which the catalog's claim kernel-stable-cross-entropy proves equal to the loss."""
    from symnet.core.registry import activation as row, loss as loss_row
    from symnet.prove.model import ExpressionModel
    f, los = row(activation).function, loss_row(loss)
    kink = has_kink(activation)
    if kink:
        definition = f.definition
        f = lambda z: indicators(definition(z))                       # noqa: E731
    m = X.shape[0]
    A, Z = X, None
    for k, W in enumerate(params):
        Z = A @ W[1:] - W[0]
        if los.softmax and k == len(params) - 1:
            powers = np.frompyfunc(sp.exp, 1, 1)(Z)
            A = powers / powers.sum(axis=1, keepdims=True)
        else:
            A = np.frompyfunc(f, 1, 1)(Z)
    E = sp.Add(*(los.term(A[n, j], Y[n, j]) for n in range(m) for j in range(A.shape[1]))) / m
    if los.logit_term is not None and not kink:
        value = sp.Add(*(los.logit_term(Z[n, j], Y[n, j]) for n in range(m)
                         for j in range(A.shape[1]))) / m
    else:
        value = E
    if kink:
        def gradient(w):
            return sp.diff(E, w).replace(lambda e: isinstance(e, sp.DiracDelta),
                                         lambda e: sp.S.Zero)
    else:
        unfold = ExpressionModel().unfold
        value = unfold(value)

        def gradient(w):
            return unfold(sp.diff(E, w))
    return value, [np.frompyfunc(gradient, 1, 1)(W) for W in params]


#: the derived side of the last proofs, by (sizes, activation row, loss row, batch size):
#: the symbols of :func:`_symbols` are the same for every module of those sizes, so the
#: backends of one grid share it (it depends on the nested definition only, never on the
#: module)
_DERIVED: dict = {}
_DERIVED_MAX = 64


def _derived_cached(sizes, activation: str, loss: str, params, X, Y) -> tuple:
    from symnet.core.registry import activation as row, loss as loss_row
    key = (tuple(sizes), activation, row(activation), loss, loss_row(loss), X.shape[0])
    if key not in _DERIVED:
        if len(_DERIVED) >= _DERIVED_MAX:
            _DERIVED.pop(next(iter(_DERIVED)))
        _DERIVED[key] = derived_side(sizes, activation, loss, params, X, Y)
    return _DERIVED[key]


def derived_gradients(sizes, activation: str, loss: str, params, X, Y) -> list:
    """SymPy's gradient of E = (1/m) sum_rows E_k (:func:`derived_side`)."""
    return derived_side(sizes, activation, loss, params, X, Y)[1]


def targets_summing_to_one(loss: str, Y) -> dict:
    """For a softmax output, the substitution y_{n,l} = 1 - sum_{j<l} y_{n,j} of each row's
    last target: the module's delta^(n) = a - y and its loss logsumexp(z) - y.z are the
    derivative and value of -sum_j y_j ln softmax(z)_j only when the row's targets sum to 1
    (one-hot or probability targets, as the registry states); {} for any other loss."""
    from symnet.core.registry import loss as loss_row
    if not loss_row(loss).softmax:
        return {}
    return {Y[n, -1]: 1 - sp.Add(*Y[n, :-1]) for n in range(Y.shape[0])}


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


def _float_constant(v):
    """A SymPy Float of the module's value as :func:`~symnet.prove.shims.arrays.exact`
    reads the Python float it is."""
    return exact(float(v))


def _exact(expr):
    """The module's value in the derived side's terms: floats it wrote (1.0, 0.5) as the
    rationals they print as (or as the constant of :data:`~symnet.prove.shims.arrays.
    CONSTANTS` whose double they are), tanh in exponentials as the registry defines it."""
    return _rebuilt(exact(expr), _MEMO.setdefault("exact", {}))


def _rebuilt(expr, memo):
    """:func:`_exact`'s rewriting, each distinct subtree once (``memo``: the module's
    entries share their subtrees; SymPy's atoms and replace walk every copy)."""
    done = memo.get(expr)
    if done is not None:
        return done
    if isinstance(expr, sp.Float):
        done = _float_constant(expr)
    elif not expr.args:
        done = expr
    else:
        args = [_rebuilt(a, memo) for a in expr.args]
        done = expr.func(*args) if any(a is not b for a, b in zip(args, expr.args)) else expr
        if isinstance(done, sp.tanh):
            u = done.args[0]
            done = (sp.exp(u) - sp.exp(-u)) / (sp.exp(u) + sp.exp(-u))
    memo[expr] = done
    return done


#: memos of one proof (cleared by :func:`prove_module`): rewritten subtrees, and whether
#: SymEngine reads a subtree without loss
_MEMO: dict = {}


def _symengine_readable(expr, memo, names) -> bool:
    """SymEngine reads ``expr`` without loss: plain symbols with distinct names (``names``:
    name -> symbol, shared by the proof), numbers, exp and log (each subtree once)."""
    known = memo.get(expr)
    if known is not None:
        return known
    if expr.is_Symbol:
        ok = type(expr) is sp.Symbol and names.setdefault(expr.name, expr) == expr
    elif expr.is_Number or expr in (sp.pi, sp.E):
        ok = True
    elif expr.is_Add or expr.is_Mul or expr.is_Pow or type(expr) in (sp.exp, sp.log):
        ok = all(_symengine_readable(a, memo, names) for a in expr.args)
    else:
        ok = False
    memo[expr] = ok
    return ok


def _symengine_zero(difference) -> bool:
    """SymEngine's expansion of ``difference`` is exactly 0 (False: not known)."""
    try:
        import symengine
    except ImportError:
        return False
    from symnet.prove import entrywise
    if not entrywise.SYMENGINE_FIRST or not _symengine_readable(
            difference, _MEMO.setdefault("readable", {}), _MEMO.setdefault("names", {})):
        return False
    try:
        return symengine.expand(symengine.sympify(difference)) == 0
    except Exception:        # an expression SymEngine does not take
        return False


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
    if a == b:
        return True
    difference = a - b
    if difference == 0:
        return True
    if _certainly_different(difference):
        return False
    if _symengine_zero(difference) or sp.expand(difference) == 0:
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
    """(params, X, Y, loss, grads): the module's own loss_and_grad on symbols at batch
    size m."""
    params, X, Y = _symbols(sizes, m)
    try:
        value, grads = module.loss_and_grad(params, X, Y)
    except TypeError as exc:          # a truth value of a SymPy relation
        reason = str(exc) if len(str(exc)) <= 100 else str(exc)[:100] + " ..."
        raise Unsupported(f"the module would compare arrays to truth values ({reason}), "
                          "which have no symbolic value here") from None
    return params, X, Y, value, grads


def _erf_form(expr):
    """The normal CDF and density in one form on both sides (exact identities, arguments
    expanded): every function that rewrites as erf by its own definition (Phi(x) =
    (1 + erf(x/sqrt 2))/2, erfc(u) = 1 - erf(u)) so rewritten, symnet's own functions
    that rewrite as exp (phi(x) = e^(-x^2/2)/sqrt(2 pi)) so rewritten."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.erf, sp.erfc) and not any(
            type(f).__module__.startswith("symnet") for f in expr.atoms(sp.Function)):
        return expr

    def mine(e):
        return isinstance(e, sp.Function) and (
            hasattr(type(e), "_eval_rewrite_as_erf")
            or type(e).__module__.startswith("symnet") and hasattr(type(e),
                                                                    "_eval_rewrite_as_exp"))

    def rewritten(e):
        return e.rewrite(sp.erf) if hasattr(type(e), "_eval_rewrite_as_erf") \
            else e.rewrite(sp.exp)
    expr = expr.replace(mine, rewritten)
    return expr.replace(lambda e: isinstance(e, sp.erf), lambda e: sp.erf(sp.expand(e.args[0])))


def _uses_erf(activation: str) -> bool:
    """The row's definition has a function that rewrites as erf (GELU's Phi)."""
    from symnet.core.registry import activation as row
    definition = row(activation).function.definition(sp.Symbol("x", real=True))
    return any(hasattr(type(f), "_eval_rewrite_as_erf")
               for f in sp.sympify(definition).atoms(sp.Function))


def _first_difference(proof, grads, wanted, kink, m, targets=None, value=None,
                      wanted_value=None) -> str | None:
    """Compare every gradient entry (counted in ``proof.entries``), then the loss value
    (when given; its shifts first shown to be inert); the first that differs, named.  ``targets``: a substitution applied
    to both sides (:func:`targets_summing_to_one`)."""
    regions = SignRegions()
    targets = targets or {}
    special = _uses_erf(proof.activation)

    def same(got, expected):
        got, expected = _exact(sp.sympify(got)).xreplace(targets), expected.xreplace(targets)
        if special:
            got, expected = _erf_form(got), _erf_form(expected)
        if kink:
            got, expected = indicators(got), indicators(expected)
            return regions.equal(got, expected) or _equal(regions.multilinear(got, False),
                                                          regions.multilinear(expected, False))
        return _equal(got, expected)

    for k, (got, want) in enumerate(zip(grads, wanted)):
        for (r, c), entry in np.ndenumerate(np.asarray(got, dtype=object)):
            proof.entries += 1
            if not same(entry, want[r, c]):
                return (f"grads[{k}][{r}, {c}] at batch size {m}: the module computes "
                        f"{sp.sstr(entry)[:120]}")
    if value is not None:
        value = _exact(sp.sympify(value))
        shifts = sorted((x for x in value.free_symbols if is_shift(x)), key=str)
        for t in shifts:            # d/dt of the loss is exactly 0: the loss is constant in t
            if not same(sp.diff(value, t), sp.S.Zero):
                return (f"the loss at batch size {m} depends on the shift {t} (a row "
                        f"maximum): the module computes {sp.sstr(value)[:120]}")
        value = value.xreplace({t: 0 for t in shifts})
    if value is not None and not same(value, wanted_value):
        return f"the loss at batch size {m}: the module computes {sp.sstr(value)[:120]}"
    return None


def prove_module(text: str, batches=(1, 2)) -> KernelProof:
    """Run the generated module ``text`` (any backend: its imports are answered by the
    shims of :mod:`symnet.prove.shims`) on symbols and prove every gradient entry equal to
    SymPy's, at each batch size; the sizes, activation and loss are the module's own
    (``SIZES``, ``ACTIVATION``, ``LOSS``).  Unsupported when it cannot run on symbols."""
    start = time.perf_counter()
    _MEMO.clear()
    module, backend = load(text)
    sizes, activation, loss = tuple(module.SIZES), module.ACTIVATION, module.LOSS
    weights = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
    if weights > MAX_WEIGHTS:
        raise Unsupported(f"its {weights} weights and thresholds are too many to run on "
                          f"symbols whole (at most {MAX_WEIGHTS}); --method composed (up to "
                          "150) or sampled (any size, a seeded sample of entries) runs it")
    proof = KernelProof(sizes, activation, loss, tuple(batches), backend=backend)
    kink = has_kink(activation)
    if kink:
        proof.method = KernelProof.KINK_METHOD.format(at_zero=_kink_value(activation))
        proof.first = _kink_convention(module, backend, activation)
    for m in batches:
        if proof.first is not None:
            break
        params, X, Y, value, grads = _module_gradients(module, sizes, m)
        wanted_value, wanted = _derived_cached(sizes, activation, loss, params, X, Y)
        proof.first = _first_difference(proof, grads, wanted, kink, m,
                                        targets_summing_to_one(loss, Y), value, wanted_value)
    from symnet.core.registry import loss as loss_row
    if loss_row(loss).softmax:
        proof.method += KernelProof.SHIFT_METHOD
    proof.method = f"{backend} module: {proof.method}"
    proof.seconds = time.perf_counter() - start
    return proof
