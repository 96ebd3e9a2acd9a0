"""The prover itself: Kronecker collapse and exact zero tests, including that it refuses."""
import sympy as sp
from sympy import IndexedBase, KroneckerDelta, Sum

from symnet.prove.algebra import collapse_kronecker, is_zero, normal_form, peel_zero

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


def test_canonical_renaming_cannot_capture_a_free_index():
    """A free symbol named like a canonical bound index is not captured: the false
    Sum_{_n1<=q} Sum_{p<=l} a[_n1,p] = Sum_{r<=q} Sum_{p<=l} a[p,p] (19 = 24 at q = l = 2 with a = 1, 2, 5, 11)."""
    n1, r = sp.Symbol("_n1", integer=True), sp.Symbol("r", integer=True)
    a = IndexedBase("a")
    left = Sum(Sum(a[n1, p], (p, 1, l)), (n1, 1, q))
    wrong = Sum(Sum(a[p, p], (p, 1, l)), (r, 1, q))
    assert not is_zero(left - wrong)[0]
    assert is_zero(left - Sum(Sum(a[r, p], (p, 1, l)), (r, 1, q)))[0]
    # the same two sides at q = l = 2 differ numerically, so the rejection is right
    values = {a[1, 1]: 1, a[1, 2]: 2, a[2, 1]: 5, a[2, 2]: 11}
    assert (left.subs({q: 2, l: 2}).doit().xreplace(values)
            != wrong.subs({q: 2, l: 2}).doit().xreplace(values))


def test_kronecker_collapses_only_when_both_bounds_hold():
    """h in [1, q] is not inside [2, q]: Sum_{p=2}^{q} delta(h,p) b_p = b_h is false at h = 1."""
    expr = Sum(KroneckerDelta(h, p) * b[p], (p, 2, q))
    assert collapse_kronecker(expr, {h: (1, q)}) != b[h]
    assert not is_zero(expr - b[h], {h: (1, q)})[0]
    assert not is_zero(Sum(KroneckerDelta(h, p) * b[p], (p, 1, q - 1)) - b[h], {h: (1, q)})[0]
    assert is_zero(Sum(KroneckerDelta(h, p) * b[p], (p, 1, q)) - b[h], {h: (1, q)})[0]


def test_constant_term_of_a_sum_keeps_its_count():
    """Sum_{p=1}^{q} c = q c, Sum_{p=0}^{q} c = (q + 1) c: never c."""
    c = sp.Symbol("c")
    assert normal_form(Sum(c, (p, 1, q))) == q * c
    assert normal_form(Sum(c + b[p], (p, 0, q)) - (q + 1) * c - Sum(b[p], (p, 0, q))) == 0
    assert not is_zero(Sum(c + b[p], (p, 1, q)) - c - Sum(b[p], (p, 1, q)))[0]
    assert not is_zero(Sum(c, (p, 3, q)) - q * c)[0]


def test_nested_sums_in_either_order_are_equal():
    """Sum_h Sum_j = Sum_j Sum_h over independent ranges (finite sums commute)."""
    g = IndexedBase("g")
    left = Sum(Sum(w[h, j] * g[j] * b[h], (j, 1, l)), (h, 1, q))
    right = Sum(Sum(w[h, j] * g[j] * b[h], (h, 1, q)), (j, 1, l))
    assert is_zero(left - right)[0]
    assert is_zero(Sum(b[h] * Sum(w[h, j] * g[j], (j, 1, l)), (h, 1, q))
                   - Sum(g[j] * Sum(w[h, j] * b[h], (h, 1, q)), (j, 1, l)))[0]


def test_reordering_sums_never_swaps_ranges_or_captures():
    g = IndexedBase("g")
    # the ranges go with their indices: h over q, j over l
    assert not is_zero(Sum(Sum(w[h, j], (j, 1, l)), (h, 1, q))
                       - Sum(Sum(w[h, j], (j, 1, q)), (h, 1, l)))[0]
    # a transposed weight is another sum
    assert not is_zero(Sum(Sum(w[h, j] * g[j], (j, 1, l)), (h, 1, q))
                       - Sum(Sum(w[j, h] * g[j], (j, 1, l)), (h, 1, q)))[0]
    # a triangular range (the inner bound mentions the outer index) is not reordered
    assert not is_zero(Sum(Sum(w[h, j], (j, 1, h)), (h, 1, q))
                       - Sum(Sum(w[h, j], (h, 1, j)), (j, 1, q)))[0]
    # an inner sum inside a function keeps its own index (no capture by the renaming)
    c = IndexedBase("c")
    inner = Sum(c[p, h], (p, 1, q))
    left = Sum(Sum(sp.exp(inner) * w[h, j], (j, 1, l)), (h, 1, q))
    right = Sum(Sum(sp.exp(Sum(c[p, j], (p, 1, q))) * w[h, j], (j, 1, l)), (h, 1, q))
    assert not is_zero(left - right)[0]
    assert is_zero(left - Sum(Sum(sp.exp(inner) * w[h, j], (h, 1, q)), (j, 1, l)))[0]


# --- the prover's corners (each kills mutants that survived `mutmut run`) ---------------
c = IndexedBase("c")


def test_kronecker_with_concrete_indices_inside_and_outside():
    assert collapse_kronecker(Sum(KroneckerDelta(2, p) * b[p], (p, 1, 3)), {}) == b[2]
    assert collapse_kronecker(Sum(KroneckerDelta(1, p) * b[p], (p, 2, q)), {}) == 0
    assert collapse_kronecker(Sum(KroneckerDelta(5, p) * b[p], (p, 1, 3)), {}) == 0
    # an index expression is not bounded by the prover (it stays a sum), never guessed
    kept = Sum(KroneckerDelta(h + 1, p) * b[p], (p, 1, q))
    assert collapse_kronecker(kept, {h: (1, q - 1)}) == kept
    # an index with a symbol of unknown range is left alone
    r = sp.Symbol("r", integer=True)
    kept = Sum(KroneckerDelta(h + r, p) * b[p], (p, 1, q))
    assert collapse_kronecker(kept, {h: (1, q)}) == kept


