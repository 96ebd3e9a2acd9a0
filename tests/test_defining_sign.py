"""A defining sign (``:=``, ``\\coloneqq``, ``≔``, ``\\triangleq``, ``≜``,
``\\stackrel{\\text{def}}{=}``) reads as '=': a symbol the notation defines is then checked
(``h^{(0)} := x`` holds, ``a^{(k)} \\triangleq W^{(k)} h^{(k-1)} - b^{(k)}`` is refuted), a
new symbol is defined; written with the left side on its right (``w := w + \\Delta w``)
it is an update.  Verdicts worked out by hand."""
import pytest

from symnet.checker.documents import check_document

GOODFELLOW = "<!-- symnet: notation = goodfellow -->\n\n"


def verdict(formula, head=GOODFELLOW):
    (found,) = check_document(f"{head}${formula}$\n", "md")
    return found.status, found.detail


@pytest.mark.parametrize("sign", [":=", r"\coloneqq", r"\coloneq", r"\defeq", "≔",
                                  r"\triangleq", "≜",
                                  r"\stackrel{\text{def}}{=}", r"\overset{def}{=}"])
def test_a_defining_sign_reads_as_equals(sign):
    assert verdict(rf"a^{{(k)}} {sign} b^{{(k)}} + W^{{(k)}} h^{{(k-1)}}")[0] == "holds"
    status, detail = verdict(rf"a^{{(k)}} {sign} W^{{(k)}} h^{{(k-1)}} - b^{{(k)}}")
    assert status == "refuted" and "sign" in detail, detail


def test_in_the_books_notation():
    assert verdict(r"\Delta w_{hj} := \eta g_j b_h", head="")[0] == "holds"
    assert verdict(r"\Delta w_{hj} := -\eta g_j b_h", head="")[0] == "refuted"


@pytest.mark.parametrize("formula, head", [
    (r"w_{hj} := w_{hj} + \Delta w_{hj}", ""),
    (r"W^{(k)} := W^{(k)} - \epsilon \nabla_{W^{(k)}} J", GOODFELLOW),
    (r"h^{(k)} := h^{(k)} + 1", GOODFELLOW),
])
def test_the_left_side_written_on_the_right_is_an_update(formula, head):
    status, detail = verdict(formula, head)
    assert status == "not a claim" and detail.startswith("an update"), detail


def test_two_defining_signs_are_not_read():
    assert verdict(r"h^{(0)} := x := 1")[0] == "not checked"


@pytest.mark.parametrize("relation", [r"\eqqcolon", r"\eqcolon", r"\doteq"])
def test_another_relation_is_listed_not_checked_never_dropped(relation):
    """b =: a (the right side defined) and a \\doteq b are no '=': listed, not checked
    (the equation vanished from the output before)."""
    status, detail = verdict(rf"b^{{(k)}} + W^{{(k)}} h^{{(k-1)}} {relation} a^{{(k)}}")
    assert status == "not checked" and relation in detail, detail
