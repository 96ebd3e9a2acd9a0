"""Adversarial pass 17: the sizes of the single hidden layer (l = 1) and another
notation's depth (Nielsen's L = 3, Goodfellow's l = 2) given by the document, reaching
sections other than the one they were given in.  Each expected verdict was worked out by
hand (the comment on each case says why).  Where the tool honestly cannot decide, "not
checked" is accepted; a formula false in the document's model must never "hold", and one
true under the values the document gives must never be "refuted".

The failing groups are the wrong verdicts this pass found; the last group holds tricky
cases the checker already gets right (regressions).
"""
import pytest

from verdicts import H, R, N, NOT_REFUTED, verdicts


NIELSEN = "<!-- symnet: notation = nielsen -->\n\n"
GOODFELLOW = "<!-- symnet: notation = goodfellow -->\n\n"

#: e_h = b_h (1 - b_h) sum_{j=1}^{l} w_hj g_j (5.15): with one output (l = 1) the sum is
#: its one term w_h1 g_1, so this holds at l = 1 and is false for l >= 2
E_H_ONE_OUTPUT = r"e_h = b_h(1-b_h) w_{h1} g_1"
#: false at every size (the term + 1)
E_H_WRONG = r"e_h = b_h(1-b_h) w_{h1} g_1 + 1"


def last(text):
    got = verdicts(text)
    return got[-1]


# -- A. an example's sizes (d = q = l = 1) reaching a section after it ---------------------

@pytest.mark.parametrize("given", ["d = q = l = 1", "l = 1", "q = l = 1"])
def test_an_examples_sizes_do_not_decide_a_later_section(given):
    """The sizes are given under '## Example'; '## General case' is another section of the
    same depth, where the document says nothing of l.  e_h = b_h(1-b_h) w_h1 g_1 holds at
    l = 1 only: it must not "hold" there (it held when all three sizes were given: the
    example's network was taken for the document's).  Not checked: l is not known."""
    doc = (f"# A\n\n## Example\n\nTake ${given}$.\n\n## General case\n\n"
           f"$${E_H_ONE_OUTPUT}$$\n")
    _, status, detail = last(doc)
    assert status == N, detail
    assert "section that has ended" in detail, detail


def test_an_examples_sizes_do_not_decide_the_next_top_level_section():
    """Sizes under '# Example' (level 1) do not reach '# Backprop' (level 1 too)."""
    doc = f"# Example\n\nTake $d = q = l = 1$.\n\n# Backprop\n\n$${E_H_ONE_OUTPUT}$$\n"
    assert last(doc)[1] == N, last(doc)


# -- B. an example's depth of another notation reaching a section after it -----------------

@pytest.mark.parametrize("doc", [
    # Nielsen: delta^L_j = (a^L_j - y_j) sigma'(z^L_j) (BP1, quadratic cost).  With
    # L = 3 (layers 1..3) delta^3 is the output's and this holds; in the notation's own
    # network (3,4,4,3: layers 1..4) layer 3 is hidden and it is false.  L = 3 is given
    # in '## Example', the formula is in '## General': L is not known there.  It held.
    NIELSEN + "# A\n\n## Example\n\nHere $L = 3$.\n\n## General\n\n"
    "$$\\delta^3_j = (a^3_j - y_j) \\sigma'(z^3_j)$$\n",
    # Goodfellow: hat y = h^(l), so grad_{h^(2)} J = grad_{hat y} J iff l = 2.  l = 2 in
    # an example that has ended: not known in '## General'.  It held.
    GOODFELLOW + "# A\n\n## Example\n\nHere $l = 2$.\n\n## General\n\n"
    "$$\\nabla_{h^{(2)}} J = \\nabla_{\\hat y} J$$\n",
])
def test_an_examples_depth_does_not_decide_a_later_section(doc):
    _, status, detail = last(doc)
    assert status == N, detail
    assert "section that has ended" in detail, detail


