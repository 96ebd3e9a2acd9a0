"""Goodfellow, Bengio and Courville's arbitrary regulariser (algorithm 6.4): the cost is
J = L(hat y, y) + lambda Omega(theta), Omega any differentiable function of every
parameter theta (each W^(k) and b^(k)).  goodfellow.toml names Omega (quantity
"penalty"), theta ("parameters", Omega's argument only) and lambda ("strength"); a formula
that writes Omega, and every formula after a statement J = L + lambda Omega(theta) in its
section, is read in the model whose error is the loss plus lambda Omega(theta) (Omega a
SymPy undefined function of every weight and threshold: its derivatives stay symbols).
Without either, lambda = 0 as before.  Each expected verdict was worked out by hand:

- J = L + lambda Omega: the definition of J, holds.  grad_b J = grad_a J + lambda grad_b
  Omega, since a^(k) = b^(k) + W^(k) h^(k-1) makes da/db the identity and Omega depends on
  b^(k) directly; grad_W J = grad_a J h^T + lambda grad_W Omega alike.  grad_hat y J =
  grad_hat y L and grad_a J = grad_h J (.) f'(a): Omega depends on no unit.
- Wrong variants (sign, lambda missing, another layer's parameter, J without lambda) and,
  once J has the regulariser, the lambda = 0 formula grad_b J = grad_a J: refuted.
"""
import mpmath as mp
import pytest
import sympy as sp

from symnet.checker.document import Equation
from symnet.checker.documents import check_document, check_equation
from symnet.checker.matrix import MatrixNotation
from symnet.checker.parse import parse
from symnet.checker.translate import translate
from symnet.core.notation_files import NotationError, load
from symnet.prove.nested import OMEGA


def verdict(text):
    return check_equation(Equation(1, text, text, {"notation": "goodfellow"}))


ANY = "any differentiable regulariser lambda Omega(theta)"

HOLDS = [
    r"J = L(\hat{y}, y) + \lambda \Omega(\theta)",
    r"J = L(\hat{y},y) + \lambda\Omega(\theta)",
    r"J = L( \hat{y} , y ) + \lambda \Omega (\theta) \tag{1.3}",
    r"J=L(\hat{\boldsymbol{y}} ,\boldsymbol{y}) + \lambda \Omega(\theta)",
    r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J + \lambda \nabla_{b^{(k)}} \Omega(\theta)",
    r"\nabla_{W^{(k)}} J = \nabla_{a^{(k)}} J \, (h^{(k-1)})^\top + "
    r"\lambda\nabla_{W^{(k)}}\Omega(\theta)",
    r"\nabla_{\hat{y}} J = \nabla_{\hat{y}} L(\hat{y}, y)",
    r"\nabla_{a^{(k)}} J = \nabla_{h^{(k)}} J \odot f'(a^{(k)})",
    # Omega depends on no unit: its derivative by a^(k) is 0 (read, not refused)
    r"\frac{\partial \Omega(\theta)}{\partial a^{(k)}_j} = 0",
    r"\nabla_{a^{(k)}} J = \nabla_{a^{(k)}} L(\hat{y}, y) + \lambda \nabla_{a^{(k)}} "
    r"\Omega(\theta)",
]

REFUTED = [
    r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J - \lambda \nabla_{b^{(k)}}\Omega(\theta)",
    r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J + \nabla_{b^{(k)}} \Omega(\theta)",
    # another layer's bias (b^(1) and b^(2) have 4 entries each at 3,4,4,3)
    r"\nabla_{b^{(2)}} J = \nabla_{a^{(2)}} J + \lambda \nabla_{b^{(1)}} \Omega(\theta)",
    r"J = L(\hat y, y) + \Omega(\theta)",
    r"\nabla_{W^{(k)}} J = \nabla_{a^{(k)}} J \, (h^{(k-1)})^\top - "
    r"\lambda\nabla_{W^{(k)}}\Omega(\theta)",
]

NOT_CHECKED = [
    (r"J = L(\hat{y}, y) + \lambda \Omega(x)", "the regulariser is a function of every "
                                               "parameter"),
    (r"J = L(\hat{y}, y) + \lambda \Omega(\theta, x)", "the regulariser is a function"),
    (r"J = L(\hat{y}, y) + \lambda \Omega(W^{(k)})", "the regulariser is a function"),
    (r"\nabla_{\theta} J = 0", "read only as the argument of the regulariser"),
    (r"J = L(y, \hat{y}) + \lambda \Omega(\theta)", "arguments other than the outputs"),
    (r"J = L(\hat{y}, y) + \lambda \Omega^{(k)}(\theta)", "superscript on Omega"),
    # b^(k-1) and a^(k) name three layers: not read (the translation's limit), never holds
    (r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J + \lambda \nabla_{b^{(k-1)}}\Omega(\theta)",
     "three layers"),
]


