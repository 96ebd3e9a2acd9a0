"""Notations as data (issue "check v4"): a notation file maps an author's symbols to the
one model; Nielsen's BP1-BP4 are read through nielsen.toml and checked in the matrix
notation.  Each expected verdict was worked out by hand."""
import json
import subprocess
import sys

import pytest

from symnet.checker.document import Equation
from symnet.checker.documents import check_equation
from symnet.core.notation import SINGLE_LAYER_VIEW
from symnet.core.notation_files import NotationError, load, shipped


def verdict(text, notation="nielsen", layers=None):
    return check_equation(Equation(1, text, text, {"notation": notation} if notation else {}),
                          layers)


# Nielsen, ch. 2: BP1-BP4 in components and in vectors, and the definitions they rest on
HOLDS = [
    r"\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j)",                 # BP1
    r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma'(z^l_j)",                # BP2
    r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)",                       # BP2
    r"\frac{\partial C}{\partial b^l_j} = \delta^l_j",                                # BP3
    r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j",                   # BP4
    r"\frac{\partial C}{\partial w^L_{jk}} = a^{L-1}_k \delta^L_j",
    r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j",
    r"z^l = w^l a^{l-1} + b^l",
    r"a^l_j = \sigma(z^l_j)",
    r"C = \frac{1}{2} \sum_j (y_j - a^L_j)^2",
    r"\delta^l_j = \frac{\partial C}{\partial z^l_j}",
]

# wrong variants: each must be refuted (sign, swapped indices, factor, wrong layer,
# Hadamard for product, sigma for sigma')
REFUTED = [
    r"\frac{\partial C}{\partial b^l_j} = -\delta^l_j",
    r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_j \delta^l_k",
    r"C = \sum_j (y_j - a^L_j)^2",
    r"z^l = w^l a^{l-1} - b^l",
    r"\delta^l = (w^{l+1} \delta^{l+1}) \odot \sigma'(z^l)",
    r"\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma(z^L_j)",
    r"a^l_j = \sigma(z^{l-1}_j)",
    r"\frac{\partial C}{\partial w^l_{jk}} = a^{l}_k \delta^l_j",
]


# Goodfellow, Bengio and Courville, sec. 6.5 (algorithms 6.3, 6.4 with lambda = 0)
GOODFELLOW_HOLDS = [
    r"a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}",
    r"h^{(k)} = f(a^{(k)})",
    r"h^{(0)} = x",
    r"\hat{y} = h^{(l)}",
    r"\nabla_{a^{(k)}} J = \nabla_{h^{(k)}} J \odot f'(a^{(k)})",
    r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J",
    r"\nabla_{W^{(k)}} J = \nabla_{a^{(k)}} J \, (h^{(k-1)})^\top",
    r"\nabla_{h^{(k-1)}} J = (W^{(k)})^\top \nabla_{a^{(k)}} J",
]
GOODFELLOW_REFUTED = [
    r"\nabla_{\hat{y}} J = \hat{y} - y",          # true for the squared error only
    r"\nabla_{a^{(k)}} J = \nabla_{h^{(k)}} J \odot f(a^{(k)})",
    r"\nabla_{W^{(k)}} J = h^{(k-1)} (\nabla_{a^{(k)}} J)^\top",
    r"h^{(1)} = x",
    r"\nabla_{h^{(k-1)}} J = W^{(k)} \nabla_{a^{(k)}} J",
]
# Nielsen's vector forms, with \nabla_a C the gradient by the output activations
HOLDS += [
    r"\delta^L = \nabla_a C \odot \sigma'(z^L)",                                       # BP1
    r"\nabla_{b^l} C = \delta^l",                                                       # BP3
    r"\nabla_{w^l} C = \delta^l (a^{l-1})^T",                                           # BP4
]
REFUTED += [r"\nabla_{b^l} C = -\delta^l", r"\nabla_{w^l} C = a^{l-1} (\delta^l)^T",
            r"\delta^L = \nabla_a C \odot \sigma(z^L)"]


@pytest.mark.parametrize("text", GOODFELLOW_HOLDS)
def test_goodfellows_formulas_hold(text):
    v = verdict(text, "goodfellow")
    assert v.status == "holds", v.detail


@pytest.mark.parametrize("text", GOODFELLOW_REFUTED)
def test_goodfellows_wrong_variants_are_refuted(text):
    assert verdict(text, "goodfellow").status == "refuted"


# the book's Jacobian (6.5.2): dy/dx has a row per entry of y (the notation file's
# jacobian = "numerator"), so da^(k+1)/dh^(k) = W^(k+1), and a cost's derivative is its
# gradient; the notes' layout (the default) reads the same formulas transposed
GOODFELLOW_JACOBIAN = [
    (r"\frac{\partial a^{(k+1)}}{\partial h^{(k)}} = W^{(k+1)}", "holds"),
    (r"\frac{\partial a^{(k+1)}}{\partial h^{(k)}} = (W^{(k+1)})^T", "refuted"),
    (r"\nabla_{a^{(k)}}J = (\frac{\partial a^{(k+1)}}{\partial a^{(k)}})^T "
     r"\nabla_{a^{(k+1)}}J", "holds"),
    (r"\nabla_{h^{(k-1)}}J = \frac{\partial a^{(k)}}{\partial h^{(k-1)}} "
     r"\nabla_{a^{(k)}}J", "refuted"),
    (r"\frac{\partial a^{(k+1)}}{\partial a^{(k)}} = \frac{\partial a^{(k+1)}}"
     r"{\partial h^{(k)}} \frac{\partial h^{(k)}}{\partial a^{(k)}}", "holds"),
    (r"\frac{\partial J}{\partial a^{(k)}} = \nabla_{a^{(k)}} J", "holds"),
    (r"\frac{\partial a^{(k)}_j}{\partial h^{(k-1)}} = W^{(k)}_{j1}", "not checked"),
]


