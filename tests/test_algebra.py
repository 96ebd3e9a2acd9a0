"""The prover itself: Kronecker collapse and exact zero tests, including that it refuses."""
import sympy as sp
from sympy import IndexedBase, KroneckerDelta, Sum

from symnet.algebra import collapse_kronecker, is_zero, normal_form, peel_zero

h, p, j = sp.symbols("h p j", integer=True)
q, l = sp.symbols("q l", integer=True, positive=True)
b, w = IndexedBase("b"), IndexedBase("w")


def test_kronecker_collapses_inside_range():
    expr = Sum(KroneckerDelta(h, p) * b[p], (p, 1, q))
    assert collapse_kronecker(expr, {h: (1, q)}) == b[h]


def test_kronecker_outside_range_is_zero():
    expr = Sum(KroneckerDelta(0, p) * b[p], (p, 1, q))
    assert collapse_kronecker(expr, {}) == 0


def test_kronecker_unknown_range_is_left_alone():
    expr = Sum(KroneckerDelta(h, p) * b[p], (p, 1, q))
    assert collapse_kronecker(expr, {}) == expr


def test_renamed_dummies_and_factored_sums_are_equal():
    left = b[h] * (1 - b[h]) * Sum(w[h, j] * b[j], (j, 1, l))
    right = Sum((b[h] - b[h] ** 2) * b[p] * w[h, p], (p, 1, l))
    assert is_zero(left - right)[0]


def test_wrong_identities_are_rejected():
    assert not is_zero(Sum(w[h, j], (j, 1, l)) - Sum(w[j, h], (j, 1, l)))[0]
    assert not is_zero(Sum(b[j], (j, 1, l)) - 2 * Sum(b[j], (j, 1, l)))[0]
    assert not is_zero(sp.Symbol("x") - 1)[0]


def test_peel_zero_splits_row_zero():
    out = peel_zero(Sum(b[p], (p, 0, q)))
    assert normal_form(out - b[0] - Sum(b[p], (p, 1, q))) == 0
