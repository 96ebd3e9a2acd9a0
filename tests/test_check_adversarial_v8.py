"""A ninth adversarial pass on ``symnet check``, on what the eighth added.  The classes
it fixed:

- a statement after a claim in the same formula that may say what the claim's symbols
  mean (``g_j = ... \\quad \\text{where } f(x) = \\tanh(x)``; ``\\text{for } f = \\tanh``)
  was applied after the claim, or not at all, so the claim was read in the default model
  (a false "holds"): the claim is not checked; an index range (``for j = 1, ..., l``)
  still leaves it checked;
- a local definition of another notation's activation (Nielsen's ``\\sigma(x) =
  \\tanh(x)``, Bishop's ``h(a) = \\tanh(a)``) was accepted and then ignored: it is in force
  for the formulas after it, as a directive is (one that is no registry activation
  leaves a formula that needs one not checked);
- ``\\frac{\\partial}{\\partial x}(\\hat y)^2`` squared the derivative: the operand is the
  bracket with its marks; a factor after the bracket is refused (which factors the
  operator takes is not said);
- the cost's arguments in another order (``L(y, \\hat y)``) were read as ``L(\\hat y, y)``;
- in a notation whose loss is fixed (Nielsen's quadratic cost), a statement of another
  cost (chapter 3's cross-entropy) was refuted, and the formulas after it read with the
  quadratic cost: it says which loss the document uses, in force after it;
- words in an alignment's remark column (``&& \\text{chain rule ...}``, as symnet's own
  derivations write them) give reasons; only a remark with a word that qualifies
  (``when``, ``for``, ``if``, ...) leaves the row not checked.
"""
import pytest

from symnet.checker.documents import check_document, check_equation
from symnet.checker.document import Equation

from verdicts import C, H, N, R

G_SIGMOID = r"g_j = \hat y_j(1-\hat y_j)(y_j - \hat y_j)"
G_TANH = r"g_j = (1-\hat y_j^2)(y_j - \hat y_j)"


@pytest.mark.parametrize("doc,expected", [
    (f"$${G_SIGMOID} \\quad \\text{{where }} f(x) = \\tanh(x)$$", [N, C]),
    (f"$${G_SIGMOID}, \\quad \\text{{其中 }} f(x) = \\tanh(x)$$", [N, C]),
    (f"$${G_SIGMOID} \\quad \\text{{for }} f = \\tanh$$", [N, C]),
    (f"$${G_TANH} \\quad \\text{{with }} f = \\tanh$$", [N, C]),
    (r"$$\Delta \theta_j = -\eta g_j, \quad \text{for } j = 1, \dots, l$$", [H, C]),
    (r"$$E_k = \frac12 \sum_j (\hat y_j - y_j)^2, \quad \text{where } "
     r"\hat y_j = f(\beta_j - \theta_j)$$", [H, H]),
])
def test_a_statement_after_a_claim_that_may_qualify_it(doc, expected):
    assert [v.status for v in check_document(doc)] == expected


@pytest.mark.parametrize("notation,definition,right,wrong", [
    ("nielsen", r"\sigma(x) = \tanh(x)", r"\delta^L_j = (a^L_j - y_j)(1 - (a^L_j)^2)",
     r"\delta^L_j = (a^L_j - y_j)a^L_j(1 - a^L_j)"),
    ("bishop", r"h(a) = \tanh(a)", r"\delta_j = (1 - z_j^2)\sum_k w_{kj}\delta_k",
     r"\delta_j = z_j(1 - z_j)\sum_k w_{kj}\delta_k"),
])
def test_a_local_definition_of_the_activation_is_in_force(notation, definition, right,
                                                         wrong):
    doc = (f"<!-- symnet: notation = {notation} -->\n# Tanh\n\nLet ${definition}$.\n\n"
           f"$${right}$$\n\n$${wrong}$$\n\n# Next\n\n$${right}$$\n")
    verdicts = check_document(doc)
    assert [v.status for v in verdicts] == [C, H, R, R], [(v.status, v.detail)
                                                          for v in verdicts]
    assert "tanh activation for the formulas after it" in verdicts[0].detail


def test_an_unread_local_activation_leaves_what_needs_one_not_checked():
    doc = ("<!-- symnet: notation = bishop -->\nLet $h(a) = \\frac{a}{1 + a^4}$.\n\n"
           "$$\\delta_j = (1 - z_j^2)\\sum_k w_{kj}\\delta_k$$\n\n"
           "$$\\delta_j = h'(a_j)\\sum_k w_{kj}\\delta_k$$\n")
    assert [v.status for v in check_document(doc)] == [C, N, H]


