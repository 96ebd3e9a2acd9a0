"""A document that restates the cost in a calligraphic or script letter (\\mathcal{E}_k,
\\mathscr{E}_k, Nielsen's \\mathcal{C}) with a weight penalty states another model than
the notation's: the formulas after it in its section that depend on the cost are not
checked, as they are after the same statement written E_k or C.  They held, decided in
the notation's model (Delta w_hj = eta g_j b_h is false under E_k + lambda sum w^2:
the penalty adds -2 eta lambda w_hj).  The cost restated without a penalty changes
nothing: a formula after it is still proved or refuted."""
import pytest

from symnet.checker.documents import check_document

PENALISED = r"\frac{1}{2}\sum_{j=1}^{l}(\hat{y}_j^k - y_j^k)^2 + \lambda \sum_{h,j} w_{hj}^2"
PLAIN = r"\frac{1}{2}\sum_{j=1}^{l}(\hat{y}_j^k - y_j^k)^2"
UPDATE = r"\Delta w_{hj} = \eta g_j b_h"


def statuses(text):
    return [(v.status, v.detail) for v in check_document(text, "md")]


@pytest.mark.parametrize("name", [r"\mathcal{E}_k", r"\mathscr{E}_k", r"\mathcal{E}_{k}",
                                  r"\mathsf{E}_k", r"E_k"])
def test_a_penalised_cost_in_any_letter_puts_another_model_in_force(name):
    got = statuses(f"# A\n\n$${name} = {PENALISED}$$\n\n$${UPDATE}$$\n")
    assert got[-1][0] == "not checked", got
    assert "model is not the notation's" in got[-1][1], got


def test_the_model_ends_with_its_section():
    got = statuses(f"# A\n\n$$\\mathcal{{E}}_k = {PENALISED}$$\n\n# B\n\n$${UPDATE}$$\n")
    assert got[-1][0] == "holds", got


@pytest.mark.parametrize("update, expected", [(UPDATE, "holds"),
                                              (r"\Delta w_{hj} = -\eta g_j b_h", "refuted")])
def test_the_books_cost_in_a_script_letter_changes_nothing(update, expected):
    got = statuses(f"# A\n\n$$\\mathcal{{E}}_k = {PLAIN}$$\n\n$${update}$$\n")
    assert got[-1][0] == expected, got


def test_nielsens_cost_with_a_penalty_in_a_script_letter():
    """C = C_0 + lambda/2n sum w^2 in \\mathcal{C}: BP4 after it is not checked (it is
    false for the penalised cost's gradient by w); in the next section it holds."""
    doc = ("<!-- symnet: notation = nielsen -->\n\n# Regularised\n\n"
           "$$\\mathcal{C} = \\frac{1}{2n}\\sum_x \\|y - a^L\\|^2 + "
           "\\frac{\\lambda}{2n}\\sum_w w^2$$\n\n"
           "$$\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k \\delta^l_j$$\n\n# Plain\n\n"
           "$$\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k \\delta^l_j$$\n")
    got = statuses(doc)
    assert [s for s, _ in got[1:]] == ["not checked", "holds"], got


@pytest.mark.parametrize("statement", [
    r"J = E_k + \frac{\lambda}{2}\sum_{h,j} w_{hj}^2",
    r"E = \lambda \frac{1}{m}\sum_{k=1}^m E_k + (1 - \lambda)\sum_i w_i^2",
])
def test_a_penalised_objective_under_another_name_leaves_e_k_as_it_is(statement):
    """A new objective built from E_k (J = E_k + penalty, the book's own 5.17 for E) does
    not restate E_k: the book's Delta w_hj = -eta dE_k/dw_hj (5.6) keeps its meaning, so
    (5.11) still holds and its sign flipped is still refuted."""
    got = statuses(f"# A\n\n$${statement}$$\n\n$${UPDATE}$$\n\n"
                   r"$$\Delta w_{hj} = -\eta g_j b_h$$" "\n")
    assert [s for s, _ in got[1:]] == ["holds", "refuted"], got
