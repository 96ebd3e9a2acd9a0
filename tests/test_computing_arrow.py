"""An algorithm's arrow that gives a quantity the network computes its value
(``a^{(k)} \\leftarrow b^{(k)} + W^{(k)} h^{(k-1)}``, as algorithm listings in another
notation write the forward pass and the gradients): read as the claim that the value is
that quantity, so a wrong one is refuted; an arrow to a free variable (a weight, a bias)
or to a quantity written on its right stays an update.  Verdicts worked out by hand in
Goodfellow's notation (section 6.5: f and L arbitrary)."""
import pytest

from symnet.checker.documents import check_document

HEAD = "<!-- symnet: notation = goodfellow -->\n\n"


def run(*formulas, head=HEAD):
    text = head + "".join(f"${f}$\n\n" for f in formulas)
    return [(v.status, v.detail, v.sizes) for v in check_document(text, "md")]


@pytest.mark.parametrize("formula", [
    r"h^{(0)} \leftarrow x",
    r"a^{(k)} \leftarrow W^{(k)}h^{(k-1)} + b^{(k)}",
    r"h^{(k)} \leftarrow f(a^{(k)})",
    r"\hat{y} \leftarrow h^{(l)}",
    r"\nabla_{b^{(k)}} J \gets \nabla_{a^{(k)}} J",
    r"\nabla_{W^{(k)}} J ← \nabla_{a^{(k)}} J \, (h^{(k-1)})^\top",
])
def test_a_computed_quantity_given_its_value_holds(formula):
    ((status, detail, sizes),) = run(formula)
    assert status == "holds", detail
    assert "a quantity the network computes, its value: read as the claim" in sizes


@pytest.mark.parametrize("formula, named", [
    (r"a^{(k)} \leftarrow W^{(k)}h^{(k-1)} - b^{(k)}", "sign"),
    (r"h^{(k)} \leftarrow f'(a^{(k)})", ""),
    (r"\nabla_{W^{(k)}} J \leftarrow \nabla_{a^{(k)}} J \, h^{(k-1)}", ""),
])
def test_a_wrong_value_of_a_computed_quantity_is_refuted(formula, named):
    ((status, detail, _),) = run(formula)
    assert status == "refuted", detail
    assert named in detail


def test_the_cost_given_its_value_with_the_regulariser_puts_it_in_force():
    rows = run(r"J \leftarrow L(\hat{y}, y) + \lambda\Omega(\theta)",
               r"\nabla_{b^{(k)}} J \leftarrow \nabla_{a^{(k)}} J")
    assert rows[0][0] == "holds"
    assert rows[1][0] == "refuted" and "regulariser's share is missing" in rows[1][1]


@pytest.mark.parametrize("formula", [
    r"W^{(k)} \leftarrow W^{(k)} - \epsilon \nabla_{W^{(k)}} J",   # a free variable changed
    r"b^{(k)} \leftarrow 0",                                        # a free variable set
    r"h^{(k)} \leftarrow h^{(k)} + 1",                              # on its own right
])
def test_an_arrow_to_a_free_variable_or_itself_stays_an_update(formula):
    ((status, detail, _),) = run(formula)
    assert status == "not a claim" and detail.startswith("an update"), detail


def test_in_the_books_own_notation_an_arrow_stays_an_update():
    ((status, detail, _),) = run(r"\hat{y}_j^k \leftarrow f(\beta_j - \theta_j)", head="")
    assert status == "not a claim" and detail.startswith("an update"), detail
