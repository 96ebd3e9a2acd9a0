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
