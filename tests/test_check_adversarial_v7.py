"""An eighth adversarial pass on ``symnet check``.  The classes it fixed:

- a derivative by an activation a^{(k)} of what also depends on the units' input z^{(k)}
  (delta^{(k)}, z^{(k)}, a derivative by a weight into layer k) was read in the canonical
  form, where the sigmoid's f'(z) is a (1 - a): d delta^L_j / d a^L_j = sigma'(z^L_j),
  true with z held fixed, was refuted.  The written tree shows the dependence: such a
  derivative has no one meaning and is not checked, with the reason (section 5.3's
  reader refused its own case, d g_j / d yhat_j, already);
- an arbitrary function's values at a counterexample were drawn in the order its calls
  were met on each side, so phi'(z_1) took one value on the left and another on the
  right: a true formula was refuted with made-up values, and h'(a_j) = h'(2 a_j) "agreed
  at every network".  A call's value now depends on the seed, the function and its
  arguments' values only;
- the cost's argument list after a gradient (nabla_{hat y} L(hat y, y), the first line of
  Goodfellow's algorithm 6.4; nabla_a C(a^L)) was read as a factor and refuted: the cost
  at its own arguments (the outputs, the targets) is the cost; other arguments, or E(...)
  in the matrix notation, are refused;
- words in text{..} between statements were dropped ("for the cross-entropy cost",
  "when f = tanh", "Suppose"): words other than those that join statements (and, where,
  for all, ...) may qualify the formula, which is then not checked;
- a norm added, negated or divided (||W||_F + ||V||_F, -||v||, ||v||/2) stopped the
  checker with an internal error; a norm is now an ordinary value (its square the sum of
  squares exactly), and a Frobenius norm's F is no index letter;
- h'' of an arbitrary activation stopped it with SymPy's message: f'' is an arbitrary
  function too (a third derivative is refused with the reason).
Two spellings of public notes are read: tanh^2(x) is (tanh x)^2 (tanh^{-1} refused), and
frac{partial}{partial x}(...) is the derivative of the bracket.
"""
import pytest

from symnet.checker.documents import check_equation
from symnet.checker.document import Equation

from verdicts import H, N, R

M = [3, 4, 4, 3]

THROUGH_INPUT = [
    (r"\frac{\partial \delta^{(4)}_1}{\partial a^{(4)}_1} = f'(z^{(4)}_1)", M, None, N),
    (r"\frac{\partial z^{(4)}_1}{\partial a^{(4)}_1} = 0", M, None, N),
    (r"\frac{\partial \frac{\partial E}{\partial \theta^{(34)}_{11}}}{\partial a^{(4)}_1}"
     r" = 0", M, None, N),
    (r"\frac{\partial \delta^L_j}{\partial a^L_j} = \sigma'(z^L_j)", None, "nielsen", N),
    (r"\frac{\partial \delta^L_j}{\partial a^L_j} = 1", None, "nielsen", N),
    # what lies downstream of a^{(k)} only keeps its one meaning
    (r"\frac{\partial z^{(3)}}{\partial a^{(2)}} = \Theta^{(23)}", M, None, H),
    (r"\frac{\partial E}{\partial a^{(3)}} = \Theta^{(34)} \delta^{(4)}", M, None, H),
    (r"\frac{\partial E}{\partial a^{(3)}} = \Theta^{(34)} \delta^{(3)}", M, None, R),
    (r"\frac{\partial C}{\partial a^l_j} = \sum_k w^{l+1}_{kj} \delta^{l+1}_k", None,
     "nielsen", H),
]


@pytest.mark.parametrize("formula,layers,notation,expected", THROUGH_INPUT)
def test_a_derivative_by_a_unit_through_its_own_input(formula, layers, notation, expected):
    context = {"notation": notation} if notation else {}
    v = check_equation(Equation(1, formula, formula, context), layers)
    assert v.status == expected, (formula, v.detail)
    if expected == N:
        assert "also through the units' input" in v.detail, v.detail


def test_a_linear_units_derivative_keeps_its_one_meaning():
    """Bishop's linear outputs: f' = 1 does not move with y_k, so d delta_k / d y_k = 1
    holds and 0 is refuted."""
    for formula, expected in ((r"\frac{\partial \delta_k}{\partial y_k} = 1", H),
                              (r"\frac{\partial \delta_k}{\partial y_k} = 0", R)):
        v = check_equation(Equation(1, formula, formula, {"notation": "bishop"}), None)
        assert v.status == expected, (formula, v.detail)


def tanh_gap(u: str) -> str:
    """tanh(u) - (e^{2u} - 1)/(e^{2u} + 1): zero, written so that no reader sees it."""
    return rf"\left(\tanh({u}) - \frac{{\exp(2{u})-1}}{{\exp(2{u})+1}}\right)"


