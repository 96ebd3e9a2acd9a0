"""The fully nested route (SymPy's diff of E_k written as one expression) is the catalog's
independent derived side for the notes' 3-4-4-3 network, and the cross-check of the
scalable entrywise route (local partials combined by the chain rule) at every size in
SIZES up to 8-8-8-4."""
import pytest
import sympy as sp

from derivations.multilayer_bp import example_3443
from symnet.core.registry import output_delta_closed
from symnet.prove.entrywise import ClosedForms, check_entrywise, closed_gradient, exactly_equal
from symnet.prove.nested import check_nested, nested_gradients, nested_network, unit_symbols
from symnet.core.layers import Network

SIZES = [[2, 1], [2, 2, 1], [3, 2, 2], [2, 3, 2, 2, 1], [3, 4, 4, 3], [8, 8, 8, 4]]


def test_notes_example_is_proved_by_the_nested_route():
    out = example_3443()
    assert out.proved, out.detail
    assert "nested" in out.method and out.sizes == "3,4,4,3"


def test_a_model_whose_constant_unit_is_plus_1_is_refuted(monkeypatch):
    """a~_0 = +1 in the model (network.py): both the catalog's proof and the entrywise
    checker must notice, since the notes state a~_0 = -1."""
    original = Network.a_tilde
    monkeypatch.setattr(Network, "a_tilde",
                        lambda self, k, i: sp.Integer(1) if i == 0 else original(self, k, i))
    out = example_3443()
    assert not out.proved and "mismatches" in out.detail
    assert not check_nested([2, 2, 1]).ok
    assert not check_entrywise([2, 2, 1]).ok


@pytest.mark.parametrize("name, forms", [
    ("sign", ClosedForms(gradient=lambda a_i, i, d: -closed_gradient(a_i, i, d))),
    ("threshold input +1", ClosedForms(gradient=lambda a_i, i, d: d if i == 0 else a_i * d)),
    ("factor 2 in the output delta", ClosedForms(
        output_delta=lambda act, los, a, y, z: 2 * output_delta_closed(act, los, a, y, z))),
    ("wrong unit", ClosedForms(gradient=lambda a_i, i, d: closed_gradient(a_i, i, d).xreplace(
        {sp.Symbol("x_1", real=True): sp.Symbol("x_2", real=True)}))),
])
def test_nested_route_rejects_wrong_closed_forms(name, forms):
    assert not check_nested([2, 2, 2], forms=forms).ok, name


def _entrywise_in_unit_symbols(sizes, activation, loss):
    """The entrywise route's derived gradients with every delta symbol replaced by its
    derived expression and every z symbol by its definition: expressions in x, Theta~,
    y and the unit symbols a^(k)_i, as the nested route writes them."""
    report = check_entrywise(sizes, activation, loss, keep=True)
    assert report.ok
    net = Network(list(sizes))
    full = {}
    for k in range(net.n, 1, -1):
        for i in range(1, net.s(k) + 1):
            full[net.delta[k][i]] = report.derived_delta[k, i].xreplace(full)
    z_def = {net.z[k][i]: net.z_definition(k, i)
             for k in range(2, net.n + 1) for i in range(1, net.s(k) + 1)}
    # units without a function application (identity) are their nested input
    _, nested_a, _ = nested_network(sizes, activation)
    units = unit_symbols(net, nested_a)
    plain = {net.a[k][i]: nested_a[k][i].xreplace(units)
             for k in range(2, net.n + 1) for i in range(1, net.s(k) + 1)}
    return {key: expr.xreplace(full).xreplace(z_def).xreplace(plain)
            for key, expr in report.derived_gradient.items()}


def _cross_check(sizes, activation="sigmoid", loss="squared"):
    entrywise = _entrywise_in_unit_symbols(sizes, activation, loss)
    _, nested, _, _ = nested_gradients(sizes, activation, loss)
    assert set(entrywise) == set(nested)
    wrong = [key for key in nested if not exactly_equal(nested[key], entrywise[key])]
    assert not wrong, f"{sizes}: the two routes differ at {wrong[:5]}"
    return len(nested)


@pytest.mark.parametrize("sizes", SIZES, ids=lambda s: "-".join(map(str, s)))
def test_entrywise_route_agrees_with_nested_route(sizes):
    assert _cross_check(sizes) == sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "identity", "softplus"])
@pytest.mark.parametrize("loss", ["squared", "cross-entropy"])
def test_routes_agree_for_every_activation_and_loss(activation, loss):
    _cross_check([2, 3, 2], activation, loss)


def test_cross_check_notices_a_wrong_local_partial(monkeypatch):
    """The cross-check can fail: a local partial with the wrong sign makes the routes differ."""
    import symnet.prove.entrywise as entrywise
    original = entrywise._partial
    monkeypatch.setattr(entrywise, "_partial", lambda index, var: -original(index, var)
                        if str(var).startswith("theta") else original(index, var))
    with pytest.raises(AssertionError):
        _cross_check([2, 2, 1])


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])     # units are symbols
@pytest.mark.parametrize("sizes", [[2, 3, 2], [2, 2, 2, 1]], ids=lambda s: "-".join(map(str, s)))
def test_the_checkers_weight_derivatives_are_sympys_diff_of_the_nested_error(sizes, activation):
    """NetworkModel.derivative takes a weight's derivative through the one unit it feeds
    (and delta, a z's, through its unit): every entry equals SymPy's diff of the fully
    nested E."""
    from symnet.prove.nested import NetworkModel
    net, derived, _, _ = nested_gradients(sizes, activation)
    model = NetworkModel(sizes, activation)
    E = model.error_canonical()
    for (k, i, j), expected in derived.items():
        assert exactly_equal(model.derivative(E, ("theta", k, i, j)), expected), (k, i, j)
    for k in range(2, len(sizes) + 1):       # the threshold's weight: dE/dtheta_0j = -delta_j
        for j, delta in enumerate(model.delta(k), 1):
            assert exactly_equal(-delta, derived[k - 1, 0, j]), (k, j)


