"""An eighth adversarial pass on ``symnet check``.  The classes it fixed:

- a derivative by an activation a^{(k)} of what also depends on the units' input z^{(k)}
  (delta^{(k)}, z^{(k)}, a derivative by a weight into layer k) was read in the canonical
  form, where the sigmoid's f'(z) is a (1 - a): d delta^L_j / d a^L_j = sigma'(z^L_j),
  true with z held fixed, was refuted.  The written tree shows the dependence: such a
  derivative has no one meaning and is not checked, with the reason (section 5.3's
  reader refused its own case, d g_j / d yhat_j, already).
"""
import pytest

from symnet.checker.documents import check_equation
from symnet.checker.document import Equation

from verdicts import H, N, R

M = [3, 4, 4, 3]

THROUGH_INPUT = [
    (r"\frac{\partial \delta^{(4)}_1}{\partial a^{(4)}_1} = f'(z^{(4)}_1)", M, None, N),
    (r"\frac{\partial z^{(4)}_1}{\partial a^{(4)}_1} = 0", M, None, N),
    (r"\frac{\partial \frac{\partial E}{\partial \theta^{(34)}_{11}}}{\partial a^{(4)}_1}"
     r" = 0", M, None, N),
    (r"\frac{\partial \delta^L_j}{\partial a^L_j} = \sigma'(z^L_j)", None, "nielsen", N),
    (r"\frac{\partial \delta^L_j}{\partial a^L_j} = 1", None, "nielsen", N),
    # what lies downstream of a^{(k)} only keeps its one meaning
    (r"\frac{\partial z^{(3)}}{\partial a^{(2)}} = \Theta^{(23)}", M, None, H),
    (r"\frac{\partial E}{\partial a^{(3)}} = \Theta^{(34)} \delta^{(4)}", M, None, H),
    (r"\frac{\partial E}{\partial a^{(3)}} = \Theta^{(34)} \delta^{(3)}", M, None, R),
    (r"\frac{\partial C}{\partial a^l_j} = \sum_k w^{l+1}_{kj} \delta^{l+1}_k", None,
     "nielsen", H),
]


@pytest.mark.parametrize("formula,layers,notation,expected", THROUGH_INPUT)
def test_a_derivative_by_a_unit_through_its_own_input(formula, layers, notation, expected):
    context = {"notation": notation} if notation else {}
    v = check_equation(Equation(1, formula, formula, context), layers)
    assert v.status == expected, (formula, v.detail)
    if expected == N:
        assert "also through the units' input" in v.detail, v.detail


def test_a_linear_units_derivative_keeps_its_one_meaning():
    """Bishop's linear outputs: f' = 1 does not move with y_k, so d delta_k / d y_k = 1
    holds and 0 is refuted."""
    for formula, expected in ((r"\frac{\partial \delta_k}{\partial y_k} = 1", H),
                              (r"\frac{\partial \delta_k}{\partial y_k} = 0", R)):
        v = check_equation(Equation(1, formula, formula, {"notation": "bishop"}), None)
        assert v.status == expected, (formula, v.detail)
