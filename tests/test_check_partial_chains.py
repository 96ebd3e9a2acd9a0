"""Chains that are read in part, f' written without its argument, and a diagnosis search
that runs out of time.  Each rule is shown to reject a wrong input: a false chain is
refuted by two readable sides, a true one with an unread side is never refuted nor said
to hold, and a slow diagnosis never turns a refutation into "not checked"."""
import pytest

from symnet.checker import formula
from symnet.checker.document import Equation
from symnet.checker.documents import check_document, check_equation
from symnet.checker.notations import MeaningError, check

#: side 2 writes the numerator E_k without \partial: it is not read
UNREAD = r"\frac{E_k}{\partial{b_h}}\frac{\partial b_h}{\partial \alpha_h}\frac{\partial \alpha_h}{\partial v_{ih}}"
LEFT = r"\frac{\partial E_k}{\partial v_{ih}}"


def verdict(text):
    return check_equation(Equation(1, text, text, {}))


def test_two_readable_sides_that_differ_refute_the_chain():
    """a = b = c claims a = c: dE_k/dv_ih = -e_h x_i, so '= e_h x_i' is false whatever
    the unread middle side says."""
    result = check(f"{LEFT} = {UNREAD} = e_h x_i")
    assert not result.holds
    said = " ".join(result.steps[0].diagnosis)
    assert "side 1 and side 3 differ" in said and "side 2 is not read" in said
    assert "\\partial belongs in" in said and "the sign is flipped" in said
    assert result.steps[0].counterexample["left"] != result.steps[0].counterexample["right"]
    v = verdict(f"{LEFT} = {UNREAD} = e_h x_i")
    assert v.status == "refuted" and "side 2 is not read" in v.detail


@pytest.mark.parametrize("text", [
    f"{LEFT} = {UNREAD} = -e_h x_i",                       # the readable sides agree
    f"{UNREAD} = -e_h x_i",                                # one readable side only
    f"{LEFT} = {UNREAD}",
    f"{UNREAD} = {LEFT} = -e_h x_i",                       # unread first, the rest agree
])
def test_a_chain_with_an_unread_side_is_not_checked_unless_readable_sides_differ(text):
    with pytest.raises(MeaningError, match="belongs in"):
        check(text)
    assert verdict(text).status == "not checked"


def test_a_readable_step_next_to_an_unread_side_is_still_compared():
    v = verdict(f"{UNREAD} = {LEFT} = 2 e_h x_i")
    assert v.status == "refuted" and "side 2 and side 3 differ" in v.detail


@pytest.mark.parametrize("text,holds", [
    (r"f' = \frac{e^{-x}}{(1+e^{-x})^2} = f(x)(1-f(x))", True),
    (r"f' = f(x)(1-f(x))", True),
    (r"f'' = f(x)(1-f(x))(1-2f(x))", True),
    (r"f' = \frac{e^{-x}}{(1+e^{-x})^2} = f(x)(1+f(x))", False),
    (r"f' = x^2", False),
])
def test_f_prime_alone_beside_functions_of_x_is_the_derivative_at_x(text, holds):
    assert check(text).holds is holds
    assert verdict(text).status == ("holds" if holds else "refuted")


@pytest.mark.parametrize("text", [
    r"f = \frac{1}{1+e^{-x}}",      # f alone may define f: never read as f(x)
    r"f = x^2",
    r"f' = b_h(1-b_h)",             # no x beside it: which argument is meant?
])
def test_f_alone_or_f_prime_without_x_stays_unread(text):
    with pytest.raises(MeaningError, match="without an argument"):
        check(text)
    assert verdict(text).status != "refuted"


def test_a_local_definition_of_f_is_used_for_f_prime_alone():
    text = "$f(x) = x^2$\n\n$f' = 2x$\n\n$f' = 3x$\n"
    assert [v.status for v in check_document(text, "md")] == ["not a claim", "holds",
                                                                "refuted"]


def test_a_diagnosis_out_of_time_leaves_the_refutation(monkeypatch):
    monkeypatch.setattr(formula, "DIAGNOSIS_SECONDS", -1)
    result = check(r"\Delta w_{hj} = -\eta g_j b_h")
    assert not result.holds and result.steps[0].diagnosis == [formula.NO_DIAGNOSIS_IN_TIME]
    assert result.steps[0].counterexample is not None
    monkeypatch.setattr(formula, "DIAGNOSIS_SECONDS", 10)
    assert check(r"\Delta w_{hj} = -\eta g_j b_h").steps[0].diagnosis == [
        "the sign is flipped"]


# --- relations typed as Unicode characters are listed, never dropped ---------------------

@pytest.mark.parametrize("math,relation", [
    ("η∈(0,1)", "∈"), ("a ≤ b", "≤"), ("x_1 ≈ 2", "≈"), ("E_k ∝ w_{hj}", "∝"),
    ("\\Delta w_{hj} ≠ 0", "≠"),
])
def test_a_unicode_relation_is_listed_as_not_checked(math, relation):
    (v,) = check_document(f"Prose ${math}$ prose.\n", "md")
    assert v.status == "not checked" and repr(relation) in v.detail, v.detail


def test_a_unicode_arrow_update_is_not_a_claim():
    (v,) = check_document("$v ← v + Δv$\n", "md")
    assert v.status == "not a claim" and "update" in v.detail


# --- sizes renamed in a sum's limit: not guessed, the hint names the book's size ----------

@pytest.mark.parametrize("text,hint", [
    (r"\beta_j=\sum_{h=1}^mw_{hj}b_h", "h counts the hidden units, written q"),
    (r"E_k=\frac 12\sum_{j=1}^c(\hat y_j^k-y_j^k)^2", "j counts the outputs, written l"),
    (r"\alpha_h=\sum_{i=1}^{n}v_{ih}x_i", "i counts the inputs, written d"),
])
def test_an_unknown_size_in_a_sum_is_not_guessed_and_the_hint_names_the_size(text, hint):
    with pytest.raises(MeaningError, match=hint):
        check(text)
    assert verdict(text).status == "not checked"
    assert check(text.replace("^m", "^q").replace("^c", "^l").replace("{n}", "{d}")).holds


def test_an_index_condition_typed_in_unicode_is_not_a_claim_like_its_command_form():
    got = [(v.status, v.detail) for v in check_document(
        "$1 ≤ h ≤ q$ and $1 \\le h \\le q$ and $x_1 ≤ 2$\n", "md")]
    assert got[0] == got[1] == ("not a claim", "a condition on indices or sizes")
    assert got[2][0] == "not checked"          # a value of the data: not an index condition
