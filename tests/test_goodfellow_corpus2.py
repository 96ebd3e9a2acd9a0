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


# -- a quantity written as a function of the input: h^{(0)}(x) ----------------------------
# en-wikistat-mlp writes Larochelle's h^{(0)}(x) = x, a^{(k)}(x) = b^{(k)} + W^{(k)}
# h^{(k-1)}(x): read as a product, h^{(0)} (x) is a column times a column, and the formula
# was refuted for its shapes, though it states the book's h^{(0)} = x.

def one(text):
    from symnet.checker.document import Equation
    from symnet.checker.documents import check_equation
    return check_equation(Equation(1, text, text, {"notation": "goodfellow"}), None)


@pytest.mark.parametrize("text", [
    r"h^{(0)}(x)=x",
    r"a^{(k)}(x)=b^{(k)}+W^{(k)} h^{(k-1)}(x)",
    r"h^{(0)}(x) = 2x",               # not refuted either: X(x) has no one meaning
])
def test_a_quantity_before_its_argument_is_not_read_as_a_product(text):
    verdict = one(text)
    assert verdict.status == "not checked", verdict.detail
    assert "function of it" in verdict.detail


@pytest.mark.parametrize("text, status", [
    # a product that fits, its factor in parentheses: still a product, read
    (r"a^{(k)} = b^{(k)} + W^{(k)}(h^{(k-1)})", "holds"),
    (r"a^{(k)} = b^{(k)} + W^{(k)}(2h^{(k-1)})", "refuted"),
    # shapes that do not fit, with no argument in parentheses: refuted as before
    (r"a^{(k)} = b^{(k)} + h^{(k-1)} W^{(k)}", "refuted"),
    (r"h^{(0)} = x", "holds"),
])
def test_products_are_read_as_before(text, status):
    verdict = one(text)
    assert verdict.status == status, verdict.detail