ARBITRARY = [
    # a term times a zero bracket: holds, or not checked
    (r"\phi'(z_1) = \phi'(z_1) + \phi'(z_2)" + tanh_gap("z_1"), "d2l", (H, N)),
    (r"h'(a_j) = h'(a_j) + h'(a_k)" + tanh_gap("a_j"), "bishop", (H, N)),
    (r"h'(a_j) = h'(a_j) + h'(2a_j)" + tanh_gap("a_j"), "bishop", (H, N)),
    (r"f'(a^{(k)}_2) = f'(a^{(k)}_2) + f'(a^{(k)}_1)" + tanh_gap("a^{(k)}_1"), "goodfellow",
     (H, N)),
    # an arbitrary h' at two different arguments differs
    (r"h'(a_j) = h'(2 a_j)", "bishop", (R,)),
    (r"\delta_j = h'(2a_j) \sum_k w_{kj} \delta_k", "bishop", (R,)),
]


@pytest.mark.parametrize("formula,notation,expected", ARBITRARY)
def test_an_arbitrary_functions_values_depend_on_its_argument_only(formula, notation,
                                                                   expected):
    v = check_equation(Equation(1, formula, formula, {"notation": notation}), None)
    assert v.status in expected, (formula, v.detail)


FOLLOWING = [
    # the cost at its own arguments
    (r"\nabla_{\hat{y}} J = \nabla_{\hat{y}} L(\hat{y}, y)", "goodfellow", H),
    (r"\frac{\partial J}{\partial \hat{y}_i} = \frac{\partial L(\hat{y}, y)}{\partial \hat{y}_i}",
     "goodfellow", H),
    (r"\nabla_a C(a^L) = a^L - y", "nielsen", H),
    (r"\nabla_a C(a^L) = y - a^L", "nielsen", R),
    (r"\nabla_a C(a^{L-1}) = a^L - y", "nielsen", N),
    (r"\nabla_{\hat{y}} J = \nabla_{\hat{y}} L(h^{(k)}, y)", "goodfellow", N),
    (r"C = C(a^L)", "nielsen", N),
    (r"\nabla_{a^{(n)}} E(a^{(n)}) = a^{(n)} - y", None, N),
    # norms in any arithmetic
    (r"E = \|a^{(n)} - y\| + \|a^{(n)} - y\|", None, R),
    (r"E = -\|a^{(n)} - y\|", None, R),
    (r"E = \frac{\|a^{(n)} - y\|}{2}", None, R),
    (r"E = \frac{1}{2}\|a^{(n)} - y\|^2", None, H),
    (r"s = \frac{\lambda}{2}\left(\|\mathbf{W}^{(1)}\|_F + \|\mathbf{W}^{(2)}\|_F\right)", "d2l",
     R),
    (r"s = \frac{\lambda}{2}\left(\|\mathbf{W}^{(1)}\|_F^2 + \|\mathbf{W}^{(2)}\|_F^2\right)",
     "d2l", H),
    # second derivatives of an arbitrary activation
    (r"\frac{\partial z_j}{\partial a_j} = h''(a_j)", "bishop", R),
    (r"h''(a_j) = h''(a_j)", "bishop", H),
    (r"\nabla_{a^{(k)}} J = \nabla_{h^{(k)}} J \odot f''(a^{(k)})", "goodfellow", R),
    ("h'" + "''(a_j) = 0", "bishop", N),
    # spellings
    (r"h'(a_j) = 1 - \tanh^2(a_j)", "bishop", R),            # h is any function here
    (r"f'(x) = 1 - \tanh^2(x)", None, R),                     # the sigmoid's f
    (r"\tanh^{-1}(x) = x", None, N),
    (r"\frac{\partial}{\partial a_j}\left(w_{kj} h(a_j)\right) = w_{kj} h'(a_j)",
     "bishop", H),
    (r"\frac{\partial}{\partial a_j}\left(w_{kj} h(a_j)\right) = w_{kj} h(a_j)",
     "bishop", R),
]


@pytest.mark.parametrize("formula,notation,expected", FOLLOWING)
def test_costs_at_their_arguments_norms_second_derivatives_and_spellings(formula, notation,
                                                                          expected):
    context = {"notation": notation} if notation else {}
    v = check_equation(Equation(1, formula, formula, context), None)
    assert v.status == expected, (formula, v.detail)


def test_tanh_squared_holds_under_its_directive():
    formula = r"h'(a_j) = 1 - \tanh^2(a_j)"
    v = check_equation(Equation(1, formula, formula, {"notation": "bishop", "f": "tanh"}),
                       None)
    assert v.status == H, v.detail


