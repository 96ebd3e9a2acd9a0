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

from symnet.core.layers import Network, validate_sizes
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


#: The cost model, in units of work of about :data:`SECONDS_PER_UNIT` on one process
#: (measured at 40-120-120-10, 40-240-240-10 and on columns of 784-1000-1000-10, with
#: SymPy 1.14 and SymEngine 0.15 on a 2-core x86 machine): a gradient entry
#: (SymEngine: 1, SymPy: 20), a hidden delta (400 for f'(z) and the comparison, plus 21
#: per term of its recursion, i.e. per unit of the layer above), an output delta, and a
#: term of z^(l)_j indexed for the recursion (the fan-out).  The bar advances by these
#: weights, so it moves with the time spent, not with the number of entries: a hidden
#: delta of a 1000-wide layer costs as much as 20,000 SymEngine gradient entries.
COST = {"gradient/symengine": 1, "gradient/sympy": 20, "delta": 400, "delta term": 21,
        "output": 400, "fan-out term": 6, "symbol": 1}
SECONDS_PER_UNIT = 16e-6
#: the most units of work in one chunk (about a second on one process): the bar moves
#: at least this often; an item heavier than this (one hidden delta) is a chunk alone
CHUNK_UNITS = 50_000


def _weight(sizes, unit, engine: str, jobs: int) -> int:
    """Units of work of one chunk of :func:`work_plan` (see :data:`COST`)."""
    kind, count = unit[0], (unit[-1] - unit[-2] + 1 if len(unit) == 4 else 0)
    if kind == "output":                # output units lo..hi
        return COST["output"] * count
    if kind == "delta":                 # units lo..hi of layer k, s_{k+1} terms each
        return count * (COST["delta"] + COST["delta term"] * sizes[unit[1]])
    if kind == "fan-out":               # columns lo..hi of layer l, built before the
        return count * (sizes[unit[1] - 2] + 1) * COST["fan-out term"] * jobs   # pool
    per_entry = COST[f"gradient/{engine}"] + (
        COST["fan-out term"] if engine == "sympy" and unit[1] == 1 else 0)
    return count * (sizes[unit[1] - 1] + 1) * per_entry


