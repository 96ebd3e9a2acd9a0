"""A sixth adversarial pass on ``symnet check`` (formula arguments and the front door):
numbers far apart in size, double scripts and multi-digit units.  The classes it fixed:

- ``x^{2}^{3}`` (a double superscript, an error in LaTeX) was read as (x^2)^3 and "held":
  a second superscript or subscript on one symbol is refused where it stands;
- a term ``+ 10^{-30}`` was refused in section 5.3's notation ("only small integer
  powers") and in the matrix notation read as a layer mark: a number's integer power is
  an exact rational, and a difference of 10^-30 is found (refuted) by the matrix
  notation's counterexample search, which tries 120 digits when 40 show no difference;
- a counterexample whose sides differ beyond the 12th digit printed them alike
  ("left = 0.240049386943, right = 0.240049386943"): they are printed with as many digits
  as it takes to tell them apart;
- g_{12} was refused with "takes 1 index, got 2" and no word on why: the message says
  that a number of two digits is read digit by digit.
"""
import pytest

from symnet.checker.documents import check_equation
from symnet.checker.document import Equation

from verdicts import H, N, R, verdict

G = r"\hat{y}_j (1 - \hat{y}_j)(y_j - \hat{y}_j)"
DELTA3 = r"\delta^{(3)} = (a^{(3)} - y) \odot f'(z^{(3)})"

CASES = [
    (r"x^{2}^{3} = x^6", N),
    (r"x_1_2 = 1", N),
    (r"g_j = " + G + r" + 10^{-30}", R),
    (r"g_j = " + G + r" + 10^{-30} - 10^{-30}", H),
    (r"g_j = " + G + r" + 0 \cdot 10^{400}", H),
    (r"g_j = " + G + r" + (10^{20} + 1 - 10^{20})", R),
    (r"g_j = " + G + r" + (10^{20} + 1 - 10^{20}) - 1", H),
    (r"\Delta \theta_j = -\eta g_j \cdot 1.0000000000000000001", R),
    (r"\Delta \theta_j = -\eta g_j \cdot 1.0000000000000000000", H),
    (r"g_{12} = \hat{y}_{12}(1 - \hat{y}_{12})(y_{12} - \hat{y}_{12})", N),
]


@pytest.mark.parametrize("formula,expected", CASES)
def test_sixth_pass(formula, expected):
    status, detail = verdict(formula)
    assert status == expected, (formula, detail)


MATRIX = [
    (DELTA3 + r" + 10^{-30}", R),
    (DELTA3 + r" + 10^{-30} - 10^{-30}", H),
    (DELTA3 + r" \cdot 1.0000000000000000001", R),
    (r"\Delta \theta_j = -\eta g_j + 10^{-30}", R),
    (DELTA3 + r" + 10^{-300}", N),            # beyond 120 digits: no proof, no counterexample
]


@pytest.mark.parametrize("formula,expected", MATRIX)
def test_tiny_differences_in_the_matrix_notation(formula, expected):
    v = check_equation(Equation(1, formula, formula, {}), [3, 4, 3])
    assert v.status == expected, (formula, v.detail)


def test_a_double_superscript_is_refused_with_the_reason():
    status, detail = verdict(r"x^{2}^{3} = x^6")
    assert "double superscript" in detail


def test_a_multi_digit_unit_is_explained():
    status, detail = verdict(r"g_{12} = \hat{y}_{12}(1 - \hat{y}_{12})(y_{12} - \hat{y}_{12})")
    assert "digit by digit" in detail


def test_close_sides_are_printed_apart():
    for formula, layers in ((DELTA3 + r" \cdot 1.0000000000000000001", [3, 4, 3]),
                            (r"\Delta \theta_j = -\eta g_j \cdot 1.0000000000000000001", None)):
        v = check_equation(Equation(1, formula, formula, {}), layers)
        assert v.status == R, v.detail
        left, right = v.detail.split("left ")[-1].rstrip(")").split(", right ")
        assert left.replace("entry 1: ", "") != right, v.detail
        assert "constant factor" in v.detail, v.detail


# \tanh and Unicode sums in the matrix notation and the other notations
READ = [
    ("bishop", {"f": "tanh"}, r"z_j = \tanh(a_j)", H),
    ("bishop", {"f": "tanh"}, r"z_j = \tanh(a_j) + 10^{-30}", R),
    ("bishop", {"f": "tanh"}, r"h'(a_j) = 1 - \tanh(a_j)^2", H),
    ("bishop", {"f": "tanh"}, r"h'(a_j) = 1 + \tanh(a_j)^2", R),
    ("bishop", {}, r"z_j = \tanh(a_j)", R),              # any h: naming tanh is a claim
    ("bishop", {}, r"E_n = -t \log y - (1 - t) \log (1 - y)", N),   # \log of a column
    ("nielsen", {}, r"C=\frac{1}{2}∑_j(y_j-a^L_j)^2", H),
    ("nielsen", {}, r"C=∑_j(y_j-a^L_j)^2", R),
]


@pytest.mark.parametrize("notation,context,formula,expected", READ)
def test_functions_and_unicode_sums_in_other_notations(notation, context, formula, expected):
    v = check_equation(Equation(1, formula, formula, {"notation": notation, **context}), None)
    assert v.status == expected, (formula, v.detail)


