"""Another notation's activation defined in the document (Nielsen's own chapter 1 writes
sigma(z) = 1/(1 + e^{-z})): the definition of a function of a dummy letter, never read as
the notation's z, in force after it.  An activation defined by a function the checker
does not read leaves a formula that holds only for some activations not checked: it is
never said to hold because it holds for the file's default one.  Verdicts worked out by
hand."""
import pytest

from symnet.checker.documents import check_document

NIELSEN = "<!-- symnet: notation = nielsen -->\n\n"
BP1 = r"\delta^L = \nabla_a C \odot \sigma'(z^L)"
SIGMOID_ONLY = r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)"   # sigma' = a(1 - a)


def run(*formulas):
    text = NIELSEN + "".join(f"${f}$\n\n" for f in formulas)
    return check_document(text, "md")


@pytest.mark.parametrize("definition, row", [
    (r"\sigma(z)=\frac{1}{1+e^{-z}}", "sigmoid"),
    (r"\sigma(z) = \tanh(z)", "tanh"),
    (r"\sigma(x) = \frac{1}{1 + \exp(-x)}", "sigmoid"),
])
def test_the_activation_defined_over_a_dummy_letter_is_in_force(definition, row):
    first, bp1, specific = run(definition, BP1, SIGMOID_ONLY)
    assert first.status == "not a claim"
    assert f"sigma is the {row} activation for the formulas after it" in first.detail
    assert bp1.status == "holds"
    assert specific.status == ("holds" if row == "sigmoid" else "refuted"), specific.detail


def test_an_activation_not_read_never_lends_the_default_ones_holds():
    """sigma(z) = 1/(1 + e^{z}) is no registry activation (its derivative is -a(1 - a)):
    the sigmoid's delta^L is not checked (it held under the file's sigmoid: a false
    holds); BP1, true for every activation, holds and says so."""
    first, bp1, specific = run(r"\sigma(z)=\frac{1}{1+e^{z}}", BP1, SIGMOID_ONLY)
    assert first.status == "not a claim" and "not a registry activation" in first.detail
    assert bp1.status == "holds" and "any differentiable activation" in bp1.notation
    assert specific.status == "not checked"
    assert "not one the checker reads" in specific.detail or \
        "does not hold for every one" in specific.detail


def test_a_wrong_formula_after_the_definition_is_refuted():
    _, wrong = run(r"\sigma(z)=\frac{1}{1+e^{-z}}", r"\delta^L = \nabla_a C \odot \sigma(z^L)")
    assert wrong.status == "refuted"


def test_a_function_not_read_reaches_only_the_formulas_that_write_it():
    """In Goodfellow's notation (activation f), a document's own g defined by what the
    checker does not read leaves the formulas that write g not checked, and no others
    (they were all not checked; with a chain defining sigma, the next formula raised
    AttributeError out of check)."""
    text = ("<!-- symnet: notation = goodfellow -->\n\n"
            "$g(z) = \\sigma(z) = \\frac{1}{1 + e^{-z}}$\n\n$g(z) = \\max(0, z)$\n\n"
            "$h^{(0)} = x$\n\n$h^{(k)} = f(a^{(k)})$\n\n$a^{(k)} = b^{(k)} + W^{(k)} g(h^{(k-1)})$\n")
    verdicts = check_document(text, "md")
    assert [v.status for v in verdicts[2:]] == ["holds", "holds", "not checked"]


def test_a_loss_stated_unread_lends_no_holds_but_every_loss_still_proves():
    """Bishop's file fixes the sum of squares; a document's E_n that the checker does not
    read (y with one index too many) leaves delta_k = y_k - t_k (true for some losses only)
    not checked, while the forward sum and (5.56), true for every loss, hold: they are
    proved for an arbitrary loss, which covers the document's."""
    text = ("<!-- symnet: notation = bishop -->\n\n"
            "$E_n = \\frac {1}{2} \\sum_k (y_{nk}-t_{nk})^{2}$\n\n"
            "$a_j = \\sum_i w_{ji}z_i$\n\n$\\delta_k = y_k - t_k$\n\n"
            "$\\delta_j = h'(a_j) \\sum_k w_{kj} \\delta_k$\n\n"
            "$\\delta_j = h(a_j) \\sum_k w_{kj} \\delta_k$\n")
    verdicts = check_document(text, "md")
    # h for h': false for every loss tried, but a refutation for some loss says nothing of
    # the document's own one: not checked either
    assert [v.status for v in verdicts[1:]] == ["holds", "not checked", "holds",
                                                "not checked"]
    assert "any differentiable loss" in verdicts[3].notation


