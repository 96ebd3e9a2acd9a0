"""The concrete-network checker: exact at the notes' 3-4-4-3, rejects corrupted closed
forms, agrees with the naive nested route, with mpmath finite differences and (where
installed) with PyTorch autograd."""
import random
import zlib

import mpmath
import pytest
import sympy as sp

from symnet.prove.entrywise import ClosedForms, check_entrywise, closed_gradient
from symnet.bench.naive import naive_check

ACTS = ["sigmoid", "tanh", "relu", "identity", "softplus"]


def test_notes_example_3443_every_entry():
    report = check_entrywise([3, 4, 4, 3])
    assert report.ok
    assert report.gradient_entries == 51 and report.delta_entries == 11


@pytest.mark.parametrize("act", ACTS)
@pytest.mark.parametrize("loss", ["squared", "cross-entropy"])
def test_all_pairs_small(act, loss):
    assert check_entrywise([2, 3, 2], act, loss).ok


def _without_output_fprime(act, los, a, y, z):
    """(a - y) instead of (a - y) a (1 - a) at the output layer."""
    return los.dE_da_closed(a, y)


def _transposed_recursion(theta, i, deltas, fprime):
    """Theta^T delta where Theta delta is meant (square layers: the shapes still fit)."""
    return sp.Add(*(theta[j + 1][i - 1] * d for j, d in enumerate(deltas))) * fprime


def _twice_at_one_entry(a_i, i, delta):
    closed = closed_gradient(a_i, i, delta)
    return 2 * closed if i == 1 and str(delta) == "delta^(2)_1" else closed


#: wrong statements of the matrix notation, planted through the public ``forms`` door
WRONG_FORMS = {
    "sign flipped": ClosedForms(gradient=lambda a_i, i, delta: -closed_gradient(a_i, i, delta)),
    "f' factor missing": ClosedForms(output_delta=_without_output_fprime),
    "threshold input +1": ClosedForms(
        gradient=lambda a_i, i, delta: delta if i == 0 else a_i * delta),
    "Theta transposed in the recursion": ClosedForms(recursion=_transposed_recursion),
    "constant factor 2": ClosedForms(gradient=_twice_at_one_entry),
}


@pytest.mark.parametrize("name", sorted(WRONG_FORMS))
def test_wrong_closed_forms_are_rejected(name):
    report = check_entrywise([2, 3, 3], forms=WRONG_FORMS[name])
    assert not report.ok, f"{name} accepted"


def test_agrees_with_naive_route():
    checked, mismatches, _, finished = naive_check([2, 2, 2])
    assert finished and checked == check_entrywise([2, 2, 2]).gradient_entries
    assert mismatches == 0


# ---- independent numeric oracle: mpmath, 40 digits ---------------------------------

mpmath.mp.dps = 40
NUMERIC = {
    "sigmoid": lambda z: 1 / (1 + mpmath.exp(-z)),
    "tanh": mpmath.tanh,
    "relu": lambda z: z if z > 0 else mpmath.mpf(0),
    "identity": lambda z: z,
    "softplus": lambda z: mpmath.log(1 + mpmath.exp(z)),
}
LOSS = {
    "squared": lambda a, y: (a - y) ** 2 / 2,
    "cross-entropy": lambda a, y: -(y * mpmath.log(a) + (1 - y) * mpmath.log(1 - a)),
}


def _forward(sizes, act, theta, x):
    """Plain mpmath forward pass: returns z and a per layer (index 0 unused)."""
    f = NUMERIC[act]
    a, z = {1: list(x)}, {}
    for k in range(1, len(sizes)):
        zs = []
        for j in range(sizes[k]):
            zs.append(sum(theta[k][i + 1][j] * a[k][i] for i in range(sizes[k - 1]))
                      - theta[k][0][j])
        z[k + 1], a[k + 1] = zs, [f(v) for v in zs]
    return z, a


def _error(sizes, act, loss, theta, x, y):
    _, a = _forward(sizes, act, theta, x)
    return sum(LOSS[loss](a[len(sizes)][j], y[j]) for j in range(sizes[-1]))


