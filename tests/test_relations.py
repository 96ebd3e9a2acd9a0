r"""One table of relation spellings (symnet.checker.relations): every regular expression
that looks for a relation is built from it, so a spelling is known everywhere or nowhere.

Before the table, \leqslant and \geqslant were known to the range rules but not to the
condition rules: ``b_h = b_1 \text{ for } h \leqslant 1`` was refuted at h = 2, which
the condition excludes (a false "refuted"), and ``\quad 1 \leqslant h \leqslant 1`` was
"cannot read it"."""
import re

import pytest

from symnet.checker.relations import ORDER, RELATIONS_BY_MEANING, pattern
from verdicts import C, H, N, NOT_REFUTED, R, verdicts


@pytest.mark.parametrize("meaning", sorted(RELATIONS_BY_MEANING))
def test_every_spelling_is_matched_whole(meaning):
    characters, commands = RELATIONS_BY_MEANING[meaning]
    spellings = list(characters) + ["\\" + c for c in commands]
    found = re.compile(pattern(meaning))
    for spelling in spellings:
        assert found.fullmatch(spelling), spelling
    assert not any(found.fullmatch("\\" + c + "x") for c in commands)


def test_a_command_is_not_the_start_of_another():
    order = re.compile(pattern(*ORDER))
    for text in (r"\left", r"\lesssim", r"\geqslantx", r"\newline", r"\infty"):
        assert not order.match(text), text
    assert re.compile(pattern("element of")).fullmatch(r"\in")
    assert not re.compile(pattern("element of")).match(r"\infty")


CASES = [
    # a narrower range written with the slanted signs is a condition: no refutation
    ("$$ b_h = b_1 \\text{ for } h \\leqslant 1 $$\n", [NOT_REFUTED, {C, N}]),
    ("$$ b_h = b_1, \\quad 1 \\leqslant h \\leqslant 1 $$\n", [NOT_REFUTED, {C, N}]),
    ("$$ b_h = b_1 \\quad (1 \\leqslant h \\leqslant 1) $$\n", [NOT_REFUTED, {C, N}]),
    ("$$ b_h = b_1 \\quad (h \\geqslant 2,\\ h \\leqq 2) $$\n", [NOT_REFUTED, {C, N}]),
    # the whole range stays a label: a true formula holds, a false one is refuted
    ("$$ e_h = b_h(1-b_h)\\sum_{j=1}^{l} w_{hj} g_j \\quad (1 \\leqslant h \\leqslant q) $$\n",
     [{H}]),
    ("$$ b_h = b_1 \\quad (1 \\leqslant h \\leqslant q) $$\n", [{R}]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_slanted_signs_are_read_as_the_others(text, expected):
    got = verdicts(text)
    assert len(got) == len(expected), got
    for (_, status, _), allowed in zip(got, expected):
        assert status in allowed, (text, got)
