"""Classes of statements of the notes that `symnet check` now reads (issue 21, "not
checked" at most 25 on the notes): each class with true cases and a wrong variant that is
refuted or not checked, never "holds", and never hidden as "not a claim"."""
import pytest

from symnet.checker.documents import check_document


def verdicts(doc: str) -> list:
    return [(v.status, v.detail) for v in check_document(doc, "md")]


def one(formula: str) -> tuple:
    (verdict,) = verdicts(f"${formula}$")
    return verdict


@pytest.mark.parametrize("formula", [r"y = x_1 \wedge x_2", r"y = x_1 \vee x_2",
                                     r"y = \neg x_1", r"y = x_1 \oplus x_2",
                                     r"y = (x_1 \wedge \neg x_2) \vee (\neg x_1 \wedge x_2)"])
def test_a_boolean_target_is_the_task_not_a_claim(formula):
    status, detail = one(formula)
    assert status == "not a claim" and "Boolean function" in detail


@pytest.mark.parametrize("formula", [r"y = x_1 \wedge x_2 + 1", r"e_h = x_1 \wedge x_2",
                                     r"y = (w_1 + 3) \wedge x_2"])
def test_a_boolean_formula_mixed_with_anything_else_is_not_checked(formula):
    assert one(formula)[0] == "not checked"


@pytest.mark.parametrize("formula", [r"y = f(h)", r"y = f(h_1 + h_2 - 1.5)", r"v = 1 + e^{-x}"])
def test_a_free_variable_given_an_expression_of_inputs_and_new_symbols_is_an_assignment(formula):
    status, detail = one(formula)
    assert status == "not a claim" and detail.startswith("assigns a value to")


@pytest.mark.parametrize("formula", [r"y_j = f(\beta_j - \theta_j)", r"y_j = \hat{y}_j^k"])
def test_the_target_set_to_a_quantity_of_the_network_stays_a_claim(formula):
    status, detail = one(formula)
    assert status == "refuted" and "a hat is missing" in detail


@pytest.mark.parametrize("formula", [r"e_h = f(h)", r"y = f(\beta_1)"])
def test_a_defined_quantity_or_a_network_quantity_is_never_an_assignment(formula):
    assert one(formula)[0] == "not checked"


@pytest.mark.parametrize("formula", [r"\hat{y} = y", r"\hat{y}_j = y_j", r"y_j = \hat{y}_j"])
def test_the_output_equal_to_its_target_is_a_condition(formula):
    status, detail = one(formula)
    assert status == "not a claim" and "condition" in detail


def test_the_output_equal_to_another_target_stays_a_claim():
    assert one(r"\hat{y}_j = y_h")[0] == "refuted"


@pytest.mark.parametrize("formula", [r"\mathbf{v} = (v_1; v_2; \dots; v_n)",
                                     r"\mathbf{v} = (v_1, v_2, \dots, v_n)",
                                     r"\mathbf{v} = (v_1; v_2)"])
def test_a_new_vector_named_by_its_own_components_is_a_notation(formula):
    status, detail = one(formula)
    assert status == "not a claim" and "components" in detail


@pytest.mark.parametrize("formula", [r"\mathbf{v} = (v_2; v_1)", r"\mathbf{v} = (w_1; w_2)",
                                     r"\mathbf{v} = (v_0; v_1; \dots; v_n)"])
def test_a_vector_equal_to_other_entries_is_not_a_notation(formula):
    assert one(formula)[0] == "not checked"


def test_the_notations_own_vectors_stay_claims():
    assert one(r"\mathbf{x} = (x_1; x_2; x_3)")[0] == "holds"


def test_a_marked_letter_the_notation_has_no_meaning_for_is_a_new_symbol():
    status, detail = one(r"\tilde{\mathbf{x}} = (\rho(\mathbf{x}, \mathbf{c}_1); "
                         r"\rho(\mathbf{x}, \mathbf{c}_2); \dots; \rho(\mathbf{x}, \mathbf{c}_q))")
    assert status == "not a claim" and "new symbol" in detail


def test_the_notations_tilde_a_stays_a_claim():
    status, _ = one(r"\tilde{\mathbf{a}}^{(2)} = (1; \mathbf{a}^{(2)})")
    assert status == "refuted"


def test_f_of_a_bold_letter_is_a_local_definition():
    out = verdicts(r"$f(\mathbf{x}) = \mathbf{w}^\top \tilde{\mathbf{x}} + b$ and "
                   r"$\delta^{(4)} = (\mathbf{a}^{(4)} - \mathbf{y}) \odot f'(\mathbf{z}^{(4)})$")
    assert out[0][0] == "not a claim" and "defines f(x)" in out[0][1]
    assert out[1][0] == "not checked"          # f is no longer the sigmoid there


def test_the_quotient_rule_holds_for_arbitrary_functions():
    assert one(r"(\frac{u}{v})' = \frac{u'v - uv'}{v^2}")[0] == "holds"
    assert one(r"(uv)' = u'v + uv'")[0] == "holds"


@pytest.mark.parametrize("formula", [r"(\frac{u}{v})' = \frac{u'v + uv'}{v^2}",
                                     r"(\frac{u}{v})' = \frac{u'v - uv'}{v}", r"u' = 0"])
def test_what_fails_for_some_functions_is_not_checked_never_refuted(formula):
    """u and v may be particular functions that the prose names: a formula false for some
    u is not checked, with the functions at which it fails."""
    status, detail = one(formula)
    assert status == "not checked" and "does not hold for every" in detail


@pytest.mark.parametrize("formula", [r"(\frac{u}{v})' = \frac{u'v + uv'}{v^2}",
                                     r"(\frac{u}{v})' = \frac{u'v - uv'}{v}"])
def test_a_wrong_quotient_rule_at_the_values_given_above_is_refuted(formula):
    out = verdicts(f"$u = 1$, $v = 1 + e^{{-x}}$, ${formula}$")
    assert out[2][0] == "refuted"


def test_a_letter_without_a_prime_of_its_own_is_not_guessed():
    assert one(r"(cu)' = cu'")[0] == "not checked"


def test_primes_of_letters_given_a_value_above_are_their_derivatives():
    doc = (r"$u = 1$, $v = 1 + e^{-x}$, $u' = 0$, $v' = -e^{-x}$, $v' = e^{-x}$, $u' = 1$, "
           r"$(\frac{u}{v})' = \frac{e^{-x}}{(1+e^{-x})^2}$")
    assert [s for s, _ in verdicts(doc)] == ["not a claim", "not a claim", "holds", "holds",
                                             "refuted", "refuted", "holds"]


def test_values_end_with_their_section():
    doc = "# A\n\n$v = 1 + e^{-x}$\n\n# B\n\n$v' = -e^{-x}$\n"
    assert verdicts(doc)[1][0] == "not checked"
