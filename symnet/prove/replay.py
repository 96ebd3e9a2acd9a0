"""The second engine: SymEngine replays a proof that SymPy made.

For a chain claim ``e_0 = ... = e_m`` SymPy's proof is: e_0 is SymPy's ``diff`` of the
nested definition (Kronecker sums collapsed), both sides are unfolded to the parameters,
and their difference is brought to 0.  The replay takes the same two unfolded sides,
converts them to SymEngine by hand (:class:`Converter`: every SymPy symbol, indexed
symbol or dummy a SymEngine symbol of its own, so that nothing is merged by name) and
decides the difference D by SymEngine's own algebra (:func:`decide`):

    expand(D) == 0,  or  expand(numerator of D over one denominator) == 0,  or, where
    every Piecewise tests the sign of one symbol u, each case u > 0, u = 0, u < 0 so.

A ``Sum`` over a symbolic range (SymEngine has none) is taken apart by SymEngine's
algebra too: its body expanded, factors free of the bound index pulled out, a term free
of it times hi - lo + 1; each remaining kernel is one atom per class of sums equal up
to the names of their bound indices.  Heaviside becomes the Piecewise with its value at
0.  Where the claim carries ``Derivation.source`` (the expression e_0 is the derivative
of, and the variable), SymEngine differentiates that expression itself and compares
*its* derivative with e_m: the engines then share nothing but the definitions.

A custom check is replayed where it has a ``replay`` (:func:`replay_check`): the
Boltzmann enumerations with :func:`symengine_identical`, the 3-4-4-3 network with
:func:`nested_in_symengine` (SymEngine differentiates the nested E_k itself).

What SymEngine cannot express is an opaque atom (KroneckerDelta, Derivative, Subs, an
activation kept as a function): equal only to a structurally identical subexpression.
An identity with atoms treated as free symbols holds for every value of them, so a
difference that SymEngine brings to 0 is a proof even then.  One it does *not* bring to
0 is:

- a **disagreement** when no atom is opaque and its value at a rational point, to 100
  bits, is clearly not 0 (a counterexample: the claim fails);
- otherwise **not replayed**, with the reason (:data:`REASONS`): a construct SymEngine
  lacks, or a residual that vanishes at the point (an exp/log identity beyond its
  algebra).  Such a claim is proved by SymPy only and says so.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import reduce
from typing import Optional

import sympy as sp

from symnet.core.claims import CUSTOM_CHECK

PROVED, DISAGREES, NOT_REPLAYED = "proved", "disagrees", "not replayed"

#: why SymEngine did not replay a proof, one line per reason: the constructs it lacks
#: (by SymPy type), a residual it cannot normalise, a custom check; ``symnet verify
#: --engines`` and the report print these (the report's Chinese edition translates
#: them, key by key, in symnet.report.text.ENGINE_REASONS)
REASONS = {
    "Sum": "a Sum over a symbolic range that SymEngine's linearity (constant factors "
           "pulled out, terms split) does not bring to 0 (SymEngine has no Sum)",
    "KroneckerDelta": "a Kronecker delta of symbolic indices (SymEngine has none)",
    "Derivative": "an unevaluated derivative",
    "Subs": "an unevaluated substitution",
    "function": "an activation kept as an uninterpreted function (no numeric value to "
                "refute with)",
    "other": "a construct SymEngine has no counterpart of",
    "residual": "its expand leaves a residual that vanishes at a random point (an "
                "exp/log/Piecewise identity beyond its algebra)",
    "raised": "SymEngine rejects the expression",
    "missing": "SymEngine is not installed",
    "custom": CUSTOM_CHECK,
    "numbers": "exact integer arithmetic on concrete inputs (a truth table, a Farkas "
               "certificate): no symbolic step for a second engine to replay",
    "solver": "it rests on SymPy's solvers (a linear system over Q(u), real root "
              "isolation, solveset over the reals), which SymEngine lacks",
}

#: SymPy functions SymEngine has under the same name
_SAME_NAME = ("exp", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos",
              "atan", "asinh", "acosh", "atanh", "Abs", "erf", "erfc", "gamma", "sign")


@dataclass
class Replay:
    """SymEngine's verdict on one equality: ``status`` (proved, disagrees, not replayed),
    ``method`` (how it decided, or why it could not) and the residual it left."""

    status: str
    method: str
    residual: str = ""


class Converter:
    """SymPy -> SymEngine, one SymEngine symbol per distinct SymPy atom, opaque symbols for
    what SymEngine lacks (their kinds kept in ``opaque``)."""

    def __init__(self):
        import symengine
        self.se = symengine
        self.atoms: dict = {}
        self.opaque: set = set()
        self.sums: dict = {}          # a sum's key (see _sum_atom) -> its number
        self.bound = 0                # bound indices made so far (_t0, _t1, ...)
        self.active = 0               # sums being converted (no cache inside one)
        self.cache: dict = {}

    def symbol(self, key, label: str):
        """The SymEngine symbol standing for ``key`` (a SymPy atom or an opaque key)."""
        if key not in self.atoms:
            label = label() if callable(label) else label
            clean = "".join(c if c.isalnum() else "_" for c in label)[:24]
            self.atoms[key] = self.se.Symbol(f"v{len(self.atoms)}_{clean}")
        return self.atoms[key]

    def _bound_inside(self, indexed) -> bool:
        """Does an index of ``indexed`` mention the index of a sum being converted?"""
        return any(self.atoms.get(s) is not None and self.atoms[s].name.startswith("_t")
                   for s in indexed.free_symbols)

    def opaque_atom(self, expr, kind: str):
        """An opaque symbol for ``expr``: equal only to an alpha-equivalent subexpression."""
        self.opaque.add(kind)
        return self.symbol(("opaque", _alpha(expr)), kind)

    def __call__(self, expr):
        """``expr`` in SymEngine; a subexpression met again is converted once (not inside
        a sum, where the same SymPy index may stand for another bound index)."""
        expr = sp.sympify(expr)
        if self.active:
            return self._convert(expr)
        if expr not in self.cache:
            self.cache[expr] = self._convert(expr)
        return self.cache[expr]

    def _convert(self, expr):
        """Numbers, E, pi, symbols and indexed symbols; compound nodes by _compound."""
        se = self.se
        if expr.is_Integer:
            return se.Integer(int(expr))
        if expr.is_Rational:
            return se.Rational(int(expr.p), int(expr.q))
        if expr is sp.E:
            return se.E
        if expr is sp.pi:
            return se.pi
        if isinstance(expr, sp.Indexed) and self._bound_inside(expr):
            base = self.symbol(("base", expr.base), str(expr.base)).name
            return se.function_symbol(base, *map(self, expr.indices))
        if isinstance(expr, (sp.Symbol, sp.Indexed)):
            return self.symbol(expr, lambda: str(expr))
        return self._compound(expr)

    def _compound(self, expr):
        """Add, Mul, Pow, Sum, Piecewise, Heaviside, the functions SymEngine has by name;
        another function application an uninterpreted SymEngine function; the rest an
        opaque atom."""
        se = self.se
        args = expr.args
        if isinstance(expr, sp.Add):
            return reduce(lambda a, b: a + b, map(self, args))
        if isinstance(expr, sp.Mul):
            return reduce(lambda a, b: a * b, map(self, args))
        if isinstance(expr, sp.Pow):
            return self(args[0]) ** self(args[1])
        if isinstance(expr, sp.Sum):
            return self._sum(expr)
        if isinstance(expr, sp.Piecewise):
            return se.Piecewise(*[(self(e), self._condition(c)) for e, c in args])
        if isinstance(expr, sp.Heaviside):
            return self(_heaviside_piecewise(expr))
        name = type(expr).__name__
        if isinstance(expr, sp.Function) and name in _SAME_NAME:
            return getattr(se, name)(*map(self, args))
        if isinstance(expr, sp.Function) and not isinstance(
                expr, sp.KroneckerDelta) and name not in REASONS:
            self.opaque.add("function")
            return se.function_symbol(f"f_{name}", *map(self, args))
        return self.opaque_atom(expr, name if name in REASONS else "other")

    def _sum(self, expr):
        """Sum(body, (i, lo, hi), ...) by SymEngine's algebra: each bound index a fresh
        ``_t<n>`` (outermost first), the body converted once, then each limit, innermost
        first, applied by :meth:`_linear`."""
        se, saved, temps = self.se, {}, {}
        for var, _, _ in reversed(expr.limits):
            saved[var] = self.atoms.get(var)
            temps[var] = self.atoms[var] = se.Symbol(f"_t{self.bound}")
            self.bound += 1
        self.active += 1
        body = self(expr.function)
        limits = [(temps[var], self(lo), self(hi)) for var, lo, hi in expr.limits]
        self.active -= 1
        for var, old in saved.items():
            if old is None:
                del self.atoms[var]
            else:
                self.atoms[var] = old
        for t, lo, hi in limits:
            body = self._linear(body, t, lo, hi)
        return body

    def _linear(self, body, t, lo, hi):
        """Sum_{t=lo}^{hi} body: the body expanded, in each term the factors free of t
        pulled out (a term free of t times hi - lo + 1), what is left (the kernel) one
        atom per class of equal sums (:meth:`_sum_atom`)."""
        se = self.se
        body, total = se.expand(body), se.Integer(0)
        for term in (body.args if isinstance(body, se.Add) else (body,)):
            factors = term.args if isinstance(term, se.Mul) else (term,)
            inside = [f for f in factors if t in f.free_symbols]
            outside = reduce(lambda a, b: a * b, [f for f in factors if f not in inside],
                             se.Integer(1))
            total += outside * (self._sum_atom(reduce(lambda a, b: a * b, inside), t, lo, hi)
                                if inside else hi - lo + 1)
        return total

    def _sum_atom(self, kernel, t, lo, hi):
        """The atom for Sum(kernel, (t, lo, hi)): one per class of sums equal up to the
        names of their bound indices.  The key renames t and every enclosing sum's index
        (``_t<n>``, in order of nesting) to fixed placeholders; the atom is a function of
        the enclosing indices, so renaming those renames inside it."""
        se = self.se
        outer = sorted((s for s in (kernel.free_symbols | lo.free_symbols | hi.free_symbols)
                        if s != t and s.name.startswith("_t")), key=lambda s: int(s.name[2:]))
        rename = {t: se.Symbol("_self"), **{s: se.Symbol(f"_o{k}") for k, s in enumerate(outer)}}
        key = (kernel.subs(rename), lo.subs(rename), hi.subs(rename))
        number = self.sums.setdefault(key, len(self.sums))
        self.opaque.add("Sum")
        return se.function_symbol(f"Sum{number}", *outer) if outer else se.Symbol(f"Sum{number}")

    def _condition(self, cond):
        """A Piecewise condition: True or a relation; anything else an opaque atom."""
        se = self.se
        if cond is sp.true or cond is True:
            return se.true
        relations = {sp.StrictLessThan: se.Lt, sp.LessThan: se.Le,
                     sp.StrictGreaterThan: se.Gt, sp.GreaterThan: se.Ge,
                     sp.Equality: se.Eq, sp.Unequality: se.Ne}
        for kind, make in relations.items():
            if isinstance(cond, kind):
                return make(self(cond.lhs), self(cond.rhs))
        return self.opaque_atom(cond, "other")


def _heaviside_piecewise(step):
    """Heaviside(x, H0) as the Piecewise 1 (x > 0), H0 (x = 0), 0 (x < 0): SymEngine's
    own Heaviside has no value at 0 to carry."""
    x = step.args[0]
    at_zero = step.args[1] if len(step.args) > 1 else sp.Rational(1, 2)
    return sp.Piecewise((1, x > 0), (at_zero, sp.Eq(x, 0)), (0, True))


class _Bound(sp.Symbol):
    """A canonical bound index (a class of its own: never equal to a user's symbol)."""


def _alpha(expr):
    """``expr`` with the bound index of every Sum renamed by its nesting depth: two sums
    that differ only in the name of the index they sum over get the same key."""
    def rename(e, depth):
        if isinstance(e, sp.Sum):
            names = {var: _Bound(f"_b{depth}_{n}") for n, (var, _, _) in enumerate(e.limits)}
            body = rename(e.function.xreplace(names), depth + 1)
            return sp.Sum(body, *[(names[v], lo, hi) for v, lo, hi in e.limits])
        if e.is_Atom or not e.args or isinstance(e, sp.Indexed):
            return e
        return e.func(*(rename(a, depth) for a in e.args))
    return rename(expr, 0)


def decide(difference, converter: Converter) -> Replay:
    """SymEngine's verdict on ``difference == 0`` (``difference`` already SymEngine's)."""
    se = converter.se
    if se.expand(difference) == 0:
        return Replay(PROVED, "SymEngine's expand gives 0")
    numerator, _ = difference.as_numer_denom()
    residual = se.expand(numerator)
    if residual == 0:
        return Replay(PROVED, "SymEngine: the numerator over one denominator expands to 0")
    if _zero_in_every_case(difference, se):
        return Replay(PROVED, "SymEngine: split at the sign of the Piecewise's argument, "
                      "each case expands to 0")
    shown = str(residual)[:200]
    if converter.opaque:
        kinds = sorted(converter.opaque - {"function"}) or ["function"]
        return Replay(NOT_REPLAYED, "SymEngine cannot decide it: "
                      + "; ".join(REASONS[k] for k in kinds), shown)
    value = _value_at_a_point(difference, converter)
    if value is not None and abs(value) > 1e-12:
        return Replay(DISAGREES, f"the engines disagree: SymEngine's difference is "
                      f"{value:.6g} at a rational point", shown)
    return Replay(NOT_REPLAYED, "SymEngine cannot decide it: " + REASONS["residual"], shown)


def _expands_to_zero(expr, se) -> bool:
    """expand(expr) == 0, or the numerator of expr over one denominator expands to 0."""
    return se.expand(expr) == 0 or se.expand(expr.as_numer_denom()[0]) == 0


def _pieces(expr, se) -> list:
    """Every Piecewise inside ``expr`` (SymEngine's tree)."""
    found = [expr] if isinstance(expr, se.Piecewise) else []
    for arg in expr.args:
        found += _pieces(arg, se)
    return found


def _zero_in_every_case(expr, se) -> bool:
    """Where every Piecewise of ``expr`` tests the sign of one symbol u (conditions u > 0,
    u = 0, u < 0, ...), ``expr`` is 0 when it is 0 for u > 0, u = 0 and u < 0, each case
    with every Piecewise replaced by the branch that case selects."""
    pieces = _pieces(expr, se)
    conditions = [c for p in pieces for c in p.args[1::2] if c != se.true]
    if not pieces or not conditions:
        return False
    symbols = {s for c in conditions for s in c.free_symbols}
    if len(symbols) != 1 or any(c.free_symbols != symbols or se.Integer(0) not in c.args
                                for c in conditions):
        return False
    u = symbols.pop()
    for sign in (1, 0, -1):
        chosen = {p: _branch(p, u, sign, se) for p in pieces}
        case = expr.xreplace(chosen) if hasattr(expr, "xreplace") else expr.subs(chosen)
        if not _expands_to_zero(case.subs({u: 0}) if sign == 0 else case, se):
            return False
    return True


def _branch(piece, u, sign: int, se):
    """The branch of ``piece`` that holds where u has the sign ``sign``."""
    args = piece.args
    for value, condition in zip(args[0::2], args[1::2]):
        if condition == se.true or condition.subs({u: se.Integer(sign)}) == se.true:
            return value
    raise ValueError("no branch of the Piecewise holds")


def _value_at_a_point(expr, converter: Converter) -> Optional[float]:
    """expr at a point of small rationals (every symbol its own, fixed by a seeded
    generator), evaluated to 100 bits, as a float; None where it has no finite real
    value there."""
    se = converter.se
    symbols = sorted(expr.free_symbols, key=str)
    rng = random.Random(len(symbols))
    point = {s: se.Rational(rng.choice((-1, 1)) * rng.randint(1, 9), rng.randint(2, 11))
             for s in symbols}
    try:
        value = complex(expr.subs(point).n(100))
    except (RuntimeError, TypeError, ValueError, ZeroDivisionError):
        return None
    if value != value or abs(value.imag) > 1e-9 or abs(value.real) == float("inf"):
        return None
    return value.real


def replay_equal(model, lhs, rhs, converter: Converter = None) -> Replay:
    """SymEngine's verdict on ``lhs == rhs`` of ``model`` (both unfolded to the parameters
    and Kronecker-collapsed as SymPy's proof does; tuples: every component)."""
    from symnet.prove.algebra import collapse_kronecker
    if isinstance(lhs, tuple):
        verdicts = [replay_equal(model, a, b) for a, b in zip(lhs, rhs)]
        worst = [v for v in verdicts if v.status != PROVED]
        return worst[0] if worst else verdicts[0]
    try:
        import symengine  # noqa: F401
    except ImportError:
        return Replay(NOT_REPLAYED, "SymEngine cannot decide it: " + REASONS["missing"])
    converter = converter or Converter()
    ranges = getattr(model, "ranges", {})
    sides = [collapse_kronecker(sp.sympify(model.unfold(side)), ranges) for side in (lhs, rhs)]
    left, right = converter(sides[0]), converter(sides[1])
    return decide(left - right, converter)


def replay_source(model, source, closed) -> Optional[Replay]:
    """SymEngine differentiates ``source`` = (expression, variable) itself and compares its
    derivative with ``closed``; None when it cannot express the expression (the replay
    then decides SymPy's derivative instead)."""
    expr, var = source
    converter = Converter()
    try:
        unfolded = converter(sp.sympify(model.unfold(expr)))
    except Exception:      # a construct the converter does not take
        return None
    if converter.opaque or (var not in converter.atoms):
        return None
    derivative = unfolded.diff(converter.atoms[var])
    other = converter(sp.sympify(model.unfold(closed)))
    verdict = decide(derivative - other, converter)
    verdict.method = "SymEngine differentiated the definition itself; " + verdict.method
    return verdict


def _guarded(replay):
    """A replay that never raises: an expression SymEngine rejects is "not replayed"."""
    def run(*args):
        try:
            return replay(*args)
        except Exception as exc:      # SymEngine's own errors have no common base class
            return Replay(NOT_REPLAYED, f"SymEngine cannot decide it: {REASONS['raised']} "
                          f"({type(exc).__name__}: {str(exc)[:120]})")
    run.__doc__, run.__name__ = replay.__doc__, replay.__name__
    return run


@_guarded
def replay_chain(derivation) -> Replay:
    """SymEngine's verdict on a chain's e_0 = e_m (see the module docstring)."""
    model, chain = derivation.model, derivation.chain
    source = getattr(derivation, "source", None)
    if source is not None:
        verdict = replay_source(model, source, chain[-1])
        if verdict is not None:
            return verdict
    verdict = replay_equal(model, chain[0], chain[-1])
    verdict.method = "SymEngine decided SymPy's two sides (e_0 unfolded and collapsed by " \
                     "SymPy); " + verdict.method
    return verdict


@_guarded
def replay_step(derivation, k: int) -> Replay:
    """SymEngine's verdict on the chain's k-th "=", e_{k-1} = e_k."""
    verdict = replay_equal(derivation.model, derivation.chain[k - 1], derivation.chain[k])
    verdict.method = "SymEngine decided the step; " + verdict.method
    return verdict


def engine_counts(claims, results) -> dict:
    """{"sympy and symengine": N, "sympy only": M} over the claims' own rows (proved ones)."""
    heads = {r.id: r for r in results}
    proved = [heads[c.id] for c in claims if c.id in heads and heads[c.id].status == "proved"]
    both = sum("symengine" in r.engines for r in proved)
    return {"sympy and symengine": both, "sympy only": len(proved) - both}


def sympy_only(claims, results) -> dict:
    """{SymEngine's reason: [claim ids]} for the proved claims SymEngine did not replay."""
    heads = {r.id: r for r in results}
    grouped: dict = {}
    for c in claims:
        row = heads.get(c.id)
        if row is not None and row.status == "proved" and "symengine" not in row.engines:
            grouped.setdefault(_reason(row.symengine), []).append(c.id)
    return grouped


def _reason(method: str) -> str:
    """The reason part of a replay's method line (what follows "cannot decide it: ")."""
    return method.split("SymEngine cannot decide it: ", 1)[-1]


def reason_keys(reason: str) -> list:
    """The keys of REASONS whose lines make up ``reason`` (in the order of the table)."""
    return [key for key, line in REASONS.items() if line in reason]


class CannotReplay(Exception):
    """SymEngine cannot decide a custom check's comparison (the message says why)."""


def symengine_identical(lhs, rhs, params, wrt=None) -> bool:
    """The second engine's ``identical`` for the enumerations of the Boltzmann claims:
    lhs (differentiated by SymEngine itself in ``wrt`` when given) equals rhs as a
    rational function of X_p = e^p.  Both sides are converted to SymEngine, every
    exp(c_1 p_1 + ... + c_0) with integer c_i becomes e^{c_0} X_1^{c_1} ..., and the
    numerator of the difference over one denominator must expand to 0.  A nonzero
    rational function of X_p > 0 is nonzero somewhere, so False is a refutation; an
    exponential or logarithm that is not of that form raises :class:`CannotReplay`."""
    converter = Converter()
    se = converter.se
    left, right = converter(sp.sympify(lhs)), converter(sp.sympify(rhs))
    if wrt is not None:
        left = left.diff(converter(wrt))
    names = [converter(p) for p in params]
    monomial = {p: se.Symbol(f"X_{p}") for p in names}
    difference = _exp_free(left - right, names, monomial, se)
    if converter.opaque:
        raise CannotReplay("; ".join(REASONS[k] for k in sorted(converter.opaque)))
    return se.expand(difference.as_numer_denom()[0]) == 0


def _exp_free(expr, params, monomial, se):
    """expr with every exp of an integer combination of ``params`` written as a monomial
    in their X_p (see :func:`symengine_identical`)."""
    if isinstance(expr, se.Pow) and expr.args[0] == se.E:
        exponent = se.expand(expr.args[1])
        coefficients = [exponent.diff(p) for p in params]
        rest = se.expand(exponent - sum(c * p for c, p in zip(coefficients, params)))
        if not all(isinstance(c, se.Integer) for c in coefficients) or rest.free_symbols:
            raise CannotReplay(f"an exponential SymEngine cannot write in e^p: exp({exponent})")
        return se.exp(rest) * reduce(lambda a, b: a * b, (
            monomial[p] ** c for c, p in zip(coefficients, params)), se.Integer(1))
    if isinstance(expr, se.log) or not expr.args:
        if isinstance(expr, se.log):
            raise CannotReplay("a logarithm left after differentiation")
        return expr
    return expr.func(*(_exp_free(a, params, monomial, se) for a in expr.args))


def replay_check(claim) -> Replay:
    """SymEngine's verdict on a custom check: its ``replay`` (the check run again with
    SymEngine deciding each comparison) proves or refutes it; without one, or where
    SymEngine cannot decide a comparison, the check is not replayed (the reason kept)."""
    replay = getattr(claim, "replay", None)
    if replay is None:
        return Replay(NOT_REPLAYED, "SymEngine cannot decide it: "
                      + getattr(claim, "symengine", REASONS["custom"]))
    try:
        import symengine  # noqa: F401
    except ImportError:
        return Replay(NOT_REPLAYED, "SymEngine cannot decide it: " + REASONS["missing"])
    try:
        out = replay()
    except CannotReplay as exc:
        return Replay(NOT_REPLAYED, f"SymEngine cannot decide it: {REASONS['other']} ({exc})")
    method = "SymEngine replayed the check, deciding each comparison itself"
    if out.proved:
        return Replay(PROVED, method)
    return Replay(DISAGREES, f"the engines disagree: {method}, and it fails ({out.detail})")


def nested_in_symengine(sizes, activation="sigmoid", loss="squared", forms=None):
    """The nested route (:func:`symnet.prove.nested.check_nested`) with SymEngine doing the
    calculus: SymPy's nested E_k is converted (each unit f(z) an uninterpreted function of
    its nested argument), SymEngine differentiates it in every weight and threshold itself,
    each f'(u) it leaves (``Subs(Derivative(f(t), t), t, u)``) is the registry's ``fdiff``
    at u, and the result must expand to the notes' a~_i delta_j (deltas from the closed
    forms over the same nested units).  Returns (entries, [first mismatching entry])."""
    from symnet.core.registry import activation as get_activation, loss as get_loss
    from symnet.prove.entrywise import NOTES_FORMS
    from symnet.prove.nested import closed_deltas, nested_network
    act, los, forms = get_activation(activation), get_loss(loss), forms or NOTES_FORMS
    net, a, z = nested_network(sizes, act.name)
    n, converter = net.n, Converter()
    se = converter.se
    E = converter(sp.Add(*(los.term(a[n][j], net.y[j]) for j in range(1, net.s(n) + 1))))
    delta = closed_deltas(net, act, los, a, z, forms)
    fprime = _fprime_in_symengine(act, converter)
    entries, bad = 0, []
    for k in range(1, n):
        for i in range(net.s(k) + 1):
            for j in range(1, net.s(k + 1) + 1):
                derived = fprime(se.diff(E, converter(net.theta[k][i][j - 1])))
                closed = converter(forms.gradient(None if i == 0 else a[k][i], i,
                                                  delta[k + 1][j]))
                entries += 1
                if not _expands_to_zero(derived - closed, se) and not bad:
                    bad.append(f"gradient{(k, i, j)}")
    return entries, bad


def _fprime_in_symengine(act, converter):
    """A function that writes every Subs(Derivative(f(t), t), t, u) of a SymEngine
    expression as the registry's fdiff of f at u (converted the same way)."""
    se, t = converter.se, sp.Dummy("t")
    at_t = converter(act.function(t).fdiff(1))
    placeholder = converter(t)
    memo: dict = {}

    def rewrite(expr):
        if expr in memo:
            return memo[expr]
        if isinstance(expr, se.Subs):
            (point,) = expr.args[2] if isinstance(expr.args[2], tuple) else (expr.args[2],)
            out = at_t.subs({placeholder: rewrite(point)})
        elif not expr.args:
            out = expr
        else:
            out = expr.func(*(rewrite(arg) for arg in expr.args))
        memo[expr] = out
        return out
    return rewrite
