"""A document that names the layers with another letter than the notation's (algorithm
6.4 written with i: ``i = l, \\ldots, 1`` then ``a^{(i)}``): the head of a loop over all
the layers says which letter runs over them, and in the loop's section that letter is
read as the notation's k.  Without such a loop, or where the letter is also an index or
k is written too, the formula is not checked.  Verdicts worked out by hand (Goodfellow's
section 6.5, f and L arbitrary)."""
import pytest

from symnet.checker.documents import check_document

HEAD = "<!-- symnet: notation = goodfellow -->\n\n# Algorithm 6.4\n\n"
START = r"g \leftarrow \nabla_{\hat{y}} J = \nabla_{\hat{y}} L(\hat{y}, y)"
DOWN = r"i = l, l-1, \ldots, 1"
BODY = [r"g \leftarrow \nabla_{a^{(i)}} J = g \odot f'(a^{(i)})",
        r"\nabla_{b^{(i)}} J = g",
        r"\nabla_{W^{(i)}} J = g \, (h^{(i-1)})^\top",
        r"g \leftarrow \nabla_{h^{(i-1)}} J = (W^{(i)})^\top g"]


def run(*formulas):
    text = HEAD + "".join(f"${f}$\n\n" for f in formulas)
    return [(v.equation, v.status, v.detail, v.sizes) for v in check_document(text, "md")]


def test_the_algorithm_written_with_i_holds_line_by_line():
    rows = run(START, DOWN, *BODY)
    assert rows[1][1] == "not a claim" and "loop over the layers (i from l down to 1)" in \
        rows[1][2]
    for text, status, detail, sizes in rows[2:]:
        assert status == "holds", (text, detail)
        assert "i (the letter of the loop over the layers) read as the notation's k" in sizes


@pytest.mark.parametrize("wrong, named", [
    (r"\nabla_{W^{(i)}} J = g \, h^{(i)\top}", ""),                       # wrong layer
    (r"g \leftarrow \nabla_{h^{(i-1)}} J = W^{(i)} g", ""),                # no transpose
    (r"\nabla_{b^{(i)}} J = -g", "sign"),
])
def test_a_wrong_line_written_with_i_is_refuted(wrong, named):
    """The loop is closed by g's update (its body as the book writes it): the update at
    its head is then checked, and g read as its value (a g from an update not checked is
    not known: the line using it would not be checked)."""
    rows = run(START, DOWN, BODY[0], wrong, *([] if wrong.startswith("g") else BODY[3:]))
    rows = [r for r in rows if r[0] == wrong]
    assert rows[-1][1] == "refuted", rows[-1]
    assert named in rows[-1][2]


@pytest.mark.parametrize("formula, reason", [
    (r"a^{(i)}_i = b^{(i)}_i + 1", "is written as an index too"),
    (r"a^{(i)} = b^{(k)}", "it writes both i"),
])
def test_the_loop_letter_as_an_index_or_beside_k_is_not_checked(formula, reason):
    rows = run(DOWN, formula)
    assert rows[-1][1] == "not checked" and reason in rows[-1][2], rows[-1]


def test_without_a_loop_over_every_layer_another_letter_is_no_layer():
    for head in ([], [r"i = l-1, \ldots, 2"], [r"j = 1, \ldots, n"]):
        rows = run(*head, r"\nabla_{b^{(i)}} J = \nabla_{a^{(i)}} J")
        assert rows[-1][1] == "not checked", (head, rows[-1])
        assert "a layer is written k" in rows[-1][2]


def test_a_heading_ends_the_loops_letter():
    text = HEAD + f"${DOWN}$\n\n# Next\n\n$\\nabla_{{b^{{(i)}}}} J = \\nabla_{{a^{{(i)}}}} J$\n"
    last = check_document(text, "md")[-1]
    assert last.status == "not checked" and "a layer is written k" in last.detail
