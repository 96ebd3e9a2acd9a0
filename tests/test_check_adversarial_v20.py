"""Adversarial pass 20: a chain continued one link per formula (``$= B$`` on the line
right below ``$e_h = A$``) and f after a one-character subscript (``g_jf'(x)``).

A link read with its chain's left side (``e_h = B``) says what the link says (A = B) only
where the chain above is one chain of '=' that holds, and only where it is known which
chain it continues.  Found by this pass, on the code of commit 79d8bcb:

* a chain with another relation (``\\hat y_j \\approx \\beta_j`` then ``= \\sum_h
  w_{hj} b_h``) was read as \\hat y_j = sum: a true link (beta_j = sum) was refuted;
* a formula of several statements above (``\\beta_j = .., \\alpha_h = ..``, or aligned
  rows) had its last one continued, though the link may continue either: refuted a
  true link; a formula with no statement between (``$\\beta_j$`` on its own line) was
  skipped and the chain two lines up continued;
* below a link refuted or not checked, the next link was read with the left side: it
  held (``e_h = C``) where it says B = C with B wrong, or was refuted where B = C holds;
* below a definition or a value (``f(x) = x^2``, ``x_1 = 1``) the link was read as a
  new definition (``f(x) = x + x``) and put in force: ``f(3) = 9`` below was refuted;
* a link that begins with spacing, ``{}`` or \\therefore before its '=' was not read (or
  said "defines a new symbol 'therefore'" / 'displaystyle');
* the note "read as continuing .." began with "; " where the sizes were empty.

Verdicts worked out by hand (section 5.3: beta_j = sum_h w_hj b_h, alpha_h = sum_i v_ih
x_i, e_h = b_h (1 - b_h) sum_j w_hj g_j, f the sigmoid)."""
import pytest

from symnet.checker.document import Equation
from symnet.checker.documents import check_document, check_equation

E_H = r"$e_h = -\frac{\partial E_k}{\partial b_h} \cdot \frac{\partial b_h}{\partial \alpha_h}$"
E_TRUE = r"$= \sum_{j=1}^{l} w_{hj} g_j f'(\alpha_h - \gamma_h)$"
E_FALSE = r"$= \sum_{j=1}^{l} w_{hj} g_j f'(\beta_j - \theta_j)$"
BETA = r"\beta_j = \sum_{h=1}^{q} w_{hj} b_h"
ALPHA = r"\alpha_h = \sum_{i=1}^{d} v_{ih} x_i"
SUM_WB = r"= \sum_{h=1}^{q} w_{hj} b_h"
SUM_VX = r"= \sum_{i=1}^{d} v_{ih} x_i"
H, R, NC, NAC = "holds", "refuted", "not checked", "not a claim"

