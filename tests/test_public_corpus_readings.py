"""Two readings the public corpus's second search asked for (tests/public_corpus.py, three
documents write the first, one the second), each with the wrong formula it must still
refute:

- ``\\begin{equation}`` written inside ``$$ ... $$`` around an ``aligned`` block or a
  single formula (MathJax takes it there) is a wrapper, as ``align`` inside ``$$`` is:
  its rows are read (they were "cannot read it: the environment 'equation' inside a
  formula").
- The output vector written with a component's name on the left, yhat_j^k = yhat_1^k,
  yhat_2^k, ..., yhat_l^k, is refuted as a claim about indices; it no longer says "the
  document's model is not the notation's" (every formula after it was not checked).  A
  statement that relates the outputs to anything else (tanh(...), a power of themselves)
  still does.
- A derivative of E_k by the net input, -dE_k/d(beta_j - theta_j) for g_j and
  -dE_k/d(alpha_h - gamma_h) for e_h (one document writes both), is read: E_k holds the net
  input only after unfolding, so it is d E_k / d beta_j (by SymPy) where that equals
  -d E_k / d theta_j, i.e. where E_k depends on the two through their difference alone
  (they were "the numerator does not contain the expression").  By a sum whose pieces it
  does not depend on through the whole (beta_j + theta_j, w_hj + theta_j) it is not read.
"""
import pytest

from symnet.checker.documents import check_document

CHAIN = (r"g_j &= -\frac{\partial E_k}{\partial \hat{y}_j^k} \cdot "
         r"\frac{\partial \hat{y}_j^k}{\partial \beta_j} \\" "\n"
         r"&= -(\hat{y}_j^k - y_j^k) f'(\beta_j - \theta_j) \\" "\n"
         r"&= \hat{y}_j^k(1-\hat{y}_j^k)(y_j^k - \hat{y}_j^k)")


def statuses(text):
    return [(v.equation, v.status, v.detail) for v in check_document(text, "md")]


@pytest.mark.parametrize("env", ["equation", "equation*"])
def test_an_equation_around_aligned_inside_a_display_is_read(env):
    doc = (f"$$\n\\begin{{{env}}}\n\\begin{{aligned}}\n{CHAIN}\n\\end{{aligned}}\n"
           f"\\end{{{env}}}\n$$\n")
    got = statuses(doc)
    assert [s for _, s, _ in got] == ["holds"], got


@pytest.mark.parametrize("formula, expected", [
    (r"\Delta w_{hj} = \eta g_j b_h", "holds"),
    (r"\Delta w_{hj} = -\eta g_j b_h", "refuted"),          # (5.11) with its sign flipped
    (r"\Delta w_{hj} = \eta g_j b_h \label{eq:w}", "holds"),
])
def test_an_equation_around_one_formula_inside_a_display(formula, expected):
    got = statuses(f"$$\\begin{{equation}}{formula}\\end{{equation}}$$\n")
    assert [s for _, s, _ in got] == [expected], got


def test_a_chain_with_a_wrong_step_inside_equation_and_aligned_is_refuted():
    wrong = CHAIN.replace(r"(y_j^k - \hat{y}_j^k)", r"(\hat{y}_j^k - y_j^k)")
    doc = f"$$\\begin{{equation}}\\begin{{aligned}}\n{wrong}\n\\end{{aligned}}\\end{{equation}}$$\n"
    assert [s for _, s, _ in statuses(doc)] == ["refuted"]


OUTPUTS = r"\hat{y}_j^k=\hat{y}_1^k,\hat{y}_2^k, \dotsb,\hat{y}_l^k"


@pytest.mark.parametrize("after, expected", [
    (r"\Delta w_{hj} = \eta g_j b_h", "holds"),
    (r"\Delta w_{hj} = -\eta g_j b_h", "refuted"),
    (r"g_j = \hat{y}_j^k(1 - \hat{y}_j^k)(y_j^k - \hat{y}_j^k)", "holds"),
])
def test_the_output_vector_without_its_name_is_refuted_and_changes_no_model(after, expected):
    got = statuses(f"# A\n\n$${OUTPUTS}$$\n\n$${after}$$\n")
    assert got[0][1] == "refuted", got
    assert "model is not the notation's" not in got[0][2], got
    assert got[-1][1] == expected, got


@pytest.mark.parametrize("statement", [
    r"\hat{y}_j^k = \tanh(\beta_j - \theta_j)",     # another activation: another model
    r"\hat{y}_j = \hat{y}_j^2",                     # outputs 0 or 1 (a step): a power
    r"\hat{y}_j^k = 2\hat{y}_1^k",                  # a factor: not the same quantity
])
def test_outputs_related_to_anything_else_still_put_another_model_in_force(statement):
    got = statuses(f"# A\n\n$${statement}$$\n\n$$\\Delta w_{{hj}} = \\eta g_j b_h$$\n")
    assert got[0][1] == "refuted", got
    assert got[-1][1] == "not checked", got


@pytest.mark.parametrize("formula, expected", [
    (r"g_j = -\frac{\partial E_k}{\partial (\beta_j - \theta_j)} = -(\hat{y}_j - y_j)"
     r"\hat{y}_j(1-\hat{y}_j) = \hat{y}_j(1-\hat{y}_j)(y_j - \hat{y}_j)", "holds"),
    (r"e_h = -\frac{\partial E_k}{\partial (\alpha_h - \gamma_h)} = "
     r"b_h(1-b_h)\sum_{j=1}^{l}w_{hj}g_j", "holds"),
    # the sign of (5.10) flipped: g_j is minus the derivative
    (r"g_j = \frac{\partial E_k}{\partial (\beta_j - \theta_j)}", "refuted"),
    # a factor too many in the last step of (5.15)
    (r"e_h = -\frac{\partial E_k}{\partial (\alpha_h - \gamma_h)} = "
     r"b_h(1-b_h)\sum_{j=1}^{l}w_{hj}g_j x_1", "refuted"),
    # E_k depends on beta_j and theta_j through beta_j - theta_j, not through their sum
    (r"g_j = -\frac{\partial E_k}{\partial (\beta_j + \theta_j)}", "not checked"),
    (r"\frac{\partial E_k}{\partial (w_{hj} + \theta_j)} = 0", "not checked"),
    (r"\frac{\partial E_k}{\partial (\beta_j - \theta_h)} = -g_j", "not checked"),
])
def test_a_derivative_of_the_error_by_the_net_input(formula, expected):
    got = statuses(f"$${formula}$$\n")
    assert [s for _, s, _ in got] == [expected], got


@pytest.mark.parametrize("statement", [
    r"\hat{y}_j = \hat{y}_j \hat{y}_j",          # a power written as a product (0 or 1)
    r"\hat{y}_j^k = 1 - \hat{y}_1^k",            # another output's complement
    r"\hat{y}_j^k = \hat{y}_1^k \hat{y}_2^k",    # a product of outputs, not a list
])
def test_outputs_related_to_themselves_otherwise_than_as_a_list(statement):
    got = statuses(f"# A\n\n$${statement}$$\n\n$$\\Delta w_{{hj}} = \\eta g_j b_h$$\n")
    assert got[0][1] == "refuted", got
    assert got[-1][1] == "not checked", got
