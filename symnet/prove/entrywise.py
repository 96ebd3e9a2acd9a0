"""Every entry of every gradient of a concrete network, derived by SymPy and proved equal
to the notes' closed forms, exactly.

Route (the notes' own): the named intermediates z^(k)_i, a^(k)_i and delta^(k)_i are
symbols.  SymPy differentiates each local definition -- the loss term in a^(n)_j,
f(z^(k)_i) in z^(k)_i, and the single term theta_ij a~_i of z^(l)_j that holds a given
weight or unit -- and the reverse sweep combines these local derivatives by the
multivariable chain rule:

    derived delta^(n)_j = dE/da^(n)_j * d f(z_j)/dz_j
    derived delta^(k)_i = sum_j delta^(l)_j * dz^(l)_j/da^(k)_i * d f(z_i)/dz_i
    derived dE/dtheta_ij = delta^(l)_j * dz^(l)_j/dtheta_ij

Each is compared with the notes' closed form -- delta^(n) = dE/da ⊙ f'(z),
delta^(k) = (Theta^(kl) delta^(l)) ⊙ f'(z^(k)), dE/dTheta~^(kl) = a~^(k) delta^(l)^T with
f' from the registry's closed form -- and the difference must expand to exactly 0.  The
delta^(l) symbols stand for the layer-l deltas already proved (induction downwards), so
every expression stays as small as one unit's fan-out.
"""
from __future__ import annotations

import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

import sympy as sp

from symnet.core.layers import Network
from symnet.core.limits import stop_pool
from symnet.core.registry import activation as get_activation, loss as get_loss, output_delta_closed


#: what ``check_entrywise`` does, in the words its output uses
ENTRYWISE_METHOD = ("exact, entry by entry: SymPy differentiates each local definition "
                    "(loss term, f(z), theta_ij a~_i) and the local partials are combined by "
                    "the multivariate chain rule, layer by layer; compared with the notes' "
                    "closed forms (a~_0 = -1), differences expanded to 0")


def entrywise_method(engine: str = "sympy") -> str:
    """The method sentence of a ``verify --layers`` run with this engine."""
    if engine == "symengine":
        return ENTRYWISE_METHOD.replace(
            "SymPy differentiates each local definition",
            "SymPy (SymEngine for the gradients' theta_ij a~_i terms) differentiates each "
            "local definition")
    return ENTRYWISE_METHOD


@dataclass
class Mismatch:
    what: str
    derived: sp.Expr
    closed: sp.Expr


@dataclass
class EntrywiseReport:
    """What was checked: ``gradient_entries`` weights/thresholds and ``delta_entries``
    units; ``mismatches`` lists any entry whose difference is not exactly 0."""

    sizes: list[int]
    activation: str
    loss: str
    gradient_entries: int = 0
    delta_entries: int = 0
    seconds: float = 0.0
    mismatches: list = field(default_factory=list)
    derived_delta: dict = field(default_factory=dict)      # (k, i) -> expr
    derived_gradient: dict = field(default_factory=dict)   # (k, i, j) -> expr

    @property
    def ok(self) -> bool:
        return not self.mismatches and self.gradient_entries > 0


def closed_gradient(a_k_i, i: int, delta_l_j):
    """The notes' dE/dtheta~^(kl)_ij = a~^(k)_i delta^(l)_j, with a~^(k)_0 = -1 as the notes
    state it (written here, not taken from the model, so a model whose constant unit is not
    -1 is refuted).  ``a_k_i`` is a^(k)_i (unused for the threshold row i = 0)."""
    return (sp.Integer(-1) if i == 0 else a_k_i) * delta_l_j


def closed_recursion(theta, i: int, deltas, fprime):
    """The notes' delta^(k)_i = (sum_j theta_ij delta^(l)_j) f'(z^(k)_i): ``theta`` is
    Theta~^(kl) as rows (row 0 the thresholds), ``deltas[j - 1]`` = delta^(l)_j."""
    return sp.Add(*(theta[i][j] * d for j, d in enumerate(deltas))) * fprime