CASES = [
    # --- defects: each fails on the code of commit 79d8bcb --------------------------------
    # a chain with another relation: a ~ b = c says nothing of a = c
    (f"$\\hat y_j \\approx \\beta_j$\n${SUM_WB}$\n", "md", [NC, NC]),
    (f"$\\hat y_j = f(\\beta_j - \\theta_j) \\approx \\beta_j$\n${SUM_WB}$\n", "md", [NC, NC]),
    (f"$\\hat y_j \\le 1$\n${SUM_WB}$\n", "md", [NC, NC]),
    (f"$w_{{hj}} \\gets w_{{hj}} + \\Delta w_{{hj}}$\n$= w_{{hj}} - \\eta g_j b_h$\n", "md",
     [NAC, NC]),
    # several statements above: which chain the link continues is not known
    (f"${BETA}, \\quad {ALPHA}$\n${SUM_WB}$\n", "md", [H, H, NC]),
    (f"$$\n\\begin{{aligned}}\n{BETA} \\\\\n{ALPHA}\n\\end{{aligned}}\n$$\n$$\n{SUM_WB}\n$$\n",
     "md", [H, H, NC]),
    (f"${ALPHA}, \\quad {BETA}$\n${SUM_VX}$\n", "md", [H, H, NC]),
    # a formula without a statement between: the link is not right below the chain
    (f"$\\hat y_j = f(\\beta_j - \\theta_j)$\n$\\beta_j$\n${SUM_WB}$\n", "md", [H, NC]),
    (f"${BETA}$\n$\\,$\n${SUM_VX}$\n", "md", [H, NC]),
    # below a link that does not hold, the next link is not read with the left side
    (f"$\\beta_j = \\sum_{{i=1}}^{{d}} v_{{ih}} x_i$\n$= \\alpha_h$\n", "md", [R, NC]),
    (f"{E_H}\n{E_FALSE}\n{E_TRUE}\n", "md", [H, R, NC]),
    (f"$\\hat y_j = y_j$\n$= f(\\beta_j - \\theta_j)$\n", "md", [NAC, NC]),
    # below a definition or a value: the link is no definition of its own
    ("$f(x) = x^2$\n$= x + x$\n$f(3) = 9$\n", "md", [NAC, NC, NC]),
    ("$x_1 = 1$\n$= 2$\n", "md", [NAC, NC]),
    # spacing, {} or \therefore before the link's '='
    (f"{E_H}\n$\\displaystyle {E_FALSE[1:]}\n", "md", [H, R]),
    (f"{E_H}\n${{}} {E_FALSE[1:]}\n", "md", [H, R]),
    (f"{E_H}\n$\\therefore {E_TRUE[1:]}\n", "md", [H, H]),
    (f"{E_H}\n$\\, {E_TRUE[1:]}\n", "md", [H, H]),
    (f"$\\therefore {SUM_VX}$\n", "md", [NC]),
    (f"$\\displaystyle {SUM_VX}$\n", "md", [NC]),
    # --- already right on 79d8bcb: pinned -------------------------------------------------
    (f"{E_H}\n{E_TRUE}\n", "md", [H, H]),
    (f"{E_H}\n{E_FALSE}\n", "md", [H, R]),
    (f"{E_H}\n$\\qquad {E_FALSE[1:]}\n", "md", [H, R]),
    (f"{E_H}\n$\\approx {E_TRUE[3:]}\n", "md", [H, NC]),
    (f"{E_H}\n$\\le {E_TRUE[3:]}\n", "md", [H, NC]),
    (f"{E_H}\n$\\Rightarrow e_h {E_TRUE[1:]}\n", "md", [H, NC]),
    (f"$a = 1, {E_H[1:]}\n{E_FALSE}\n", "md", [NC, H, NC]),
    (f"${BETA} + 1$\n$= 1 + \\sum_{{h=1}}^{{q}} w_{{hj}} b_h$\n".replace(
        "\\beta_j =", "\\beta_j + 1 ="), "md", [H, H]),
    (f"${BETA} + 1$\n$= 2 + \\sum_{{h=1}}^{{q}} w_{{hj}} b_h$\n".replace(
        "\\beta_j =", "\\beta_j + 1 ="), "md", [H, R]),
    (f"$$\n\\begin{{aligned}}\ne_h &{E_H[5:-1]} \\\\\n&{E_TRUE[1:-1]}\n\\end{{aligned}}\n$$\n"
     f"$$\n{E_FALSE[1:-1]}\n$$\n", "md", [H, R]),
    (f"${BETA}$\n$$\\begin{{aligned}} &{SUM_VX} \\\\ &= \\alpha_h \\end{{aligned}}$$\n", "md",
     [H, R]),
    (f"{E_H[:-1]},$\n{E_TRUE[:-1]}.$\n", "md", [H, H]),
    (f"{E_H[:-1]} \\quad (5.15)$\n{E_TRUE}\n", "md", [H, H]),
    ("$E_k = \\frac{1}{2}\\sum_{j=1}^{l}(\\hat y_j - y_j)^2$\n"
     "$= \\frac{1}{2}\\sum_{j=1}^{l}(y_j - \\hat y_j)^2$\n", "md", [H, H]),
    (f"- {E_H}\n  {E_FALSE}\n", "md", [H, R]),
    (f"> {E_H}\n> {E_TRUE}\n", "md", [H, NC]),
    (f"{E_H} so\n{E_TRUE}\n", "md", [H, NC]),
    (f"{E_H}\nso {E_TRUE}\n", "md", [H, NC]),
    (f"{E_H} {E_TRUE}\n", "md", [H, NC]),
    (f"{E_H}\n<!-- a note -->\n{E_TRUE}\n", "md", [H, NC]),
    (f"\\[ {BETA} \\]\n\\[ {SUM_VX} \\]\n", "tex", [H, R]),
    (f"\\[ {BETA} \\]\n\\[ {SUM_WB} \\]\n", "tex", [H, H]),
    (f"\\[ {BETA} \\]\n% a comment\n\\[ {SUM_WB} \\]\n", "tex", [H, NC]),
    (f"\\begin{{equation}} {BETA} \\end{{equation}}\n"
     f"\\begin{{equation}} {SUM_WB} \\end{{equation}}\n", "tex", [H, NC]),
]


