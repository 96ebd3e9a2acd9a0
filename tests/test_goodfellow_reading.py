"""Three reading rules that Goodfellow-notation documents need (section 6.5 of Deep
Learning: a^(k) = b^(k) + W^(k) h^(k-1), h^(k) = f(a^(k)), J = L(hat y, y) + lambda
Omega(theta), algorithm 6.4's running gradient g), each general, each with a true formula
read as holding, a wrong variant refuted, and an input whose meaning is not fixed left
not checked.  Verdicts worked out by hand (f, L and Omega arbitrary).

1. A transpose written after a function's argument, ``f'(a^{(k)})^T``, is the transpose
   of the function's value, as ``(f'(a^{(k)}))^T`` (as f(x)^2 is (f(x))^2).
2. ``dN/dX = 0`` by a whole vector X: the notation fixes no layout for dN/dX with N a
   scalar expression (a row or a column), but the claim is about its entries dN_i/dX_j,
   which are all 0 in every layout or in none.  Only where the derivative is a side alone
   and the other side is the number 0.
3. ``g \\leftarrow Q = R`` whose claim Q = R is refuted (or not checked): the algorithm's
   g may be Q or R.  A formula that uses g keeps its verdict where it is decided alike
   with g read as Q and as R (every side); otherwise it is not checked, as before.
"""
import pytest

from symnet.checker.document import Equation
from symnet.checker.documents import check_document, check_equation

HEAD = "<!-- symnet: notation = goodfellow -->\n\n"
COST = r"J = L(\hat{y}, y) + \lambda\Omega(\theta)"


def one(text):
    return check_equation(Equation(1, text, text, {"notation": "goodfellow"}), None)


def document(*formulas):
    body = "".join(f"$${f}$$\n\n" for f in formulas)
    return [(v.status, v.detail) for v in check_document(HEAD + body, "md")]


# -- 1. f'(a)^T: the transpose of the value ---------------------------------------------

@pytest.mark.parametrize("text", [
    # the inner product of f'(a) and grad_h J, written either way round
    r"f'(a^{(k)})^T \nabla_{h^{(k)}}J = (\nabla_{h^{(k)}}J)^T f'(a^{(k)})",
    r"f^\prime(a^{(k)})^\intercal \nabla_{h^{(k)}}J = (\nabla_{h^{(k)}}J)^\top f'(a^{(k)})",
    r"(f'(a^{(k)})^T)^T = f'(a^{(k)})",
])
def test_a_transpose_after_the_argument_is_read(text):
    assert one(text).status == "holds", one(text).detail


@pytest.mark.parametrize("text", [
    # en-seminar-6.5's error: f'(a)^T g is a scalar, the gradient by a^(k) a column
    r"\nabla_{a^{(k)}}J = f'(a^{(k)})^T \nabla_{h^{(k)}}J",
    # the inner product is not that of f'(a) and grad_a J (an f' factor too many)
    r"f'(a^{(k)})^T \nabla_{h^{(k)}}J = f'(a^{(k)})^T \nabla_{a^{(k)}}J",
    # a sign
    r"f'(a^{(k)})^T \nabla_{h^{(k)}}J = -(\nabla_{h^{(k)}}J)^T f'(a^{(k)})",
])
def test_a_wrong_formula_with_it_is_refuted(text):
    assert one(text).status == "refuted", one(text).detail


def test_a_function_the_notation_lacks_stays_not_checked():
    verdict = one(r"\phi(a^{(k)})^T \nabla_{h^{(k)}}J = (\nabla_{h^{(k)}}J)^T \phi(a^{(k)})")
    assert verdict.status == "not checked"


# -- 2. dN/dX = 0 by a whole vector ------------------------------------------------------

def test_a_scalar_that_does_not_depend_on_a_vector_has_derivative_zero():
    # joonhyeok-dl's justification: Omega depends on the parameters only
    found = document(COST, r"\because \frac{\partial \lambda\Omega(\theta)}{\partial "
                           r"\hat{y}} = 0", r"0 = \frac{\partial \Omega(\theta)}{\partial "
                           r"h^{(k)}}")
    assert [s for s, _ in found] == ["holds"] * 3, found


@pytest.mark.parametrize("text", [
    r"\frac{\partial L(\hat{y}, y)}{\partial \hat{y}} = 0",            # L depends on hat y
    r"\frac{\partial \lambda\Omega(\theta)}{\partial b^{(k)}} = 0",    # Omega on b^(k)
    r"\frac{\partial a^{(k)}}{\partial h^{(k-1)}} = 0",                # W^(k), not 0
])
def test_a_derivative_that_is_not_zero_is_refuted(text):
    found = document(COST, text)
    assert found[1][0] == "refuted", found


@pytest.mark.parametrize("text", [
    r"\frac{\partial \lambda\Omega(\theta)}{\partial \hat{y}} = 1",    # not 0: a layout
    r"\frac{\partial \lambda\Omega(\theta)}{\partial \hat{y}} + \nabla_{\hat{y}} J = "
    r"\nabla_{\hat{y}} J",                                             # not a side alone
])
def test_without_zero_alone_the_layout_is_still_not_fixed(text):
    found = document(COST, text)
    assert found[1][0] == "not checked", found
    assert "layout is not fixed" in found[1][1]


# -- 3. g after an update whose claim is refuted ----------------------------------------