@dataclass(frozen=True)
class ClosedForms:
    """The statements of the matrix notation that :func:`check_entrywise` and
    :func:`symnet.prove.nested.check_nested` verify, one entry at a time; the notes' own
    by default.  Notes that state them differently (another threshold sign, another
    recursion) are checked by passing their forms:

    - ``output_delta(act, los, a_j, y_j, z_j)``: delta^(n)_j;
    - ``recursion(theta, i, deltas, fprime)``: delta^(k)_i (see :func:`closed_recursion`);
    - ``gradient(a_i, i, delta_j)``: dE/dtheta~_ij (see :func:`closed_gradient`).
    """

    output_delta: Callable = output_delta_closed
    recursion: Callable = closed_recursion
    gradient: Callable = closed_gradient


NOTES_FORMS = ClosedForms()


def exactly_equal(derived, closed) -> bool:
    """derived == closed exactly: structurally, after expanding, or after cancelling.

    A difference that is certainly not 0 (its value at one rational point, to 30 digits
    under SymPy's error control, is not 0) is answered at once: only "not equal" is ever
    decided by numbers, never "equal"."""
    if derived == closed:    # canonical forms agree: the common, cheap case
        return True
    difference = derived - closed
    if difference == 0:
        return True
    if isinstance(difference, sp.Basic) and _certainly_nonzero(difference):
        return False
    if _expands_to_zero_in_symengine(difference) or sp.expand(difference) == 0:
        return True
    return sp.cancel(sp.together(difference)) == 0


#: use SymEngine's expansion first where it reads the expression without loss (``symnet
#: bench check`` turns it off for its SymPy-only baseline)
SYMENGINE_FIRST = True


def _expands_to_zero_in_symengine(difference) -> bool:
    """SymEngine's expansion (the same algebra as SymPy's ``expand``, in C++, about 50x
    faster) gives exactly 0.  Only for expressions SymEngine reads without loss: plain
    symbols with distinct names (SymEngine knows a symbol by its name only, so a Dummy or
    two symbols sharing a name would be merged), numbers and exp/log.  False means "not
    known": SymPy decides."""
    try:
        import symengine
    except ImportError:
        return False
    if not SYMENGINE_FIRST or not isinstance(difference, sp.Basic):
        return False
    symbols = difference.free_symbols
    if any(type(s) is not sp.Symbol for s in symbols) \
            or len({s.name for s in symbols}) != len(symbols) \
            or any(type(f) not in (sp.exp, sp.log) for f in difference.atoms(sp.Function)):
        return False
    try:
        return symengine.expand(symengine.sympify(difference)) == 0
    except Exception:        # an expression SymEngine does not take
        return False


def _certainly_nonzero(difference: sp.Basic) -> bool:
    """True when ``difference`` is not identically 0: at a point of small rationals its
    value, evaluated with ``strict`` accuracy (SymPy raises rather than return digits it
    cannot vouch for), is a number of modulus above 10^-20.  False means "not known"."""
    symbols = sorted(difference.free_symbols, key=sp.default_sort_key)
    rng = random.Random(len(symbols))
    point = {s: sp.Rational(rng.choice((-1, 1)) * rng.randint(1, 9), rng.randint(2, 11))
             for s in symbols}
    try:
        value = difference.xreplace(point).evalf(30, strict=True)
    except Exception:        # no value at this point, or not to the digits asked
        return False
    return bool(value.is_Number and value.is_finite and abs(value) > sp.Float("1e-20"))


def _terms_by_symbol(expr) -> dict:
    """symbol -> the terms of the sum expr that contain it (the sparse structure)."""
    index = defaultdict(list)
    for term in sp.Add.make_args(expr):
        for s in term.free_symbols:
            index[s].append(term)
    return index


def _partial(index, var):
    """d(sum)/d var by SymPy, over only the terms that contain var (the others give 0).

    A term is a product such as theta_ij * a_i; SymPy's own product rule
    (``Mul._eval_derivative``) differentiates it without the dispatch overhead of
    ``diff``, which would dominate at 10^5 entries."""
    return sp.Add(*(t._eval_derivative(var) if isinstance(t, sp.Mul) else t.diff(var)
                    for t in index.get(var, ())))


