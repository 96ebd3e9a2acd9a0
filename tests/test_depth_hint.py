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