@pytest.mark.parametrize("text, expected", GOODFELLOW_JACOBIAN)
def test_goodfellows_jacobian_has_a_row_per_entry_of_the_numerator(text, expected):
    v = verdict(text, "goodfellow")
    assert v.status == expected, v.detail


# Bishop's back-propagation over many layers (bishop-layers): PRML (5.53)-(5.56) with a
# superscript layer, as in Bishop and Bishop's "Deep Learning" (6.19), (8.13)
BISHOP_LAYERS = [
    (r"a^{(l)} = W^{(l)} z^{(l-1)} + b^{(l)}", "holds"),
    (r"a^{(l)} = (W^{(l)})^T z^{(l-1)} + b^{(l)}", "refuted"),
    (r"z^{(0)} = x", "holds"),
    (r"\delta_j^{(l)} = h'(a_j^{(l)}) \sum_k w_{kj}^{(l+1)} \delta_k^{(l+1)}", "holds"),
    (r"\delta_j^{(l)} = h(a_j^{(l)}) \sum_k w_{kj}^{(l+1)} \delta_k^{(l+1)}", "refuted"),
    (r"\delta^{(l)} = h'(a^{(l)}) \odot ((W^{(l+1)})^T \delta^{(l+1)})", "holds"),
    (r"\frac{\partial E_n}{\partial w_{ji}^{(l)}} = \delta_j^{(l)} z_i^{(l-1)}", "holds"),
    (r"\frac{\partial E_n}{\partial W^{(l)}} = z^{(l-1)} (\delta^{(l)})^T", "refuted"),
    (r"\frac{\partial a^{(l+1)}}{\partial z^{(l)}} = W^{(l+1)}", "holds"),   # PRML (5.64)
]


@pytest.mark.parametrize("text, expected", BISHOP_LAYERS)
def test_bishops_layered_formulas(text, expected):
    v = verdict(text, "bishop-layers")
    assert v.status == expected, v.detail


def test_a_jacobian_layout_other_than_the_two_is_an_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "b"\ntitle = "t"\nsummary = "s"\njacobian = "rows"\n'
                   '[symbols.x]\nquantity = "input"\n')
    with pytest.raises(NotationError, match="jacobian is"):
        load(str(bad))
    assert load("nielsen").jacobian == "denominator" and \
        load("goodfellow").jacobian == "numerator"


def test_goodfellows_loss_is_arbitrary_until_a_directive_fixes_it(tmp_path):
    """Algorithm 6.4 holds for every f and every loss L; the document saying which loss
    J is, is not a claim but puts that loss in force (as `loss = squared` does): the
    gradient at the output is hat y - y and its sign flip is refuted."""
    doc = tmp_path / "dl.md"
    doc.write_text("<!-- symnet: notation = goodfellow -->\n\n"
                   "$\\nabla_{a^{(k)}} J = \\nabla_{h^{(k)}} J \\odot f'(a^{(k)})$\n\n"
                   "$J = \\frac12 \\sum_i (\\hat{y}_i - y_i)^2$\n\n"
                   "<!-- symnet: loss = squared -->\n\n"
                   "$J = \\frac12 \\sum_i (\\hat{y}_i - y_i)^2$\n\n"
                   "$\\nabla_{\\hat{y}} J = \\hat{y} - y$\n\n"
                   "$\\nabla_{\\hat{y}} J = y - \\hat{y}$\n")
    out = _run("check", "--json", str(doc))
    equations = json.loads(out.stdout)["equations"]
    assert [e["verdict"] for e in equations] == [
        "holds", "not a claim", "holds", "holds", "refuted"], out.stdout
    assert "any differentiable activation, any differentiable loss" in equations[0]["notation"]
    assert "the squared loss, in force for the formulas after it" in equations[1]["detail"]


def test_the_loss_a_document_states_is_in_force_after_it(tmp_path):
    """J = 1/2 ||hat y - y||^2 in a notation whose loss is arbitrary says which loss J is:
    the formulas after it in that section are read with it (the gradient hat y - y holds,
    its sign flip is refuted); a statement that is no loss the checker reads leaves a
    formula that holds for some losses only not checked, never refuted; after the next
    heading the loss is arbitrary again."""
    doc = tmp_path / "dl.md"
    doc.write_text("<!-- symnet: notation = goodfellow -->\n# One\n"
                   "$J = \\frac{1}{2}\\|\\hat{y} - y\\|^2$\n\n"
                   "$\\nabla_{\\hat{y}} J = \\hat{y} - y$\n\n"
                   "$\\nabla_{\\hat{y}} J = y - \\hat{y}$\n# Two\n"
                   "$J = \\frac{1}{2}\\|\\hat{y} - y\\|^4$\n\n"
                   "$\\nabla_{\\hat{y}} J = \\hat{y} - y$\n\n"
                   "$\\nabla_{b^{(k)}} J = \\nabla_{a^{(k)}} J$\n# Three\n"
                   "$\\nabla_{\\hat{y}} J = \\hat{y} - y$\n")
    out = _run("check", "--json", str(doc))
    equations = json.loads(out.stdout)["equations"]
    assert [e["verdict"] for e in equations] == [
        "not a claim", "holds", "refuted", "not a claim", "not checked", "holds",
        "refuted"], out.stdout
    assert "not a loss the checker reads" in equations[3]["detail"]
    assert "does not hold for every loss" in equations[4]["detail"]
    assert "squared error only" in equations[6]["detail"]


