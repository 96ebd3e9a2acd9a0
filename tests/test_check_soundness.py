"""Regression tests for every false verdict `symnet check` once gave (issue 10): a false
formula never "holds", and the correct ones listed are never "refuted"."""
import pytest

from symnet.checker.notations import MeaningError, ParseError, check, default_layers

M = [3, 4, 4, 3]

FALSE = [
    # a numerator other than E_k: the chain rule through beta, b and alpha
    (r"\frac{\partial \hat{y}_j}{\partial w_{hj}} = 0", None),
    (r"\frac{\partial b_h}{\partial v_{ih}} = 0", None),
    (r"\frac{\partial \hat{y}_j}{\partial b_h} = 0", None),
    (r"\frac{\partial \beta_j}{\partial v_{ih}} = 0", None),
    # subscripts and hats are meanings, not decoration
    (r"a_1^{(2)} = a_3^{(2)}", M),
    (r"\hat{y} = y", M),
    # \mathrm{d} is the differential, not the size d
    (r"\frac{\mathrm{d} b_h}{\mathrm{d} \alpha_h} = \frac{b_h}{\alpha_h}", None),
    # letter layers without parentheses are still letters, checked for every k
    (r"\delta^{k} = (\Theta^{kl}\delta^{l}) \odot f'(z^{(2)})", M),
    # swapped weights, wrong ranges
    (r"\sum_h\sum_j w_{hj} g_j b_h = \sum_j\sum_h w_{jh} g_j b_h", None),
    (r"\Delta w_{hj} = -\eta g_j b_h \quad (5.11)", None),
]

TRUE = [
    (r"\delta^{(k)} = \delta^{(k)}", M),
    (r"\frac{\partial E}{\partial z^{(k)}} = \delta^{(k)}", M),
    (r"(\Theta^{(kl)} \delta^{(l)}) \odot f'(z^{(k)}) = \delta^{(k)}", M),
    (r"\mathbf{z}^{(3)} = [\tilde{\Theta}^{(23)}]^\top \tilde{\mathbf{a}}^{(2)}", M),
    (r"\frac{\partial E_k}{\partial w_{hj}} = \frac{\partial E_k}{\partial \hat{y}_j} \cdot "
     r"\frac{\partial \hat{y}_j}{\partial w_{hj}}", None),
    (r"\sum_h\sum_j w_{hj} g_j b_h = \sum_j\sum_h w_{hj} g_j b_h", None),
    (r"\Delta w_{hj} = \eta g_j b_h \quad (5.11)", None),
    # and their neighbours
    (r"\delta^{k} = (\Theta^{kl}\delta^{l}) \odot f'(z^{k})", M),
    (r"\frac{\mathrm{d} b_h}{\mathrm{d} \alpha_h} = b_h (1 - b_h)", None),
    (r"\frac{\partial \hat{y}_j}{\partial b_h} = f'(\beta_j - \theta_j) w_{hj}", None),
    (r"\hat{\mathbf{y}} = \mathbf{a}^{(4)}", M),
    (r"a_1^{(2)} = f(z_1^{(2)})", M),
    (r"\frac{\partial E}{\partial a^{(k)}} = \Theta^{(kl)} \delta^{(l)}", M),
    (r"\frac{\partial E}{\partial \Theta^{(kl)}} = a^{(k)} [\delta^{(l)}]^\top", M),
    (r"\beta_j = \sum_{p=1}^q w_{pj} b_p", None),
    (r"e_h = b_h(1-b_h)\sum_j w_{hj} g_j \tag{5.15}", None),
]


def _verdict(text, layers):
    try:
        return "holds" if check(text, layers).holds else "refuted"
    except (ParseError, MeaningError):
        return "not checked"


@pytest.mark.parametrize("text,layers", FALSE, ids=[f"false{n}" for n in range(len(FALSE))])
def test_a_false_formula_never_holds(text, layers):
    assert _verdict(text, layers) != "holds"


@pytest.mark.parametrize("text,layers", TRUE, ids=[f"true{n}" for n in range(len(TRUE))])
def test_a_correct_formula_holds(text, layers):
    assert _verdict(text, layers) == "holds"


def test_layer_letters_are_checked_for_every_k():
    result = check(r"\delta^{k} = (\Theta^{kl}\delta^{l}) \odot f'(z^{k})", M)
    assert result.holds and result.sizes.endswith("k = 2, 3")
    result = check(r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}} = "
                   r"\tilde{a}^{(k)} [\delta^{(l)}]^\top", M)
    assert result.holds and result.sizes.endswith("k = 1, 2, 3")


