r"""The accumulated error (5.16), E = 1/m sum_{k=1}^{m} E_k: the mean of the m examples'
errors.  Read as a statement about the examples' errors E_k (each one >= 0, nothing else
known of it) and their number m, proved at symbolic m; refuted with exact values of the
E_k at a concrete m.  Each example's network is not modelled, so E beside the network's
quantities, a derivative of E, or an example's output inside the sum over k is not
checked (never refuted, never said to hold).  Verdicts by hand."""
from fractions import Fraction

import pytest

import symnet
from symnet.checker.documents import check_document
from symnet.checker.result import MeaningError, NotAClaim


@pytest.mark.parametrize("latex", [
    r"E = \frac{1}{m}\sum_{k=1}^{m} E_k",
    r"E=\frac1m\sum_k E_k",
    r"E = \frac{1}{m}\sum E_k",                      # the running index read from E_k
    r"\sum_{k=1}^{m} E_k = m E",
    r"E = \sum_{k=1}^{m} \frac{E_k}{m}",
])
def test_the_accumulated_error_holds_at_symbolic_m(latex):
    result = symnet.check(latex)
    assert result.holds
    assert "symbolic m" in result.sizes


@pytest.mark.parametrize("latex,factor", [
    (r"E = \sum_{k=1}^{m} E_k", None),                       # the 1/m lost
    (r"E = \frac{1}{2m}\sum_{k=1}^{m} E_k", "2 times"),
    (r"E = \frac{1}{m-1}\sum_{k=1}^{m} E_k", None),
    (r"E = \frac{1}{m}\sum_{k=1}^{m} E_k^2", None),
    (r"E = \frac{1}{m}\sum_{k=1}^{m} E_k + 10^{-30}", None),
])
def test_a_wrong_accumulated_error_is_refuted_with_exact_values(latex, factor):
    result = symnet.check(latex)
    assert not result.holds
    step = result.steps[0]
    ce = step.counterexample
    m = int(ce["sizes"].removeprefix("m = "))
    errors = [Fraction(ce["values"][f"E[{k}]"]) for k in range(1, m + 1)]
    assert all(e >= 0 for e in errors)              # errors of real examples
    # the oracle: the book's E at those values, by hand, differs from the written side
    book = sum(errors) / m
    written = {r"E = \sum_{k=1}^{m} E_k": sum(errors),
               r"E = \frac{1}{2m}\sum_{k=1}^{m} E_k": sum(errors) / (2 * m),
               r"E = \frac{1}{m-1}\sum_{k=1}^{m} E_k": sum(errors) / (m - 1),
               r"E = \frac{1}{m}\sum_{k=1}^{m} E_k^2": sum(e * e for e in errors) / m,
               r"E = \frac{1}{m}\sum_{k=1}^{m} E_k + 10^{-30}":
                   book + Fraction(1, 10 ** 30)}[latex]
    assert book != written
    if factor:
        assert any(factor in d for d in step.diagnosis)


@pytest.mark.parametrize("latex,why", [
    (r"E = E_k", "read only beside sums of the examples' errors"),
    (r"E = \frac{1}{2}\sum_{j=1}^{l}(\hat{y}_j^k - y_j^k)^2",
     "read only beside sums of the examples' errors"),
    (r"E = \frac{1}{m}\sum_{k=1}^{m}\frac{1}{2}\sum_{j=1}^{l}(\hat{y}_j^k - y_j^k)^2",
     "each example's yhat is not modelled"),
    (r"\frac{\partial E}{\partial w_{hj}} = \frac{1}{m}\sum_{k=1}^{m}"
     r"\frac{\partial E_k}{\partial w_{hj}}", "is not differentiated here"),
    (r"\Delta w_{hj} = -\eta \frac{\partial E}{\partial w_{hj}}", "is not differentiated"),
    (r"\Delta w_{hj} = \eta \frac{\partial E}{\partial w_{hj}}", "is not differentiated"),
    (r"\sum_{k=1}^{m} x_i = m x_i", "read only beside sums"),
    (r"\sum_{k=1}^{m} m = m^2", "read only beside sums"),
    (r"E = 0", "a condition or a special case"),
    (r"E = \frac{1}{m}\sum_{k=1}^{q} E_k", "marks the example"),
    (r"E = \frac{1}{m}\sum_{k=2}^{m} E_k", "runs from 1 to m"),
    (r"\sum_{h=1}^{m} b_h = \sum_{h=1}^{q} b_h", "not guessed"),
    (r"E = \frac{1}{m}\sum_{k=1}^{m} E_1", "the error is E_k"),
])
def test_what_needs_each_examples_network_is_not_checked(latex, why):
    with pytest.raises(MeaningError) as exc:
        symnet.check(latex)
    assert not isinstance(exc.value, NotAClaim)
    assert why in str(exc.value)


