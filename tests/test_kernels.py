"""Generated and in-memory kernels: gradients against finite differences (float64 and
mpmath), against PyTorch autograd where installed, shapes, stability, determinism, and
the committed example kernels."""
import difflib
import importlib.util
import warnings
from pathlib import Path

import mpmath
import numpy as np
import pytest
import sympy as sp

from symnet.numeric.codegen import generate
from symnet.numeric.generated import EXAMPLES
from symnet.numeric.forms import A, Y, Z, derive_forms
from symnet.numeric.kernels import kernels
from symnet.core.registry import ACTIVATIONS, LOSSES, output_delta_closed

PAIRS = [(a, "squared") for a in ACTIVATIONS] + [("sigmoid", "cross-entropy"),
                                                  ("tanh", "softmax-cross-entropy")]
#: activations with a kink (their derivative holds a step): finite differences across the
#: kink are not derivatives, so those rows are compared with autograd and exact values
KINKED = {name for name, row in ACTIVATIONS.items()
          if row.function(sp.Symbol("t")).diff(sp.Symbol("t")).has(sp.Heaviside)}
GENERATED = Path(__file__).resolve().parents[1] / "symnet" / "numeric" / "generated"

from kernel_checks import data, load, rel_err, torch_reference  # noqa: E402  (shared)


@pytest.mark.parametrize("act,los", PAIRS)
def test_derived_output_delta_equals_the_registry_closed_form(act, los):
    forms = derive_forms(act, los)
    a_, l_ = ACTIVATIONS[act], LOSSES[los]
    closed = output_delta_closed(a_, l_, A, Y, Z)
    closed = closed.xreplace({a_.function(Z): A}) if act != "identity" else closed.xreplace({A: Z})
    assert sp.cancel(forms.output_delta - closed) == 0


def test_cross_entropy_with_unbounded_units_is_refused():
    with pytest.raises(ValueError, match="sigmoid"):
        derive_forms("relu", "cross-entropy")


def five_point(loss, params, k, idx, h=1e-3):
    def at(d):
        ps = [p.copy() for p in params]
        ps[k][idx] += d
        return loss(ps)
    return (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h)


@pytest.mark.parametrize("act,los", [p for p in PAIRS if p[0] not in KINKED])
@pytest.mark.parametrize("sizes,m", [([3, 4, 4, 3], 1), ([2, 5, 3], 7)])
def test_generated_gradient_matches_float64_finite_differences(tmp_path, act, los, sizes, m):
    mod = load(generate(sizes, act, los), tmp_path)
    params = mod.init_params(3)
    X, Y_ = data(sizes, m, loss=los)
    _, grads = mod.loss_and_grad(params, X, Y_)
    fd = [np.zeros_like(p) for p in params]
    for k, p in enumerate(params):
        for idx in np.ndindex(p.shape):
            fd[k][idx] = five_point(lambda ps: mod.loss(ps, X, Y_), params, k, idx)
    assert rel_err(grads, fd) <= 1e-9


def test_relu_gradient_matches_finite_differences_away_from_kinks(tmp_path):
    sizes = [3, 6, 2]
    mod = load(generate(sizes, "relu"), tmp_path)
    params = mod.init_params(1)
    X, Y_ = data(sizes, 4, seed=2)
    Zs = X @ params[0][1:] - params[0][0]
    assert np.abs(Zs).min() > 2e-3          # stencil moves Z by <= 2h sum|x| < 2e-3
    _, grads = mod.loss_and_grad(params, X, Y_)
    fd = [np.zeros_like(p) for p in params]
    for k, p in enumerate(params):
        for idx in np.ndindex(p.shape):
            fd[k][idx] = five_point(lambda ps: mod.loss(ps, X, Y_), params, k, idx, h=1e-4)
    assert rel_err(grads, fd) <= 1e-9