def _chunks(count: int, weight: int, jobs: int, chunk: int):
    """1..count in contiguous ranges of at most ``chunk`` units (items of ``weight`` units
    each; one item at least), and at least 4 * jobs pieces when jobs > 1 (balance)."""
    size = max(1, chunk // max(weight, 1))
    if jobs > 1:
        size = min(size, -(-count // min(count, 4 * jobs)))
    return [(lo, min(lo + size - 1, count)) for lo in range(1, count + 1, size)]


def work_plan(sizes, jobs: int = 1, engine: str = "sympy", chunk: int = CHUNK_UNITS):
    """The work of :func:`check_entrywise` on the network ``sizes`` as (unit, weight)
    pairs, in the order it is done: first the network's symbols and the fan-outs
    z^(l)_j (l >= 3) that every chunk of hidden deltas needs, made once in this process
    before the workers start (their weights count the ``jobs`` workers they hold up), then
    the output deltas, and layer by layer downwards the gradient columns and the hidden
    deltas, in chunks of at most ``chunk`` units.  Sizes only: no symbol is made."""
    n = len(sizes)
    entries = sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
    plan = [(("symbols",), COST["symbol"] * entries * jobs)]
    for l in range(3, n + 1):           # built in one process: no balance to keep
        per = _weight(sizes, ("fan-out", l, 1, 1), engine, jobs)
        plan += [(("fan-out", l, lo, hi), per * (hi - lo + 1))
                 for lo, hi in _chunks(sizes[l - 1], per, 1, chunk)]
    per = _weight(sizes, ("output", n, 1, 1), engine, jobs)
    plan += [(("output", n, lo, hi), per * (hi - lo + 1))
             for lo, hi in _chunks(sizes[-1], per, jobs, chunk)]
    for k in range(n - 1, 0, -1):
        kinds = [("gradient", sizes[k])] + ([("delta", sizes[k - 1])] if k > 1 else [])
        for kind, count in kinds:
            per = _weight(sizes, (kind, k, 1, 1), engine, jobs)
            plan += [((kind, k, lo, hi), per * (hi - lo + 1))
                     for lo, hi in _chunks(count, per, jobs, chunk)]
    return plan


def predicted_seconds(sizes, jobs: int = 1, engine: str = "sympy") -> float:
    """The wall time :func:`check_entrywise` is predicted to take on ``jobs`` free cores
    (:data:`COST`): an estimate for the up-front warning of a long run (the bar's ETA
    measures the real rate as it goes)."""
    work = sum(weight for _, weight in work_plan(sizes, jobs, engine))
    return SECONDS_PER_UNIT * work / max(jobs, 1)


class _Progress:
    """Counts the entries checked (``entries(done, total)``, the public callback) and the
    units of work done (``work(done, total)``, what the bar shows); both are told after
    every chunk."""

    def __init__(self, entries, work, total_entries, total_work):
        self.entries, self.work = entries, work
        self.total, self.total_work, self.done, self.done_work = \
            total_entries, total_work, 0, 0

    def step(self, entries: int, work: int) -> None:
        self.done += entries
        self.done_work += work
        if self.entries and entries:
            self.entries(self.done, self.total)
        if self.work:
            self.work(int(round(self.done_work)), self.total_work)


class _Work:
    """The entries of one network, in units that can run anywhere (:func:`work_plan`):
    the output deltas for units j in a range, the deltas of a hidden layer k for units i
    in a range, the gradient of Theta~^(k,k+1) for columns j in a range; and ``fan-out``,
    the columns z^(l)_j indexed by symbol, kept for the units that follow.  Each unit
    returns (mismatches, deltas, gradients, kept)."""

    def __init__(self, sizes, activation, loss, keep, forms, engine="sympy", made=None):
        self.act, self.los = get_activation(activation), get_loss(loss)
        self.net = Network(list(sizes), made=made)
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
        if unit[0] == "fan-out":          # z^(l)_j indexed, for the chunks to share
            for j in range(unit[2], unit[3] + 1):
                self.fan_out(unit[1], j)
        elif unit[0] == "output" and los.softmax:
            self._softmax_output(record, unit[2], unit[3])
        elif unit[0] == "output":        # E = sum_j term(a_j, y_j); units lo..hi
            terms = _terms_by_symbol(sp.Add(*(los.term(net.a[n][j], net.y[j])
                                              for j in range(1, net.s(n) + 1))))
            for j in range(unit[2], unit[3] + 1):
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

    def _softmax_output(self, record, lo, hi):
        """A softmax output layer with cross-entropy: E = -sum_j y_j ln a_j with
        a_j = e^{z_j} / sum_t e^{z_t} and the targets summing to 1 (y_n = 1 - the others);
        SymPy differentiates E in z, compared with the stated a_k - y_k in z (units
        lo..hi)."""
        net, n = self.net, self.net.n
        size = net.s(n)
        z, y = net.z[n][1:], net.y[1:]
        total = sp.Add(*(sp.exp(v) for v in z))
        a = [sp.exp(v) / total for v in z]
        last = {y[-1]: 1 - sp.Add(*y[:-1])}                # a distribution: sum_j y_j = 1
        E = -sp.Add(*(y[j] * sp.log(a[j]) for j in range(size))).xreplace(last)
        for k in range(lo - 1, hi):
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


_WORK: dict = {}


def _run_unit(index: int):
    work = _WORK["work"]
    return index, work.run(_WORK["units"][index])


def check_entrywise(sizes, activation="sigmoid", loss="squared", keep=False, progress=None,
                    forms: ClosedForms = NOTES_FORMS, jobs: int = 1,
                    engine: str = "sympy", work_progress=None,
                    chunk: int = CHUNK_UNITS) -> EntrywiseReport:
    """Derive and check every delta and gradient entry of the network ``sizes``.

    ``keep``: store the derived expressions (for numeric cross-checks).  ``progress``:
    callable(done, total) counting entries (gradients and deltas), told after each chunk.
    ``work_progress``: callable(done, total) counting units of work (:data:`COST`,
    proportional to the time spent: what a progress bar should show), told after each
    chunk of at most ``chunk`` units (:func:`work_plan`).  ``forms``: the closed forms
    checked (the notes' by default).  ``jobs``: worker processes (forked; the chunks are
    independent); memory stays one network per process.  ``engine``: "sympy", or
    "symengine" for the gradient entries' algebra (faster; ``keep`` needs "sympy").
    """
    if engine not in ("sympy", "symengine"):
        raise ValueError(f"unknown engine {engine!r}; known: sympy, symengine")
    if keep and engine != "sympy":
        raise ValueError("keep=True stores SymPy expressions: use engine='sympy'")
    start = time.perf_counter()
    sizes = validate_sizes(sizes)
    plan = work_plan(sizes, jobs, engine, chunk)
    bar = _Progress(progress, work_progress,
                    sum((a + 1) * b for a, b in zip(sizes, sizes[1:])) + sum(sizes[1:]),
                    sum(weight for _, weight in plan))
    bar.step(0, 0)                        # drawn before the symbols are made (seconds)
    per_symbol = plan[0][1] / max(1, sum((a + 1) * b for a, b in zip(sizes, sizes[1:])))
    work = _Work(sizes, activation, loss, keep, forms, engine,
                 made=lambda count: bar.step(0, per_symbol * count))   # row by row
    net = work.net
    report = EntrywiseReport(net.sizes, work.act.name, work.los.name)
    for unit, weight in plan:             # the shared fan-outs, here, before any fork
        if unit[0] == "fan-out":
            work.run(unit)
            bar.step(0, weight)
    plan = [(unit, weight) for unit, weight in plan if unit[0] not in ("symbols", "fan-out")]
    units = [unit for unit, _ in plan]
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
                    bar.step(result[1] + result[2], plan[index][1])
            except BaseException:          # Ctrl-C, a worker's error: stop every worker now
                stop_pool(pool)
                raise
            pool.shutdown()
        finally:
            _WORK.clear()
    else:
        for index, unit in enumerate(units):
            results[index] = work.run(unit)
            bar.step(results[index][1] + results[index][2], plan[index][1])
    for bad, deltas, gradients, kept in results:       # in the units' order, as one process
        report.mismatches.extend(bad)
        report.delta_entries += deltas
        report.gradient_entries += gradients
        for (kind, key), derived in kept.items():
            (report.derived_delta if kind == "delta" else report.derived_gradient)[key] = derived
    report.seconds = time.perf_counter() - start
    return report