@pytest.mark.parametrize("text", HOLDS)
def test_the_regularised_formulas_hold(text):
    v = verdict(text)
    assert v.status == "holds", v.detail
    if "Omega" in text:
        assert ANY in v.notation


@pytest.mark.parametrize("text", REFUTED)
def test_wrong_variants_are_refuted(text):
    v = verdict(text)
    assert v.status == "refuted", v.detail
    assert ANY in v.notation


@pytest.mark.parametrize("text,reason", NOT_CHECKED)
def test_omega_elsewhere_is_not_checked(text, reason):
    v = verdict(text)
    assert v.status == "not checked" and reason in v.detail, v.detail


def test_without_omega_the_model_has_lambda_zero():
    for text in (r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J", r"J = L(\hat{y}, y)"):
        v = verdict(text)
        assert v.status == "holds" and "regulariser" not in v.notation, v.detail


DOCUMENT = r"""<!-- symnet: notation = goodfellow -->

# Forward

$$\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J$$

# Back-propagation

The cost is

$$J = L(\hat{y}, y) + \lambda \Omega(\theta) \tag{1.3}$$

and so

$$\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J$$

$$\nabla_{W^{(k)}} J = \nabla_{a^{(k)}} J \, (h^{(k-1)})^\top$$

$$\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J + \lambda \nabla_{b^{(k)}} \Omega(\theta)$$

$$\nabla_{\hat{y}} J = \nabla_{\hat{y}} L(\hat{y}, y)$$

$$\nabla_{a^{(k)}} J = \nabla_{h^{(k)}} J \odot f'(a^{(k)})$$

# Without the regulariser

$$\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J$$
"""


def test_a_stated_regulariser_is_in_force_after_it_in_its_section():
    got = [(v.status, v) for v in check_document(DOCUMENT, "md")]
    assert [s for s, _ in got] == ["holds", "holds", "refuted", "refuted", "holds", "holds",
                                   "holds", "holds"], [(s, v.detail) for s, v in got]
    statement, lambda_zero = got[1][1], got[2][1]
    assert "in force for the formulas after it" in statement.detail
    assert ANY in lambda_zero.notation                  # the verdict says in which model
    assert "regulariser's share is missing" in lambda_zero.detail
    assert ANY in got[4][1].notation and "regulariser" not in got[7][1].notation


def test_a_directive_ends_it():
    text = DOCUMENT.replace("# Without the regulariser",
                            "<!-- symnet: f = tanh -->\n\n# Without the regulariser")
    assert check_document(text, "md")[-1].status == "holds"


def test_the_notation_files_say_which_regulariser(tmp_path):
    assert load("d2l").model[4] is True                  # l2 = true: unchanged
    assert load("goodfellow").model[4] is False          # lambda = 0 unless said
    spec = ('name = "r"\ntitle = "r"\nsummary = "r"\n[layers]\nletter = "k"\n[model]\n'
            'regulariser = "{}"\n[symbols.W]\nquantity = "weight"\n')
    for value, kind in (("any", "any"), ("l2", True), ("none", False)):
        (tmp_path / f"r-{value}.toml").write_text(spec.format(value))
        assert load(str(tmp_path / f"r-{value}.toml")).model[4] == kind
    (tmp_path / "bad.toml").write_text(spec.format("lasso"))
    with pytest.raises(NotationError, match="regulariser is one of"):
        load(str(tmp_path / "bad.toml"))


# -- an independent oracle: finite differences with a concrete Omega ----------------------

SIZES = (2, 3, 2)
SPEC = ("sigmoid", "squared", None, True, "any")


def _concrete_omega(params):
    """A concrete regulariser: sin of a weighted sum plus the sum of squares."""
    return sp.sin(sp.Add(*(p * (n + 1) for n, p in enumerate(params))) / 7) + \
        sp.Add(*(p ** 2 for p in params))


def _cost(values, net, params, lam):
    """J = 1/2 ||hat y - y||^2 + lambda Omega(theta), by a forward pass in mpmath (z_j =
    sum_i theta_ij a_i - theta_0j, a = sigmoid(z)), no SymPy differentiation."""
    a = [values[s] for s in net.a[1][1:]]
    for k in range(1, len(SIZES)):
        rows = net.theta[k]
        a = [1 / (1 + mp.exp(-(sum(values[rows[i][j]] * a[i - 1]
                                   for i in range(1, len(rows))) - values[rows[0][j]])))
             for j in range(SIZES[k])]
    loss = sum((a[j] - values[net.y[j + 1]]) ** 2 for j in range(SIZES[-1])) / 2
    omega = sp.lambdify(params, _concrete_omega(params), "mpmath")
    return loss + lam * omega(*[values[p] for p in params])


@pytest.mark.parametrize("k", [1, 2])
def test_the_derived_gradient_agrees_with_finite_differences(k):
    """grad_{W^(k)} J read from the goodfellow formula (SymPy's diff of the nested J with
    Omega undefined), Omega then replaced by a concrete function and evaluated, against
    central differences of J computed by a plain forward pass in mpmath."""
    mp.mp.dps = 30
    tree = parse(r"\nabla_{W^{(k)}} J = 0")
    translated = translate(tree, load("goodfellow"), len(SIZES))[0]
    reader = MatrixNotation(SIZES, k, model=SPEC)      # W^(k) into layer k + 1 of 1..3
    derived = reader.value(translated.args[0], {})
    model, net = reader.model, reader.net
    params = model.parameters()
    assert derived.shape == (SIZES[k], SIZES[k - 1])
    assert derived.has(sp.Derivative)                   # Omega's derivatives, symbolic
    concrete = derived.replace(OMEGA, sp.Lambda(tuple(params), _concrete_omega(params)))
    concrete = concrete.doit()
    values = {s: sp.Rational(n % 5 - 2, 3 + n % 4) for n, s in enumerate(
        net.a[1][1:] + net.y[1:] + params)}
    lam = sp.Rational(3, 10)
    point = {**values, model.lam: lam}
    mvalues = {s: mp.mpf(v.p) / v.q for s, v in values.items()}
    units = {}
    a = [mvalues[s] for s in net.a[1][1:]]
    for m in range(1, len(SIZES)):                      # the units, forward
        rows = net.theta[m]
        a = [1 / (1 + mp.exp(-(sum(mvalues[rows[i][j]] * a[i - 1] for i in range(1, len(rows)))
                               - mvalues[rows[0][j]]))) for j in range(SIZES[m])]
        units.update({net.a[m + 1][j + 1]: a[j] for j in range(SIZES[m])})
    for i in range(SIZES[k]):
        for j in range(SIZES[k - 1]):
            weight = net.theta[k][j + 1][i]             # W_ij: into unit i from unit j
            got = sp.N(concrete[i, j].xreplace(point).xreplace(
                {s: sp.Float(str(v), 30) for s, v in units.items()}), 25)

            def cost(w, weight=weight):
                return _cost({**mvalues, weight: w}, net, params, mp.mpf(3) / 10)
            want = mp.diff(cost, mvalues[weight])
            assert abs(mp.mpf(str(got)) - want) < mp.mpf("1e-15"), (i, j, got, want)


def test_the_notation_table_says_when_the_regulariser_is_in_force():
    from symnet.core.notation_files import load
    table = load("goodfellow").table()
    assert "regulariser lambda Omega(theta), Omega any differentiable function of every " \
           "weight and bias: in force in a formula that writes it" in table
    assert "Omega" not in load("d2l").table()


@pytest.mark.parametrize("first, expected", [
    (r"\hat{y} = h^{(l)}", "holds"),           # no cost in it: the statement after it
    (r"\hat{y} = h^{(l-1)}", "refuted"),       # cannot change what it says
    (r"\nabla_{b^{(k)}} J = \nabla_{a^{(k)}} J", "not checked"),  # J: the one stated after
])
def test_a_claim_beside_the_costs_statement_in_one_display(first, expected):
    """``\\hat y = h^{(l)}, \\qquad J = L + \\lambda \\Omega(\\theta)`` (one display): the
    statement of J may say what a claim before it means only where that claim writes a
    cost or a derivative (the gradient by b^(k) is not checked: the J stated after it
    says what it means)."""
    text = ("<!-- symnet: notation = goodfellow -->\n\n"
            f"$${first}, \\qquad J = L(\\hat{{y}}, y) + \\lambda \\Omega(\\theta)$$\n")
    claim, cost = check_document(text, "md")
    assert cost.status == "holds"
    assert claim.status == expected, claim.detail


@pytest.mark.parametrize("penalty", [r"\lambda \sum_k \|h^{(k)}\|^2",          # on the units
                                     r"\frac{\lambda}{2} \sum_k \|W^{(k)}\|_F^2"])
def test_after_a_cost_stated_unread_no_formula_on_the_cost_holds(penalty):
    """J = L + an activity penalty on the units (not a function of the parameters, so
    not covered by any Omega(theta)): grad_h J = W^T grad_a J, true for every
    parameter penalty, is false for it (the penalty's own gradient by h is missing); it
    held.  Any formula on the cost after an unread J is not checked; one without the cost
    still holds."""
    text = ("<!-- symnet: notation = goodfellow -->\n\n"
            f"$$J = L(\\hat{{y}}, y) + {penalty}$$\n\n"
            "$$\\nabla_{h^{(k-1)}} J = (W^{(k)})^\\top \\nabla_{a^{(k)}} J$$\n\n"
            "$$a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}$$\n")
    _, gradient, forward = check_document(text, "md")
    assert gradient.status == "not checked" and "stated above in a form" in gradient.detail
    assert forward.status == "holds"
