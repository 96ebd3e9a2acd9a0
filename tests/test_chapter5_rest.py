"""Section 5.2 (perceptron, gates, separability, XOR) and (5.16), (5.17), the sigmoid
bound: wrong variants and wrong weights are rejected."""
import sympy as sp
from sympy import IndexedBase, Rational, Sum

from derivations import catalog
from derivations.accumulated import dEk
from derivations.perceptron import GATES, INPUTS, XOR, farkas_certificate, perceptron_train, unit
from symnet.prove.model import index, size
from symnet.core.registry import sigmoid

CLAIMS = {c.id: c for c in catalog()}


def test_perceptron_without_threshold_term_is_rejected():
    n, ii = size("n"), index("i'")
    x = IndexedBase("x")
    eta, y, yhat = sp.symbols("eta y yhat", real=True)
    wrong = eta * (y - yhat) * Sum(x[ii] ** 2, (ii, 1, n))
    assert not CLAIMS["eq5.2-perceptron"].holds_for(wrong)[0]


def test_accumulated_without_1_over_m_is_rejected():
    m, k = size("m"), index("k")
    w = sp.Symbol("w_p", real=True)
    assert not CLAIMS["eq5.16"].holds_for(Sum(dEk(k, w), (k, 1, m)))[0]


def test_regularised_without_factor_2_is_rejected():
    m, k, p = size("m"), index("k"), index("p")
    lam, w = sp.Symbol("lambda", real=True), IndexedBase("w")
    wrong = lam * Sum(dEk(k, w[p]), (k, 1, m)) / m + (1 - lam) * w[p]
    assert not CLAIMS["eq5.17"].holds_for(wrong)[0]


def test_wrong_sigmoid_bound_is_rejected():
    x = sp.Symbol("x", real=True)
    assert not CLAIMS["vanishing-bound"].holds_for((sigmoid(x) - Rational(1, 4)) ** 2)[0]


def test_wrong_gate_weights_fail():
    table = GATES["and"][0]
    assert any(unit((1, 1), Rational(1), x) != table[x] for x in INPUTS)   # that is OR
    assert any(unit((1, 1), Rational(2), x) != XOR[x] for x in INPUTS)


def test_step_zero_is_one():
    assert unit((0, 0), 0, (0, 0)) == 1


def test_separable_gates_have_no_certificate_and_xor_has_no_line():
    for table, _, _ in GATES.values():
        assert farkas_certificate(table) is None
        assert perceptron_train(table) is not None
    assert perceptron_train(XOR) is None
    lam = farkas_certificate(XOR)
    assert lam is not None and all(v >= 0 for v in lam)


def test_xor_network_with_wrong_thresholds_fails():
    from derivations.perceptron import notes_xor_network, unit, xor_network
    assert xor_network().proved
    assert not xor_network(lambda x: unit((1, 1), Rational(1, 2), x)).proved          # OR
    assert not xor_network(lambda x: unit(
        (1, 1), Rational(1, 2), (unit((1, 1), Rational(1, 2), x),
                                  unit((-1, -1), Rational(-3, 2), x)))).proved     # y threshold 1/2
    assert notes_xor_network((0, 1)) == 1 and notes_xor_network((1, 1)) == 0