def mp_loss(params, X, Y_, act, los):
    """Independent forward pass in 40-digit mpmath."""
    f = {"sigmoid": lambda z: 1 / (1 + mpmath.exp(-z)), "tanh": mpmath.tanh,
         "softplus": lambda z: mpmath.log(1 + mpmath.exp(z)), "identity": lambda z: z}[act]
    total = mpmath.mpf(0)
    for x, y in zip(X, Y_):
        a = [mpmath.mpf(v) for v in x]
        for W in params:
            a = [f(sum(mpmath.mpf(W[i + 1, j]) * a[i] for i in range(len(a))) - mpmath.mpf(W[0, j]))
                 for j in range(W.shape[1])]
        for aj, yj in zip(a, y):
            if los == "squared":
                total += (aj - yj) ** 2 / 2
            else:
                total -= yj * mpmath.log(aj) + (1 - yj) * mpmath.log(1 - aj)
    return total / len(X)


@pytest.mark.parametrize("act,los", [("sigmoid", "squared"), ("tanh", "squared"),
                                     ("softplus", "squared"), ("sigmoid", "cross-entropy")])
def test_generated_gradient_matches_mpmath_finite_differences(tmp_path, act, los):
    sizes = [2, 3, 2]
    mod = load(generate(sizes, act, los), tmp_path)
    params = mod.init_params(5)
    X, Y_ = data(sizes, 3, seed=1, loss=los)
    _, grads = mod.loss_and_grad(params, X, Y_)
    with mpmath.workdps(40):
        h = mpmath.mpf("1e-15")
        for k, p in enumerate(params):
            for idx in np.ndindex(p.shape):
                def shifted(d):
                    ps = [q.astype(object) for q in params]
                    ps[k][idx] = mpmath.mpf(p[idx]) + d
                    return mp_loss(ps, X, Y_, act, los)
                fd = (shifted(h) - shifted(-h)) / (2 * h)
                assert abs(float(fd) - grads[k][idx]) <= 1e-9 * max(1.0, abs(float(fd)))


try:
    import torch
except ImportError:  # pragma: no cover - depends on the machine
    torch = None


@pytest.mark.skipif(torch is None, reason="torch not installed")
@pytest.mark.parametrize("act,los", PAIRS)
@pytest.mark.parametrize("sizes,m", [([3, 4, 4, 3], 1), ([5, 8, 3], 16), ([4, 6, 6, 6, 2], 9)])
def test_generated_gradient_matches_torch_autograd(tmp_path, act, los, sizes, m):
    mod = load(generate(sizes, act, los), tmp_path)
    params = mod.init_params(7)
    X, Y_ = data(sizes, m, loss=los)
    E, grads = mod.loss_and_grad(params, X, Y_)
    E_ref, g_ref = torch_reference(act, los, params, X, Y_, "float64")
    assert abs(E - E_ref) <= 1e-9 * max(1.0, abs(E_ref))
    assert rel_err(grads, g_ref) <= 1e-9


@pytest.mark.skipif(torch is None, reason="torch not installed")
def test_torch_backend_agrees_with_numpy_backend(tmp_path):
    sizes = [3, 4, 4, 3]
    np_mod = load(generate(sizes), tmp_path, "k_np")
    t_mod = load(generate(sizes, backend="torch"), tmp_path, "k_torch")
    params = np_mod.init_params(0)
    X, Y_ = data(sizes, 5)
    E1, g1 = np_mod.loss_and_grad(params, X, Y_)
    E2, g2 = t_mod.loss_and_grad([torch.tensor(p) for p in params], torch.tensor(X), torch.tensor(Y_))
    assert abs(E1 - float(E2)) < 1e-12 and rel_err(g1, [g.numpy() for g in g2]) < 1e-12
    assert [tuple(p.shape) for p in t_mod.init_params(0)] == [(4, 4), (5, 4), (5, 3)]


