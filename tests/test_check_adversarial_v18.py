"""Adversarial pass 18: another notation's network (Nielsen's, Goodfellow's, Bishop's layers:
no fixed depth or widths) decided in the network the checker builds (the notes' 3,4,4,3)
where the document gives neither; and Markdown's indented code (a list item's, one right
after a heading or an HTML comment) read as directives and formulas.  Each expected verdict
was worked out by hand (the comment on each case says why).  Where the tool honestly cannot
decide, "not checked" is accepted; a formula false in the document's model must never
"hold", and one true in it must never be "refuted".

The failing groups are the wrong verdicts this pass found; the last group holds tricky
cases the checker already gets right (regressions).
"""
import pytest

from verdicts import H, R, N, C, NIELSEN, BISHOP, LAYERS, GOODFELLOW, verdicts


#: g_j of (5.10) for the sigmoid: true where f is the sigmoid (the default), false for tanh
G_SIGMOID = r"g_j = \hat y_j (1 - \hat y_j)(y_j - \hat y_j)"


def last(text, kind="md"):
    return verdicts(text, kind)[-1]


# -- A. a layer named by number where the document gives no depth ---------------------------

@pytest.mark.parametrize("doc", [
    # Nielsen BP1 is delta^L = (a^L - y) (.) sigma'(z^L).  With layer 3 written for L, this
    # holds iff L = 3; nothing says L.  It was refuted (decided at 3,4,4,3, layer 3 hidden):
    # a false refutation of the formula for the 3-layer network it is written for
    NIELSEN + "$$\\delta^3_j = (a^3_j - y_j)\\sigma'(z^3_j)$$\n",
    # Goodfellow: hat y = h^(l), so grad_{h^(2)} J = grad_{hat y} J iff l = 2; it was
    # refuted ("the layer is off by one") at the built l = 3
    GOODFELLOW + "$$\\nabla_{h^{(2)}} J = \\nabla_{\\hat y} J$$\n",
    # Bishop's layers (z^(0) = x, output L): delta^(2) = dE/da^(L) iff L = 2; refuted at L = 3
    LAYERS + "$$\\delta^{(2)} = \\frac{\\partial E_n}{\\partial a^{(L)}}$$\n",
    # Goodfellow's l = 2 says nothing of Nielsen's L (another letter, another notation's
    # network): Nielsen's delta^3 BP1 after the switch is still true iff L = 3; refuted
    GOODFELLOW + "Here $l = 2$.\n\n<!-- symnet: notation = nielsen -->\n\n"
    "$$\\delta^3_j = (a^3_j - y_j)\\sigma'(z^3_j)$$\n",
])
def test_a_formula_true_at_another_depth_is_not_refuted(doc):
    _, status, detail = last(doc)
    assert status == N, detail
    assert "depends on the network's depth" in detail, detail


@pytest.mark.parametrize("doc", [
    # delta^4 = delta^L iff L = 4: false in a network of any other depth, and the document
    # gives none; it held (the built network has L = 4)
    NIELSEN + "$$\\delta^4_j = (a^L_j - y_j)\\sigma'(z^L_j)$$\n",
    # BP2 with layer 3 below L: delta^3 = ((w^L)^T delta^L) (.) sigma'(z^3) iff L = 4; held
    NIELSEN + "$$\\delta^{3} = ((w^L)^T \\delta^L) \\odot \\sigma'(z^{3})$$\n",
    # Goodfellow grad_{h^(3)} J = grad_{hat y} J iff l = 3; held
    GOODFELLOW + "$$\\nabla_{h^{(3)}} J = \\nabla_{\\hat y} J$$\n",
    # Bishop's layers: delta^(3)_k = dE/da^(L)_k iff L = 3; held
    LAYERS + "$$\\delta^{(3)}_k = \\frac{\\partial E_n}{\\partial a^{(L)}_k}$$\n",
    # C = 1/2 sum_j (y_j - a^4_j)^2 is Nielsen's quadratic cost iff L = 4; held
    NIELSEN + "$$C = \\frac12 \\sum_{j} (y_j - a^4_j)^2$$\n",
    # Nielsen's L = 3 says nothing of Goodfellow's l: grad_{h^(3)} J = grad_{hat y} J iff
    # l = 3, not given; it held
    NIELSEN + "Here $L = 3$.\n\n<!-- symnet: notation = goodfellow -->\n\n"
    "$$\\nabla_{h^{(3)}} J = \\nabla_{\\hat y} J$$\n",
])
def test_a_formula_true_at_the_built_depth_only_does_not_hold(doc):
    _, status, detail = last(doc)
    assert status == N, detail
    assert "depends on the network's depth" in detail, detail


# -- B. a sum that runs to a number where the document gives no widths ----------------------

