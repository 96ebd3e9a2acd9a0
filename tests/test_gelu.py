"""GELU, x Phi(x), given by its formula: \\Phi (the standard normal distribution function)
and \\operatorname{erf} in definitions; its kernels' gradients against mpmath (40 digits,
sharing no code with the kernels) and central differences; verify and codegen from the
command line."""
import math

import mpmath
import numpy as np
import pytest
import sympy as sp

import symnet
from kernel_checks import AVAILABLE, as_numpy, load, rel_err, to_backend
from symnet.checker.definition import Phi, phi, read_definition
from symnet.cli import main
from symnet.core.registry import ACTIVATIONS
from symnet.define import unregister
from symnet.numeric.codegen import generate

X = sp.Symbol("x", real=True)
GELU = r"x\Phi(x)"
SIZES = [3, 4, 2]


@pytest.fixture
def gelu():
    row = symnet.activation("gelu", GELU)
    yield row
    unregister("gelu")
    assert "gelu" not in ACTIVATIONS


@pytest.mark.parametrize("text", [
    r"x\Phi(x)", r"x \Phi\left(x\right)", r"x Φ(x)", r"\Phi(x) \cdot x",
    r"\frac{x}{2}\left(1 + \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right)",
    r"\frac12 x (1 + \mathrm{erf}(x/\sqrt{2}))",
])
def test_every_spelling_of_gelu_reads_as_x_phi_x(text):
    assert sp.simplify(read_definition(text) - X * Phi(X)) == 0


def test_erf_is_two_phi_of_root_two_x_minus_one():
    erf_x = read_definition(r"\operatorname{erf}(x)")
    for t in (-3.5, -0.2, 0.0, 0.7, 4.0):
        assert abs(float(erf_x.subs(X, t).evalf(30)) - math.erf(t)) < 1e-15
    assert sp.simplify(erf_x.rewrite(sp.erf) - sp.erf(X)) == 0


@pytest.mark.parametrize("bad, message", [
    (r"\Phi + x", r"\Phi is a function"), (r"x \Phi x", r"\Phi is applied to a parenthesised"),
    (r"\operatorname{erf} x", "parenthesised"), (r"\operatorname{erfc}(x)", "cannot read"),
])
def test_phi_and_erf_without_an_argument_are_refused(bad, message):
    with pytest.raises(ValueError, match=message.replace("\\", "\\\\")):
        read_definition(bad)


def test_phi_against_mpmath_and_its_derivative():
    mpmath.mp.dps = 40
    for t in ("-30", "-8.5", "-1", "0", "0.25", "3", "12"):
        assert abs(Phi(sp.Float(t, 40)) - sp.Float(str(mpmath.ncdf(mpmath.mpf(t))), 40)) \
            < sp.Float("1e-35", 40) * (sp.Float(str(mpmath.ncdf(mpmath.mpf(t))), 40) + 1e-300)
    assert Phi(0) == sp.Rational(1, 2) and Phi(sp.oo) == 1 and Phi(-sp.oo) == 0
    assert sp.diff(Phi(X), X) == phi(X)
    assert sp.simplify(phi(X).rewrite(sp.exp) - sp.diff(Phi(X).rewrite(sp.erf), X)) == 0
    assert sp.diff(phi(X), X) == -X * phi(X)


def test_the_row_derivative_is_phi_plus_x_times_the_density(gelu):
    assert sp.simplify(gelu.function(X).diff(X) - (Phi(X) + X * phi(X))) == 0
    from symnet.report.printer import latex
    assert latex(gelu.function(X)) == r"\operatorname{gelu}\left(x\right)"
    assert sp.latex(Phi(X)) == r"\Phi\left(x\right)"


def _mp(value):
    return value if isinstance(value, mpmath.mpf) else mpmath.mpf(float(value))


def _mp_loss(params, Xs, Ys):
    """E = (1/m) sum_k 1/2 ||yhat_k - y_k||^2 of the GELU network in mpmath, written from
    the book's definitions (z = a W[1:] - W[0], f(z) = z Phi(z))."""
    total = mpmath.mpf(0)
    for x, y in zip(Xs, Ys):
        a = [mpmath.mpf(float(v)) for v in x]
        for W in params:
            z = [sum(a[i] * _mp(W[i + 1, j]) for i in range(len(a))) - _mp(W[0, j])
                 for j in range(W.shape[1])]
            a = [t * mpmath.ncdf(t) for t in z]
        total += sum((aj - mpmath.mpf(float(yj))) ** 2 for aj, yj in zip(a, y)) / 2
    return total / len(Xs)


def _mp_gradient(params, Xs, Ys):
    """Every dE/dW entry by mpmath's numerical differentiation at 40 digits."""
    mpmath.mp.dps = 40
    grads = []
    for k, W in enumerate(params):
        G = np.zeros(W.shape)
        for idx in np.ndindex(W.shape):
            def moved(t, k=k, idx=idx):
                shifted = [p.astype(object) for p in params]
                shifted[k][idx] = t
                return _mp_loss(shifted, Xs, Ys)
            G[idx] = float(mpmath.diff(moved, mpmath.mpf(float(W[idx]))))
        grads.append(G)
    return grads


