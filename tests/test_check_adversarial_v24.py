r"""Adversarial passes 24 (other notations) and 25 (documents in the book's notation),
each by a helper; every expected verdict was worked out by hand.  An entry is the set of
verdicts that are not wrong for that equation.

The classes (each gave a wrong verdict before):
- a derivative by z^(k) of an expression the canonical form had spread out (2 z, or
  beta_j = z_j + theta_0j, in which theta_0j cancels) was taken as 0:
  d(2 z_1^(3)) / d z_1^(3) = 0 held, d beta_1 / d beta_1 = -a_0^(2) (= 1) was refuted;
- a sum over the notation's layer letter (\sum_{l=1}^{2} W^{(l)}) was not bound: the
  formula is checked at every layer l, and the sum counted one layer twice;
- a value given with :=, \equiv or a bold letter (\eta := 0) did not reach the formula
  beside it, as eta = 0 does: a formula true under it was refuted;
- one formula given alone that makes two statements (a = b \quad c = d) was read as one
  chain, \quad as a product (the document reader splits them);
- a ``$..$`` span of two backticks, code that shows how math is typed, was checked;
- an activation given as a map (\\sigma: z \\mapsto \\tanh(z)) was not read, and the
  sigmoid stayed; a function defined but not read (\\Omega(\\theta) = \\frac12 \\|\\theta\\|^2,
  l(o, y) = ...) left the notation's arbitrary one in force, and a formula true for the
  document's was refuted for an arbitrary one."""
import pytest

from symnet import api
from verdicts import BISHOP, C, GOODFELLOW, H, N, NIELSEN, NOT_HOLDS, NOT_REFUTED, R, \
    D2L, assert_each, verdicts


CASES = [
    # A: a derivative by z^(k) of a spread-out expression (matrix view, 2-3-2 network)
    ("$$ \\frac{\\partial \\beta_1}{\\partial \\beta_1} = 0 \\cdot a_0^{(2)} $$\n", [NOT_HOLDS]),
    ("$$ \\frac{\\partial \\beta_1}{\\partial \\beta_1} = -a_0^{(2)} $$\n", [NOT_REFUTED]),
    ("$$ \\frac{\\partial \\alpha_1}{\\partial \\alpha_1} = -a_0^{(1)} $$\n", [NOT_REFUTED]),
    ("$$ \\frac{\\partial (2\\beta_1)}{\\partial \\beta_1} = -2a_0^{(2)} $$\n", [NOT_REFUTED]),
    ("$$ \\frac{\\partial \\beta_1}{\\partial z_1^{(3)}} = 0 $$\n", [NOT_HOLDS]),
    ("$$ \\frac{\\partial \\alpha_2}{\\partial z_2^{(2)}} = 0 $$\n", [NOT_HOLDS]),
    ("$$ \\delta_1^{(3)} = \\frac{\\partial E_k}{\\partial \\beta_1}\\frac{\\partial \\beta_1}"
     "{\\partial z_1^{(3)}} $$\n", [NOT_REFUTED]),
    ("$$ \\frac{\\partial (2 z_1^{(3)})}{\\partial z_1^{(3)}} = 0 $$\n", [NOT_HOLDS]),
    ("$$ \\frac{\\partial (z_1^{(3)} + 1)}{\\partial z_1^{(3)}} = 0 $$\n", [NOT_HOLDS]),
    # B: a sum over the layer letter
    (D2L + "$$ s = \\frac{\\lambda}{2} \\sum_{l=1}^{2} \\|W^{(l)}\\|_F^2 $$\n", [NOT_REFUTED]),
    (D2L + "$$ \\sum_{l=1}^{2} W^{(l)}_{11} = 2 W^{(l)}_{11} $$\n", [NOT_HOLDS]),
    (NIELSEN + "$$ \\sum_{l=2}^{3} b^l_1 = b^2_1 + b^3_1 $$\n", [NOT_REFUTED]),
    (GOODFELLOW + "$$ \\sum_{k=1}^{2} b^{(k)}_1 = b^{(1)}_1 + b^{(2)}_1 $$\n", [NOT_REFUTED]),
    # C: a value given with :=, \equiv, a bold letter
    ("# A\n\nTake $\\eta := 0$. Then\n\n$$ \\Delta\\theta_j = \\eta g_j $$\n",
     [{C}, NOT_REFUTED]),
    ("# A\n\nTake $\\eta \\equiv 0$. Then\n\n$$ \\Delta\\theta_j = \\eta g_j $$\n",
     [{C}, NOT_REFUTED]),
    ("# A\n\nTake $\\boldsymbol{\\eta} = 0$. Then\n\n$$ \\Delta\\theta_j = \\eta g_j $$\n",
     [{C}, NOT_REFUTED]),
    ("# A\n\nTake $η ≔ 0$. Then\n\n$$ \\Delta\\theta_j = \\eta g_j $$\n", [{C}, NOT_REFUTED]),
    # D: an activation given as a map (\mapsto), and a function defined but not read
    (NIELSEN + "$$\\sigma: z \\mapsto \\tanh(z)$$\n\n$$\\sigma'(z^l_j) = a^l_j (1 - a^l_j)$$\n",
     [{C}, NOT_HOLDS]),
    (BISHOP + "$h: a \\mapsto \\tanh(a)$\n\n$h'(a_j) = 1 - z_j^2$\n", [{C}, NOT_REFUTED]),
    (GOODFELLOW + "$f: x \\mapsto \\tanh(x)$\n\n$f'(a^{(k)}) = 1 - h^{(k)} \\odot h^{(k)}$\n",
     [{C}, NOT_REFUTED]),
    (GOODFELLOW + "$\\Omega(\\theta) = \\frac{1}{2} \\sum_k \\|W^{(k)}\\|_F^2$\n\n"
     "$J = L(\\hat{y}, y) + \\lambda \\Omega(\\theta)$\n\n$\\nabla_{b^{(k)}} J = \\nabla_{a^{(k)}} J$\n",
     [{N}, {H}, NOT_REFUTED]),
    (GOODFELLOW + "$\\Omega(\\theta) = \\frac{1}{2} \\|\\theta\\|^2$\n\n"
     "$J = L(\\hat{y}, y) + \\lambda \\Omega(\\theta)$\n\n"
     "$\\nabla_{b^{(k)}} J = \\nabla_{a^{(k)}} J + \\lambda b^{(k)}$\n", [{N}, {H}, NOT_REFUTED]),
    (D2L + "$l(o, y) = \\frac12 \\|o - y\\|^2$\n\n$\\frac{\\partial J}{\\partial o} = o - y$\n",
     [{N}, NOT_REFUTED]),
    (D2L + "$\\ell(o, y) = \\frac12 \\|o - y\\|^2$\n\n$\\frac{\\partial J}{\\partial o} = o - y$\n",
     [{N}, NOT_REFUTED]),
    # E: code of two backticks is code; one backtick around $..$ is GitHub's math
    ("Write ``$g_j = 2 + 2$`` in your notes.\n", []),
    ("And `$\\Delta\\theta_j = \\eta g_j$` here.\n", [{R}]),
]

