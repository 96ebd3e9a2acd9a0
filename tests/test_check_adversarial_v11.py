"""Adversarial pass 11 on what a document puts in force (an activation defined in it,
the regulariser, running values), justifications and zeros of any shape.  Each expected
verdict was worked out by hand; the comment on each case says why."""
import pytest

from symnet.checker.documents import check_document

NIELSEN = "<!-- symnet: notation = nielsen -->\n\n"
GOODFELLOW = "<!-- symnet: notation = goodfellow -->\n\n"
SIGMOID_ONLY = r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)"     # sigma' = a(1 - a)


def statuses(text):
    return [(v.equation, v.status) for v in check_document(text, "md")]


# -- an activation defined in a section is in force in its subsections -------------------

@pytest.mark.parametrize("definition, expected", [
    (r"\sigma(z) = \tanh(z)", "refuted"),               # read: tanh, not the sigmoid
    (r"\sigma(z) = \frac{1}{1 + e^{z}}", "not checked"),  # no registry row: unread
])
def test_an_activation_defined_in_a_section_holds_in_its_subsections(definition, expected):
    """sigma is defined in section C; C.1 is part of C, so sigma is still that function
    there: the sigmoid's delta^L is false (tanh) or not known to hold.  It held, the
    definition dropped at the subsection's heading (definitions f(x) = ... are kept)."""
    text = (NIELSEN + f"# C\n\n${definition}$\n\n## C.1\n\n$${SIGMOID_ONLY}$$\n\n"
            f"# D\n\n$${SIGMOID_ONLY}$$\n")
    got = statuses(text)
    assert [s for _, s in got[1:]] == [expected, "holds"], got


# -- a statement of the cost J that is not read -------------------------------------------

W_PLAIN = r"\nabla_{W^{(k)}} J = \nabla_{a^{(k)}} J \, (h^{(k-1)})^\top"


@pytest.mark.parametrize("statement", [
    r"J(\theta) = L(\hat{y}, y) + \frac{\lambda}{2} \sum_k \|W^{(k)}\|_F^2",   # weight decay
    r"J = L(\hat{y}, y) + \frac{\lambda}{2} \|W^{(1)}\|^2",
])
def test_a_cost_stated_in_a_form_not_read_lends_no_holds(statement):
    """The document's J is L plus a weight penalty (not read): grad_W J = grad_a J h^T
    misses the penalty's share lambda W and is false for it; it held, read with the
    notation's J = L (lambda = 0): the unread statement was taken for a loss only."""
    got = statuses(GOODFELLOW + "# A\n\n" + f"${statement}$\n\n${W_PLAIN}$\n")
    assert got[1] == (W_PLAIN, "not checked"), got


# -- a condition that restricts an index, after the claim in the same formula --------------

OUTPUT_DELTA = r"\delta^{(k)} = (a^{(k)} - y) \odot f'(z^{(k)})"     # true at k = n only


@pytest.mark.parametrize("written", [
    r"{c} \quad (k = n)", r"{c}, \quad k = n", r"{c} \; \left(\because k = n\right)",
    r"{c} \qquad (k = n).",
])
def test_a_claim_restricted_to_one_layer_is_not_refuted_for_the_others(written):
    """delta^(k) = (a^(k) - y) (.) f'(z^(k)) is the output layer's delta: with k = n, as
    written, it is true; it was refuted at k = 2 (the condition read as a range over every
    k, or as a justification of its own).  A restriction may make a refuted claim true,
    never a proved one false: not checked."""
    verdicts = check_document("$$" + written.replace("{c}", OUTPUT_DELTA) + "$$\n", "md")
    assert verdicts[0].status == "not checked", verdicts[0].detail


@pytest.mark.parametrize("condition", [r"(l = k + 1)", r"(1 \le h \le q)",
                                       r"k = 2, \ldots, n", r"(k = n, n-1, \cdots, 2)",
                                       r"(0 \le i \le s_k, l = k + 1)"])
def test_a_range_or_the_notations_own_relation_still_refutes(condition):
    """l = k + 1 is what the notation means by l; 1 <= h <= q is h's whole range: a
    claim wrong for every k is still refuted."""
    wrong = r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot f(z^{(k)})"   # f for f'
    verdicts = check_document(f"$${wrong} \\quad {condition}$$\n", "md")
    assert verdicts[0].status == "refuted", verdicts[0].detail


# -- the activation defined below a formula that depends on it ----------------------------

@pytest.mark.parametrize("definition, row", [(r"\sigma(z) = \tanh(z)", "tanh"),
                                             (r"\sigma(z) = \frac{1}{1 + e^{z}}", "")])
def test_an_activation_defined_below_in_the_section_leaves_a_formula_above_not_checked(
        definition, row):
    """"delta^L = (a^L - y) (.) a^L (.) (1 - a^L), where sigma(z) = tanh(z)": the
    definition just below says what sigma is in the formula, and the formula is false for
    tanh; it held under the notation's default sigmoid.  A formula true for every
    activation (BP1) still holds; one in another section is not touched."""
    bp1 = r"\delta^L = \nabla_a C \odot \sigma'(z^L)"
    text = (NIELSEN + f"# A\n\n$${SIGMOID_ONLY}$$\n\n$${bp1}$$\n\n$1 + 1 = 2$\n\n"
            f"where ${definition}$.\n\n# B\n\n$${SIGMOID_ONLY}$$\n")
    got = statuses(text)
    assert [s for _, s in got] == ["not checked", "holds", "holds", "not a claim", "holds"], got


def test_a_sigmoid_defined_below_changes_nothing():
    text = NIELSEN + f"# A\n\n$${SIGMOID_ONLY}$$\n\n$\\sigma(z) = \\frac{{1}}{{1 + e^{{-z}}}}$\n"
    assert [s for _, s in statuses(text)] == ["holds", "not a claim"]