@pytest.mark.parametrize("text,kind,expected", CASES)
def test_chain_links_across_formulas(text, kind, expected):
    found = check_document(text, kind)
    assert [v.status for v in found] == expected, \
        [(v.line, v.status, v.equation, v.detail) for v in found]
    for v in found:
        assert not v.sizes.startswith(";"), v.sizes


def test_a_link_below_a_wrong_one_says_why_it_is_not_read():
    found = check_document(f"{E_H}\n{E_FALSE}\n{E_TRUE}\n", "md")
    assert (found[2].line, found[2].column, found[2].equation) == (3, 2, E_TRUE.strip("$"))
    assert "continues the chain of line 2, which is refuted there" in found[2].detail


def test_a_link_below_a_definition_defines_nothing():
    found = check_document("$f(x) = x^2$\n$= x + x$\n", "md")
    assert found[1].equation == "= x + x" and found[1].sizes == ""
    assert "continues the chain of line 1" in found[1].detail
    assert "no definition" in found[1].detail


def test_a_link_after_spacing_is_shown_as_written():
    found = check_document(f"{E_H}\n$\\therefore {E_TRUE[1:]}\n", "md")
    assert found[1].equation == "\\therefore " + E_TRUE[1:-1]
    assert "continuing the chain of line 1 (left side e_h)" in found[1].sizes


@pytest.mark.parametrize("text,expected", [
    (r"e_h = \sum_{j=1}^{l} w_{hj}g_{j}f'(\alpha_h - \gamma_h)", H),
    (r"e_h = \sum_{j=1}^{l} w_{hj}g_jf^{\prime}(\alpha_h - \gamma_h)", H),
    (r"e_h = \sum_jw_{hj}g_jf'(\alpha_h - \gamma_h)", H),
    (r"e_h = \sum_{j=1}^{l} w_{hj}g_jf'\left(\alpha_h - \gamma_h\right)", H),
    (r"b_h = x_hf(\alpha_h - \gamma_h)", R),
    (r"g_j = (y_j - \hat y_j)\hat y_jf'(\beta_j - \theta_j)", R),
    (r"g_j = (y_j - \hat y_j)^2f'(\beta_j - \theta_j)", R),
    (r"b_h^2f(\alpha_h - \gamma_h) = b_h^3", H),
    (r"b_h^2f(\alpha_h - \gamma_h) = b_h^2", R),
    (r"\hat y_j = \theta_jf(\beta_j - \theta_j)/\theta_j", H),
    (r"x_{i}f(x) = x_i f(x)", H),
    (r"x_1f(x_2) = x_1 f(x_2)", H),
    (r"x_i\sigma(x) = x_i \sigma(x)", H),
    (r"e_hf' = e_h f'", NC),
    (r"g_jf(\alpha_h) = g_j \cdot f \cdot \alpha_h", NC),
    (r"b_h = e^f(\alpha_h)", NC),
    (r"e_h = \sum_{j=1}^{l} w_{hj}g_jf'[\alpha_h - \gamma_h]", NC),
])
def test_f_after_a_one_character_script(text, expected):
    assert check_equation(Equation(1, text, text, {}), None).status == expected