def test_the_notation_is_chosen_from_the_parse_tree():
    assert default_layers(r"\delta^{k} = \Theta^{kl} \delta^{l}") == M
    assert default_layers(r"a_1^{(2)} = 1") == M
    assert default_layers(r"e_h = b_h (1 - b_h) \sum_j w_{hj} g_j") is None
    assert default_layers(r"\Delta w_{hj} = \eta g_j b_h") is None


@pytest.mark.parametrize("text,layers", [
    (r"\breve{y} = y", M),                         # an accent with no meaning here
    (r"a_{hj}^{(2)} = 1", M),                      # a letter subscript in the matrix notation
    (r"a_9^{(2)} = 1", M),                         # no unit 9
    (r"\frac{d b_h}{\alpha_h} = 1", None),         # a differential on one side only
])
def test_unreadable_marks_are_refused_not_dropped(text, layers):
    assert _verdict(text, layers) == "not checked"


# --- lists written with \dots (sums and vectors) -------------------------------------------

SUM_274 = (r"\frac{\partial E_k}{\partial b_h} = \frac{\partial E_k}{\partial \beta_1} "
           r"\frac{\partial \beta_1}{\partial b_h} + \frac{\partial E_k}{\partial \beta_2} "
           r"\frac{\partial \beta_2}{\partial b_h} + \dots + \frac{\partial E_k}{\partial "
           r"\beta_{END}} \frac{\partial \beta_{END}}{\partial b_h}")


@pytest.mark.parametrize("text,holds", [
    (SUM_274.replace("END", "l"), True),
    (SUM_274.replace("END", "l") + r"= \sum_{j=1}^l \frac{\partial E_k}{\partial \beta_j} "
                                   r"\frac{\partial \beta_j}{\partial b_h}", True),
    (SUM_274.replace("END", "q"), False),              # the sum runs to the wrong size
    (r"\hat{\mathbf{y}}_k = (\hat{y}_1^k, \hat{y}_2^k, \dots, \hat{y}_l^k)", True),
    (r"\mathbf{\hat{y}} = (f(\beta_1 - \theta_1), \dots, f(\beta_l - \theta_l))", True),
    (r"\mathbf{x}_k = (x_1, x_2, \dots, x_d)", True),
    (r"\hat{\mathbf{y}}_k = (y_1^k, y_2^k, \dots, y_l^k)", False),       # a hat dropped
    (r"\hat{\mathbf{y}}_k = (\hat{y}_1^k, \dots, \hat{y}_q^k)", False),  # wrong length
    (r"\hat{\mathbf{y}}_k = \hat{y}_1^k", False),                        # vector = scalar
    (r"\mathbf{\hat{y}} = (f(\beta_1 - \theta_1), \dots, f(\beta_l - \theta_1))", False),
])
def test_lists_with_dots_are_read_as_what_they_stand_for(text, holds):
    result = check(text)
    assert result.holds is holds
    if not holds:
        assert all(s.counterexample for s in result.steps if not s.holds)


@pytest.mark.parametrize("text", [
    # the items before the dots do not follow the last one's pattern
    r"\hat{\mathbf{y}}_k = (\hat{y}_1^k, \hat{y}_3^k, \dots, \hat{y}_l^k)",
    SUM_274.replace(r"\beta_2} \frac", r"\beta_1} \frac").replace("END", "l"),
    r"E_k = \frac{\partial E_k}{\partial \beta_2} + \dots + \frac{\partial E_k}{\partial \beta_l}",
    r"a_1 + \dots + a_l + \dots + a_n = 0",
])
def test_a_list_whose_pattern_is_not_clear_is_refused(text):
    with pytest.raises(ParseError):
        check(text)


def test_a_bold_vector_inside_an_expression_is_refused():
    with pytest.raises(MeaningError):
        check(r"\hat{\mathbf{y}}_k + 1 = \hat{y}_1^k")


# --- the derivative of a vector by a vector (a Jacobian, in the notes' layout) ----------

@pytest.mark.parametrize("text,holds", [
    (r"\frac{\partial \mathbf{z}^{(3)}}{\partial \mathbf{a}^{(2)}} = \Theta^{(23)}", True),
    (r"\frac{\partial \mathbf{z}^{(l)}}{\partial \mathbf{a}^{(k)}} = \Theta^{(kl)}", True),
    (r"\frac{\partial E}{\partial \mathbf{a}^{(2)}} = \frac{\partial \mathbf{z}^{(3)}}"
     r"{\partial \mathbf{a}^{(2)}} \frac{\partial E}{\partial \mathbf{z}^{(3)}}", True),
    # the transposed layout, and a Jacobian through f that is not Theta
    (r"\frac{\partial \mathbf{z}^{(3)}}{\partial \mathbf{a}^{(2)}} = [\Theta^{(23)}]^\top", False),
    (r"\frac{\partial \mathbf{a}^{(3)}}{\partial \mathbf{z}^{(2)}} = \Theta^{(23)}", False),
])
def test_jacobians_in_the_notes_layout(text, holds):
    assert check(text, M).holds is holds


