"""A regression test from the second search for Goodfellow-notation documents
(tests/notation_corpus.py, ko-rdh-ffn): a document that gives the cost its value with an
algorithm's arrow, ``J \\leftarrow (\\hat y - y)^2 + \\lambda (...)``, in a form the checker
does not read, has stated its own cost, as ``J = ...`` would.  A formula after it in its
section that depends on the cost is then not checked; before, the arrow was not seen as
a statement of the cost, and ``\\nabla_{\\hat y} J = 2(\\hat y - y)`` (true for the
document's squared error) was refuted in the notation's model with an arbitrary loss.
Verdicts worked out by hand (f, L and Omega arbitrary unless the document states them).
"""
import pytest

from symnet.checker.documents import check_document

HEAD = "<!-- symnet: notation = goodfellow -->\n\n"
CLAIM = r"g \leftarrow \nabla_{\hat{y}} J = 2 (\hat{y} - y)"
UNREAD_COST = r"(\hat{y} - y)^2 + \lambda ( \vert W \vert_F^2 + \vert v \vert_2^2)"


def document(*formulas):
    body = "".join(f"$${f}$$\n\n" for f in formulas)
    return [(v.status, v.detail) for v in check_document(HEAD + body, "md")]


@pytest.mark.parametrize("arrow", [r"\leftarrow", r"\gets", "=", ":="])
def test_a_cost_given_its_value_unread_leaves_a_claim_on_it_not_checked(arrow):
    (cost, _), (status, detail) = document(f"J {arrow} {UNREAD_COST}", CLAIM)
    assert cost == "not checked"
    assert status == "not checked", detail
    assert "cost" in detail


def test_without_the_statement_the_claim_is_refuted_for_an_arbitrary_loss():
    # the notation's J = L(hat y, y) with L arbitrary: grad J = 2(hat y - y) only for one L
    [(status, detail)] = document(CLAIM)
    assert status == "refuted", detail


def test_the_same_claim_after_a_heading_is_decided_again():
    body = f"$$J \\leftarrow {UNREAD_COST}$$\n\n## Next\n\n$${CLAIM}$$\n"
    statuses = [v.status for v in check_document(HEAD + body, "md")]
    assert statuses == ["not checked", "refuted"]


def test_an_arrow_that_gives_another_quantity_its_value_states_no_cost():
    # g <- ... is algorithm 6.4's update, not a cost: the book's line still holds after it
    assert document(r"g \leftarrow \nabla_{\hat{y}} J = \nabla_{\hat{y}} L(\hat{y}, y)",
                    r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J")[-1][0] == "holds"


def test_the_books_cost_given_with_the_arrow_is_still_read():
    statuses = [s for s, _ in document(
        r"J \leftarrow L(\hat{y}, y) + \lambda\Omega(\theta)",
        r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J + \lambda \nabla_{b^{(k)}}\Omega(\theta)",
        r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J")]
    assert statuses == ["holds", "holds", "refuted"]