@pytest.mark.parametrize("formula,notation,expected", [
    (r"\frac{\partial}{\partial \beta_j}(\hat y_j)^2 = (\hat y_j(1-\hat y_j))^2", None, R),
    (r"\frac{\partial}{\partial \beta_j}(\hat y_j)^2 = 2\hat y_j^2(1-\hat y_j)", None, H),
    (r"\frac{\partial}{\partial \beta_j}(\hat y_j)\hat y_j = \hat y_j^2(1-\hat y_j)", None, N),
    (r"2\frac{\partial}{\partial \beta_j}(\hat y_j)\hat y_j = 1", None, N),
    (r"\frac{\partial}{\partial z^L_1}(a^L_1)^2 = (\sigma'(z^L_1))^2", "nielsen", R),
    (r"\nabla_{\hat y} L(y, \hat y) = \nabla_{\hat y} L(\hat y, y)", "goodfellow", N),
])
def test_operator_form_and_argument_order(formula, notation, expected):
    context = {"notation": notation} if notation else {}
    v = check_equation(Equation(1, formula, formula, context), None)
    assert v.status == expected, (formula, v.detail)


def test_another_cost_stated_in_a_notation_whose_loss_is_fixed():
    """Nielsen's chapter 3: the cross-entropy cost stated, then delta^L = a^L - y holds
    and the quadratic cost's form is refuted."""
    doc = ("<!-- symnet: notation = nielsen -->\n# Cross-entropy\n\n"
           "$$C = -\\sum_j \\left[y_j \\ln a^L_j + (1-y_j)\\ln(1-a^L_j)\\right]$$\n\n"
           "$$\\delta^L = a^L - y$$\n\n"
           "$$\\frac{\\partial C}{\\partial w^L_{jk}} = a^{L-1}_k(a^L_j - y_j)$$\n\n"
           "$$\\delta^L = (a^L - y)\\odot\\sigma'(z^L)$$\n\n# Quadratic\n\n"
           "$$\\delta^L = (a^L - y)\\odot\\sigma'(z^L)$$\n")
    verdicts = check_document(doc)
    assert [v.status for v in verdicts] == [C, H, H, R, H], [(v.status, v.detail)
                                                             for v in verdicts]
    assert "the cross-entropy loss, in force" in verdicts[0].detail


def test_a_remark_column_gives_reasons_unless_it_qualifies():
    derivation = (r"$$\begin{aligned} \Delta \theta_j &= -\eta g_j && \text{by (5.6) and "
                  r"the chain rule} \\ " + G_SIGMOID + r" && \text{SymPy's derivative}"
                  r"\end{aligned}$$")
    assert [v.status for v in check_document(derivation)] == [H, H]
    qualified = derivation.replace("SymPy's derivative", "when f is the sigmoid")
    assert [v.status for v in check_document(qualified)] == [N, N]   # the whole formula


@pytest.mark.parametrize("statement,expected", [
    (r"J = \frac12 \|\hat y - y\|^2 = \frac12 \sum_i (\hat y_i - y_i)^2", [C, H]),   # a chain
    (r"J(\theta) = \frac12 \|\hat y - y\|^2", [N, N]),       # unread: may state the loss
    # L at its own arguments is the loss (goodfellow.toml's L, read in J = L + lambda
    # Omega(theta)): the statement is read and puts the squared loss in force
    (r"L(\hat y, y) = \frac12 \|\hat y - y\|^2", [C, H]),
])
def test_statements_of_goodfellows_loss_in_other_forms(statement, expected):
    """A statement of J read as a chain puts its loss in force; one not read, whose left
    side is the cost, may state it: the gradient after it is not refuted."""
    doc = (f"<!-- symnet: notation = goodfellow -->\n$${statement}$$\n\n"
           "$$\\nabla_{\\hat{y}} J = \\hat{y} - y$$\n")
    assert [v.status for v in check_document(doc)] == expected


def test_d2ls_objective_with_its_regulariser_states_the_loss():
    doc = ("<!-- symnet: notation = d2l -->\n"
           "$$J = \\frac12 \\|\\mathbf{o} - \\mathbf{y}\\|^2 + s$$\n\n"
           "$$\\frac{\\partial J}{\\partial \\mathbf{o}} = \\mathbf{o} - \\mathbf{y}$$\n\n"
           "$$\\frac{\\partial J}{\\partial \\mathbf{o}} = \\mathbf{y} - \\mathbf{o}$$\n")
    assert [v.status for v in check_document(doc)] == [C, H, R]
