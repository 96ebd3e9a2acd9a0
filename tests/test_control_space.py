r"""A backslash at the end of a line is TeX's control space (``\`` then a newline, as
``\ ``): spacing, inside a formula or at its end.  A backslash with nothing after it
(``$a = b\$``: an escaped dollar, so the span's end is not known) stays unread.
Verdicts by hand (section 5.3: Delta theta_j = -eta g_j, (5.12))."""
import pytest

from symnet.checker.documents import check_document


@pytest.mark.parametrize("text,expected", [
    ("$$\n\\Delta \\theta_j = -\\eta g_j\\\n$$\n", ["holds"]),
    ("$$\n\\Delta \\theta_j = \\eta g_j\\\n$$\n", ["refuted"]),
    ("$$\\Delta \\theta_j = -\\eta\\\ng_j$$\n", ["holds"]),
    ("$$\\Delta \\theta_j = \\eta\\\ng_j$$\n", ["refuted"]),
    ("$$\\Delta \\theta_j = -\\eta\\\tg_j$$\n", ["holds"]),
    ("$\\Delta \\theta_j = -\\eta g_j\\$\n", ["not checked"]),
])
def test_a_backslash_before_a_line_break_is_a_space(text, expected):
    assert [v.status for v in check_document(text, "md")] == expected
