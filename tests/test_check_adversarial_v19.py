"""Adversarial pass 19: the rules added last (E_k differentiated by the net input, a refuted
statement of the outputs that is "only itself", \\begin{equation} inside $$, a cost restated
as \\mathcal{E}_k, another notation's depth L = 3, the re-decisions at other depths and
widths) and the way one formula is cut into statements.  Each expected verdict was worked
out by hand (the comment on each case says why).  Where the tool honestly cannot decide,
"not checked" is accepted; a formula false in the document's model must never "hold", and
one true in it must never be "refuted".

The failing groups are the wrong verdicts this pass found; the last group holds tricky
cases the checker already gets right (regressions).
"""
import pytest

from verdicts import H, R, N, C, NIELSEN, LAYERS, GOODFELLOW, assert_each, verdicts


BOOK = "# A\n\n"
#: (5.11) and (5.12): both true in the book's model (the threshold is subtracted)
DW, DT = r"\Delta w_{hj} = \eta g_j b_h", r"\Delta \theta_j = -\eta g_j"


# -- A. two environments side by side in one formula read as one statement ------------------

@pytest.mark.parametrize("doc, expected", [
    # two equation environments in one $$ (MathJax reads them): two statements, (5.11) and
    # (5.12), both true.  They were joined into one chain "Delta w = eta g_j b_h Delta
    # theta_j = -eta g_j" (the products run together) and refuted: a true formula refuted
    (BOOK + f"$$\\begin{{equation}} {DW} \\end{{equation}} "
     f"\\begin{{equation}} {DT} \\end{{equation}}$$\n", [(H,), (H,)]),
    (BOOK + f"$$\\begin{{equation*}} {DW} \\end{{equation*}}\\begin{{equation*}} {DT} "
     "\\end{equation*}$$\n", [(H,), (H,)]),
    (BOOK + f"$$\\begin{{align}} {DW.replace('=', '&=')} \\end{{align}} "
     f"\\begin{{align}} {DT.replace('=', '&=')} \\end{{align}}$$\n", [(H,), (H,)]),
    # two aligned blocks side by side, with or without a \quad between them
    (BOOK + f"$$\\begin{{aligned}} {DW.replace('=', '&=')} \\end{{aligned}} \\quad "
     f"\\begin{{aligned}} {DT.replace('=', '&=')} \\end{{aligned}}$$\n", [(H,), (H,)]),
    (BOOK + f"$$\\begin{{split}} {DW.replace('=', '&=')} \\end{{split}} "
     f"\\begin{{split}} {DT.replace('=', '&=')} \\end{{split}}$$\n", [(H,), (H,)]),
    # the second block's row begins with a minus: -eta g_j = Delta theta_j is (5.12) read
    # backwards, true; it was taken for the continuation of the first block's right side
    # ("eta g_j b_h - eta g_j = Delta theta_j") and refuted
    (BOOK + f"$$\\begin{{gather}} {DW} \\end{{gather}} \\begin{{gather}} - \\eta g_j = "
     "\\Delta \\theta_j \\end{gather}$$\n", [(H,), (H,)]),
    # Delta w_hj = eta g_j (the b_h missing: false) and b_h = Delta w_hj (false: free j on
    # one side only) in two blocks; joined they read "Delta w = eta g_j b_h = Delta w",
    # which held: a false formula held
    (BOOK + "$$\\begin{aligned} \\Delta w_{hj} &= \\eta g_j \\end{aligned} "
     "\\begin{aligned} b_h = \\Delta w_{hj} \\end{aligned}$$\n", [(R, N), (R, N)]),
])
def test_environments_side_by_side_are_statements_of_their_own(doc, expected):
    assert_each(doc, expected)


# -- B. a \quad between two aligned equations of one row -------------------------------------