def test_terms_without_the_index_count_the_range():
    cc = sp.Symbol("cc")
    out = collapse_kronecker(Sum(cc + KroneckerDelta(h, p) * b[p], (p, 1, q)), {h: (1, q)})
    assert sp.expand(out - (q * cc + b[h])) == 0
    out = collapse_kronecker(Sum(cc + KroneckerDelta(h, p) * b[p], (p, 2, q)), {h: (2, q)})
    assert sp.expand(out - ((q - 1) * cc + b[h])) == 0
    # a Kronecker factor inside a product of sums is expanded first
    out = collapse_kronecker(Sum(KroneckerDelta(h, p) * (b[p] + c[p]), (p, 1, q)), {h: (1, q)})
    assert sp.expand(out - b[h] - c[h]) == 0


def test_disjoint_kronecker_is_zero_anywhere():
    assert collapse_kronecker(KroneckerDelta(h, 0) * b[h], {h: (1, q)}) == 0
    assert collapse_kronecker(sp.exp(KroneckerDelta(h, 0)), {h: (1, q)}) == 1
    assert collapse_kronecker(KroneckerDelta(h, j), {h: (1, q), j: (1, l)}) == KroneckerDelta(h, j)


def test_nested_and_multi_limit_sums_use_their_own_ranges():
    nested = Sum(Sum(KroneckerDelta(p, j) * b[p], (p, 1, q)), (j, 1, q))
    assert sp.expand(collapse_kronecker(nested, {}) - Sum(b[j], (j, 1, q))) == 0
    multi = Sum(KroneckerDelta(p, h) * b[p] * c[j], (p, 1, q), (j, 1, l))
    assert is_zero(multi - b[h] * Sum(c[j], (j, 1, l)), {h: (1, q)})[0]


def test_normal_form_keeps_every_term():
    cc, dd = sp.symbols("cc dd")
    for body in (cc + b[p], b[p] + cc, cc + dd + b[p] + c[p], b[p] + c[p], b[p] * c[p] + cc * b[p]):
        summed = Sum(body, (p, 1, q))
        assert is_zero(summed - Sum(sp.expand(body), (p, 1, q)))[0]
        assert not is_zero(summed - Sum(b[p], (p, 1, q)))[0]
    assert is_zero(Sum(b[p] + c[p] + cc, (p, 1, q)) - Sum(b[p], (p, 1, q))
                   - Sum(c[p], (p, 1, q)) - q * cc)[0]
    assert not is_zero(Sum(b[p] + c[p], (p, 1, q)) - Sum(b[p], (p, 1, q)))[0]
    assert not is_zero(Sum(b[p] + c[p], (p, 1, q)) + Sum(b[p], (p, 1, q)) - Sum(c[p], (p, 1, q)))[0]
    assert not is_zero(Sum(cc * b[p], (p, 1, q)) - cc / Sum(b[p], (p, 1, q)))[0]


def test_rational_identities_between_sums_and_functions():
    S = Sum(b[p], (p, 1, q))
    assert is_zero(S / (S + 1) + 1 / (S + 1) - 1)[0]
    f = sp.Function("f")
    x = sp.Symbol("x")
    assert is_zero(f(x) / (1 + f(x)) + 1 / (1 + f(x)) - 1)[0]
    D = sp.Derivative(f(x), x)
    assert is_zero(D / (1 + D) + 1 / (1 + D) - 1)[0]
    assert not is_zero(S / (S + 1) - 1)[0]


def test_exponential_identities_need_the_rewrite():
    x = sp.Symbol("x", real=True)
    assert is_zero(sp.tanh(x) - (sp.exp(2 * x) - 1) / (sp.exp(2 * x) + 1))[0]


def test_reordering_renames_bounds_of_inner_sums_too():
    """An inner sum whose bound is an outer index (exp of a partial sum) follows the
    renaming of that index: both orders, written with different letters, are equal."""
    r, s_ = sp.symbols("r s", integer=True)
    left = Sum(Sum(sp.exp(Sum(c[p], (p, 1, h))) * w[h, j], (j, 1, l)), (h, 1, q))
    right = Sum(Sum(sp.exp(Sum(c[p], (p, 1, r))) * w[r, s_], (r, 1, q)), (s_, 1, l))
    assert is_zero(left - right)[0]
    assert not is_zero(left - Sum(Sum(sp.exp(Sum(c[p], (p, 1, r))) * w[r, s_],
                                      (r, 1, q)), (s_, 1, q)))[0]


def test_normal_form_alone_keeps_every_term_and_count():
    """normal_form on its own (is_zero collapses first, which splits sums too)."""
    cc, dd = sp.symbols("cc dd")
    got = normal_form(Sum(cc + dd + b[p] + c[p], (p, 1, q)))
    want = q * cc + q * dd + Sum(b[p], (p, 1, q)) + Sum(c[p], (p, 1, q))
    assert sp.expand(got - normal_form(want)) == 0
    assert normal_form(Sum(b[p] + c[p], (p, 1, q))) == normal_form(Sum(b[p], (p, 1, q))) + \
        normal_form(Sum(c[p], (p, 1, q)))
    assert normal_form(Sum(cc * b[p], (p, 1, q))) == cc * normal_form(Sum(b[p], (p, 1, q)))
    assert normal_form(Sum(dd + cc, (p, 2, q))) == sp.expand((q - 1) * (cc + dd))
