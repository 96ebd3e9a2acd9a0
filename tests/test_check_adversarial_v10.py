"""Adversarial pass 10 on the running values (registers), Goodfellow's regulariser
lambda Omega(theta) and another notation's activation defined in the document.  Each
expected verdict was worked out by hand; the comment on each case says why."""
import pytest

from test_registers import BODY, LOOP, START   # algorithm 6.4 as printed (lambda = 0)

from symnet.checker.documents import check_document

GOODFELLOW = "<!-- symnet: notation = goodfellow -->\n\n# Algorithm\n\n"
NIELSEN = "<!-- symnet: notation = nielsen -->\n\n# Chapter\n\n"
B_PLAIN = r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J"
B_REG = r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J + \lambda \nabla_{b^{(k)}} \Omega(\theta)"


def run(*formulas, head=GOODFELLOW):
    text = head + "".join(f"${f}$\n\n" for f in formulas)
    return {v.equation: (v.status, v.detail) for v in check_document(text, "md")}


# -- running values: a formula after the loop -------------------------------------------

@pytest.mark.parametrize("after", [r"\nabla_{h^{(0)}} J = g", r"\nabla_{x} J = g"])
def test_a_value_of_the_loop_in_a_formula_without_its_letter_is_not_checked(after):
    """After algorithm 6.4's loop (its end is not written), g is grad_{h^(0)} J = grad_x J:
    both formulas are true.  Read as g's value in the body, grad_{h^(k-1)} J, they were
    refuted (a false refutation); a formula that does not name k is not read with a
    value that does."""
    got = run(START, LOOP, *BODY, after)
    assert got[after][0] == "not checked", got[after]
    assert "names the layer k" in got[after][1]
    assert [got[b][0] for b in BODY] == ["holds"] * 4        # the loop itself unchanged


def test_the_forward_loops_value_after_it_is_not_checked():
    """u <- x; for k = 1..l: a = b + W u, u <- h^(k): after the loop u = h^(l) = hat y,
    so hat y = u is true; it was refuted as hat y = h^(k)."""
    got = run(r"u \gets x", r"k = 1, \ldots, l", r"a^{(k)} = b^{(k)} + W^{(k)} u",
              r"u \gets h^{(k)} = f(a^{(k)})", r"\hat{y} = u")
    assert got[r"\hat{y} = u"][0] == "not checked"
    assert got[r"a^{(k)} = b^{(k)} + W^{(k)} u"][0] == "holds"


# -- running values: an update whose own claim does not hold ------------------------------

def test_a_value_given_by_a_refuted_update_is_not_taken():
    """g <- grad_yhat J = 2 grad_yhat L is refuted (J = L here, lambda = 0): the
    algorithm's g is 2 grad L, its name says grad J; grad_yhat J = g held with g read as
    the name (a guess between the two): not checked."""
    wrong = r"g \leftarrow \nabla_{\hat{y}} J = 2\nabla_{\hat{y}} L(\hat{y}, y)"
    got = run(wrong, r"\nabla_{\hat{y}} J = g")
    assert got[wrong][0] == "refuted"
    assert got[r"\nabla_{\hat{y}} J = g"][0] == "not checked"
    assert "is refuted" in got[r"\nabla_{\hat{y}} J = g"][1]


def test_a_wrong_line_of_the_loop_leaves_the_lines_using_its_value_not_checked():
    """g <- grad_a J = g (.) f(a) (f for f') is refuted; grad_b J = g and the lines after
    it held with g read as grad_a J, though the algorithm's g is g (.) f(a)."""
    wrong = r"g \leftarrow \nabla_{a^{(k)}} J = g \odot f(a^{(k)})"
    got = run(START, LOOP, wrong, *BODY[1:])
    assert got[wrong][0] == "refuted"
    assert [got[b][0] for b in BODY[1:]] == ["not checked"] * 3


def test_a_right_algorithm_still_holds_line_by_line():
    got = run(START, LOOP, *BODY)
    assert [got[b][0] for b in [START] + BODY] == ["holds"] * 5


# -- the regulariser ----------------------------------------------------------------------

@pytest.mark.parametrize("statement", [
    r"L(\hat{y}, y) + \lambda \Omega(\theta) = J",          # the sides the other way round
    r"J(\theta) = L(\hat{y}, y) + \lambda \Omega(\theta)",   # the cost at its arguments
])
def test_the_cost_stated_with_omega_in_another_form_is_in_force(statement):
    """Either way the document says J = L + lambda Omega(theta): grad_b J = grad_a J is
    then false (Omega depends on b^(k)); it held, read with lambda = 0."""
    got = run(statement, B_PLAIN)
    assert got[B_PLAIN][0] != "holds", got


@pytest.mark.parametrize("statement", [
    r"J = L(\hat{y}, y) + \lambda \Omega(\theta)^2",        # not read
    r"J = L(\hat{y}, y) - \lambda \Omega(\theta)",           # refuted: another cost
    r"J = L(\hat{y}, y) + \Omega(\theta)",                   # refuted: lambda missing
])
def test_a_cost_stated_otherwise_leaves_formulas_writing_omega_not_checked(statement):
    """The document's J is L + lambda Omega^2 (or L - lambda Omega, L + Omega), so
    grad_b J = grad_a J + lambda grad_b Omega is false for it (the share is 2 lambda
    Omega grad Omega, - lambda grad Omega, grad Omega); it held in the notation's model."""
    got = run(statement, B_REG)
    assert got[B_REG][0] == "not checked", got[B_REG]