@pytest.mark.parametrize("doc", [
    # Nielsen's output layer has as many units as the task: the cost is a sum over all of
    # them, which runs to 3 iff the output has 3 units (the built network's); it held
    NIELSEN + "$$C = \\frac12 \\sum_{j=1}^{3} (y_j - a^L_j)^2$$\n",
    # z^L_j = sum_k w^L_jk a^{L-1}_k + b^L_j: the sum runs over layer L-1's units, 4 iff
    # that layer has 4 (the built network's); it held
    NIELSEN + "$$z^L_j = \\sum_{k=1}^{4} w^L_{jk} a^{L-1}_k + b^L_j$$\n",
    # the same in Bishop's layers: a^(L)_k = sum_j w^(L)_kj z^(L-1)_j + b^(L)_k
    LAYERS + "$$a^{(L)}_k = \\sum_{j=1}^{4} w^{(L)}_{kj} z^{(L-1)}_j + b^{(L)}_k$$\n",
    # Bishop (5.56): delta_j = h'(a_j) sum_{k=1}^{K} w_kj delta_k, over all K outputs; the
    # notation file checks at D, M, K = 3, 4, 2, which PRML keeps arbitrary: the sum to 2
    # is the backward pass iff K = 2; it held
    BISHOP + "$$\\delta_j = h'(a_j) \\sum_{k=1}^{2} w_{kj} \\delta_k$$\n",
    # Bishop (5.48) with the bias as unit 0: a_j = sum_{i=0}^{D} w_ji z_i; to 3 iff D = 3
    BISHOP + "$$a_j = \\sum_{i=0}^{3} w_{ji} z_i$$\n",
    # Nielsen (23) written out term by term: z^2_1 = sum_k w^2_1k a^1_k + b^2_1 has as many
    # terms as layer 1 has units, 3 iff the input is 3 wide; it held
    NIELSEN + "$$z^2_1 = w^2_{11} a^1_1 + w^2_{12} a^1_2 + w^2_{13} a^1_3 + b^2_1$$\n",
    # the quadratic cost written out for 3 outputs: true iff the output is 3 wide; it held
    NIELSEN + "$$C = \\frac12 ((y_1 - a^L_1)^2 + (y_2 - a^L_2)^2 + (y_3 - a^L_3)^2)$$\n",
])
def test_a_sum_to_the_built_width_does_not_hold(doc):
    _, status, detail = last(doc)
    assert status == N, detail
    assert "widths" in detail, detail


# -- C. Markdown's indented code: not a directive, not a formula ----------------------------

@pytest.mark.parametrize("doc, expected", [
    # CommonMark: an HTML block (a comment) ends at the line with '-->'; the next line,
    # indented by four, opens an indented code block (no paragraph to continue), so the
    # second directive is code: f = tanh is in force and the sigmoid's g_j is false.  It held
    # (f = sigmoid read from the code)
    ("<!-- symnet: f = tanh -->\n    <!-- symnet: f = sigmoid -->\n\n"
     f"$${G_SIGMOID}$$\n", (R, N)),
    # a list item's content starts at column 2 ("- "): a line indented 6 after a blank line
    # is 4 past it, code inside the item (a README showing the directive).  f stays the
    # sigmoid and g_j holds; it was refuted with the tanh read from the code
    ("- To use tanh, write\n\n      <!-- symnet: f = tanh -->\n\n"
     f"$${G_SIGMOID}$$\n", (H,)),
    # "1. " puts the content at column 3: 7 spaces is code
    ("1. To use tanh, write\n\n       <!-- symnet: f = tanh -->\n\n"
     f"$${G_SIGMOID}$$\n", (H,)),
    # an ATX heading is a block of one line: the indented line after it is code
    ("# Usage\n    <!-- symnet: f = tanh -->\n\n"
     f"$${G_SIGMOID}$$\n", (H,)),
    # a nested item's content at column 4 ("  - b"): 8 spaces is code
    ("- a\n  - b\n\n        <!-- symnet: f = tanh -->\n\n"
     f"$${G_SIGMOID}$$\n", (H,)),
])
def test_a_directive_in_indented_code_is_code(doc, expected):
    got = verdicts(doc)
    assert got[-1][1] in expected, got


def test_a_formula_in_a_list_items_indented_code_is_not_read():
    """Delta theta_j = eta g_j is false (5.12 has -eta), but in a list item indented 6 after
    a blank line it is code, which the checker does not read; it was refuted."""
    assert verdicts("- a\n\n      $$\\Delta \\theta_j = \\eta g_j$$\n") == []


# -- D. numbers that differ past the digits printed ----------------------------------------