def _forward_error(sizes, hidden, output, values):
    """E_k = 1/2 sum_j (a^(n)_j - y_j)^2 of the network at mpmath values (50 digits),
    computed by a plain forward pass (hidden/output: mpmath functions)."""
    import mpmath
    theta, x, y = values
    a = list(x)
    for k in range(len(sizes) - 1):
        f = output if k == len(sizes) - 2 else hidden
        a = [f(mpmath.fsum(theta[k][i][j] * a[i - 1] for i in range(1, sizes[k] + 1))
               - theta[k][0][j]) for j in range(sizes[k + 1])]
    return mpmath.fsum((ai - yi) ** 2 for ai, yi in zip(a, y)) / 2


@pytest.mark.parametrize("sizes", [[2, 3, 2], [2, 2, 3, 2]], ids=lambda s: "-".join(map(str, s)))
def test_linear_outputs_against_finite_differences(sizes):
    """NetworkModel with tanh hidden units and identity outputs (Bishop's regression
    network): every dE/dtheta entry equals a central finite difference of a plain forward
    pass in mpmath at 50 digits (an oracle that shares nothing with the model)."""
    import mpmath
    import random
    from symnet.prove.nested import NetworkModel
    mpmath.mp.dps = 50
    model = NetworkModel(sizes, "tanh", "squared", "identity")
    net, rng = model.net, random.Random(7)
    draw = lambda: mpmath.mpf(rng.randint(-9, 9)) / 7                      # noqa: E731
    theta = [[[draw() for _ in range(sizes[k + 1])] for _ in range(sizes[k] + 1)]
             for k in range(len(sizes) - 1)]
    x, y = [draw() for _ in range(sizes[0])], [draw() for _ in range(sizes[-1])]
    point = {s: sp.Float(str(v), 50) for s, v in zip(net.a[1][1:] + net.y[1:], x + y)}
    point.update({net.theta[k + 1][i][j]: sp.Float(str(theta[k][i][j]), 50)
                  for k in range(len(sizes) - 1) for i in range(sizes[k] + 1)
                  for j in range(sizes[k + 1])})
    units = {}                                   # a^(k)_i at the point, layer by layer
    for k in range(2, len(sizes) + 1):         # the outputs are linear: a = z there
        f = (lambda t: t) if k == len(sizes) else sp.tanh
        for i in range(1, sizes[k - 1] + 1):
            units[net.a[k][i]] = f(net.z_definition(k, i).xreplace(point)
                                   .xreplace(units)).evalf(50)
    for k in range(len(sizes) - 1):
        got = model.dE_dtheta(k + 1)
        for i in range(sizes[k] + 1):
            for j in range(sizes[k + 1]):
                h = mpmath.mpf("1e-20")
                up = [[row[:] for row in layer] for layer in theta]
                down = [[row[:] for row in layer] for layer in theta]
                up[k][i][j] += h
                down[k][i][j] -= h
                fd = (_forward_error(sizes, mpmath.tanh, lambda t: t, (up, x, y)) -
                      _forward_error(sizes, mpmath.tanh, lambda t: t, (down, x, y))) / (2 * h)
                value = sp.sympify(got[i][j]).xreplace(point).xreplace(units).evalf(40)
                assert abs(value - sp.Float(str(fd), 40)) < 1e-25, (k, i, j)


def test_an_arbitrary_activation_keeps_its_derivative_symbolic():
    """With "any" activation, delta^(k) of a hidden layer is written with f'(z) (the
    abstract derivative), never a sigmoid's a(1 - a); the output delta of identity outputs
    is a - y."""
    from symnet.core.registry import fprime
    from symnet.prove.nested import NetworkModel
    model = NetworkModel([2, 3, 2], "any", "squared", "identity")
    net = model.net
    linear = model.linear_coordinates()        # a^(3) = z^(3): the outputs are linear
    assert [sp.expand(d.xreplace(linear)) for d in model.delta(3)] == [net.a[3][1] - net.y[1],
                                                      net.a[3][2] - net.y[2]]
    assert all(d.has(fprime) for d in model.delta(2))


@pytest.mark.parametrize("text, holds", [
    (r"\frac{\partial (E + \theta^{(23)}_{01})}{\partial a^{(3)}_1} = a^{(3)}_1 - y_1", True),
    (r"\frac{\partial (E + \theta^{(23)}_{01})}{\partial a^{(3)}_1} = a^{(3)}_1 - y_1 - 1",
     False),
    (r"\frac{\partial z^{(3)}_1}{\partial a^{(3)}_1} = 1", True),
    (r"a^{(3)} = z^{(3)}", True),
    (r"a^{(3)} = z^{(3)} + 1", False),
    (r"\delta^{(3)} = a^{(3)} - y", True),
    (r"\delta^{(3)} = (a^{(3)} - y) \odot f'(z^{(3)})", False),
])
def test_linear_outputs_keep_the_graphs_meaning_of_a_derivative(text, holds):
    """With identity outputs, a^(3) = z^(3) is one node; a threshold written in a formula
    is a parameter, not a function of the output (d theta_01 / d a^(3)_1 = 0), so the
    relation a = z is used to compare sides, never to differentiate."""
    from symnet.checker.matrix import check_matrix
    model = ("any", "squared", "identity", True, False)
    assert check_matrix(text, [2, 3, 2], model=model).holds is holds