@pytest.mark.parametrize("sizes,act,loss", [
    ([2, 3, 2], "sigmoid", "squared"), ([3, 4, 4, 3], "sigmoid", "squared"),
    ([2, 3, 2], "tanh", "squared"), ([3, 2, 3], "softplus", "squared"),
    ([2, 3, 2], "relu", "squared"), ([2, 2, 3, 2], "identity", "squared"),
    ([3, 3, 2], "sigmoid", "cross-entropy"), ([2, 3, 3, 2], "sigmoid", "cross-entropy"),
])
def test_derived_gradients_match_finite_differences(sizes, act, loss):
    with mpmath.workdps(40):           # 40 digits whatever another test left in mpmath.mp
        _derived_gradients_match_finite_differences(sizes, act, loss)


def _derived_gradients_match_finite_differences(sizes, act, loss):
    rng = random.Random(zlib.crc32(repr((sizes, act, loss)).encode()))   # same data every run
    n = len(sizes)
    theta = {k: [[mpmath.mpf(rng.uniform(-1, 1)) for _ in range(sizes[k])]
                 for _ in range(sizes[k - 1] + 1)] for k in range(1, n)}
    x = [mpmath.mpf(rng.uniform(-1, 1)) for _ in range(sizes[0])]
    y = [mpmath.mpf(rng.uniform(0.1, 0.9)) for _ in range(sizes[-1])]
    report = check_entrywise(sizes, act, loss, keep=True)
    z, a = _forward(sizes, act, theta, x)
    values = {}
    for k in range(1, n):
        for i, row in enumerate(theta[k]):
            for j, v in enumerate(row):
                values[sp.Symbol(f"theta^({k},{k + 1})_({i},{j + 1})", real=True)] = v
    for i, v in enumerate(x):
        values[sp.Symbol(f"x_{i + 1}", real=True)] = v
    for j, v in enumerate(y):
        values[sp.Symbol(f"y_{j + 1}", real=True)] = v
    for k in range(2, n + 1):
        for i in range(sizes[k - 1]):
            values[sp.Symbol(f"z^({k})_{i + 1}", real=True)] = z[k][i]
            values[sp.Symbol(f"a^({k})_{i + 1}", real=True)] = a[k][i]
    for (k, i) in sorted(report.derived_delta, reverse=True):
        expr = report.derived_delta[(k, i)]
        values[sp.Symbol(f"delta^({k})_{i}", real=True)] = _num(expr, values)
    step = mpmath.mpf("1e-15")
    for (k, i, j), expr in report.derived_gradient.items():
        derived = _num(expr, values)
        saved = theta[k][i][j - 1]
        theta[k][i][j - 1] = saved + step
        up = _error(sizes, act, loss, theta, x, y)
        theta[k][i][j - 1] = saved - step
        down = _error(sizes, act, loss, theta, x, y)
        theta[k][i][j - 1] = saved
        fd = (up - down) / (2 * step)
        assert abs(derived - fd) <= mpmath.mpf("1e-20") * (1 + abs(fd)), (k, i, j)


def _num(expr, values):
    out = expr.xreplace({s: sp.Float(str(values[s]), 40) for s in expr.free_symbols})
    return mpmath.mpf(str(sp.N(out, 40)))


def test_matches_torch_autograd():
    torch = pytest.importorskip("torch")
    sizes = [3, 4, 4, 3]
    rng = random.Random(5)
    theta = [torch.tensor([[rng.uniform(-1, 1) for _ in range(sizes[k + 1])]
                           for _ in range(sizes[k] + 1)], dtype=torch.float64, requires_grad=True)
             for k in range(3)]
    x = torch.tensor([rng.uniform(-1, 1) for _ in range(3)], dtype=torch.float64)
    y = torch.tensor([rng.uniform(0, 1) for _ in range(3)], dtype=torch.float64)
    a = x
    for W in theta:
        a = torch.sigmoid(a @ W[1:] - W[0])
    (0.5 * ((a - y) ** 2).sum()).backward()
    report = check_entrywise(sizes, keep=True)
    values = {}
    for k in range(3):
        for i in range(sizes[k] + 1):
            for j in range(sizes[k + 1]):
                values[sp.Symbol(f"theta^({k + 1},{k + 2})_({i},{j + 1})", real=True)] = \
                    float(theta[k][i, j].detach())
    for i in range(3):
        values[sp.Symbol(f"x_{i + 1}", real=True)] = float(x[i])
        values[sp.Symbol(f"y_{i + 1}", real=True)] = float(y[i])
    h = x.detach()
    for k in range(3):
        W = theta[k].detach()
        zz = h @ W[1:] - W[0]
        h = torch.sigmoid(zz)
        for i in range(sizes[k + 1]):
            values[sp.Symbol(f"z^({k + 2})_{i + 1}", real=True)] = float(zz[i])
            values[sp.Symbol(f"a^({k + 2})_{i + 1}", real=True)] = float(h[i])
    for key in sorted(report.derived_delta, reverse=True):
        values[sp.Symbol(f"delta^({key[0]})_{key[1]}", real=True)] = \
            float(_num(report.derived_delta[key], values))
    for (k, i, j), expr in report.derived_gradient.items():
        assert float(_num(expr, values)) == pytest.approx(float(theta[k - 1].grad[i, j - 1]),
                                                          rel=1e-9, abs=1e-12)