# -- regressions: tricky cases answered right ----------------------------------------------

@pytest.mark.parametrize("doc, expected", [
    # sizes given under '# Setup' (level 1) are in force in its subsection '## Backprop':
    # the document's own network is d = q = l = 1, where e_h = b_h(1-b_h) w_h1 g_1 holds
    (f"# Setup\n\nTake $d = q = l = 1$.\n\n## Backprop\n\n$${E_H_ONE_OUTPUT}$$\n", (H,)),
    # sizes given before any heading are the document's, in force under every heading
    (f"Take $d = q = l = 1$.\n\n# A\n\n## B\n\n$${E_H_ONE_OUTPUT}$$\n", (H,)),
    # given in an example that has ended, then given again in this section: in force
    (f"# A\n\n## Example\n\nTake $l = 2$.\n\n## General\n\nTake $d = q = l = 1$.\n\n"
     f"$${E_H_ONE_OUTPUT}$$\n", (H,)),
    # false at every size: refuted whatever the sizes, also after an example's l = 1
    (f"# A\n\n## Example\n\nTake $l = 1$.\n\n## General\n\n$${E_H_WRONG}$$\n", (R,)),
    # in the same section, the sizes decide: e_h with one output after l = 1 is not
    # refuted (l = 1 alone: d and q symbolic or at 2, 3; true at l = 1 for every d, q)
    (f"# A\n\nTake $l = 1$.\n\n$${E_H_ONE_OUTPUT}$$\n", NOT_REFUTED),
    # the general formula (5.15) holds at every size, also after an example's sizes
    ("# A\n\n## Example\n\nTake $d = q = l = 1$.\n\n## General\n\n"
     "$$e_h = b_h(1-b_h) \\sum_{j=1}^{l} w_{hj} g_j$$\n", (H,)),
    # Nielsen: L = 3 under '# Setup', the formula in its subsection: the depth is in
    # force, and at L = 3 delta^3 is the output's error (BP1): holds
    (NIELSEN + "# Setup\n\nHere $L = 3$.\n\n## Output\n\n"
     "$$\\delta^3_j = (a^3_j - y_j) \\sigma'(z^3_j)$$\n", (H,)),
    # Nielsen: L = 3 in an example; BP1 written with L itself holds at every depth
    (NIELSEN + "# A\n\n## Example\n\nHere $L = 3$.\n\n## General\n\n"
     "$$\\delta^L_j = (a^L_j - y_j) \\sigma'(z^L_j)$$\n", (H,)),
    # Nielsen: the sign flipped is false at every depth: refuted after the example too
    (NIELSEN + "# A\n\n## Example\n\nHere $L = 3$.\n\n## General\n\n"
     "$$\\delta^3_j = (y_j - a^3_j) \\sigma'(z^3_j)$$\n", (R,)),
    # an update arrow followed by a false claim: Delta w_hj = eta g_j b_h (5.11), so
    # w_hj + Delta w_hj = w_hj + eta g_j b_h, not w_hj - eta g_j b_h: refuted
    ("# A\n\n$$w_{hj} \\leftarrow w_{hj} + \\Delta w_{hj} = w_{hj} - \\eta g_j b_h$$\n",
     (R,)),
    # Delta v_ih = eta e_h x_i (5.13): v_ih + eta e_h x_i = v_ih + Delta v_ih holds
    ("# A\n\n$$v_{ih} \\leftarrow v_{ih} + \\eta e_h x_i = v_{ih} + \\Delta v_{ih}$$\n", (H,)),
    # log 100 is 2 in base 10 only (4.6 in base e, 6.6 in base 2): not decided
    ("# A\n\n$$\\log 100 = 2$$\n", (N,)),
    # log 4 = 2 log 2 in every base: holds
    ("# A\n\n$$\\log 4 = 2 \\log 2$$\n", (H,)),
])
def test_tricky_cases_answered_right(doc, expected):
    _, status, detail = last(doc)
    assert status in expected, detail