@pytest.mark.parametrize("doc, expected", [
    # "a &= b \quad c &= d": two equations, each aligned at its =; the second & was taken
    # for align's column-pair separator, so "c" joined the first equation's right side
    # ("eta g_j b_h \qquad Delta theta_j", a product) and (5.11) was refuted
    (BOOK + "$$\\begin{aligned}\\Delta w_{hj} &= \\eta g_j b_h \\quad \\Delta \\theta_j "
     "&= -\\eta g_j\\end{aligned}$$\n", [(H,), (H,)]),
    (BOOK + "$$\\Delta w_{hj} &= \\eta g_j b_h \\qquad \\Delta \\theta_j &= -\\eta g_j$$\n",
     [(H,), (H,)]),
    # the same with the second equation false (the threshold's sign): refuted, the first
    # still holds
    (BOOK + "$$\\begin{aligned}\\Delta w_{hj} &= \\eta g_j b_h \\quad \\Delta \\theta_j "
     "&= \\eta g_j\\end{aligned}$$\n", [(H,), (R,)]),
])
def test_a_quad_between_aligned_equations_separates_them(doc, expected):
    assert_each(doc, expected)


# -- C. a gather row that begins with a sign and makes its own relation ---------------------

@pytest.mark.parametrize("doc, expected, kind", [
    # gather's rows are equations of their own (centred, never aligned): "- eta g_j =
    # Delta theta_j" is (5.12) read backwards, true.  It was taken for the continuation of
    # the row above ("eta g_j b_h - eta g_j = Delta theta_j") and (5.11) refuted with it
    ("\\section{A}\n\\begin{gather}\n" + DW + " \\\\\n- \\eta g_j = \\Delta \\theta_j\n"
     "\\end{gather}\n", [(H,), (H,)], "tex"),
    (BOOK + "$$\\begin{gathered} " + DW + " \\\\ - \\eta g_j = \\Delta \\theta_j "
     "\\end{gathered}$$\n", [(H,), (H,)], "md"),
    # -eta g_j b_h = -Delta w_hj is (5.11) times -1: true; joined to (5.12) above it read
    # "Delta theta_j = -eta g_j - eta g_j b_h = -Delta w_hj", refuted
    (BOOK + "$$\\begin{gather} " + DT + " \\\\ - \\eta g_j b_h = -\\Delta w_{hj} "
     "\\end{gather}$$\n", [(H,), (H,)], "md"),
    # one false row is still refuted: eta g_j = Delta theta_j has the sign flipped
    ("\\section{A}\n\\begin{gather*}\n" + DW + " \\\\\n- \\eta g_j = -\\Delta \\theta_j\n"
     "\\end{gather*}\n", [(H,), (R,)], "tex"),
])
def test_a_gather_row_with_its_own_relation_is_its_own_statement(doc, expected, kind):
    assert_each(doc, expected, kind)


# -- D. a formula refuted at the widths picked that holds at the widths it is written for -----

@pytest.mark.parametrize("doc", [
    # Nielsen's z^l_j = sum_k w^l_jk a^{l-1}_k + b^l_j written out for 2 inputs: true in a
    # network whose layer 1 has 2 units; the document gives no widths.  It was refuted at
    # the widths the checker picks (3 inputs: a term "missing"): a false refutation
    NIELSEN + "$$z^2_1 = w^2_{11} a^1_1 + w^2_{12} a^1_2 + b^2_1$$\n",
    NIELSEN + "$$z^2_1 = \\sum_{k=1}^{2} w^2_{1k} a^1_k + b^2_1$$\n",
    # the quadratic cost for 2 outputs: true where the output layer has 2 units
    NIELSEN + "$$C = \\frac12 \\sum_{j=1}^{2} (y_j - a^L_j)^2$$\n",
    NIELSEN + "$$C = \\frac12 \\left((y_1 - a^L_1)^2 + (y_2 - a^L_2)^2\\right)$$\n",
    # Goodfellow's first layer for 2 inputs, a^(1) = W^(1) x + b^(1) entry 1
    GOODFELLOW + "$$a^{(1)}_1 = \\sum_{k=1}^{2} W^{(1)}_{1k} x_k + b^{(1)}_1$$\n",
    # Bishop (5.2) with D = 2 inputs, the bias w_j0 added: true where D = 2; Bishop's
    # widths D, M, K are arbitrary (the checker picks 3,4,2)
    "<!-- symnet: notation = bishop -->\n\n# A\n\n"
    "$$a_j = \\sum_{i=1}^{2} w_{ji} x_i + w_{j0}$$\n",
    LAYERS + "$$a^{(1)}_1 = \\sum_{i=1}^{2} w^{(1)}_{1i} z^{(0)}_i + b^{(1)}_1$$\n",
])
def test_a_formula_true_at_the_widths_it_writes_is_not_refuted(doc):
    _, status, detail = verdicts(doc)[-1]
    assert status == N, detail
    assert "depends on the layers' widths" in detail, detail