def test_report_records_what_was_checked_and_reports_progress():
    seen = []
    report = check_entrywise([2, 3, 2], "tanh", "cross-entropy",
                             progress=lambda done, total: seen.append((done, total)))
    assert report.sizes == [2, 3, 2] and report.activation == "tanh"
    assert report.loss == "cross-entropy" and report.ok and report.seconds > 0
    total = (2 + 1) * 3 + (3 + 1) * 2 + 3 + 2          # weights and thresholds, then units
    assert seen and seen[-1] == (total, total)


def test_a_mismatch_names_the_entry_and_both_sides():
    def twice_the_first_threshold(a_i, i, delta):
        closed = closed_gradient(a_i, i, delta)
        return 2 * closed if i == 0 and str(delta) == "delta^(2)_1" else closed
    report = check_entrywise([2, 2, 1], forms=ClosedForms(gradient=twice_the_first_threshold))
    (m,) = report.mismatches
    assert m.what == "gradient(1, 0, 1)"
    assert sp.expand(m.closed - 2 * m.derived) == 0 and m.derived != 0


def test_worker_processes_give_the_same_report():
    """--jobs: the same entries, counts and verdict as one process; a wrong form is still
    caught when its entries land on a worker."""
    one, two = check_entrywise([3, 5, 4, 2], jobs=1), check_entrywise([3, 5, 4, 2], jobs=2)
    assert (one.gradient_entries, one.delta_entries, one.ok) == \
        (two.gradient_entries, two.delta_entries, two.ok) == (20 + 24 + 10, 11, True)
    wrong = check_entrywise([3, 5, 4, 2], jobs=2, forms=WRONG_FORMS["sign flipped"])
    assert not wrong.ok and len(wrong.mismatches) == 54


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "relu"])
def test_softmax_outputs_with_cross_entropy(act):
    """Softmax outputs (targets summing to 1): SymPy's derivative of E in z against the
    stated a - y at every output, and the hidden layers as for any loss; a wrong stated
    form (a + y) is refuted."""
    assert check_entrywise([2, 3, 3], act, "softmax-cross-entropy").ok
    wrong = ClosedForms(output_delta=lambda a_, l_, a, y, z: a + y)
    report = check_entrywise([2, 3, 3], act, "softmax-cross-entropy", forms=wrong)
    assert not report.ok and all(m.what.startswith("delta(3,") for m in report.mismatches)


def test_symengine_route_agrees_with_the_sympy_route():
    """SymEngine does the gradients' per-entry algebra; SymPy is the reference: the same
    entries, the same verdicts, and the same entries refuted for every planted wrong form."""
    pytest.importorskip("symengine", reason="symengine not installed (pip install symengine)")
    for sizes, act, loss in (([3, 4, 4, 3], "sigmoid", "squared"),
                             ([2, 3, 2], "tanh", "cross-entropy")):
        a = check_entrywise(sizes, act, loss, engine="sympy")
        b = check_entrywise(sizes, act, loss, engine="symengine")
        assert (a.ok, a.gradient_entries, a.delta_entries) == \
            (b.ok, b.gradient_entries, b.delta_entries)
    for name, forms in WRONG_FORMS.items():
        a = check_entrywise([2, 3, 3], forms=forms, engine="sympy")
        b = check_entrywise([2, 3, 3], forms=forms, engine="symengine", jobs=2)
        assert not b.ok, name
        assert sorted(m.what for m in a.mismatches) == sorted(m.what for m in b.mismatches), name
    with pytest.raises(ValueError, match="keep"):
        check_entrywise([2, 2], keep=True, engine="symengine")
