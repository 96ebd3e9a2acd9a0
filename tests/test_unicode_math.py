"""Unicode that notes type inside math for LaTeX commands, read as the command: ⊙ (and ∘)
for \\odot, Σ (the capital sigma, as well as ∑) for \\sum, ′ (U+2032) for the prime, as ’
already is.  Each is read with the meaning of the command, so the wrong variants are
refuted as they are when written in LaTeX."""
import pytest

from symnet.checker.documents import check_document

NIELSEN = "<!-- symnet: notation = nielsen -->\n\n"


def statuses(text):
    return [v.status for v in check_document(text, "md")]


@pytest.mark.parametrize("formula, expected", [
    (r"\delta^L = \nabla_a C ⊙ \sigma′(z^L)", "holds"),                  # BP1a
    (r"\delta^L = \nabla_a C ∘ \sigma'(z^L)", "holds"),
    (r"\delta^L = \nabla_a C ⊙ \sigma(z^L)", "refuted"),                 # sigma for sigma'
    (r"\delta^l = ((w^{l+1})^T \delta^{l+1}) ⊙ σ′(z^l)", "holds"),       # BP2
    (r"\delta^l = (w^{l+1} \delta^{l+1}) ⊙ σ′(z^l)", "not checked"),    # shapes do not fit
])
def test_hadamard_and_prime_in_unicode(formula, expected):
    got = statuses(f"{NIELSEN}$${formula}$$\n")
    assert got == [expected] or expected == "not checked" and got != ["holds"], got


@pytest.mark.parametrize("formula, expected", [
    (r"e_h = b_h(1-b_h) Σ_{j=1}^{l} w_{hj} g_j", "holds"),               # (5.15)
    (r"e_h = b_h(1-b_h) Σ_{j=1}^{l} w_{hj} g_j + 1", "refuted"),
    (r"β_j = Σ_{h=1}^{q} w_{hj} b_h", "holds"),                         # (5.3's beta_j)
    (r"β_j = Σ_{h=1}^{q} w_{hj} b_j", "refuted"),                       # b_j for b_h
])
def test_a_capital_sigma_is_a_sum(formula, expected):
    assert statuses(f"$${formula}$$\n") == [expected]
