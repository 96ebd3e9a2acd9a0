"""A justification in parentheses at the end of a formula, ``a = b \\; (\\because c = d)``
(Chinese and English notes write them so): a claim of its own, checked apart from the
statement it supports; neither is lost, and neither lends the other its verdict.  Every
expected verdict was worked out by hand in the book's notation (section 5.3, sigmoid
output units, E_k = 1/2 sum_j (yhat_j - y_j)^2)."""
import pytest

from symnet.checker.document import equations
from symnet.checker.documents import check_document

G = r"g_j = \hat{y}_j^k (1 - \hat{y}_j^k)(y_j^k - \hat{y}_j^k)"
G_WRONG = r"g_j = \hat{y}_j^k (1 - \hat{y}_j^k)(\hat{y}_j^k - y_j^k)"
STEP = r"\Delta w_{hj} = \eta g_j b_h"
STEP_WRONG = r"\Delta w_{hj} = \eta g_j \alpha_h"


def verdicts(formula):
    rows = check_document(f"${formula}$\n", "md")
    return [(v.equation, v.status) for v in rows]


@pytest.mark.parametrize("written", [
    r"{s} \; \left(\because {j}\right)", r"{s} \quad (\because {j})", r"{s} (\because {j}).",
    r"{s}（∵ {j}）"])
def test_the_justification_is_a_claim_of_its_own(written):
    got = verdicts(written.replace("{s}", STEP).replace("{j}", G))
    assert [s for _, s in got] == ["holds", "holds"], got
    assert got[0][0] == STEP
    assert got[1][0].endswith(G)


def test_a_wrong_justification_is_refuted_and_the_true_statement_still_holds():
    got = verdicts(rf"{STEP} \; \left(\because {G_WRONG}\right)")
    assert [s for _, s in got] == ["holds", "refuted"], got


def test_a_wrong_statement_is_refuted_though_its_justification_holds():
    got = verdicts(rf"{STEP_WRONG} \; \left(\because {G}\right)")
    assert [s for _, s in got] == ["refuted", "holds"], got


@pytest.mark.parametrize("written", [
    r"a = b \left(\because c = d\right) + e",       # not at the end: terms go on after it
    r"a = (b \because c = d)",                      # not a parenthesised clause
    r"a = \frac{b}{(\because c = d)}",               # inside a fraction's braces
])
def test_a_clause_anywhere_else_stays_in_its_formula(written):
    assert len(equations(written)) == 1
    (status,) = [s for _, s in verdicts(written)]
    assert status == "not checked"