REGRESSIONS = [
    # what must still be decided
    ("$$ \\frac{\\partial (2 z_1^{(3)})}{\\partial z_1^{(3)}} = 2 $$\n", [{H}]),
    ("$$ \\frac{\\partial z_1^{(3)}}{\\partial z_1^{(3)}} = 0 $$\n", [{R}]),
    ("$$ \\frac{\\partial E}{\\partial z_1^{(2)}} = \\delta_1^{(2)} $$\n", [{H}]),
    ("$$ \\frac{\\partial E_k}{\\partial \\beta_1} = \\delta_1^{(3)} $$\n", [{H}]),
    ("$$ \\frac{\\partial E_k}{\\partial \\beta_1} = -\\delta_1^{(3)} $$\n", [{R}]),
    (NIELSEN + "$$ \\delta^l_j = \\sum_k w^{l+1}_{kj} \\delta^{l+1}_k \\sigma'(z^l_j) $$\n",
     [{H}]),
    ("# A\n\nTake $\\eta := 0$.\n\n# B\n\n$$ \\Delta\\theta_j = \\eta g_j $$\n", [{C}, {R}]),
    ("$$ \\Delta\\theta_j = -\\eta g_j \\quad \\Delta w_{hj} = \\eta g_j b_h $$\n", [{H}, {H}]),
    ("$$ \\Delta\\theta_j = -\\eta \\quad g_j = -\\eta g_j $$\n", [{R}, {R}]),
    # a refutation for every function of the notation is not withdrawn in another section,
    # nor a formula that holds for every one
    (D2L + "$l(o, y) = \\frac12 \\|o - y\\|^2$\n\n# B\n\n$\\frac{\\partial J}{\\partial o} = o - y$\n",
     [{N}, {R}]),
    (NIELSEN + "$$\\sigma: z \\mapsto \\tanh(z)$$\n\n$$\\sigma'(z^l_j) = 1 - (a^l_j)^2$$\n",
     [{C}, {H}]),
]


@pytest.mark.parametrize("text, expected", CASES + REGRESSIONS)
def test_pass_24_and_25(text, expected):
    assert_each(text, expected)


@pytest.mark.parametrize("formula", [
    r"\Delta\theta_j = -\eta g_j \quad \Delta w_{hj} = \eta g_j b_h",
    r"\Delta\theta_j = -\eta \quad g_j = -\eta g_j",
    r"\Delta \theta_j = 0 \quad \eta = 0",
    r"\Delta\theta_j = -\eta g_j, \Delta w_{hj} = \eta g_j b_h",
])
def test_a_formula_of_two_statements_given_alone_is_not_one_chain(formula):
    with pytest.raises(ValueError, match="it makes 2 statements"):
        api.check(formula)


def test_a_formula_with_its_number_is_still_one_statement():
    assert api.check(r"g_j = \hat y_j(1-\hat y_j)(y_j-\hat y_j) \quad (5.10)").holds
    assert not api.check(r"\Delta\theta_j = \eta g_j \quad (5.12)").holds


def test_a_percent_sign_in_an_address_starts_no_comment():
    """Pass 25: in LaTeX, \\url{..%20..} holds a %, which started a "comment" that ran
    into the directive after it: exit 2, "directive not understood"."""
    doc = ("\\section{A}\nSee \\url{http://x.org/a%20b} % symnet: f = tanh\n"
           "\\[ f'(x) = 1 - f(x)^2 \\]\n\nand \\href{http://y.org/%41}{here}.\n"
           "\\[ f'(x) = f(x)(1-f(x)) \\]\n")
    assert [s for _, s, _ in verdicts(doc, "tex")] == [H, R]
