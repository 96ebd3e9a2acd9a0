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