def test_a_cost_stated_as_l_alone_after_all_does_not_refute():
    """J = L + lambda Omega - lambda Omega is J = L: grad_b J = grad_a J is true; it was
    refuted in the model with the regulariser."""
    statement = r"J = L(\hat{y}, y) + \lambda \Omega(\theta) - \lambda \Omega(\theta)"
    got = run(statement, B_PLAIN)
    assert got[statement][0] == "refuted"
    assert got[B_PLAIN][0] == "not checked"


def test_a_claim_before_the_costs_statement_in_one_formula_is_not_checked():
    """grad_b J = grad_a J, J = L + lambda Omega(theta) in one formula: J has the
    regulariser, so the first is false; it held, read with lambda = 0."""
    text = GOODFELLOW + "$$" + B_PLAIN + r", \quad J = L(\hat{y}, y) + \lambda " \
        r"\Omega(\theta)$$" + "\n"
    first = check_document(text, "md")[0]
    assert first.status == "not checked", first.detail


@pytest.mark.parametrize("statement", [r"\tilde{J} = J",
                                       r"\bar{J} = L(\hat{y}, y) + \lambda \Omega(\theta)"])
def test_a_mark_with_no_meaning_on_the_left_is_not_checked_not_a_crash(statement):
    """\\tilde J has no row: the statement is not read (it raised MeaningError out of
    check_document), and it is no statement of J."""
    got = run(statement, B_PLAIN)
    assert got[statement][0] == "not checked"
    assert got[B_PLAIN][0] == "holds"                        # lambda = 0 still


def test_the_crash_is_gone_from_the_command_line(tmp_path):
    import subprocess
    import sys
    path = tmp_path / "doc.md"
    path.write_text(GOODFELLOW + "$\\tilde{J} = J$\n")
    done = subprocess.run([sys.executable, "-m", "symnet", "check", str(path)],
                          capture_output=True, text=True)
    assert "Traceback" not in done.stderr, done.stderr
    assert "not checked" in done.stdout


# -- the activation defined in another notation -------------------------------------------

SIGMOID_ONLY = r"\delta^L = (a^L - y) \odot a^L \odot (1 - a^L)"     # sigma' = a(1 - a)


@pytest.mark.parametrize("definition", [
    r"\sigma(z) \equiv \tanh(z)",
    r"\sigma(z) ≡ \tanh(z)",
])
def test_an_activation_defined_with_equiv_is_in_force(definition):
    """sigma is tanh: the sigmoid's delta^L is false; it held under the file's sigmoid
    (the definition was taken, but not recorded)."""
    got = run(definition, SIGMOID_ONLY, head=NIELSEN)
    assert got[SIGMOID_ONLY][0] == "refuted", got


@pytest.mark.parametrize("definition, expected", [
    (r"\sigma(z) := \tanh(z)", "refuted"),          # defining signs, read as '=':
    (r"\sigma(z) \coloneqq \tanh(z)", "refuted"),   # tanh is in force
    (r"\sigma(z) \triangleq \tanh(z)", "refuted"),
    (r"\sigma(z) \stackrel{\text{def}}{=} \tanh(z)", "refuted"),
    (r"\sigma(\cdot) = \tanh(\cdot)", "not checked"),     # forms not read
    (r"\boldsymbol{\sigma}(z) = \tanh(z)", "not checked"),
])
def test_an_activation_defined_in_a_form_not_read_never_lends_the_default(definition,
                                                                            expected):
    """The document defines sigma (as tanh): the sigmoid-only delta^L held under the
    file's default sigmoid (false for tanh).  A defining sign (:=, \\coloneqq, ...) is
    read as '=' (tanh in force: refuted); a form not read leaves it not checked."""
    got = run(definition, SIGMOID_ONLY, head=NIELSEN)
    assert got[SIGMOID_ONLY][0] == expected, got


@pytest.mark.parametrize("definition", [r"f(x) := \tanh(x)", r"f(x) \coloneqq \tanh(x)"])
def test_in_the_books_notation_too(definition):
    """f'(x) = f(x)(1 - f(x)) is the sigmoid's; f is defined as tanh: it held.  The
    definition is read (':=' as '='), so it is refuted with f = tanh."""
    got = run(definition, r"f'(x) = f(x)(1 - f(x))", head="# A\n\n")
    assert got[r"f'(x) = f(x)(1 - f(x))"][0] == "refuted", got


def test_bishops_activation_defined_with_equiv():
    """h(a) == tanh(a) in Bishop's layered notation: recorded, as with '='."""
    head = "<!-- symnet: notation = bishop-layers -->\n\n# A\n\n"
    got = run(r"h(a) \equiv \tanh(a)", head=head)
    (status, detail), = got.values()
    assert status == "not a claim" and "tanh activation" in detail, detail