def test_a_unicode_sum_in_the_books_notation():
    assert verdict(r"E_k = \frac12 ∑_{j=1}^{l} (\hat{y}_j - y_j)^2")[0] == H
    assert verdict(r"E_k = ∑_{j=1}^{l} (\hat{y}_j - y_j)^2")[0] == R


# a power of a function's value: \sigma(z)^2 is (\sigma(z))^2, never \sigma(z^2)
POWERS = [
    (r"f'(x) = f(x) - f(x)^2", H),
    (r"f'(x) = f(x) - f(x)^3", R),
    (r"f'(x) = f(x)(1 - f(x))", H),
    (r"f'(x)^2 = f(x)^2 (1 - f(x))^2", H),
    (r"f'(x)^2 = f(x)^2 (1 - f(x))", R),
]


@pytest.mark.parametrize("formula,expected", POWERS)
def test_a_power_after_a_functions_argument(formula, expected):
    assert verdict(formula)[0] == expected, formula


# \tanh under f = tanh is the network's own f in section 5.3's notation too
TANH_53 = [
    ({"f": "tanh"}, r"b_h = \tanh(\alpha_h - \gamma_h)", H),
    ({"f": "tanh"}, r"b_h = \tanh(\alpha_h + \gamma_h)", R),
    ({"f": "tanh"}, r"\tanh(0) = 0", H),
    ({"f": "sigmoid"}, r"b_h = \tanh(\alpha_h - \gamma_h)", R),
]


@pytest.mark.parametrize("context,formula,expected", TANH_53)
def test_tanh_is_the_models_f_under_its_directive(context, formula, expected):
    assert verdict(formula, context)[0] == expected, formula


# --- a derivative by a quantity that also enters through what it is computed from -----
# (under tanh, g_j is written with f'(beta_j - theta_j): d g_j / d yhat_j = 0 "held")

DEPENDENT = [
    ({"f": "tanh"}, r"\frac{\partial g_j}{\partial \hat{y}_j} = 0", N),
    ({"f": "tanh"}, r"\frac{\partial e_h}{\partial b_h} = 0", N),
    ({"f": "relu"}, r"\frac{\partial g_j}{\partial \hat{y}_j} = 0", N),
    ({"f": "identity"}, r"\frac{\partial g_j}{\partial \hat{y}_j} = -1", N),
    ({"f": "tanh"}, r"\frac{\partial E_k}{\partial \hat{y}_j} = \hat{y}_j - y_j", H),
    ({"f": "tanh"}, r"\frac{\partial g_j}{\partial b_h} = 0", R),
    ({}, r"\frac{\partial \hat{y}_j}{\partial \beta_j} = \hat{y}_j (1 - \hat{y}_j)", H),
    ({"notation": "bishop"}, r"\frac{\partial \delta_k}{\partial y_k} = 0", R),
    ({"notation": "bishop"}, r"\frac{\partial \delta_k}{\partial y_k} = 1", H),
    ({"notation": "bishop"}, r"\frac{\partial \delta_k}{\partial a_k} = 1", H),
    ({"notation": "nielsen", "f": "relu"},
     r"\frac{\partial \delta^L_j}{\partial a^L_j} = 0", N),
    ({"notation": "d2l"}, r"\frac{\partial J}{\partial \mathbf{o}} = "
                          r"\frac{\partial L}{\partial \mathbf{o}}", H),
]


@pytest.mark.parametrize("context,formula,expected", DEPENDENT)
def test_a_derivative_by_a_dependent_quantity(context, formula, expected):
    assert verdict(formula, context)[0] == expected, formula


# --- \quad inside rows, and numbers in a column of their own --------------------------

def _doc(*lines):
    from symnet.checker.documents import check_document
    return [(v.status, v.equation) for v in check_document("\n".join(lines), "md")]


G = r"\hat{y}_j(1-\hat{y}_j)(y_j-\hat{y}_j)"


@pytest.mark.parametrize("lines,expected", [
    # a product continued after \qquad on the next row: never dropped
    (["$$", r"\begin{aligned}", r"g_j &= " + G + r" \\", r"&\qquad (1-\hat{y}_j)",
      r"\end{aligned}", "$$"], [R]),
    (["$$", r"\begin{aligned}", r"g_j &= \hat{y}_j(1-\hat{y}_j) \\",
      r"&\qquad (y_j-\hat{y}_j)", r"\end{aligned}", "$$"], [H]),
    ([r"$$\Delta w_{hj} = \eta g_j b_h \qquad (1 - b_h)^2$$"], [R]),
    # an equation number in an alignment column of its own
    (["$$", r"\begin{aligned}", r"\Delta \theta_j &= -\eta g_j & (5.11) \\",
      r"\Delta w_{hj} &= \eta g_j b_h && (5.12)", r"\end{aligned}", "$$"], [H, H]),
    # a bare number after \qquad: an equation number or a factor? not checked
    ([r"$$g_j = " + G + r" \qquad 5.10$$"], [N]),
    # side conditions and bracketed numbers after \quad stay labels
    ([r"$$\Delta \theta_j = -\eta g_j \quad (5.11)$$"], [H]),
    ([r"$$\Delta \theta_j = -\eta g_j \quad (1 \le j \le l)$$"], [H]),
])
def test_rows_and_numbers_after_quad(lines, expected):
    assert [s for s, _ in _doc(*lines)] == expected


def test_a_bare_number_after_quad_in_a_formula_argument():
    status, detail = verdict(r"g_j = " + G + r" \qquad 5.10")
    assert status == N and "bare number" in detail