@pytest.mark.parametrize("definition", [
    r"\sigma_{}(z) = \tanh(z)",          # an empty subscript: not read
    r"\sigma_{j}(z) = \tanh(z)",         # sigma with a subscript: no row of the notation
    r"\sigma^{(l)}(z) = \tanh(z)",
])
def test_the_activation_defined_with_scripts_and_not_read_lends_no_holds(definition):
    """The activation letter with a script, applied to a dummy letter and defined by tanh,
    is a definition of the activation even when it is not read: the sigmoid's delta^L
    after it is never said to hold (it held under the file's default sigmoid: a false
    holds)."""
    first, specific = run(definition, SIGMOID_ONLY)
    assert first.status == "not checked"
    assert "the formulas after it in this section are not checked" in first.detail
    assert specific.status == "not checked", specific.detail


# The book's notation: a local definition of f (or sigma, varphi) BELOW a formula, in its
# section ("... where f(x) = tanh(x)").  The formula above was decided with the default
# sigmoid; it is decided again under the definition, and where the verdicts differ it is
# not checked (it held under the sigmoid: a false holds).  Verdicts worked out by hand:
# g_j = yhat(1 - yhat)(y - yhat) is the sigmoid's (5.10); under tanh g_j = (1 - yhat^2)
# (y - yhat); -g_j b_h is dE/dw_hj for every activation.
G_SIGMOID = r"g_j = \hat y_j^k (1 - \hat y_j^k)(y_j^k - \hat y_j^k)"
G_TANH = r"g_j = (1 - (\hat y_j^k)^2)(y_j^k - \hat y_j^k)"
DW = r"\frac{\partial E_k}{\partial w_{hj}} = -g_j b_h"


def book(*formulas):
    return check_document("".join(f"${f}$\n\n" for f in formulas), "md")


@pytest.mark.parametrize("definition", [r"f(x) = \tanh(x)", r"\sigma(z) = \tanh(z)",
                                        r"f(x) = x^2"])
def test_the_book_activation_defined_below_lends_no_holds(definition):
    above, dw, defined = book(G_SIGMOID, DW, definition)
    assert above.status == "not checked", above.detail
    assert "defined below it in this section (line 5)" in above.detail
    assert "under that definition it is refuted" in above.detail
    assert dw.status == "holds", dw.detail              # true under both: kept
    assert defined.status == "not a claim"


def test_a_formula_true_under_the_definition_below_and_false_under_the_sigmoid():
    """Refuted under the sigmoid, true under the tanh defined below: not refuted."""
    above, defined = book(G_TANH, r"f(x) = \tanh(x)")
    assert above.status == "not checked", above.detail
    assert "under that definition it holds:" in above.detail


def test_the_book_activation_defined_below_and_not_read():
    """f(z) = max(0, z) + 1 is not read (max(0, z) alone is ReLU, read since
    tests/test_relu_definition.py): every formula above decided with the sigmoid is not
    checked, the ones after it neither."""
    above, dw, defined, after = book(G_SIGMOID, DW, r"f(z) = \max(0, z) + 1", DW)
    assert above.status == dw.status == after.status == "not checked"
    assert "the definition is not read: which one it means is not known" in above.detail


@pytest.mark.parametrize("other", [
    r"f(x) = \frac{1}{1+e^{-x}}",                           # the sigmoid: nothing changes
    r"f(\mathbf{x}) = \mathbf{w}^\top \mathbf{x} + b",      # a function of a vector (RBF)
])
def test_a_definition_below_that_is_the_sigmoid_or_no_activation(other):
    above, dw, _ = book(G_SIGMOID, DW, other)
    assert above.status == dw.status == "holds", above.detail


def test_a_heading_ends_the_reach_of_a_definition_below():
    text = f"# One\n\n${G_SIGMOID}$\n\n# Two\n\n$f(x) = \\tanh(x)$\n\n${G_TANH}$\n"
    above, defined, after = check_document(text, "md")
    assert above.status == after.status == "holds", (above.detail, after.detail)


def test_a_directive_above_is_not_overridden_by_a_definition_below():
    text = f"<!-- symnet: f = sigmoid -->\n\n${G_SIGMOID}$\n\n$f(x) = \\tanh(x)$\n"
    above, defined = check_document(text, "md")
    assert above.status == "holds", above.detail