def test_in_memory_kernels_agree_with_generated_module(tmp_path):
    for act, los in PAIRS:
        sizes = [3, 5, 2]
        mod = load(generate(sizes, act, los), tmp_path, f"k_{act}_{los}".replace("-", "_"))
        k = kernels(sizes, act, los)
        params = k.init_params(2)
        X, Y_ = data(sizes, 6, loss=los)
        E1, g1 = mod.loss_and_grad(params, X, Y_)
        E2, g2 = k.loss_and_grad(params, X, Y_)
        assert abs(E1 - E2) < 1e-13 and rel_err(g1, g2) < 1e-13
        assert np.allclose(mod.forward(params, X), k.forward(params, X))


@pytest.mark.parametrize("act,los", PAIRS)
def test_no_overflow_warning_or_nan_for_large_inputs(tmp_path, act, los):
    sizes = [2, 3, 2]
    mod = load(generate(sizes, act, los), tmp_path)
    params = [np.full(p.shape, 1.0) for p in mod.init_params(0)]
    for scale in (1e4, -1e4):
        X = np.full((3, 2), scale / 2)
        Y_ = np.array([[0.0, 1.0]] * 3)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            E, grads = mod.loss_and_grad(params, X, Y_)
            out = mod.forward(params, X)
        assert np.isfinite(E) and all(np.isfinite(g).all() for g in grads) and np.isfinite(out).all()


def test_wrong_shapes_name_expected_and_given(tmp_path):
    mod = load(generate([3, 4, 2]), tmp_path)
    params = mod.init_params(0)
    with pytest.raises(ValueError, match=r"X: expected shape \(m, 3\), got \(5, 4\)"):
        mod.forward(params, np.zeros((5, 4)))
    with pytest.raises(ValueError, match=r"Y: expected shape \(5, 2\), got \(5, 3\)"):
        mod.loss(params, np.zeros((5, 3)), np.zeros((5, 3)))
    with pytest.raises(ValueError, match=r"params\[1\]: expected shape \(5, 2\), got \(2, 5\)"):
        mod.loss_and_grad([params[0], params[1].T], np.zeros((1, 3)), np.zeros((1, 2)))
    with pytest.raises(ValueError, match="expected 2 matrices"):
        mod.step(params[:1], np.zeros((1, 3)), np.zeros((1, 2)), 0.1)
    with pytest.raises(ValueError, match=r"X: expected shape"):
        kernels([3, 4, 2]).forward(params, np.zeros(3))


def test_generation_is_deterministic_and_states_the_interface():
    a, b = generate([784, 128, 64, 10]), generate([784, 128, 64, 10])
    assert a == b
    for phrase in ("do not edit", "784-128-64-10", "forward:", "backward:", "row 0",
                   "thresholds", "sigmoid", "squared", "symnet 0."):
        assert phrase in a
    assert "\nimport numpy as np\n" in a and "sympy" not in a.split('"""', 2)[2]


def test_step_descends():
    k = kernels([2, 2, 1])
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    Y_ = np.array([[0], [1], [1], [0]], float)
    params = k.init_params(0)
    before = k.loss(params, X, Y_)
    assert k.loss(k.step(params, X, Y_, 0.1), X, Y_) < before


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_committed_example_kernels_are_current(name):
    fresh = generate(EXAMPLES[name])
    committed = (GENERATED / name).read_text()
    if fresh != committed:
        diff = "".join(difflib.unified_diff(committed.splitlines(True), fresh.splitlines(True),
                                            f"committed/{name}", f"regenerated/{name}"))
        sizes = ",".join(map(str, EXAMPLES[name]))
        pytest.fail(f"symnet/numeric/generated/{name} is stale; run `symnet codegen --layers {sizes} "
                    f"-o symnet/numeric/generated/{name}`\n{diff}")


def test_committed_xor_kernel_is_importable_and_trains():
    from symnet.numeric.generated import kernel_xor
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    Y_ = np.array([[0], [1], [1], [0]], float)
    params = kernel_xor.init_params(0)
    for _ in range(3000):
        params = kernel_xor.step(params, X, Y_, 2.0)
    assert ((kernel_xor.forward(params, X) >= 0.5) == (Y_ == 1)).all()


