"""0 written for a zero vector or matrix, as everyone writes it (grad_x f = 0): a scalar
side exactly 0 is compared with the other side entry by entry.  Before, every such true
statement was refuted for its shape ("a scalar is set equal to a 4 x 4 quantity" with a
4 x 4 zero matrix shown as the differing side).  Any other scalar set equal to a vector
or a matrix is still refuted.  Verdicts worked out by hand."""
import pytest

from symnet.checker.document import Equation
from symnet.checker.documents import check_equation


def verdict(text, notation=None):
    context = {"notation": notation} if notation else {}
    return check_equation(Equation(1, text, text, context), None).status


@pytest.mark.parametrize("text, notation, expected", [
    # Omega depends on the parameters only: its gradient by the units is the zero vector
    (r"\nabla_{a^{(k)}} \Omega(\theta) = 0", "goodfellow", "holds"),
    (r"\nabla_{a^{(k)}} \Omega(\theta) = 1", "goodfellow", "refuted"),
    (r"\nabla_{W^{(k)}} \Omega(\theta) = 0", "goodfellow", "refuted"),
    # the target y_j does not depend on the weights; the output hat y_j does
    (r"\frac{\partial y_j}{\partial \tilde{\Theta}^{(12)}} = 0", None, "holds"),
    (r"0 = \frac{\partial y_j}{\partial \tilde{\Theta}^{(12)}}", None, "holds"),
    (r"\frac{\partial \hat{y}_j}{\partial \tilde{\Theta}^{(12)}} = 0", None, "refuted"),
    (r"\frac{\partial y_j}{\partial \tilde{\Theta}^{(12)}} = 1", None, "refuted"),
])
def test_zero_is_the_zero_of_the_other_sides_shape(text, notation, expected):
    assert verdict(text, notation) == expected
