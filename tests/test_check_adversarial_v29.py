r"""Adversarial pass 29 (by a helper, on the rules of passes 24 to 28); every expected
verdict was worked out by hand.  An entry is the set of verdicts that are not wrong.

The classes (each gave a wrong verdict before):
- E with a superscript (E^2, E^{1}) beside section 5.3's symbols was still read as one
  example's error at --layers: E^{1} = E_k held;
- a sum over a layer that depends on its width held where no number stood alone on a
  side (= 1 + 2, = 3.0, (S - 3)(S - 4) = 0, a sum equal to another sum minus 1): such a
  sum, where it is not proved at symbolic widths, is decided at two more networks, one of
  them widened unevenly;
- an activation defined in spellings that were neither read nor noted (x \mapsto
  \tanh(x) =: f, \tanh = f, f \mathrel{:=} \tanh): the sigmoid stayed;
- a value given the other way round (0.1 = \eta) did not reach the formulas after it;
- a condition that fixes an index before the claim ((h = 1) \quad b_h = b_1, h = 1:), after
  \forall, or as a set (h \in \{1\}, h \in [1, 1], k \in \{4\}) was no condition."""
import pytest

from symnet import api
from verdicts import BISHOP, C, D2L, GOODFELLOW, H, N, NIELSEN, NOT_HOLDS, NOT_REFUTED, R, \
    assert_each

S = "\\sum_j \\frac{\\partial z^L_j}{\\partial b^L_j}"
G_J = "$$g_j = \\hat{y}_j(1-\\hat{y}_j)(y_j-\\hat{y}_j)$$\n\n$$f'(x) = f(x)(1-f(x))$$\n"

CASES = [
    # B: a sum over a layer whose value depends on the width
    (NIELSEN + f"$${S} = 1 + 2$$\n", [NOT_HOLDS]),
    (NIELSEN + f"$${S} = 3.0$$\n", [NOT_HOLDS]),
    (NIELSEN + f"$$({S} - 3)({S} - 4) = 0$$\n", [NOT_HOLDS]),
    (NIELSEN + "$$\\sum_j (a^L_j)^0 = \\sum_k (a^{L-1}_k)^0 - 1$$\n", [NOT_HOLDS]),
    (BISHOP + "$$\\sum_k \\frac{\\partial y_k}{\\partial a_k} = 1 + 1$$\n", [NOT_HOLDS]),
    (D2L + "$$\\sum_i \\frac{\\partial o_i}{\\partial o_i} = 2.0$$\n", [NOT_HOLDS]),
    (GOODFELLOW + "$$\\sum_j \\frac{\\partial \\hat{y}_j}{\\partial \\hat{y}_j} = 1+2$$\n",
     [NOT_HOLDS]),
    # C: an activation defined in other spellings
    ("# S\n\n$x \\mapsto \\tanh(x) =: f$\n\n" + G_J, [{N}, NOT_HOLDS, NOT_HOLDS]),
    ("# S\n\n$\\tanh = f$\n\n" + G_J, [{C, N}, NOT_HOLDS, NOT_HOLDS]),
    ("# S\n\n$f \\mathrel{:=} \\tanh$\n\n" + G_J, [{C, N}, NOT_HOLDS, NOT_HOLDS]),
    (BISHOP + "$\\tanh = h$\n\n$$\\delta_j = (1 - z_j^2)\\sum_k w_{kj}\\delta_k$$\n",
     [{C, N}, NOT_REFUTED]),
    # D: a value given the other way round
    ("# A\n\nTake $0.1 = \\eta$.\n\n$$\\Delta w_{hj} = 0.1 g_j b_h$$\n", [{C}, NOT_REFUTED]),
    # E: a condition before the claim, after \forall, or as a set
    ("$$ (h = 1) \\quad b_h = b_1 $$\n", [{C, N}, NOT_REFUTED]),
    ("$$ h = 1: \\quad b_h = b_1 $$\n", [{C, N}, NOT_REFUTED]),
    ("$$ b_h = b_1 \\quad \\forall h < 2 $$\n", [NOT_REFUTED, {C, N}]),
    ("$$ b_h = b_1 \\quad h \\in \\{1\\} $$\n", [NOT_REFUTED, {C, N}]),
    ("$$ b_h = b_1, \\; h \\in [1,1] $$\n", [NOT_REFUTED, {C, N}]),
    ("$$\\delta^{(k)} = (a^{(k)}-y)\\odot a^{(k)}\\odot(1-a^{(k)}) \\quad k \\in \\{4\\}$$\n",
     [NOT_REFUTED, {C, N}]),
]

REGRESSIONS = [
    # the whole range in any spelling is no condition; proved sums stand
    ("$$ b_h = b_1 \\quad h \\in \\{1, \\dots, q\\} $$\n", [{R}, {C, N}]),
    ("$$ e_h = b_h(1-b_h)\\sum_{j=1}^{l} w_{hj} g_j \\quad h \\in [1, q] $$\n", [{H}, {C, N}]),
    (NIELSEN + "$$C = \\frac{1}{2}\\sum_j (y_j - a^L_j)^2$$\n", [{H}]),
    (NIELSEN + "$$\\delta^l_j = \\sum_k w^{l+1}_{kj} \\delta^{l+1}_k \\sigma'(z^l_j)$$\n", [{H}]),
    ("# A\n\nTake $\\eta = 0.1$.\n\n# B\n\n$$\\Delta w_{hj} = 0.1 g_j b_h$$\n", [{C}, {R}]),
]


@pytest.mark.parametrize("text, expected", CASES + REGRESSIONS)
def test_pass_29(text, expected):
    assert_each(text, expected)


@pytest.mark.parametrize("formula", [r"E^{1} = E_k", r"\sqrt{E^2} = E_k",
                                     r"\frac{\partial E^2}{\partial w_{hj}} = -2 E_k g_j b_h"])
def test_a_power_of_the_accumulated_error_is_not_one_examples(formula):
    with pytest.raises(ValueError, match="accumulated error"):
        api.check(formula, layers=[2, 3, 2])
