"""A tenth adversarial pass on ``symnet check``: other notations, matrices of numbers.
The classes it fixed:

- a matrix's last column of numbers was taken for an equation number in a column of its
  own (``a &= b & (5.11)``) and blanked: ``[1 0 3; 2 0 4] = [1 0; 2 0]`` (with a row break
  after the last row) "held", and a 2 x 2 matrix on the right of '=' was refused as
  ragged; an equation number is never looked for inside a matrix environment;
- a power or a function of a matrix of numbers (``[1; 2]^2``, ``\\tanh([0 0])``,
  ``|[-1 2]|``) stopped the checker with an internal error, was refuted (tanh left
  unevaluated) or guessed entry by entry (|.|: a norm? a determinant?), and a number
  added to a matrix was refuted: they are not checked, with the reason;
- a bias updated in a notation whose bias is a parameter (Nielsen's ``b^l = b^l - \\eta
  \\delta^l``, Goodfellow's, Bishop's layers) was refuted, the weight's update being "not
  a claim": the matrix notation reads the bias as minus a threshold, and a variable's
  negative is the variable for an update;
- a diagonal Jacobian set equal to the vector of its diagonal (``\\partial a^l /
  \\partial z^l = \\sigma'(z^l)``, a shorthand for diag(...) many notes write) was refuted
  for its shape: not checked, with the reason (a vector that is not the diagonal is still
  refuted);
- equations side by side in an alignment's column pairs (``a &= b & c &= d``) were joined
  into one chain ``a = b c = d`` and refuted: every second alignment mark of a row is a
  separator;
- two numbers side by side (``1 2 = 12``, ``5 7``, ``{2}{3}``) were multiplied, where TeX
  sets them as one number: not checked, with the reason;
- the activation set equal to a function by its name (``Here $f = \\tanh$``, Nielsen's
  ``\\sigma = \\tanh``, Bishop's ``h = \\tanh``) was unread, and the formulas after it
  were read with the sigmoid (a false "holds"): it is ``f(x) = \\tanh(x)``, in force.
"""
import pytest

from symnet.checker.documents import check_document

from verdicts import C, H, N, R


def statuses(doc: str) -> list:
    return [v.status for v in check_document(doc)]


@pytest.mark.parametrize("doc,expected", [
    (r"$$\begin{bmatrix}1 & 0 & 3\\ 2 & 0 & 4\\ \end{bmatrix} = "
     r"\begin{bmatrix}1 & 0\\ 2 & 0\end{bmatrix}$$", [R]),
    (r"$$\begin{bmatrix}1 & 2\\ 3 & 4\end{bmatrix} = \begin{bmatrix}1 & 3\\ 2 & 4\end{bmatrix}$$",
     [R]),
    (r"$$\begin{bmatrix}1 & 3\\ 2 & 4\end{bmatrix} = \begin{bmatrix}1 & 3\\ 2 & 4\end{bmatrix}$$",
     [H]),
    ("\\begin{align} \\Delta\\theta_j &= -\\eta g_j & (5.11) \\end{align}", [H]),
])
def test_a_matrix_column_is_no_equation_number(doc, expected):
    assert statuses(doc) == expected


@pytest.mark.parametrize("formula", [
    r"\begin{bmatrix}1 \\ 2\end{bmatrix}^{2} = \begin{bmatrix}1 \\ 4\end{bmatrix}",
    r"\begin{bmatrix}1 & 1\\0 & 1\end{bmatrix}^{2} = \begin{bmatrix}1 & 2\\0 & 1\end{bmatrix}",
    r"\tanh(\begin{bmatrix}0 & 0\end{bmatrix}) = \begin{bmatrix}0 & 0\end{bmatrix}",
    r"|\begin{bmatrix}-1 & 2\end{bmatrix}| = \begin{bmatrix}1 & 2\end{bmatrix}",
    r"\begin{bmatrix}1 & 2\end{bmatrix} + 1 = \begin{bmatrix}2 & 3\end{bmatrix}",
])
def test_a_function_of_a_matrix_of_numbers_is_not_checked(formula):
    verdict, = check_document(f"$${formula}$$")
    assert verdict.status == N and "vector or matrix is not read" in verdict.detail


@pytest.mark.parametrize("notation,update", [
    ("nielsen", r"b^l = b^l - \eta \delta^l"),
    ("nielsen", r"b^l_j = b^l_j - \eta \delta^l_j"),
    ("goodfellow", r"b^{(k)} = b^{(k)} - \epsilon \nabla_{a^{(k)}} J"),
    ("bishop-layers", r"b^{(l)} = b^{(l)} - \eta \delta^{(l)}"),
])
def test_a_bias_update_is_no_claim(notation, update):
    assert statuses(f"<!-- symnet: notation = {notation} -->\n$${update}$$\n") == [C]


@pytest.mark.parametrize("notation,formula,expected", [
    ("nielsen", r"\frac{\partial a^l}{\partial z^l} = \sigma'(z^l)", N),
    ("nielsen", r"\frac{\partial a^l_j}{\partial z^l_j} = \sigma'(z^l_j)", H),
    ("goodfellow", r"\frac{\partial h^{(k)}}{\partial a^{(k)}} = f'(a^{(k)})", N),
    ("d2l", r"\frac{\partial h}{\partial z} = \phi'(z)", N),
    ("goodfellow", r"\frac{\partial h^{(k)}}{\partial a^{(k)}} = f(a^{(k)})", R),
])
def test_a_diagonal_jacobian_as_its_diagonal(notation, formula, expected):
    verdict, = check_document(f"<!-- symnet: notation = {notation} -->\n$${formula}$$\n")
    assert verdict.status == expected, verdict.detail


def test_equations_in_column_pairs_are_apart():
    doc = (r"$$\begin{aligned} \Delta\theta_j &= -\eta g_j & \Delta w_{hj} &= \eta g_j b_h "
           r"\\ \Delta v_{ih} &= \eta e_h x_i & \Delta \gamma_h &= \eta e_h \end{aligned}$$")
    assert statuses(doc) == [H, H, H, R]


@pytest.mark.parametrize("formula", ["1 2 = 12", "2 + 3 = 5 7", "{2}{3} = 6", "2 3^2 = 18"])
def test_numbers_side_by_side_are_not_read(formula):
    verdict, = check_document(f"$${formula}$$")
    assert verdict.status == N and "two numbers side by side" in verdict.detail


@pytest.mark.parametrize("notation,statement,sigmoid_only", [
    ("zhou", r"f = \tanh", r"g_j = \hat y_j(1-\hat y_j)(y_j - \hat y_j)"),
    ("nielsen", r"\sigma = \tanh", r"\delta^L_j = (a^L_j - y_j)a^L_j(1-a^L_j)"),
    ("bishop", r"h = \tanh", r"\delta_j = z_j(1 - z_j) \sum_k w_{kj} \delta_k"),
])
def test_the_activation_named_by_its_function(notation, statement, sigmoid_only):
    doc = f"<!-- symnet: notation = {notation} -->\nHere ${statement}$.\n\n$${sigmoid_only}$$\n"
    assert statuses(doc) == [C, R]
