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