@pytest.mark.parametrize("doc, apart", [
    # 10^300 + 1 and 10^300 differ by 1 (refuted, rightly), but both printed as
    # 1.00000000000000E+300: the detail showed two equal numbers as the counterexample
    ("$$10^{300} + 1 = 10^{300}$$\n", "differ by -1"),
    # 1 + 10^-300 differs from 1 by 10^-300: printed 1.00000000000000 =/= 1
    ("$$10^{-300} + 1 = 1$$\n", "differ by -1.00000000000000E-300"),
])
def test_numbers_that_print_alike_say_how_far_apart_they_are(doc, apart):
    _, status, detail = last(doc)
    assert status == R and apart in detail, detail


# -- regressions: tricky cases answered right ----------------------------------------------

@pytest.mark.parametrize("doc, expected", [
    # BP2 between numbered layers (needs layers 3 and 4 to exist): true at every depth
    # where they do, so it holds
    (NIELSEN + "$$\\delta^{3} = ((w^4)^T \\delta^4) \\odot \\sigma'(z^{3})$$\n", (H,)),
    # BP1 with L: holds at every depth
    (NIELSEN + "$$\\delta^L_j = (a^L_j - y_j)\\sigma'(z^L_j)$$\n", (H,)),
    # dC/dw^l_jk = a^{l-1}_k delta^l_j (BP4): w^3_{12} has j = 1, k = 2, so a^2_2 delta^3_1;
    # a^2_1 delta^3_2 swaps them: false at every depth
    (NIELSEN + "$$\\frac{\\partial C}{\\partial w^{3}_{12}} = a^{2}_{1} \\delta^{3}_{2}$$\n",
     (R,)),
    # BP1 for L = 3 with its sign flipped: false at L = 3 (sign) and at other depths
    (NIELSEN + "$$\\delta^3_j = (y_j - a^3_j)\\sigma'(z^3_j)$$\n", (R,)),
    # BP3 at a numbered layer: dC/db^3_j = delta^3_j at every depth
    (NIELSEN + "$$\\frac{\\partial C}{\\partial b^3_j} = \\delta^3_j$$\n", (H,)),
    # the depth given (L = 4) in the formula's section: delta^4 is the output's error there
    (NIELSEN + "Take $L = 4$.\n\n$$\\delta^4_j = (a^L_j - y_j)\\sigma'(z^L_j)$$\n", (H,)),
    # Goodfellow: grad_{b^(3)} J = grad_{a^(3)} J wherever layer 3 exists
    (GOODFELLOW + "$$\\nabla_{b^{(3)}} J = \\nabla_{a^{(3)}} J$$\n", (H,)),
    # BP4 at units named by number: true wherever those units exist (still held)
    (NIELSEN + "$$\\frac{\\partial C}{\\partial w^2_{13}} = a^1_3 \\delta^2_1$$\n", (H,)),
    (LAYERS + "$$\\frac{\\partial E_n}{\\partial w^{(2)}_{13}} = \\delta^{(2)}_1 "
     "z^{(1)}_3$$\n", (H,)),
    # Bishop's sum to the width's letter K: holds at every width
    (BISHOP + "$$\\delta_j = h'(a_j) \\sum_{k=1}^{K} w_{kj} \\delta_k$$\n", (H,)),
    # a sum with no bound written runs over the layer: holds at every width
    (NIELSEN + "$$z^l_j = \\sum_k w^l_{jk} a^{l-1}_k + b^l_j$$\n", (H,)),
    # the bias's sign flipped: false at every width, refuted
    (NIELSEN + "$$z^L_j = \\sum_{k=1}^{4} w^L_{jk} a^{L-1}_k - b^L_j$$\n", (R, N)),
    # a list item's paragraph indented less than 4 past the content: not code
    ("- a\n\n  $$\\Delta \\theta_j = \\eta g_j$$\n", (R,)),
    # a nested item's content at 4: 6 spaces is its paragraph, the directive is read
    (f"- a\n  - b\n\n      <!-- symnet: f = tanh -->\n\n$${G_SIGMOID}$$\n", (R,)),
    # a paragraph's next line indented 4 continues the paragraph (code cannot interrupt
    # one): the comment in it is a directive, tanh in force, the sigmoid's g_j refuted
    (f"Some text\n    <!-- symnet: f = tanh -->\n\n$${G_SIGMOID}$$\n", (R,)),
    # a multi-line comment's end opens a block; the directive in it is read
    (f"<!--\nsymnet: f = tanh\n-->\n\n$${G_SIGMOID}$$\n", (R,)),
    # a display indented inside a list item (a public layout): read
    ("1. The update\n\n   $$\\Delta \\theta_j = \\eta g_j$$\n", (R,)),
    # LaTeX: \% is a percent sign, not a comment, so what follows is no directive
    ("\\[ \\Delta \\theta_j = -\\eta g_j \\] \\% symnet: f = tanh\n\\[ " + G_SIGMOID + " \\]\n",
     (H,)),
])
def test_tricky_cases_answered_right(doc, expected):
    kind = "tex" if doc.startswith("\\[") else "md"
    got = verdicts(doc, kind)
    assert got[-1][1] in expected, got
