"""A document that gives the matrix notation's network another depth (n = 3) than the
network it is checked in (the notes' 3,4,4,3): a formula naming its layers by number is
not checked, and the reason says how many sizes to give with --layers (also when
--layers 3,4,4,3 was given, which is that same network).  Following the hint decides it.
"""
import pytest

from symnet.checker.documents import check_document

DOC = "# Net\n\nHere $n = 3$.\n\n$${}$$\n"
TRUE = r"\delta^{(3)} = (a^{(3)} - y) \odot f'(z^{(3)})"
FALSE = r"\delta^{(3)} = (y - a^{(3)}) \odot f'(z^{(3)})"


@pytest.mark.parametrize("layers", [None, [3, 4, 4, 3]])
def test_the_reason_names_the_depth_to_give(layers):
    verdict = check_document(DOC.replace("{}", TRUE), "md", layers)[-1]
    assert verdict.status == "not checked"
    assert "3 layers (line 3)" in verdict.detail
    assert "--layers, 3 numbers" in verdict.detail


@pytest.mark.parametrize("formula, expected", [(TRUE, "holds"), (FALSE, "refuted")])
def test_following_the_hint_decides_it(formula, expected):
    verdict = check_document(DOC.replace("{}", formula), "md", [3, 4, 3])[-1]
    assert verdict.status == expected, verdict.detail


# -- sizes of the single hidden layer given in a chain (q = l = 1) ----------------------
# e_h = b_h (1 - b_h) sum_j w_hj g_j is b_h (1 - b_h) w_h1 g_1 when there is one output
# (l = 1) and false for l >= 2: after the document gives l = 1 it must not be refuted.

E_H_ONE_OUTPUT = r"e_h = b_h(1-b_h) w_{h1} g_1"
E_H_WRONG = r"e_h = b_h(1-b_h) w_{h1} g_1 + 1"          # false at every size


def _last(given: str, formula: str):
    return check_document(f"# A\n\nLet ${given}$.\n\n$${formula}$$\n", "md")[-1]


@pytest.mark.parametrize("given", ["q = l = 1", "l = q = 1", "l = 1", "l=1,"])
def test_a_size_given_in_a_chain_is_one_given(given):
    verdict = _last(given, E_H_ONE_OUTPUT)
    assert verdict.status in ("holds", "not checked"), verdict.detail
    assert "l = 1" in verdict.detail or "1,1" in verdict.sizes or "2,3,1" in verdict.detail


def test_every_size_given_in_a_chain_decides_it_in_that_network():
    verdict = _last("d = q = l = 1", E_H_ONE_OUTPUT)
    assert verdict.status == "holds", verdict.detail
    assert "1,1,1" in verdict.sizes


@pytest.mark.parametrize("given", ["d = q = l = 1", "q = l = 1", "l = 1"])
def test_a_formula_false_at_the_sizes_given_is_refuted(given):
    assert _last(given, E_H_WRONG).status == "refuted"


# -- another notation's depth given (Nielsen's L = 3, Goodfellow's l = 3) -----------------
# The statement itself is not a claim: it says which network the formulas after it are
# decided in (it was "not checked: 'L' has no meaning in the nielsen notation", though it
# set the depth all the same).  BP1 at layer 3 holds when L = 3; its sign flipped does not.

@pytest.mark.parametrize("notation, given", [("nielsen", "L = 3"), ("goodfellow", "l = 3"),
                                             ("nielsen", "L = 3.")])
def test_another_notations_depth_given_is_not_a_claim(notation, given):
    got = check_document(f"<!-- symnet: notation = {notation} -->\n\nHere ${given}$\n", "md")
    assert [v.status for v in got] == ["not a claim"], got[0].detail
    assert "depth" in got[0].detail, got[0].detail


@pytest.mark.parametrize("formula, expected", [
    (r"\delta^3_j = (a^3_j - y_j) \sigma'(z^3_j)", "holds"),
    (r"\delta^3_j = (y_j - a^3_j) \sigma'(z^3_j)", "refuted"),
])
def test_the_depth_given_decides_what_follows(formula, expected):
    got = check_document("<!-- symnet: notation = nielsen -->\n\n# A\n\nHere $L = 3$.\n\n"
                         f"$${formula}$$\n", "md")
    assert [v.status for v in got] == ["not a claim", expected], [v.detail for v in got]


def test_a_letter_that_is_not_the_last_layers_is_not_read_as_a_depth():
    got = check_document("<!-- symnet: notation = nielsen -->\n\nHere $l = 2$.\n", "md")
    assert got[0].status == "not checked", got[0].detail