# -- regressions: tricky cases answered right ----------------------------------------------

@pytest.mark.parametrize("doc, expected", [
    # align's column pairs: a &= b & c &= d is two equations (unchanged)
    (BOOK + f"$$\\begin{{aligned}}{DW.replace('=', '&=')} & {DT.replace('=', '&=')}"
     "\\end{aligned}$$\n", [(H,), (H,)]),
    # a chain across columns, a &= b &= c: one chain, Delta theta_j = -eta g_j =
    # -eta g_j holds
    (BOOK + "$$\\begin{aligned}\\Delta \\theta_j &= -\\eta g_j &= -\\eta g_j"
     "\\end{aligned}$$\n", [(H,)]),
    # an equation around a split: one statement over two rows, (5.10) true
    (BOOK + "$$\\begin{equation} \\begin{split} g_j &= \\hat y_j (1 - \\hat y_j) \\\\ "
     "&\\quad (y_j - \\hat y_j) \\end{split} \\end{equation}$$\n", [(H,)]),
    # an equation around aligned rows: two statements, both true
    (BOOK + f"$$\\begin{{equation}} \\begin{{aligned}} {DW.replace('=', '&=')} \\\\ "
     f"{DT.replace('=', '&=')} \\end{{aligned}} \\end{{equation}}$$\n", [(H,), (H,)]),
    # E_k differentiated by the net input: g_j = -dE_k/d(beta_j - theta_j) (5.10) holds;
    # by 2 beta_j - 2 theta_j the derivative is half: -dE_k/d(2 beta - 2 theta) = g_j / 2,
    # so g_j = that is refuted, g_j = 2 times that holds
    (BOOK + "$$g_j = -\\frac{\\partial E_k}{\\partial (\\beta_j - \\theta_j)}$$\n", [(H,)]),
    (BOOK + "$$g_j = -\\frac{\\partial E_k}{\\partial (2\\beta_j - 2\\theta_j)}$$\n", [(R,)]),
    (BOOK + "$$g_j = -2\\frac{\\partial E_k}{\\partial (2\\beta_j - 2\\theta_j)}$$\n", [(H,)]),
    # theta_j - beta_j is minus the net input: dE_k/d(theta - beta) = g_j
    (BOOK + "$$g_j = \\frac{\\partial E_k}{\\partial (\\theta_j - \\beta_j)}$$\n", [(H,)]),
    # beta_j + theta_j: E_k depends on beta_j and theta_j through beta_j - theta_j only,
    # so not through their sum: no meaning, never "holds"
    (BOOK + "$$g_j = -\\frac{\\partial E_k}{\\partial (\\beta_j + \\theta_j)}$$\n", [(N,)]),
    # mismatched units: beta_j - theta_i with i, j free is no net input
    (BOOK + "$$g_i = -\\frac{\\partial E_k}{\\partial (\\beta_j - \\theta_i)}$$\n", [(N,)]),
    (BOOK + "$$\\frac{\\partial E_k}{\\partial (\\beta_1 - \\theta_2)} = -g_1$$\n", [(N,)]),
    # e_h by alpha_h - theta_h: theta_h is an output's threshold, no net input
    (BOOK + "$$e_h = -\\frac{\\partial E_k}{\\partial (\\alpha_h - \\theta_h)}$$\n", [(N,)]),
    # numerators other than E_k: d yhat_j / d(beta_j - theta_j) = f' = yhat(1 - yhat)
    # (sigmoid); d g_j / d(...) is not 0 (g_j varies with yhat_j)
    (BOOK + "$$\\frac{\\partial \\hat y_j}{\\partial (\\beta_j - \\theta_j)} = "
     "\\hat y_j(1-\\hat y_j)$$\n", [(H,)]),
    (BOOK + "$$\\frac{\\partial g_j}{\\partial (\\beta_j - \\theta_j)} = 0$$\n", [(R,)]),
    # under tanh, d yhat_j / d(beta - theta) = 1 - yhat_j^2; the sigmoid's is refuted
    ("<!-- symnet: f = tanh -->\n\n" + BOOK + "$$\\frac{\\partial \\hat y_j}{\\partial "
     "(\\beta_j - \\theta_j)} = 1 - \\hat y_j^2$$\n\n$$\\frac{\\partial \\hat y_j}{\\partial "
     "(\\beta_j - \\theta_j)} = \\hat y_j(1-\\hat y_j)$$\n", [(H,), (R,)]),
    # e_h by the chain rule through the outputs' net inputs: sum_j (-g_j) w_hj b_h(1 - b_h)
    # = -e_h (5.15)
    (BOOK + "$$\\frac{\\partial E_k}{\\partial (\\alpha_h - \\gamma_h)} = \\sum_j "
     "\\frac{\\partial E_k}{\\partial (\\beta_j - \\theta_j)} w_{hj} b_h (1 - b_h)$$\n",
     [(H,)]),
    # the sign of dE_k/d(beta - theta) is that of -g_j: with (y - yhat) it is refuted
    (BOOK + "$$\\frac{\\partial E_k}{\\partial (\\beta_j - \\theta_j)} = \\hat y_j "
     "(1-\\hat y_j)(y_j-\\hat y_j)$$\n", [(R,)]),
    # in a gather a row that begins with a sign and has no relation continues the row
    # above: E_k = 1/2 (yhat_1 - y_1)^2 + 1/2 sum_{j=2}^l (...)^2 is (5.4), not "refuted"
    (BOOK + "$$\\begin{gather} E_k = \\frac12 (\\hat y_1 - y_1)^2 \\\\ + \\frac12 "
     "\\sum_{j=2}^{l} (\\hat y_j - y_j)^2 \\end{gather}$$\n", [(H, N)]),
    # in aligned rows a sign row with its own left side before &= is its own statement
    (BOOK + "$$\\begin{aligned} " + DW.replace("=", "&=") + " \\\\ - \\eta g_j &= "
     "\\Delta \\theta_j \\end{aligned}$$\n", [(H,), (H,)]),
    # Nielsen's depth given, L = 4: BP1 at layer 3 is then false (layer 3 is hidden)
    (NIELSEN + "$$L = 4$$\n\n$$\\delta^3_j = (a^3_j - y_j)\\sigma'(z^3_j)$$\n", [(C,), (R,)]),
    # L = 2.5 is no depth: not a depth given, so BP1 at layer 3 is not decided
    (NIELSEN + "Here $L = 2.5$.\n\n$$\\delta^3_j = (a^3_j - y_j)\\sigma'(z^3_j)$$\n",
     [(N,), (N,)]),
    # the depth said inside a formula row: l = 3 makes grad_{h^(3)} J = grad_{yhat} J true
    (GOODFELLOW + "$$h^{(l)} = \\hat y, \\quad l = 3$$\n\n"
     "$$\\nabla_{h^{(3)}} J = \\nabla_{\\hat y} J$$\n", [(H,), (C,), (H,)]),
    # a^{L-1} = a^3 holds iff L = 4, which is not given
    (NIELSEN + "$$a^{L-1} = a^3$$\n", [(N,)]),
    # Bishop's layers: z^(L) = h(a^(L)), so z^(3) = a^(L) is false at every depth (h
    # arbitrary)
    (LAYERS + "$$z^{(3)} = a^{(L)}$$\n", [(R, N)]),
    # false at every width: the bias's sign flipped; the 1/2 dropped; BP4 with j and k
    # swapped (dC/dw^2_13 = a^1_3 delta^2_1, not a^1_1 delta^2_3: this one took minutes,
    # cancelling a ratio of a 5-layer network's derivatives that is not constant)
    (NIELSEN + "$$z^2_1 = w^2_{11} a^1_1 + w^2_{12} a^1_2 - b^2_1$$\n", [(R,)]),
    (NIELSEN + "$$C = \\sum_{j=1}^{2} (y_j - a^L_j)^2$$\n", [(R,)]),
    (NIELSEN + "$$\\frac{\\partial C}{\\partial w^2_{13}} = a^1_1 \\delta^2_3$$\n", [(R,)]),
    ("<!-- symnet: notation = bishop -->\n\n# A\n\n"
     "$$a_j = \\sum_{i=1}^{2} w_{ji} x_i - w_{j0}$$\n", [(R,)]),
    # C with its sum to 3: the output width, not given
    (NIELSEN + "$$C = \\frac12 \\sum_{j=1}^{3} (y_j - a^L_j)^2$$\n", [(N,)]),
])
def test_tricky_cases_answered_right(doc, expected):
    assert_each(doc, expected)