QUALIFIED = [
    r"$$\delta^L = (a^L - y) \quad \text{for the cross-entropy cost}$$",
    r"$$g_j = (1-\hat{y}_j^2)(y_j-\hat{y}_j) \quad \text{when } f = \tanh$$",
    r"$$g_j = y_j-\hat{y}_j \text{ for the cross-entropy loss}$$",
    r"$$\text{Suppose } g_j = 2\hat{y}_j(1-\hat{y}_j)(y_j-\hat{y}_j)$$",
    r"$$\text{If } \Delta\theta_j = \eta g_j \text{ then the step goes uphill}$$",
]
JOINED = [
    (r"$$\Delta \theta_j = -\eta g_j \text{ and } \Delta w_{hj} = \eta g_j b_h$$", [H, H]),
    (r"$$\Delta \theta_j = -\eta g_j \quad \text{for all } j$$", [H]),
    (r"$$\Delta \theta_j = -\eta g_j \text{，其中} \Delta w_{hj} = \eta g_j b_h$$", [H, H]),
]


@pytest.mark.parametrize("doc", QUALIFIED)
def test_words_that_may_qualify_a_formula_leave_it_not_checked(doc):
    from symnet.checker.documents import check_document
    verdicts = check_document(doc)
    assert verdicts and all(v.status == N for v in verdicts), [
        (v.status, v.detail) for v in verdicts]
    assert "may qualify it" in verdicts[0].detail


@pytest.mark.parametrize("doc,expected", JOINED)
def test_words_that_join_statements_change_nothing(doc, expected):
    from symnet.checker.documents import check_document
    assert [v.status for v in check_document(doc)] == expected


def test_a_number_that_may_stand_for_a_value_given_above_is_not_refuted():
    """Let eta = 0.1, then Delta w = 0.1 g_j b_h: the number may be eta's value (values
    are not carried into later formulas), so it is not refuted; under the next heading,
    or with eta written, the formula is checked as before."""
    from symnet.checker.documents import check_document
    doc = ("# A\nLet $\\eta = 0.1$.\n\n$$\\Delta w_{hj} = 0.1 g_j b_h$$\n\n"
           "$$\\Delta w_{hj} = \\eta g_j b_h$$\n\n$$\\Delta w_{hj} = 2 \\eta g_j b_h$$\n\n"
           "# B\n\n$$\\Delta w_{hj} = 0.1 g_j b_h$$\n")
    verdicts = check_document(doc)
    assert [v.status for v in verdicts] == ["not a claim", N, H, R, R], [
        (v.status, v.detail) for v in verdicts]
    assert "the value 0.1 above" in verdicts[1].detail


@pytest.mark.parametrize("formula,expected", [
    (r"\hat{\Delta} w_{hj} = \eta g_j b_h", N),
    (r"\tilde{\Delta} w_{hj} = \eta g_j b_h", N),
    (r"\bar{\Delta} \theta_j = -\eta g_j", N),
    (r"\boldsymbol{\Delta} w_{hj} = \eta g_j b_h", H),
    (r"\mathbf{\Delta} w_{hj} = -\eta g_j b_h", R),
])
def test_a_mark_on_delta_other_than_a_font_is_refused(formula, expected):
    v = check_equation(Equation(1, formula, formula, {}), None)
    assert v.status == expected, (formula, v.detail)


@pytest.mark.parametrize("formula,expected", [
    (r"a^{(k)} a^{(k)} = a^{(k)} a^{(k)}", N),
    (r"a^{(2)} + a^{(1)} = a^{(2)} + a^{(1)}", N),
    (r"\delta^{(k)} = ({\Theta^{(kl)}}^T \delta^{(l)}) \odot f'(z^{(k)})", R),
])
def test_an_ill_formed_side_refutes_only_beside_a_well_formed_one(formula, expected):
    """X = X with X a product of shapes that do not fit is no false statement (not
    checked); a well-formed side set equal to an ill-formed one is refuted."""
    v = check_equation(Equation(1, formula, formula, {}), None)
    assert v.status == expected, (formula, v.detail)


def test_a_hat_that_only_makes_both_sides_zero_names_no_fix():
    """hat y_j - y_j = 0 is refuted; hatting y_j would make it hat y_j - hat y_j = 0, true
    only because both sides vanish: that is no diagnosis.  (y_j - y_j)^2 in E_k is."""
    import symnet
    vacuous = symnet.check(r"\hat{y}_j - y_j = 0")
    assert not vacuous.holds
    assert not any("hat is missing" in d for s in vacuous.steps for d in s.diagnosis)
    named = symnet.check(r"E_k = \frac{1}{2}\sum_{j=1}^{l}(y_j - y_j)^2")
    assert any("a hat is missing on the right side" in d for s in named.steps
               for d in s.diagnosis)