@pytest.mark.parametrize("text", [
    r"\delta^L = \nabla_a C \odot \sigma'(z^L)",
    r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)",
    r"\frac{\partial C}{\partial b^l_j} = \delta^l_j",
    r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j",
])
def test_nielsens_bp1_to_bp4_are_proved_for_every_cost_and_activation(text):
    """[model] general in nielsen.toml: BP1-BP4 are tried with the cost C and sigma
    arbitrary first, and the verdict says they hold for every one."""
    v = verdict(text)
    assert v.status == "holds", v.detail
    assert "any differentiable activation, any differentiable loss" in v.notation


@pytest.mark.parametrize("text", [
    r"\delta^L_j = (a^L_j - y_j) \sigma'(z^L_j)",
    r"\sigma'(z^l_j) = \sigma(z^l_j) (1 - \sigma(z^l_j))",
])
def test_nielsens_quadratic_cost_and_sigmoid_formulas_say_so(text):
    """A formula true for the sigmoid or the quadratic cost only holds in the book's
    chapter-2 model, and its verdict names that model, not every cost."""
    v = verdict(text)
    assert v.status == "holds", v.detail
    assert "sigmoid, squared error" in v.notation, v.notation


def test_a_general_setting_the_model_does_not_have_is_an_error(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text('name = "mine"\ntitle = "t"\nsummary = "s"\n[model]\n'
                   'general = ["weights"]\n[symbols.x]\nquantity = "input"\n')
    with pytest.raises(NotationError, match="general is a list of activation, loss"):
        load(str(bad))


@pytest.mark.parametrize("text", HOLDS)
def test_nielsens_formulas_hold(text):
    v = verdict(text)
    assert v.status == "holds", v.detail
    assert v.notation.startswith("nielsen notation, read as matrix")
    assert "3,4,4,3" in v.sizes or "symbolic widths" in v.sizes


@pytest.mark.parametrize("text", REFUTED)
def test_wrong_variants_are_refuted(text):
    v = verdict(text)
    assert v.status == "refuted", v.detail


@pytest.mark.parametrize("text, reason", [
    (r"a^{l+1}_j = \sigma(z^{l-1}_j)", "three layers"),
    (r"\delta^l_j = \theta_j", "'theta' has no meaning in the nielsen notation"),
    (r"\delta^l_j = \sum_k w^{l+1}_{jk} \delta^{l+1}_k \sigma'(z^l_j)", "two different layers"),
    (r"\delta_j = 1 + a^l_j", "delta carries its layer"),
    (r"\tilde{a}^l_j = a^l_j", "\\tilde has no meaning"),
])
def test_what_the_notation_does_not_give_one_meaning_is_not_checked(text, reason):
    v = verdict(text)
    assert v.status == "not checked" and reason in v.detail, v.detail


@pytest.mark.parametrize("text", [r"w^2_{11} = 0.5", r"b^l_j = 1", r"\eta = 3"])
def test_a_value_for_a_free_variable_is_not_a_claim(text):
    assert verdict(text).status == "not a claim"


def test_the_book_notation_hints_at_the_directive():
    v = verdict(r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", notation=None)
    assert v.status == "not checked"
    assert "notation = nielsen" in v.detail


def _run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "symnet", *args], capture_output=True,
                          text=True, input=stdin)


def test_the_directive_holds_until_the_next(tmp_path):
    doc = tmp_path / "bp.md"
    doc.write_text("<!-- symnet: notation = nielsen -->\n\n"
                   "$\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j$\n\n"
                   "<!-- symnet: notation = zhou -->\n\n"
                   "$g_j = \\hat{y}_j(1-\\hat{y}_j)(y_j-\\hat{y}_j)$\n\n"
                   "$\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j$\n")
    out = _run("check", "--json", str(doc))
    verdicts = [e["verdict"] for e in json.loads(out.stdout)["equations"]]
    assert verdicts == ["holds", "holds", "not checked"], out.stdout


def test_unknown_notation_is_an_error_naming_the_known(tmp_path):
    doc = tmp_path / "bp.md"
    doc.write_text("<!-- symnet: notation = nielsn -->\n\n$a = b$\n")
    out = _run("check", str(doc))
    assert out.returncode == 2 and "nielsen" in out.stderr and "nielsn" in out.stderr
    out = _run("check", "--notation", "bishopp", "a = b")
    assert out.returncode == 2 and "unknown notation 'bishopp'" in out.stderr


