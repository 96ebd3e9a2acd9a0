r"""A derivation with a wrong step is not another model.  A refuted statement of a delta
(e_h = ..., g_j = ...) whose right side is a derivative says the document defines the
delta otherwise (e_h = +dE_k/db_h db_h/dalpha_h), so the formulas around it that use it
are not checked.  But a chain whose FIRST link holds (e_h = -dE_k/db_h db_h/dalpha_h,
the book's definition) states the delta as the book does; its error is in a later step
of the derivation, and the formulas around it are checked as usual.  Verdicts by hand
(section 5.3: Delta theta_j = -eta g_j (5.12), Delta gamma_h = -eta e_h (5.14),
Delta w_hj = eta g_j b_h (5.11), e_h = b_h(1 - b_h) sum_j w_hj g_j (5.15))."""
import pytest

from symnet.checker.documents import check_document

#: e_h's derivation with a sign dropped in its third link (as a public slide writes it)
E_H_WRONG_STEP = r"""$$
\begin{aligned}
e_h & =-\frac{\partial E_k}{\partial b_h} \cdot \frac{\partial b_h}{\partial \alpha_h} \\
& =-\sum_{j=1}^l \frac{\partial E_k}{\partial \beta_j} \cdot \frac{\partial \beta_j}{\partial b_h} f'(\alpha_h-\gamma_h) \\
& =-\sum_{j=1}^l w_{hj} g_j f'(\alpha_h-\gamma_h) \\
& =b_h (1 - b_h ) \sum_{j=1}^l w_{hj} g_j
\end{aligned}
$$"""
#: e_h defined with the wrong sign (the first link is refuted): another model
E_H_OTHER_SIGN = (r"$$e_h = \frac{\partial E_k}{\partial b_h} \cdot \frac{\partial b_h}"
                  r"{\partial \alpha_h} = b_h (1 - b_h) \sum_{j=1}^l w_{hj} g_j$$")


def _statuses(*blocks):
    return [v.status for v in check_document("# A\n\n" + "\n\n".join(blocks) + "\n", "md")]


@pytest.mark.parametrize("blocks,expected", [
    # the first link holds: the formulas above and below are checked
    ((r"$$\Delta \theta_j = -\eta g_j$$", E_H_WRONG_STEP, r"$$\Delta \gamma_h = -\eta e_h$$"),
     ["holds", "refuted", "holds"]),
    ((r"$$\Delta \theta_j = \eta g_j$$", E_H_WRONG_STEP, r"$$\Delta \gamma_h = \eta e_h$$"),
     ["refuted", "refuted", "refuted"]),
    ((r"$$g_j = -\frac{\partial E_k}{\partial \beta_j} = y_j - \hat y_j$$",
      r"$$\Delta w_{hj} = \eta g_j b_h$$"), ["refuted", "holds"]),
    # the first link is refuted: the delta is defined otherwise, the formulas that use it
    # are not checked (never refuted, never said to hold)
    ((r"$$\Delta \theta_j = -\eta g_j$$", E_H_OTHER_SIGN, r"$$\Delta \gamma_h = -\eta e_h$$"),
     ["not checked", "refuted", "not checked"]),
    ((r"$$g_j = \frac{\partial E_k}{\partial \beta_j} = \hat y_j(1-\hat y_j)(\hat y_j - y_j)$$",
      r"$$\Delta w_{hj} = \eta g_j b_h$$"), ["refuted", "not checked"]),
    # one link only: as before (a refuted definition of the delta is another model)
    ((r"$$e_h = \frac{\partial E_k}{\partial b_h} \cdot \frac{\partial b_h}{\partial \alpha_h}$$",
      r"$$\Delta \gamma_h = -\eta e_h$$"), ["refuted", "not checked"]),
])
def test_only_a_wrong_definition_of_the_delta_puts_another_model_in_force(blocks, expected):
    assert _statuses(*blocks) == expected