class _Progress:
    def __init__(self, callback, total):
        self.callback, self.total, self.done = callback, total, 0

    def step(self, n=1):
        before = self.done
        self.done += n
        if self.callback and (self.done // 2048 != before // 2048 or self.done == self.total):
            self.callback(self.done, self.total)


class _Work:
    """The entries of one network, in units that can run anywhere: ``output``, the
    deltas of a hidden layer k for units i in a range, the gradient of Theta~^(k,k+1)
    for columns j in a range.  Each unit returns (mismatches, deltas, gradients, kept)."""

    def __init__(self, sizes, activation, loss, keep, forms, engine="sympy"):
        self.act, self.los = get_activation(activation), get_loss(loss)
        self.net = Network(list(sizes))
        self.keep, self.forms, self.engine = keep, forms, engine
        self._fan_out = {}

    def fan_out(self, l, j):
        """The terms of z^(l)_j = sum_i theta_ij a~_i, by symbol (built once per column)."""
        if (l, j) not in self._fan_out:
            self._fan_out[l, j] = _terms_by_symbol(self.net.z_definition(l, j))
        return self._fan_out[l, j]

    def fprime_derived(self, k, i):
        f, z, a = self.act.function, self.net.z[k][i], self.net.a[k][i]
        derivative = sp.diff(f(z), z)
        return derivative.xreplace({f(z): a}) if f(z) != z else derivative

    def units(self, jobs: int) -> list:
        """Every unit of work, split into about 4 * jobs pieces per layer."""
        net, out = self.net, [("output",)]
        for k in range(net.n - 1, 0, -1):
            for lo, hi in _ranges(net.s(k + 1), jobs):
                out.append(("gradient", k, lo, hi))
            if k > 1:
                out.extend(("delta", k, lo, hi) for lo, hi in _ranges(net.s(k), jobs))
        return out

    def run(self, unit):
        bad, kept, counts = [], {}, [0, 0]

        def record(kind, key, derived, closed):
            if self.keep:
                kept[kind, key] = derived
            if not exactly_equal(derived, closed):
                bad.append(Mismatch(f"{kind}{key}", derived, closed))
            counts[kind == "gradient"] += 1

        net, act, los, forms = self.net, self.act, self.los, self.forms
        n = net.n
        if unit[0] == "output" and los.softmax:
            self._softmax_output(record)
        elif unit[0] == "output":        # E = sum_j term(a_j, y_j)
            terms = _terms_by_symbol(sp.Add(*(los.term(net.a[n][j], net.y[j])
                                              for j in range(1, net.s(n) + 1))))
            for j in range(1, net.s(n) + 1):
                a, y, z = net.a[n][j], net.y[j], net.z[n][j]
                record("delta", (n, j), _partial(terms, a) * self.fprime_derived(n, j),
                       forms.output_delta(act, los, a, y, z))
        elif unit[0] == "delta":         # hidden layer k: the recursion
            _, k, lo, hi = unit
            l = k + 1
            for i in range(lo, hi + 1):
                a = net.a[k][i]
                derived = sp.Add(*(net.delta[l][j] * _partial(self.fan_out(l, j), a)
                                   for j in range(1, net.s(l) + 1))) * self.fprime_derived(k, i)
                record("delta", (k, i), derived,
                       forms.recursion(net.theta[k], i, net.delta[l][1:],
                                       act.fprime_closed(a, net.z[k][i])))
        elif self.engine == "symengine":  # the same entries, the per-entry algebra in C++
            bad, gradients = _gradients_symengine(net, forms, unit)
            counts[1] += gradients
        else:                            # dE/dTheta~^(kl), columns lo..hi
            _, k, lo, hi = unit
            l = k + 1
            for j in range(lo, hi + 1):
                delta, terms = net.delta[l][j], self.fan_out(l, j)
                for i in range(0, net.s(k) + 1):
                    derived = delta * _partial(terms, net.theta[k][i][j - 1])
                    record("gradient", (k, i, j), derived,
                           forms.gradient(net.a[k][i], i, delta))
        return bad, counts[0], counts[1], kept

    def _softmax_output(self, record):
        """A softmax output layer with cross-entropy: E = -sum_j y_j ln a_j with
        a_j = e^{z_j} / sum_t e^{z_t} and the targets summing to 1 (y_n = 1 - the others);
        SymPy differentiates E in z, compared with the stated a_k - y_k in z."""
        net, n = self.net, self.net.n
        size = net.s(n)
        z, y = net.z[n][1:], net.y[1:]
        total = sp.Add(*(sp.exp(v) for v in z))
        a = [sp.exp(v) / total for v in z]
        last = {y[-1]: 1 - sp.Add(*y[:-1])}                # a distribution: sum_j y_j = 1
        E = -sp.Add(*(y[j] * sp.log(a[j]) for j in range(size))).xreplace(last)
        for k in range(size):
            derived = sp.diff(E, z[k])
            closed = self.forms.output_delta(self.act, self.los, a[k], y[k], z[k]).xreplace(last)
            record("delta", (n, k + 1), derived, closed)


def _gradients_symengine(net, forms, unit):
    """dE/dtheta~_ij for the columns of ``unit`` with SymEngine (the C++ engine behind
    SymPy's fast paths) doing the per-entry algebra: each column's definition z^(l)_j =
    sum_i theta_ij a~_i has one term per weight, SymEngine differentiates that term by
    it, and the product with delta^(l)_j is compared with the closed form, the difference
    expanded to 0.  The SymPy route is the reference the tests compare this one with."""
    import symengine as se
    _, k, lo, hi = unit
    l = k + 1
    a = [se.Symbol(s.name) for s in (net.a[k][i] for i in range(1, net.s(k) + 1))]
    a_tilde = [se.Integer(-1)] + a
    bad, count = [], 0
    for j in range(lo, hi + 1):
        delta = se.Symbol(net.delta[l][j].name)
        for i in range(net.s(k) + 1):
            weight = se.Symbol(net.theta[k][i][j - 1].name)
            # the one term of z^(l)_j = sum_i theta_ij a~_i that holds theta_ij (the others
            # differentiate to 0), as the SymPy route's _partial takes it
            derived = delta * se.diff(weight * a_tilde[i], weight)
            closed = forms.gradient(a[i - 1] if i else None, i, delta)
            if se.expand(derived - se.sympify(closed)) != 0:
                bad.append(Mismatch(f"gradient{(k, i, j)}", sp.sympify(derived),
                                    sp.sympify(closed)))
            count += 1
    return bad, count


def _ranges(count: int, jobs: int):
    """1..count in about 4 * jobs contiguous pieces (one piece when jobs == 1)."""
    pieces = 1 if jobs == 1 else min(count, 4 * jobs)
    step = -(-count // pieces)
    return [(lo, min(lo + step - 1, count)) for lo in range(1, count + 1, step)]


_WORK: dict = {}


def _run_unit(index: int):
    work = _WORK["work"]
    return index, work.run(_WORK["units"][index])


def check_entrywise(sizes, activation="sigmoid", loss="squared", keep=False, progress=None,
                    forms: ClosedForms = NOTES_FORMS, jobs: int = 1,
                    engine: str = "sympy") -> EntrywiseReport:
    """Derive and check every delta and gradient entry of the network ``sizes``.

    ``keep``: store the derived expressions (for numeric cross-checks).  ``progress``:
    callable(done, total).  ``forms``: the closed forms checked (the notes' by default).
    ``jobs``: worker processes (forked; the units of :class:`_Work` are independent);
    memory stays one network per process.  ``engine``: "sympy", or "symengine" for the
    gradient entries' algebra (faster; ``keep`` needs "sympy").
    """
    if engine not in ("sympy", "symengine"):
        raise ValueError(f"unknown engine {engine!r}; known: sympy, symengine")
    if keep and engine != "sympy":
        raise ValueError("keep=True stores SymPy expressions: use engine='sympy'")
    start = time.perf_counter()
    work = _Work(sizes, activation, loss, keep, forms, engine)
    net = work.net
    report = EntrywiseReport(net.sizes, work.act.name, work.los.name)
    bar = _Progress(progress, net.entries + sum(net.sizes[1:]))
    units = work.units(jobs)
    results = [None] * len(units)
    import multiprocessing
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        from concurrent.futures import ProcessPoolExecutor, as_completed
        _WORK.update(work=work, units=units)
        try:
            pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
            try:
                for future in as_completed([pool.submit(_run_unit, n) for n in range(len(units))]):
                    index, result = future.result()
                    results[index] = result
                    bar.step(result[1] + result[2])
            except BaseException:          # Ctrl-C, a worker's error: stop every worker now
                stop_pool(pool)
                raise
            pool.shutdown()
        finally:
            _WORK.clear()
    else:
        for index, unit in enumerate(units):
            results[index] = work.run(unit)
            bar.step(results[index][1] + results[index][2])
    for bad, deltas, gradients, kept in results:       # in the units' order, as one process
        report.mismatches.extend(bad)
        report.delta_entries += deltas
        report.gradient_entries += gradients
        for (kind, key), derived in kept.items():
            (report.derived_delta if kind == "delta" else report.derived_gradient)[key] = derived
    report.seconds = time.perf_counter() - start
    return report