def test_a_users_own_notation_file(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('name = "mine"\ntitle = "t"\nsummary = "s"\n[layers]\nletter = "l"\n'
                    'last = "L"\n[functions]\nactivation = ["phi"]\n'
                    '[symbols.W]\nquantity = "weight"\nindices = ["from", "to"]\n'
                    '[symbols.u]\nquantity = "weighted-input"\n'
                    '[symbols.o]\nquantity = "activation"\n'
                    '[symbols.J]\nquantity = "error"\n')
    ok = verdict(r"u^l_j = \sum_i W^l_{ij} o^{l-1}_i", notation=str(mine))
    assert ok.status == "refuted"                    # no bias: the threshold is missing
    ok = verdict(r"\frac{\partial J}{\partial W^l_{ij}} = o^{l-1}_i \frac{\partial J}"
                 r"{\partial u^l_j}", notation=str(mine))
    assert ok.status == "holds", ok.detail
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "b"\ntitle = "t"\nsummary = "s"\n[symbols.W]\nquantiy = "weight"\n')
    with pytest.raises(NotationError, match="unknown key 'quantiy'"):
        load(str(bad))
    bad.write_text('name = "b"\ntitle = "t"\nsummary = "s"\n[symbols.W]\nquantity = "wieght"\n')
    with pytest.raises(NotationError, match="quantity 'wieght' is not one of"):
        load(str(bad))


def test_symnet_notations_lists_and_shows():
    out = _run("notations")
    assert out.returncode == 0
    names = [line.split()[0] for line in out.stdout.splitlines()]
    assert names == shipped() and {"zhou", "nielsen", "goodfellow"} <= set(names)
    out = _run("notations", "show", "nielsen")
    assert out.returncode == 0 and "w      weight" in out.stdout
    out = _run("notations", "show", "nope")
    assert out.returncode == 2 and "unknown notation 'nope'" in out.stderr


def test_the_book_file_is_the_view_the_checker_reads():
    """zhou.toml's rows say the same as SINGLE_LAYER_VIEW: each symbol's quantity, layer
    and sign is the matrix entry the view rewrites it to."""
    expected = {"weight": "theta", "threshold": "theta", "activation": "a",
                "net-input": "z", "delta": "delta", "input": "x", "target": "y"}
    zhou = load("zhou")
    for name, (value, variable) in SINGLE_LAYER_VIEW.items():
        row = zhou.symbols[name]
        entry = (variable or value)[0] if name == "yhat" else value[0]
        assert entry.base == expected[row.quantity] or (name == "yhat" and entry.base == "a")
        assert entry.sign == row.sign
        if entry.layer is not None:
            assert entry.layer[-1] == str(row.layer)
        if row.quantity == "threshold":
            assert entry.indices[0] == "0"


# Bishop, PRML sec. 5.3: units named by their index letter (i input, j hidden, k output),
# the bias unit 0 (z_0 = 1), h any differentiable activation, linear outputs with the
# sum-of-squares error (so delta_k = y_k - t_k, (5.54))
BISHOP_HOLDS = [
    r"a_j = \sum_i w_{ji} z_i",                                                       # 5.48
    r"z_j = h(a_j)",                                                                  # 5.49
    r"\frac{\partial E_n}{\partial w_{ji}} = \frac{\partial E_n}{\partial a_j}"
    r"\frac{\partial a_j}{\partial w_{ji}}",                                           # 5.50
    r"\frac{\partial a_j}{\partial w_{ji}} = z_i",                                    # 5.52
    r"\frac{\partial E_n}{\partial w_{ji}} = \delta_j z_i",                           # 5.53
    r"\delta_k = y_k - t_k",                                                          # 5.54
    r"\delta_j = \sum_k \frac{\partial E_n}{\partial a_k}\frac{\partial a_k}{\partial a_j}",
    r"\delta_j = h'(a_j) \sum_k w_{kj} \delta_k",                                     # 5.56
    r"E_n = \frac12 \sum_{k=1}^{K} (y_k - t_k)^2",                                    # 5.61
    r"a_j = \sum_{i=0}^{D} w^{(1)}_{ji} x_i",                                         # 5.62
    r"y_k = \sum_{j=0}^{M} w^{(2)}_{kj} z_j",                                         # 5.64
    r"\frac{\partial E_n}{\partial w^{(1)}_{ji}} = \delta_j x_i",                     # 5.67
    r"\frac{\partial E_n}{\partial w^{(2)}_{kj}} = \delta_k z_j",
    r"a_j = \sum_{i=1}^{D} w_{ji} x_i + w_{j0}",                                      # 5.2
    r"\frac{\partial E_n}{\partial w_{j0}} = \delta_j",
]
BISHOP_REFUTED = [
    r"\delta_k = t_k - y_k",                                   # sign
    r"a_j = \sum_{i=1}^{D} w_{ji} z_i",                        # the bias unit left out
    r"\delta_j = h(a_j) \sum_k w_{kj} \delta_k",               # h for h'
    r"\frac{\partial E_n}{\partial w_{ji}} = \delta_j",        # the factor z_i missing
    r"\delta_k = (y_k - t_k) h'(a_k)",                         # a sigmoid-style output
    r"\delta_j = (1 - z_j^2) \sum_k w_{kj} \delta_k",          # tanh's h' for an arbitrary h
    r"y_k = \sum_{j=1}^{M} w_{kj} z_j",
]


@pytest.mark.parametrize("text", BISHOP_HOLDS)
def test_bishops_formulas_hold_for_every_activation(text):
    v = verdict(text, "bishop")
    assert v.status == "holds", v.detail
    assert "any differentiable activation, identity outputs, squared error" in v.notation
    assert v.sizes.startswith("3,4,2")


@pytest.mark.parametrize("text", BISHOP_REFUTED)
def test_bishops_wrong_variants_are_refuted(text):
    v = verdict(text, "bishop")
    assert v.status == "refuted", v.detail
    assert "decided with any differentiable activation" in v.detail


@pytest.mark.parametrize("text, reason", [
    (r"\delta_j = h'(a_j) \sum_k w_{jk} \delta_k", "check the order of its indices"),
    (r"\delta_q = 1", "names no layer"),
    (r"z^{(2)}_j = h(a_j)", "superscript on z"),
    (r"\frac{\partial E_n}{\partial w^{(2)}_{ji}} = \delta_j z_i", "does not agree"),
])
def test_bishops_unreadable_is_not_checked(text, reason):
    v = verdict(text, "bishop")
    assert v.status == "not checked" and reason in v.detail, v.detail


def test_a_directive_on_the_notations_letter_sets_the_activation(tmp_path):
    """Bishop's 5.3.2 uses tanh units: `h = tanh` makes (5.66) hold; before it, it is
    refuted (it is false for an arbitrary h)."""
    doc = tmp_path / "prml.md"
    formula = "$\\delta_j = (1 - z_j^2) \\sum_{k=1}^{K} w_{kj} \\delta_k$\n\n"
    doc.write_text("<!-- symnet: notation = bishop -->\n\n" + formula +
                   "<!-- symnet: h = tanh -->\n\n" + formula +
                   "$\\delta_j = (1 - z_j) \\sum_k w_{kj} \\delta_k$\n")
    out = _run("check", "--json", str(doc))
    equations = json.loads(out.stdout)["equations"]
    assert [e["verdict"] for e in equations] == ["refuted", "holds", "refuted"], out.stdout
    assert "decided with tanh, identity outputs" in equations[2]["detail"]
    out = _run("check", "--notation", "nielsen", "--activation", "tanh",
               r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k (1 - (a^l_j)^2)")
    assert out.returncode == 0, out.stdout + out.stderr


def test_a_loss_directive_is_honoured_in_another_notation(tmp_path):
    """loss = cross-entropy: Nielsen's delta^L = a^L - y (ch. 3) holds with sigmoid
    outputs, and is refuted under the quadratic cost; Bishop's linear outputs cannot take
    the cross-entropy, so his formula is not checked (never decided with another loss)."""
    doc = tmp_path / "ce.md"
    doc.write_text("<!-- symnet: notation = nielsen -->\n\n$\\delta^L_j = a^L_j - y_j$\n\n"
                   "<!-- symnet: loss = cross-entropy -->\n\n$\\delta^L_j = a^L_j - y_j$\n\n"
                   "<!-- symnet: notation = bishop -->\n\n$\\delta_k = y_k - t_k$\n")
    out = _run("check", "--json", str(doc))
    equations = json.loads(out.stdout)["equations"]
    assert [e["verdict"] for e in equations] == ["refuted", "holds", "not checked"], out.stdout
    assert "cross-entropy" in equations[2]["detail"]


NG_FILE = '''name = "ng"
title = "bracket-style layers, as in Andrew Ng's course notes"
summary = "z^[l] = W^[l] a^[l-1] + b^[l], a^[l] = g(z^[l]), J the cost"
[layers]
letter = "l"
last = "L"
first = 0
[functions]
activation = ["g"]
[model]
activation = "any"
[symbols.W]
quantity = "weight"
indices = ["to", "from"]
matrix = "to-from"
[symbols.b]
quantity = "bias"
[symbols.z]
quantity = "weighted-input"
[symbols.a]
quantity = "activation"
[symbols.J]
quantity = "error"
'''


@pytest.mark.parametrize("text, expected", [
    (r"z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}", "holds"),
    (r"z^{[l]}_i = \sum_j W^{[l]}_{ij} a^{[l-1]}_j + b^{[l]}_i", "holds"),
    (r"a^{[l]} = g(z^{[l]})", "holds"),
    (r"\frac{\partial J}{\partial z^{[l]}} = \frac{\partial J}{\partial a^{[l]}} \odot g'(z^{[l]})",
     "holds"),
    (r"\frac{\partial J}{\partial W^{[l]}} = \frac{\partial J}{\partial z^{[l]}} (a^{[l-1]})^T",
     "holds"),
    (r"\frac{\partial J}{\partial a^{[l-1]}} = (W^{[l]})^T \frac{\partial J}{\partial z^{[l]}}",
     "holds"),
    (r"\frac{\partial J}{\partial b^{[l]}} = \frac{\partial J}{\partial z^{[l]}}", "holds"),
    (r"\frac{\partial J}{\partial a^{[l-1]}} = W^{[l]} \frac{\partial J}{\partial z^{[l]}}",
     "refuted"),
    (r"\frac{\partial J}{\partial z^{[l]}} = \frac{\partial J}{\partial a^{[l]}} \odot g(z^{[l]})",
     "refuted"),
])
def test_a_users_bracket_style_notation_needs_no_python(tmp_path, text, expected):
    """A user's file for Ng-style layers W^{[l]} with an arbitrary activation g: the same
    back-propagation formulas hold (for every g), the wrong ones are refuted."""
    mine = tmp_path / "ng.toml"
    mine.write_text(NG_FILE)
    v = verdict(text, notation=str(mine))
    assert v.status == expected, v.detail
    assert v.notation.startswith("ng notation, read as matrix")

# Spellings met in public notes (tests/notation_corpus.py): an ordinary d for the
# derivative, a sum bounded by a width letter the note declares in words, Bishop's layer
# number also on a, z and delta, and the cost written as a function of its arguments.
SPELLINGS = [
    ("nielsen", r"\frac{d a^L_j}{d z^L_j} = \sigma'(z^L_j)", "holds"),
    ("nielsen", r"\frac{\mathrm{d} a^L_j}{\mathrm{d} z^L_j} = \sigma'(z^L_j)", "holds"),
    ("nielsen", r"\frac{d a^L_j}{d z^L_j} = \sigma(z^L_j)", "refuted"),
    ("bishop", r"\frac{dy_k}{da_k} = 1", "holds"),
    ("bishop", r"\frac{dz_j}{da_j} = h(a_j)", "refuted"),
    ("nielsen", r"z^l_j = \sum_{k=1}^{n} w^l_{jk} a^{l-1}_k + b^l_j", "holds"),
    ("nielsen", r"z^l_j = \sum_{k=1}^{m} w^l_{jk} a^{l-1}_k - b^l_j", "refuted"),
    ("nielsen", r"\frac{\partial C}{\partial z^l_k} = \sigma'(z^l_k) \sum_{i=1}^n "
                r"\delta^{l+1}_i w^{l+1}_{ik}", "holds"),
    ("nielsen", r"\frac{\partial C}{\partial z^l_k} = \sigma'(z^l_k) \sum_{i=1}^n "
                r"\delta^{l+1}_i w^{l+1}_{ik} a^l_k", "refuted"),
    ("bishop", r"a_k^{(2)} = \sum_j w_{kj}^{(2)} z_j^{(1)}", "holds"),
    ("bishop", r"\delta_k^{(2)} = \frac{\partial E_n}{\partial a_k^{(2)}} = y_k - t_k",
     "holds"),
    ("bishop", r"\frac{\partial E_n}{\partial w_{ji}^{(1)}} = \delta_j^{(1)} x_i", "holds"),
    ("bishop", r"\frac{\partial E_n}{\partial w_{kj}^{(2)}} = \delta_k^{(2)}", "refuted"),
    # "because" / "therefore" leading the formula (\because, \therefore, the signs)
    ("goodfellow", r"\because \boldsymbol{a}^{(k)} = \boldsymbol{b}^{(k)} + "
                   r"\boldsymbol{W}^{(k)}\boldsymbol{h}^{(k-1)}", "holds"),
    ("goodfellow", r"\therefore \nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J", "holds"),
    ("goodfellow", "\u2234 \\nabla_{b^{(k)}} J = -\\nabla_{a^{(k)}} J", "refuted"),
    ("nielsen", "\u2235 \\delta^l_j = \\frac{\\partial C}{\\partial z^l_j}", "holds"),
]


@pytest.mark.parametrize("notation, text, expected", SPELLINGS)
def test_spellings_from_public_notes_are_read(notation, text, expected):
    v = verdict(text, notation)
    assert v.status == expected, v.detail


def test_a_bound_letter_is_named_in_the_note():
    v = verdict(r"z^l_j = \sum_{k=1}^{n} w^l_{jk} a^{l-1}_k + b^l_j")
    assert "n as the width of layer k" in v.sizes, v.sizes


@pytest.mark.parametrize("notation, text, reason", [
    ("nielsen", r"z^l_j = \sum_{k=1}^{n} w^l_{kj} a^{l-1}_k + b^l_j", "no single layer"),
    ("nielsen", r"\sum_{k=1}^n a^l_k = \sum_{j=1}^n a^{l-1}_j", "two different layers"),
    ("nielsen", r"z^l_j = \sum_{k=2}^{n} w^l_{jk} a^{l-1}_k + b^l_j", "runs from 1"),
    ("nielsen", r"C = \frac{1}{n} \sum_{j=1}^n (y_j - a^L_j)^2", "'n' has no meaning"),
    ("nielsen", r"C = C(a^L)", "the cost as a function"),
    ("bishop", r"E(w) = E_n", "the cost as a function"),
    ("bishop", r"\delta_k^{(1)} = y_k - t_k", "does not agree"),
    ("bishop", r"z_j^{(2)} = h(a_j^{(1)})", "does not agree"),
    ("bishop", r"\frac{\delta E_n}{\delta w_{ji}} = \delta_j z_i", "named by its index"),
])
def test_spellings_without_one_meaning_are_not_checked(notation, text, reason):
    v = verdict(text, notation)
    assert v.status == "not checked" and reason in v.detail, v.detail


# Dive into Deep Learning, sec. 5.3: no biases, linear outputs o, an arbitrary loss l and
# activation phi, the L2 term s and the objective J = L + s (3-4-2 network)
D2L_HOLDS = [
    r"\mathbf{z}= \mathbf{W}^{(1)} \mathbf{x}",                                       # 5.3.1
    r"\mathbf{h}= \phi (\mathbf{z})",                                                 # 5.3.2
    r"\mathbf{o}= \mathbf{W}^{(2)} \mathbf{h}",                                       # 5.3.3
    r"s = \frac{\lambda}{2} \left(\|\mathbf{W}^{(1)}\|_F^2 + \|\mathbf{W}^{(2)}\|_F^2\right)",
    r"J = L + s",                                                                     # 5.3.6
    r"\frac{\partial J}{\partial \mathbf{o}} = \frac{\partial L}{\partial \mathbf{o}}",
    r"\frac{\partial s}{\partial \mathbf{W}^{(1)}} = \lambda \mathbf{W}^{(1)}",       # 5.3.9
    r"\frac{\partial J}{\partial \mathbf{W}^{(2)}}= \frac{\partial J}{\partial \mathbf{o}}"
    r" \mathbf{h}^\top + \lambda \mathbf{W}^{(2)}",                                    # 5.3.10
    r"\frac{\partial J}{\partial \mathbf{h}} = {\mathbf{W}^{(2)}}^\top"
    r" \frac{\partial J}{\partial \mathbf{o}}",                                        # 5.3.11
    r"\frac{\partial J}{\partial \mathbf{z}} = \frac{\partial J}{\partial \mathbf{h}} \odot"
    r" \phi'\left(\mathbf{z}\right)",                                                 # 5.3.12
    r"\frac{\partial J}{\partial \mathbf{W}^{(1)}} = \frac{\partial J}{\partial \mathbf{z}}"
    r" \mathbf{x}^\top + \lambda \mathbf{W}^{(1)}",                                    # 5.3.13
]
D2L_REFUTED = [
    r"\frac{\partial J}{\partial \mathbf{W}^{(1)}} = \frac{\partial J}{\partial \mathbf{z}}"
    r" \mathbf{x}^\top",                                       # the L2 term's share missing
    r"\frac{\partial J}{\partial \mathbf{h}} = \mathbf{W}^{(2)} \frac{\partial J}{\partial \mathbf{o}}",
    r"\frac{\partial J}{\partial \mathbf{z}} = \frac{\partial J}{\partial \mathbf{h}} \odot"
    r" \phi\left(\mathbf{z}\right)",
    r"\frac{\partial s}{\partial \mathbf{W}^{(2)}} = 2 \lambda \mathbf{W}^{(2)}",
    r"J = L - s",
    r"\mathbf{h}= \phi (\mathbf{W}^{(2)} \mathbf{z})",
]


@pytest.mark.parametrize("text", D2L_HOLDS)
def test_d2ls_formulas_hold(text):
    v = verdict(text, "d2l")
    assert v.status == "holds", v.detail
    assert "any differentiable loss sum_j L(a_j, y_j), no biases, L2 term" in v.notation


@pytest.mark.parametrize("text", D2L_REFUTED)
def test_d2ls_wrong_variants_are_refuted(text):
    v = verdict(text, "d2l")
    assert v.status == "refuted", v.detail


@pytest.mark.parametrize("text", [r"L = l(\mathbf{o}, y)", r"\lambda = 0.01"])
def test_d2ls_choices_are_not_claims(text):
    assert verdict(text, "d2l").status == "not a claim"


def test_a_function_written_in_text_is_not_a_separator(tmp_path):
    """d2l writes prod(A, B) as \\textrm{prod}\\left(A, B\\right): the \\textrm is a
    function's name, not a connective between two statements, so the equation is not cut
    there (its pieces were read as a vector and refuted); it is read whole (the chain
    rule's product, see test_d2ls_prod_and_the_nodes_of_j_hold)."""
    doc = tmp_path / "d2l.md"
    doc.write_text("<!-- symnet: notation = d2l -->\n\n$$\\frac{\\partial J}{\\partial "
                   "\\mathbf{h}} = \\textrm{prod}\\left(\\frac{\\partial J}{\\partial "
                   "\\mathbf{o}}, \\frac{\\partial \\mathbf{o}}{\\partial \\mathbf{h}}\\right)"
                   " = {\\mathbf{W}^{(2)}}^\\top \\frac{\\partial J}{\\partial \\mathbf{o}}$$\n\n"
                   "$$a = 1 \\; \\textrm{and} \\; b = 2$$\n")
    out = _run("check", "--json", str(doc))
    equations = json.loads(out.stdout)["equations"]
    assert [e["verdict"] for e in equations] == ["holds", "not checked",
                                                 "not checked"], out.stdout
    assert "prod" in equations[0]["equation"]


@pytest.mark.parametrize("text, expected", [
    (r"\delta_j \equiv \frac{\partial E_n}{\partial a_j}", "holds"),               # 5.51
    (r"\delta_j \equiv -\frac{\partial E_n}{\partial a_j}", "refuted"),
    (r"a_j \equiv b \le c", "not checked"),
])
def test_the_identity_sign_is_read_as_equals(text, expected):
    """Bishop's (5.51) and Nielsen's (29) define delta with \\equiv: read as '=', so the
    notation's delta is checked against it; mixed with another relation it is not read."""
    assert verdict(text, "bishop").status == expected


def test_an_arbitrary_activation_is_proved_at_symbolic_widths():
    """Goodfellow's backward step between layers k-1 and k is proved with the arbitrary
    f for every width and depth; a model the symbolic-width prover does not cover (d2l's
    L2 term) says the verdict holds at its sizes only; a wrong variant stays refuted."""
    v = verdict(r"\nabla_{h^{(k-1)}} J = (W^{(k)})^\top \nabla_{a^{(k)}} J", "goodfellow")
    assert v.status == "holds" and "symbolic widths s_k, s_l" in v.sizes, v.sizes
    assert "any differentiable activation" in v.notation
    assert verdict(r"\nabla_{h^{(k-1)}} J = W^{(k)} \nabla_{a^{(k)}} J",
                   "goodfellow").status == "refuted"


# d2l's prod(dN/dY, dY/dX) (sec. 5.3), read as the chain rule's product where its two
# operands fix it; dJ/dL and dJ/ds by the nodes of J = L + s; a shape at the end
PROD = r"\text{prod}\left(\frac{\partial %s}{\partial %s}, \frac{\partial %s}{\partial %s}\right)"
D2L_PROD_HOLDS = [
    r"\frac{\partial J}{\partial L} = 1",
    r"\frac{\partial J}{\partial s} = 1",
    r"\frac{\partial J}{\partial \mathbf{o}} = " + PROD % ("J", "L", "L", r"\mathbf{o}")
    + r" = \frac{\partial L}{\partial \mathbf{o}} \in \mathbb{R}^q",
    r"\frac{\partial J}{\partial \mathbf{h}} = " + PROD % ("J", r"\mathbf{o}", r"\mathbf{o}",
                                                           r"\mathbf{h}"),
    r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = " + PROD % (
        "J", r"\mathbf{o}", r"\mathbf{o}", r"\mathbf{W}^{(2)}") + " + " + PROD % (
        "J", "s", "s", r"\mathbf{W}^{(2)}") + r" = \frac{\partial J}{\partial \mathbf{o}}"
    r" \mathbf{h}^\top + \lambda \mathbf{W}^{(2)}",
]
D2L_PROD_REFUTED = [
    r"\frac{\partial J}{\partial L} = 0",
    r"\frac{\partial J}{\partial s} = \lambda",
    r"\frac{\partial J}{\partial \mathbf{o}} = " + PROD % ("J", "L", "L", r"\mathbf{o}")
    + r" = 2 \frac{\partial L}{\partial \mathbf{o}} \in \mathbb{R}^q",
    r"\frac{\partial J}{\partial \mathbf{W}^{(2)}} = " + PROD % (      # the L2 share missing
        "J", r"\mathbf{o}", r"\mathbf{o}", r"\mathbf{W}^{(2)}"),
    r"\frac{\partial J}{\partial \mathbf{W}^{(1)}} = " + PROD % (      # only the L2 share
        "J", "s", "s", r"\mathbf{W}^{(1)}"),
    r"\frac{\partial J}{\partial \mathbf{z}} = " + PROD % ("J", r"\mathbf{h}", r"\mathbf{h}",
                                                           r"\mathbf{z}")
    + r" = \frac{\partial J}{\partial \mathbf{h}} \odot \phi\left(\mathbf{z}\right)",
]
D2L_PROD_REFUSED = [
    (r"\frac{\partial J}{\partial \mathbf{h}} = " + PROD % ("J", r"\mathbf{z}", r"\mathbf{o}",
                                                            r"\mathbf{h}"), "the same Y"),
    (r"\frac{\partial \mathbf{o}}{\partial \mathbf{z}} = " + PROD % (
        r"\mathbf{o}", r"\mathbf{h}", r"\mathbf{h}", r"\mathbf{z}"), "scalar N only"),
]


@pytest.mark.parametrize("text", D2L_PROD_HOLDS)
def test_d2ls_prod_and_the_nodes_of_j_hold(text):
    v = verdict(text, "d2l")
    assert v.status == "holds", v.detail


@pytest.mark.parametrize("text", D2L_PROD_REFUTED)
def test_d2ls_wrong_prod_variants_are_refuted(text):
    v = verdict(text, "d2l")
    assert v.status == "refuted", v.detail


@pytest.mark.parametrize("text, reason", D2L_PROD_REFUSED)
def test_a_prod_without_one_meaning_is_not_checked(text, reason):
    v = verdict(text, "d2l")
    assert v.status == "not checked" and reason in v.detail, v.detail


@pytest.mark.parametrize("text, notation, expected", [
    (r"\frac{\partial J}{\partial \mathbf{o}} = \frac{\partial L}{\partial \mathbf{o}} "
     r"\in \mathbb{R}^q", "d2l", "holds"),
    (r"\frac{\partial J}{\partial \mathbf{o}} = -\frac{\partial L}{\partial \mathbf{o}} "
     r"\in \mathbb{R}^q", "d2l", "refuted"),
    (r"\mathbf{o} = \mathbf{W}^{(2)} \mathbf{h} \in \mathbb{R}^q", "d2l", "not checked"),
    (r"\frac{\partial}{\partial L} \frac{\partial J}{\partial \mathbf{o}} = 0", "d2l",
     "not checked"),
])
def test_a_gradients_stated_shape_is_not_its_relation(text, notation, expected):
    """d2l ends a gradient with its shape, "= dL/do \\in R^q": the equation before it is
    read; any other statement with a membership (a vector and its space) keeps '\\in' as
    its relation and is not read.  A derivative differentiated by L is not read."""
    assert verdict(text, notation).status == expected