def test_a_jacobian_by_a_matrix_is_refused():
    with pytest.raises(MeaningError, match="column vector only"):
        check(r"\frac{\partial \mathbf{z}^{(l)}}{\partial \tilde{\Theta}^{(kl)}} = 0", M)


# --- the step function where the sigmoid is meant (a diagnosis, never a verdict) ----------

def test_a_derivative_of_the_step_function_is_named():
    result = check(r"\frac{\partial \hat{y}_j}{\partial \beta_j} = 0")
    assert not result.holds
    assert "the step function is used where the sigmoid is meant" in result.steps[0].diagnosis[0]
    # a wrong formula that the step function does not explain gets no such diagnosis
    result = check(r"\frac{\partial \hat{y}_j}{\partial \beta_j} = 2")
    assert not result.holds and "step function" not in " ".join(result.steps[0].diagnosis)


# --- layer letters proved for symbolic widths -------------------------------------------

from symnet.checker.parse import parse  # noqa: E402
from symnet.checker.symbolic_widths import prove_symbolic  # noqa: E402

LETTERS_TRUE = [
    r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot f'(\mathbf{z}^{(k)})",
    r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot \mathbf{a}^{(k)} \odot (1 - \mathbf{a}^{(k)})",
    r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}} = \tilde{\mathbf{a}}^{(k)} [\delta^{(l)}]^\top",
    r"\Delta \tilde{\Theta}^{(kl)} = -\eta \tilde{\mathbf{a}}^{(k)} [\delta^{(l)}]^\top",
    r"\mathbf{z}^{(l)} = [\tilde{\Theta}^{(kl)}]^\top \tilde{\mathbf{a}}^{(k)}",
    r"\frac{\partial E}{\partial \mathbf{a}^{(k)}} = \Theta^{(kl)} \delta^{(l)}",
    r"\delta^{(n)} = \frac{\partial E}{\partial \mathbf{z}^{(n)}} = (\mathbf{a}^{(n)} - \mathbf{y}) "
    r"\odot f'(\mathbf{z}^{(n)})",
    r"E = \frac{1}{2} \|\hat{\mathbf{y}} - \mathbf{y}\|^2 = \frac{1}{2} \|\mathbf{a}^{(n)} - \mathbf{y}\|^2",
    # entries with free index letters, sums up to a width, derivatives by one entry
    r"a_i^{(k)} = f(z_i^{(k)})",
    r"\frac{\partial E}{\partial \theta_{ij}^{(kl)}} = \frac{\partial E}{\partial z_j^{(l)}} "
    r"\frac{\partial z_j^{(l)}}{\partial \theta_{ij}^{(kl)}} = \delta_j^{(l)} a_i^{(k)}",
    r"E = \frac{1}{2} \|\mathbf{a}^{(n)} - \mathbf{y}\|^2 = \frac{1}{2} \sum_{j=1}^{s_n} (a_j^{(n)} - y_j)^2",
    r"\frac{\partial E}{\partial a_i^{(k)}} = \sum_{j=1}^{s_l} \theta_{ij}^{(kl)} \delta_j^{(l)}",
    r"z_j^{(l)} = \sum_{i=0}^{s_k} \theta_{ij}^{(kl)} a_i^{(k)}",
]
LETTERS_FALSE = [
    r"\frac{\partial E}{\partial \mathbf{z}^{(k)}} = 2\delta^{(k)}",
    r"\mathbf{z}^{(l)} = [\Theta^{(kl)}]^\top \mathbf{a}^{(k)}",              # thresholds lost
    r"\delta^{(k)} = \Theta^{(kl)} \delta^{(l)}",                              # f' dropped
    r"\delta^{(k)} = (\Theta^{(kl)} \delta^{(l)}) \odot f'(\mathbf{z}^{(l)})",  # wrong layer
    r"\Delta \tilde{\Theta}^{(kl)} = \eta \tilde{\mathbf{a}}^{(k)} [\delta^{(l)}]^\top",  # sign
    r"\frac{\partial E}{\partial \tilde{\Theta}^{(kl)}} = \delta^{(l)} [\tilde{\mathbf{a}}^{(k)}]^\top",
    r"\frac{\partial E}{\partial \Theta^{(kl)}} = \tilde{\mathbf{a}}^{(k)} [\delta^{(l)}]^\top",  # tilde
    r"\delta^{(n)} = (\mathbf{y} - \mathbf{a}^{(n)}) \odot f'(\mathbf{z}^{(n)})",
    r"E = \frac{1}{2} \|\mathbf{a}^{(n)} - \mathbf{y}\|^2 + 1",
    r"a_i^{(k)} = f(z_i^{(l)})",
    r"\frac{\partial E}{\partial \theta_{ij}^{(kl)}} = \delta_i^{(l)} a_j^{(k)}",
    r"\frac{\partial E}{\partial \theta_{ij}^{(kl)}} = \delta_j^{(l)} a_i^{(l)}",
    r"E = \frac{1}{2} \sum_{j=1}^{s_n} (a_j^{(n)} + y_j)^2",
    r"\frac{\partial E}{\partial a_i^{(k)}} = \sum_{j=1}^{s_l} \theta_{ji}^{(kl)} \delta_j^{(l)}",
    r"z_j^{(l)} = \sum_{i=1}^{s_k} \theta_{ij}^{(kl)} a_i^{(k)}",                # threshold lost
]