def test_a_sum_over_k_to_a_unit_size_still_runs_over_units():
    """k is a unit index where the sum runs to l (w_hk g_k), not an example."""
    assert symnet.check(r"\sum_{k=1}^{l} w_{hk} g_k = \sum_{j=1}^{l} w_{hj} g_j").holds
    assert not symnet.check(r"\sum_{k=1}^{l} w_{hk} g_k = \sum_{j=1}^{l} w_{hj}").holds


def test_in_a_document_the_definition_holds_and_the_gradient_is_not_checked():
    text = ("$$E=\\frac{1}{m}\\sum_{k=1}^{m}E_k$$\n\n"
            "$$\\Delta w_{hj} = -\\eta\\frac{\\partial E}{\\partial w_{hj}}$$\n\n"
            "$$E = \\sum_{k=1}^{m} E_k$$\n")
    assert [v.status for v in check_document(text, "md")] == ["holds", "not checked",
                                                              "refuted"]


@pytest.mark.parametrize("latex", [
    r"\sum_{k=1}^{l} E_k = l E_k",            # E_1 + ... + E_l is not l times one E_k
    r"\sum_{k=1}^{l} \frac{E_k}{l} = E_k",
    r"\sum_{k=1}^{d} E_k = d E_k",
    r"E_k = \frac{1}{l}\sum_{k=1}^{l} E_k",
    r"\sum_{k=1}^{q} E_k = \sum_{h=1}^{q} E_k",
    r"\sum_{k=1}^{l} y_j^k = l y_j^k",
    r"\sum_{k=1}^{l} \hat{y}_k^k = 1",
])
def test_the_examples_mark_k_under_a_sum_over_units_is_not_read(latex):
    """Found by an adversarial pass: with k running over units, E_k and y_j^k were read as
    one example's (a constant), and the false l E_k = sum_k E_k held."""
    with pytest.raises(MeaningError) as exc:
        symnet.check(latex)
    assert "marks the example" in str(exc.value)


def test_the_documents_own_accumulated_error_leaves_the_later_ones_unchecked():
    """E := sum_k E_k (without 1/m) is a claim about the book's E, refuted; it may be the
    document's own E, so the statements of the examples' errors after it in its section
    are not checked (another section's are)."""
    text = ("# A\n\nDefine $E := \\sum_{k=1}^{m} E_k$.\n\n"
            "$$E = \\sum_{k=1}^{m} E_k$$\n\n$$\\Delta w_{hj} = \\eta g_j b_h$$\n\n"
            "# B\n\n$$E := \\frac{1}{m}\\sum_{k=1}^{m} E_k$$\n")
    assert [v.status for v in check_document(text, "md")] == [
        "refuted", "not checked", "holds", "holds"]


def test_a_definition_sign_reads_e_of_an_example_as_another_symbol_than_e():
    """E := ... E_k ... is a claim about E (E_k is another symbol, not E written on the
    right, which would make it an update); w := w + Delta w stays an update."""
    assert symnet.check(r"E := \frac{1}{m}\sum_{k=1}^{m} E_k").holds
    with pytest.raises(NotAClaim):
        symnet.check(r"w_{hj} := w_{hj} + \Delta w_{hj}")