#: an update whose claim is false (a factor 2 too many): g is grad_a J or twice it
WRONG_UPDATE = r"g \leftarrow \nabla_{a^{(k)}}J = 2 \nabla_{h^{(k)}}J \odot f'(a^{(k)})"


def test_the_update_itself_is_refuted():
    assert document(COST, WRONG_UPDATE)[1][0] == "refuted"


@pytest.mark.parametrize("text", [
    # a sign: -g is neither grad_a J nor twice it
    r"\nabla_{b^{(k)}}J = -g + \lambda\nabla_{b^{(k)}}\Omega(\theta)",
    # en-seminar-6.5's missing '+': a product of two columns, whatever g is
    r"\nabla_{b^{(k)}}J = g \lambda\nabla_{b^{(k)}}\Omega(\theta)",
    # Omega's share left out (the regulariser is in force)
    r"\nabla_{W^{(k)}}J = g (h^{(k-1)})^T",
])
def test_a_formula_false_with_g_as_either_side_is_refuted(text):
    found = document(COST, WRONG_UPDATE, text)
    assert found[2][0] == "refuted", found
    assert "decided alike with g read as each side" in found[2][1]


def test_a_formula_true_with_g_as_either_side_holds():
    found = document(COST, WRONG_UPDATE, r"g + \nabla_{b^{(k)}}J = \nabla_{b^{(k)}}J + g")
    assert found[2][0] == "holds", found


@pytest.mark.parametrize("text", [
    # true with g = grad_a J, false with g = 2 grad_h J (.) f'(a): which is meant?
    r"\nabla_{b^{(k)}}J = g + \lambda\nabla_{b^{(k)}}\Omega(\theta)",
    r"\nabla_{W^{(k)}}J = g (h^{(k-1)})^T + \lambda\nabla_{W^{(k)}}\Omega(\theta)",
    r"\nabla_{h^{(k-1)}}J = (W^{(k)})^T g",
])
def test_a_formula_decided_otherwise_with_the_other_side_is_not_checked(text):
    found = document(COST, WRONG_UPDATE, text)
    assert found[2][0] == "not checked", found
    assert "which of Q and R g is, is not known" in found[2][1]


def test_an_unread_right_side_leaves_g_unknown():
    # the right side names a layer 'a' (a typo): g may be a value not read
    found = document(COST, r"g \leftarrow \nabla_{a^{(k)}}J = \nabla_{h^{(k)}}J \odot "
                           r"f'(a^{(a)})", r"\nabla_{b^{(k)}}J = -g + \lambda\nabla_{b^{(k)}}"
                           r"\Omega(\theta)")
    assert found[1][0] == "not checked" and found[2][0] == "not checked", found


#: algorithm 6.4's loop with en-seminar-6.5's wrong first line (f'(a)^T g, a scalar)
LOOP = (COST, r"g \leftarrow \nabla_{\hat{y}}J = \nabla_{\hat{y}}L(\hat{y},y)", r"k = l, \ldots, 1")
LAST = r"g \leftarrow \nabla_{h^{(k-1)}}J = (W^{(k)})^T g"


def test_a_loop_refutation_at_its_first_iteration_with_either_side():
    """In a loop, g's value on entering iteration k comes from the body's last update for
    iteration k + 1, whose claim was read with g as the first update's Q: R, read with
    that entry value, is one of g's values at the first iteration (k = l) only, where the
    entry value is the value before the loop.  A formula refuted there with g as Q and as
    R is refuted (a claim over every layer is false at one); one that holds with g as Q
    is not checked (at k < l g's value is not known)."""
    found = document(*LOOP, r"g \leftarrow \nabla_{a^{(k)}}J = f'(a^{(k)})^T g",
                     r"\nabla_{b^{(k)}}J = -g + \lambda\nabla_{b^{(k)}}\Omega(\theta)",
                     r"\nabla_{W^{(k)}}J = g (h^{(k-1)})^T + \lambda\nabla_{W^{(k)}}\Omega"
                     r"(\theta)", LAST)
    assert [s for s, _ in found] == ["holds", "holds", "not a claim", "refuted", "refuted",
                                     "not checked", "not checked"], found
    assert "at the loop's first iteration, k = l" in found[4][1]
    assert "which of Q and R g is, is not known" in found[5][1]


def test_a_loop_line_that_holds_with_the_other_side_at_the_first_iteration():
    # refuted with g = grad_a J; with g = 2 grad_h J (.) f'(a) (R) it holds at k = l
    found = document(*LOOP, r"g \leftarrow \nabla_{a^{(k)}}J = 2 g \odot f'(a^{(k)})",
                     r"\nabla_{b^{(k)}}J = \frac{1}{2} g + \lambda\nabla_{b^{(k)}}\Omega"
                     r"(\theta)", LAST)
    assert [s for s, _ in found] == ["holds", "holds", "not a claim", "refuted",
                                     "not checked", "not checked"], found


def test_one_layer_is_put_only_in_layer_superscripts():
    from symnet.checker.parse import parse
    from symnet.checker.registers import at_layer
    from symnet.checker.tree import Node, same_tree
    last = ("k", Node("name", ("l",)))
    assert same_tree(at_layer(parse(r"{h^{(k-1)}}^T"), last), parse(r"{h^{(l-1)}}^T"))
    with pytest.raises(ValueError):            # k as an index too: not read at one layer
        at_layer(parse(r"a^{(k)}_k"), last)