@pytest.mark.parametrize("text", LETTERS_TRUE)
def test_layer_letters_are_proved_for_symbolic_widths(text):
    assert prove_symbolic(parse(text))[0]
    result = check(text, M)
    assert result.holds and result.sizes.startswith("symbolic width")
    assert "also at 3,4,4,3" in result.sizes


@pytest.mark.parametrize("text", LETTERS_FALSE)
def test_a_wrong_letter_formula_is_not_proved_for_symbolic_widths(text):
    assert not prove_symbolic(parse(text))[0]
    assert not check(text, M).holds


def test_the_output_says_when_a_letter_formula_is_checked_at_the_sizes_only():
    result = check(r"\frac{\partial E}{\partial a_1^{(k)}} = \sum_{j=1}^{s_l} "
                   r"\theta_{1j}^{(kl)} \delta_j^{(l)}", M)
    assert result.holds and "at these sizes only" in result.sizes
    assert not prove_symbolic(parse(r"\delta^{(2)} = \delta^{(2)}"))[0]   # digits: concrete


@pytest.mark.parametrize("text,holds", [
    (r"\hat{y}_j = \frac{1}{1+e^{-(\beta_j - \theta_j)}}", True),
    (r"b_h = \frac{1}{1+e^{-\alpha_h + \gamma_h}} = f(\alpha_h - \gamma_h)", True),
    (r"b_h = 1/(1+\exp(\gamma_h - \alpha_h))", True),
    (r"\hat{y}_j = \frac{1}{1+\exp(\beta_j - \theta_j)}", False),       # the exponent's sign
    (r"b_h = \frac{1}{1+e^{-\alpha_h}}", False),                          # the threshold lost
])
def test_the_sigmoid_written_out(text, holds):
    assert check(text).holds is holds


def test_a_matrix_refutation_shows_values_at_a_real_network():
    """x, Theta~ and y drawn, every unit the sigmoid of its z (a forward pass): the two
    sides' values differ there."""
    result = check(r"\delta^{(n)} = (y - a^{(n)}) \odot f'(z^{(n)})", M)
    (step,) = result.steps
    ce = step.counterexample
    assert ce["sizes"] == "3,4,4,3"
    left = float(ce["left"].split(":")[-1])
    right = float(ce["right"])
    assert left == pytest.approx(-right) and left != 0
    # a shape mismatch is a refutation by itself, without values
    shape = check(r"\delta^{(k)} = \delta^{(l)}", M)
    assert not shape.holds


@pytest.mark.parametrize("text,holds", [
    (r"z_1^{(4)} = \theta_{01}^{(34)} a_0^{(3)} + \theta_{11}^{(34)} a_1^{(3)} + \dots + "
     r"\theta_{41}^{(34)} a_4^{(3)}", True),
    (r"z_1^{(4)} = \theta_{01}^{(34)} a_0^{(3)} + \dots + \theta_{31}^{(34)} a_3^{(3)}", False),
    (r"\delta^{(4)} = (\delta_1^{(4)}; \delta_2^{(4)}; \dots; \delta_3^{(4)})", True),
    (r"\delta^{(4)} = (\delta_1^{(4)}; \dots; \delta_2^{(4)})", False),        # too short
])
def test_lists_with_dots_up_to_a_digit_are_written_out(text, holds):
    assert check(text, M).holds is holds


def test_a_list_with_dots_that_counts_two_ways_is_refused():
    with pytest.raises(ParseError):
        check(r"z_1^{(4)} = \theta_{01}^{(34)} a_1^{(3)} + \dots + \theta_{41}^{(34)} a_3^{(3)}", M)


def test_a_vanishing_derivative_is_not_a_missing_hat():
    result = check(r"\frac{\partial E_k}{\partial w_{hj}} = 0")
    assert not result.holds
    assert not any("hat" in d for d in result.steps[0].diagnosis), result.steps[0].diagnosis
    assert "step function" in result.steps[0].diagnosis[0]