def _problem():
    rng = np.random.default_rng(5)
    return rng.normal(size=(4, SIZES[0])), rng.uniform(size=(4, SIZES[-1]))


def test_numpy_kernel_gradients_match_mpmath_and_central_differences(gelu, tmp_path):
    mod = load(generate(SIZES, "gelu"), tmp_path, "gelu_np")
    params = mod.init_params(3)
    Xs, Ys = _problem()
    E, grads = mod.loss_and_grad(params, Xs, Ys)
    assert abs(E - float(_mp_loss(params, Xs, Ys))) < 1e-14
    assert rel_err(grads, _mp_gradient(params, Xs, Ys)) < 1e-12
    h = 1e-6
    for k, idx in ((0, (0, 1)), (0, (2, 3)), (1, (4, 0))):
        up, down = [p.copy() for p in params], [p.copy() for p in params]
        up[k][idx] += h
        down[k][idx] -= h
        fd = (mod.loss(up, Xs, Ys) - mod.loss(down, Xs, Ys)) / (2 * h)
        assert abs(fd - grads[k][idx]) < 1e-8
    # the in-memory kernels are the same module; float32 stays float32
    k32 = symnet.kernels(SIZES, "gelu", dtype="float32")
    E32, g32 = k32.loss_and_grad(k32.init_params(3), Xs, Ys)
    assert g32[0].dtype == np.float32 and np.asarray(E32).dtype == np.float32
    assert rel_err(g32, grads) < 1e-4


def test_far_tails_stay_finite_and_exact(gelu, tmp_path):
    mod = load(generate([1, 1], "gelu"), tmp_path, "gelu_tail")
    W = [np.array([[0.0], [1.0]])]
    Z = np.array([[-40.0], [-8.0], [0.0], [8.0], [1e4]])
    A = mod.forward(W, Z)
    expected = [float(t * mpmath.ncdf(t)) for t in (-40, -8, 0, 8, 1e4)]
    assert np.all(np.isfinite(A)) and np.allclose(A[:, 0], expected, rtol=1e-14, atol=0)


@pytest.mark.parametrize("backend", ["torch", "jax", "numba"])
def test_torch_jax_and_numba_kernels_agree_with_numpy(gelu, tmp_path, backend):
    if not AVAILABLE[backend]:
        pytest.skip(f"{backend} not installed")
    mod = load(generate(SIZES, "gelu", backend=backend), tmp_path, f"gelu_{backend}")
    ref = load(generate(SIZES, "gelu"), tmp_path, "gelu_ref")
    params = ref.init_params(1)
    Xs, Ys = _problem()
    _, g = mod.loss_and_grad(to_backend(backend, params), *to_backend(backend, [Xs, Ys]))
    _, g_ref = ref.loss_and_grad(params, Xs, Ys)
    assert rel_err([as_numpy(x) for x in g], g_ref) < 1e-12


def test_sympys_erf_in_a_python_definition_goes_through_phi(tmp_path):
    """symnet.activation with sp.erf (NumPy's printer would write math.erf of an array)."""
    symnet.activation("gelu_erf", X * (1 + sp.erf(X / sp.sqrt(2))) / 2)
    try:
        assert sp.simplify(ACTIVATIONS["gelu_erf"].function(X).diff(X)
                           - (Phi(X) + X * phi(X))) == 0
        k = symnet.kernels([1, 1], "gelu_erf")
        A = k.forward([np.array([[0.0], [1.0]])], np.array([[-1.5], [2.0]]))
        assert np.allclose(A[:, 0], [float(t * mpmath.ncdf(t)) for t in (-1.5, 2.0)],
                           rtol=1e-14, atol=0)
    finally:
        unregister("gelu_erf")


def test_numba_computes_phi_by_math_erfc_on_one_number(gelu, tmp_path):
    """numba compiles math.erfc and math.exp in nopython mode: its GELU helpers call them
    on one number (no np.vectorize), and its far tails are as exact as NumPy's."""
    text = generate(SIZES, "gelu", backend="numba")
    assert "math.erfc(-0.7071067811865476*(Z))" in text and "vectorize" not in text
    if not AVAILABLE["numba"]:
        pytest.skip("numba not installed")
    mod = load(generate([1, 1], "gelu", backend="numba"), tmp_path, "gelu_numba_tail")
    Z = np.array([[-40.0], [-8.0], [0.0], [8.0], [1e4]])
    A = mod.forward([np.array([[0.0], [1.0]])], Z)
    expected = [float(t * mpmath.ncdf(t)) for t in (-40, -8, 0, 8, 1e4)]
    assert np.all(np.isfinite(A)) and np.allclose(A[:, 0], expected, rtol=1e-14, atol=0)


def test_the_command_line_verifies_and_generates_gelu(tmp_path, capsys):
    spec = "gelu=" + GELU
    try:
        assert main(["verify", "--layers", "2,3,2", "--activation", spec, "--jobs", "1"]) == 0
        assert "gelu" in capsys.readouterr().out
    finally:
        unregister("gelu")
    try:
        out = tmp_path / "k.py"
        assert main(["codegen", "--layers", "2,3,1", "--activation", spec, "-o", str(out)]) == 0
        text = out.read_text()
        assert "def _gelu(Z)" in text and "math.erfc" in text
    finally:
        unregister("gelu")
