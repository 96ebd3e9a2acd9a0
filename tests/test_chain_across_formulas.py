r"""A chain written one link per formula, and f right after a one-character subscript.

1. Markdown notes often write a derivation one line per span: ``$e_h = A$`` on one line,
   ``$= B$`` on the next, ``$= C$`` below.  A formula that begins with a relation, on the
   line right below another with nothing but delimiters between, continues that
   formula's last chain: each link is read as "left side = its right side" and shown as
   written.  Anywhere else (a blank line or words between) no left side is guessed.
2. ``g_jf'(x)`` is g_j times f'(x) (a subscript without braces is one character): the
   f after it applies to its argument, as in ``g_j f'(x)``.
3. Equations grouped by a cases brace are rows, with an equation number after the
   ``\end{cases}`` too (``\begin{cases} .. \end{cases} \tag{4.1}``).

Verdicts worked out by hand (section 5.3: e_h = b_h (1 - b_h) sum_j w_hj g_j, (5.15)).
"""
import pytest

from symnet.checker.documents import check_document, check_equation
from symnet.checker.document import Equation

FIRST = r"$e_h = -\frac{\partial E_k}{\partial b_h} \cdot \frac{\partial b_h}{\partial \alpha_h}$"
TRUE = r"$= \sum_{j=1}^{l} w_{hj} g_j f'(\alpha_h - \gamma_h)$"
FALSE = r"$= \sum_{j=1}^{l} w_{hj} g_j f'(\beta_j - \theta_j)$"


def verdicts(text, kind="md"):
    return [(v.line, v.status, v.equation, v.sizes, v.detail) for v in check_document(text, kind)]


def test_a_link_on_the_next_line_is_read_with_the_chains_left_side():
    found = verdicts(f"{FIRST}\n{TRUE}\n$=b_h(1-b_h)\\sum_{{j=1}}^{{l}} w_{{hj}} g_j$\n")
    assert [f[1] for f in found] == ["holds"] * 3
    line, _, shown, sizes, _ = found[1]
    assert line == 2 and shown.startswith("=")                  # shown as written
    assert "continuing the chain of line 1 (left side e_h)" in sizes
    assert "continuing the chain of line 2 (left side e_h)" in found[2][3]


def test_a_wrong_link_is_refuted():
    found = verdicts(f"{FIRST}\n{FALSE}\n")
    assert [f[1] for f in found] == ["holds", "refuted"], found


@pytest.mark.parametrize("display", [
    "$$\n{0}\n$$\n$$\n{1}\n$$\n",
    "\\[{0}\\]\n\\[{1}\\]\n",
])
def test_display_blocks_one_below_the_other_continue_too(display):
    text = display.format(FIRST.strip("$"), FALSE.strip("$"))
    assert [f[1] for f in verdicts(text)] == ["holds", "refuted"]


@pytest.mark.parametrize("between", ["\n\n", "\nso that\n", "\n$x_1 = 1$ and\n"])
def test_no_left_side_is_guessed_elsewhere(between):
    found = verdicts(f"{FIRST}{between}{TRUE}\n")
    assert found[-1][1] == "not checked", found


def test_a_link_after_a_formula_without_a_relation_is_not_read():
    found = verdicts("$e_h$\n" + TRUE + "\n")
    assert found[-1][1] == "not checked", found


@pytest.mark.parametrize("text,expected", [
    (r"e_h = \sum_{j=1}^{l} w_{hj}g_jf'(\alpha_h - \gamma_h)", "holds"),
    (r"e_h = \sum_{j=1}^{l} w_{hj}g_jf'(\beta_j - \theta_j)", "refuted"),
    (r"e_h = f'(\alpha_h - \gamma_h)\sum_{j=1}^{l} w_{hj}g_j", "holds"),
])
def test_f_after_a_one_character_subscript_is_a_function(text, expected):
    assert check_equation(Equation(1, text, text, {}), None).status == expected


@pytest.mark.parametrize("after", ["", r" \tag{4.1}", r"\label{eq:5}", r" \tag*{(2)} "])
def test_equations_in_cases_are_rows_with_a_number_after_them(after):
    text = (r"$$\begin{cases} \Delta \theta_j = \eta g_j \\ \Delta \gamma_h = -\eta e_h "
            r"\end{cases}" + after + "$$\n")
    assert [f[1] for f in verdicts(text)] == ["refuted", "holds"]


@pytest.mark.parametrize("range_", [r", \quad h = 1, \ldots, q", r" \qquad (h=1,2,\dots,q)"])
def test_a_whole_index_range_beside_the_chain_above_is_no_second_statement(range_):
    above = FIRST[:-1] + range_ + "$"
    assert [f[1] for f in verdicts(f"{above}\n{TRUE}\n")][-1] == "holds"
    assert [f[1] for f in verdicts(f"{above}\n{FALSE}\n")][-1] == "refuted"


def test_a_range_of_some_units_beside_the_chain_above_leaves_the_link_unread():
    above = FIRST[:-1] + r", \quad h = 1, \ldots, 3$"
    assert verdicts(f"{above}\n{FALSE}\n")[-1][1] == "not checked"
