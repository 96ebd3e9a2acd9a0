"""``X = Q = R`` in another notation, X a symbol the notation has no row for (a document's
own delta^(l), or g written with '=' for the book's gradient): X is the document's name for
Q, its definition, and the claim Q = R is checked.  Verdicts worked out by hand in
Goodfellow's notation (f and L arbitrary)."""
import pytest

from symnet.checker.documents import check_document

HEAD = "<!-- symnet: notation = goodfellow -->\n\n"
OUTPUT = (r"\delta^{(l)} = \nabla_{a^{(l)}} J = f'(a^{(l)}) \odot \nabla_{h^{(l)}} J "
          r"= f'(a^{(l)}) \odot \nabla_{\hat{y}} L(\hat{y}, y)")


def verdict(formula):
    (found,) = check_document(f"{HEAD}$${formula}$$\n", "md")
    return found.status, found.detail, found.sizes


def test_the_documents_own_name_at_the_head_of_a_true_chain():
    status, detail, sizes = verdict(OUTPUT)
    assert status == "holds", detail
    assert r"\delta^{(l)} is the document's name for the side after it" in sizes


@pytest.mark.parametrize("wrong", [
    r"\delta^{(l)} = \nabla_{a^{(l)}} J = f'(a^{(l)}) + \nabla_{h^{(l)}} J",
    r"\delta^{(l)} = \nabla_{a^{(l)}} J = \nabla_{h^{(l)}} J",
    r"\mathbf{g} = \nabla_{\hat{y}} J = -\nabla_{\hat{y}} L(\hat{y}, y)",
])
def test_a_wrong_chain_after_the_name_is_refuted(wrong):
    assert verdict(wrong)[0] == "refuted"


@pytest.mark.parametrize("formula", [
    r"\delta^{(k)} = \nabla_{a^{(k)}} J",                   # a definition alone: no claim
    r"\delta^{(k)} = \nabla_{a^{(k)}} J = \delta^{(k)}",    # the name on its own right
    r"k = l = 3",                                           # an index letter
])
def test_no_name_is_taken_where_it_would_be_a_guess(formula):
    status, _, sizes = verdict(formula)
    assert "the document's name" not in sizes
    assert status != "holds"
