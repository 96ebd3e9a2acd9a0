"""ReLU defined in a document as \\max(0, z) (and \\min, \\max\\{0, z\\}, \\operatorname{max},
\\mathrm{max}, a bare max): read as the registry's relu row, never guessed.  A formula true
for the sigmoid only is refuted (or not checked) after it, never said to hold; \\max of
numbers is exact arithmetic; \\max anywhere the evaluators cannot take it exactly is not
checked with its reason.  Verdicts worked out by hand: under ReLU, yhat(1 - yhat) is not
f'(beta - theta); max(0, 2) = 2, max(0, -3) = 0, min(1, 2, -5) = -5."""
import pytest
import sympy as sp

from symnet.checker.definition import read_definition
from symnet.checker.documents import _registry_row, check_document

G_SIGMOID = r"g_j = \hat y_j^k (1 - \hat y_j^k)(y_j^k - \hat y_j^k)"    # (5.10), sigmoid only
NIELSEN = "<!-- symnet: notation = nielsen -->\n\n"
BP1 = r"\delta^L = \nabla_a C \odot \sigma'(z^L)"
SIGMOID_ONLY = r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)"

SPELLINGS = [r"\max(0, z)", r"\max\{0, z\}", r"\max\left\{0, z\right\}", r"\max(z, 0)",
             r"\operatorname{max}(0,z)", r"\mathrm{max}(0, z)", r"max(0,z)", r"-\min(0, -z)"]


def book(*formulas):
    return check_document("".join(f"${f}$\n\n" for f in formulas), "md")


def nielsen(*formulas):
    return check_document(NIELSEN + "".join(f"${f}$\n\n" for f in formulas), "md")


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_each_spelling_is_relu(spelling):
    assert _registry_row("z", read_definition(spelling, ("z",))) == "relu"
    defined, g = book(f"f(z) = {spelling}", G_SIGMOID)
    assert defined.status == "not a claim" and "not read" not in defined.detail
    assert g.status == "refuted" and "f = relu (defined above)" in g.detail, g.detail


@pytest.mark.parametrize("spelling", SPELLINGS[:1] + SPELLINGS[4:7])
def test_nielsen_relu(spelling):
    """sigma(z) = max(0, z): the sigmoid's delta^L does not hold; BP1 (every f) holds."""
    defined, specific, bp1 = nielsen(rf"\sigma(z) = {spelling}", SIGMOID_ONLY, BP1)
    assert "sigma is the relu activation" in defined.detail
    assert specific.status in ("refuted", "not checked"), specific.detail
    assert bp1.status == "holds", bp1.detail


@pytest.mark.parametrize("body, row", [
    (r"\max(0.01 z, z)", "leaky_relu"),            # the registry's slope is exactly 1/100
    (r"\max(z, \frac{z}{100})", "leaky_relu"),
    (r"\max(0.1 z, z)", ""),                       # another slope: no row
    (r"\max(0, z) + 1", ""),
    (r"\min(0, z)", ""),
    (r"\max(0, z, 1)", ""),
    (r"\max(0, z) + \min(0, z)", "identity"),
])
def test_the_registry_match_is_exact(body, row):
    assert _registry_row("z", read_definition(body, ("z",))) == row


@pytest.mark.parametrize("body", [r"\max(0, z) + 1", r"\max(0.1 z, z)", r"\min(0, z)",
                                  r"\max(0, z, 1)"])
def test_a_max_that_is_no_row_is_not_read(body):
    """Its derivative at the kink would be SymPy's convention, not the document's: the
    formulas after it are not checked, never decided."""
    defined, g = book(f"f(z) = {body}", G_SIGMOID)
    assert "its right side is not read" in defined.detail, defined.detail
    assert g.status == "not checked", g.detail


@pytest.mark.parametrize("formula", [r"f(z) = \max(z)", r"f(z) = \max z", r"\max(3) = 3"])
def test_max_of_one_argument_is_refused_clearly(formula):
    verdict = book(formula)[0]
    assert verdict.status == "not checked"
    assert "of one argument" in verdict.detail and "write two or more" in verdict.detail


@pytest.mark.parametrize("formula, status", [
    (r"\max(0, 2) = 2", "holds"), (r"\max(0,-3) = 1", "refuted"), (r"\max(0,-3) = 0", "holds"),
    (r"\min(1, 2, -5) = -5", "holds"), (r"\max(1, 2, 3) = 2", "refuted"),
    (r"\max\{0, \frac12\} = 0.5", "holds"),
])
def test_max_of_numbers_is_exact(formula, status):
    assert book(formula)[0].status == status


def test_relu_defined_reaches_its_subsections_only():
    """The unread-definition scoping case of test_check_adversarial_v4 (d67) with the
    definition now read: refuted in its subsection, the sigmoid again in the next section."""
    text = ("## A\n\n$f(x) = \\max(0, x)$\n\n### B\n\n$g_j = \\hat{y}_j(1-\\hat{y}_j)"
            "(y_j-\\hat{y}_j)$\n\n## C\n\n$g_j = \\hat{y}_j(1-\\hat{y}_j)(y_j-\\hat{y}_j)$\n")
    assert [(v.line, v.status) for v in check_document(text, "md")] == \
        [(3, "not a claim"), (7, "refuted"), (11, "holds")]


def test_the_defined_relu_at_numbers():
    _, two, minus, wrong = book(r"f(z) = \max(0, z)", r"f(2) = \max(0, 2)", r"f(-3) = 0",
                                r"f(-3) = 1")
    assert (two.status, minus.status, wrong.status) == ("holds", "holds", "refuted")


@pytest.mark.parametrize("formula", [r"f'(0) = 0", r"f'(0) = 1", r"f'(2) = 1"])
def test_the_derivative_at_a_number_of_a_max_is_not_checked(formula):
    """ReLU'(0) is a convention the document has not stated (a directive f = relu does)."""
    verdict = book(r"f(z) = \max(0, z)", formula)[1]
    assert verdict.status == "not checked" and "convention" in verdict.detail, verdict.detail


def test_a_prime_of_a_max_is_not_checked():
    """u = max(0, t); u' = 1 holds for t > 0 only; SymPy's Heaviside(0) = 1/2 is not said."""
    _, prime = book(r"u = \max(0, t)", "u' = 1")
    assert prime.status == "not checked" and "\\max" in prime.detail


def test_max_of_the_network_quantities_is_not_checked():
    verdict = book(r"f(z) = \max(0, z)", r"\hat y_j = \max(0, \beta_j - \theta_j)")[1]
    assert verdict.status == "not checked", verdict.detail
    assert "\\max of the network's quantities is not read" in verdict.detail
    assert book(r"\max(0, z) = z")[0].status == "not checked"       # true for z >= 0 only


def test_max_of_a_vector_in_the_matrix_notation_is_not_checked():
    """max of a vector: entry by entry, or its largest entry?  Neither is guessed."""
    verdict = nielsen(r"a^L = \max(0, z^L)")[0]
    assert verdict.status == "not checked", verdict.detail
    assert "\\max of the network's quantities is not read" in verdict.detail


def test_relu_from_max_matches_pieces_exactly():
    """The match is symbolic, piece by piece, not by sampling: max(0, z) - ReLU is 0 on
    both half-lines and at the kink."""
    z = sp.Symbol("z", real=True)
    assert _registry_row("z", sp.Max(0, z)) == "relu"
    assert _registry_row("z", sp.Max(0, z) + sp.Heaviside(z) * 0 + z ** 2 / 10 ** 9) == ""