@pytest.mark.parametrize("backend", ["numpy", "torch"])
def test_generated_relu_derivative_is_0_at_the_kink(tmp_path, backend):
    """ReLU'(0) = 0 as the registry states (and PyTorch, JAX use): with X = 0 and zero
    thresholds every hidden input is exactly 0, so nothing flows back into layer 1."""
    if backend == "torch" and torch is None:
        pytest.skip("torch not installed")
    mod = load(generate([2, 3, 1], "relu", backend=backend), tmp_path, f"relu_{backend}")
    as_array = (lambda a: np.asarray(a)) if backend == "numpy" else (lambda a: a.numpy())
    to_backend = (lambda a: a) if backend == "numpy" else (lambda a: torch.as_tensor(a))
    Z_ = to_backend(np.array([[-1.0, 0.0, 2.0]]))
    assert as_array(mod._fprime(mod._f(Z_), Z_)).tolist() == [[0.0, 0.0, 1.0]]
    params = [to_backend(np.vstack([np.zeros(3), np.ones((2, 3))])),
              to_backend(np.array([[-1.0], [1.0], [1.0], [1.0]]))]
    _, grads = mod.loss_and_grad(params, to_backend(np.zeros((1, 2))), to_backend(np.zeros((1, 1))))
    assert np.all(as_array(grads[0]) == 0.0)
    assert as_array(grads[1])[0, 0] != 0.0                   # the output threshold does learn


# ---- every backend, both dtypes, against autograd ----------------------------------------
# jax runs its threads in the process that imports it, and the catalog's workers are forked:
# the jax checks (tests/jax_checks.py) therefore run in a child process of their own.

import subprocess  # noqa: E402
import sys  # noqa: E402

from kernel_checks import (AVAILABLE, backend_agrees_with_autograd,  # noqa: E402
                           float32_matches_float64)
from symnet.numeric.codegen import BACKENDS, DTYPES  # noqa: E402

IN_PROCESS = [b for b in BACKENDS if b != "jax"]


@pytest.mark.parametrize("backend", IN_PROCESS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("act,los", PAIRS)
def test_every_backend_and_dtype_agrees_with_autograd(tmp_path, backend, dtype, act, los):
    """float64 to 1e-9 relative, float32 to 1e-4; results in the requested dtype."""
    if not AVAILABLE[backend] or not AVAILABLE["torch"]:
        pytest.skip(f"{backend} or torch not installed")
    backend_agrees_with_autograd(tmp_path, backend, dtype, act, los)


@pytest.mark.parametrize("backend", IN_PROCESS)
def test_float32_gradients_match_float64(tmp_path, backend):
    if not AVAILABLE[backend]:
        pytest.skip(f"{backend} not installed")
    float32_matches_float64(tmp_path, backend)


@pytest.mark.skipif(importlib.util.find_spec("jax") is None, reason="jax not installed")
def test_jax_backend_in_a_process_of_its_own():
    """tests/jax_checks.py: every pair and dtype against autograd, against
    jax.value_and_grad, and jax's 64-bit mode never switched on for the process."""
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-rs",
                          "-p", "no:cacheprovider",
                          "-x", str(root / "tests" / "jax_checks.py")],
                         capture_output=True, text=True, cwd=root, timeout=900)
    assert out.returncode == 0 and " passed" in out.stdout and "skipped" not in out.stdout, \
        out.stdout[-3000:] + out.stderr[-2000:]


def test_codegen_imports_only_the_requested_backend():
    """Generating a NumPy module does not import torch (SymPy's torch printer would)."""
    code = ("import sys; from symnet.numeric.codegen import generate; "
            "generate([3, 4, 4, 3]); generate([3, 4, 4, 3], backend='numba'); "
            "print('torch' in sys.modules, 'jax' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], timeout=120)
    assert out.stdout.split() == ["False", "False"], out.stderr
