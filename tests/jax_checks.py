"""The jax backend, run by tests/test_kernels.py in a process of its own (jax's threads
and the catalog's forked workers do not mix).  Not collected directly: no test_ prefix."""
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from kernel_checks import (TOLERANCE, backend_agrees_with_autograd, data,
                           float32_matches_float64, load, rel_err)
from symnet.core.registry import ACTIVATIONS
from symnet.numeric.codegen import DTYPES, generate

PAIRS = [(a, "squared") for a in ACTIVATIONS] + [("sigmoid", "cross-entropy"),
                                                  ("tanh", "softmax-cross-entropy")]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("act,los", PAIRS)
def test_jax_agrees_with_torch_autograd(tmp_path, dtype, act, los):
    backend_agrees_with_autograd(tmp_path, "jax", dtype, act, los)


def test_jax_float32_matches_float64(tmp_path):
    float32_matches_float64(tmp_path, "jax")


@pytest.mark.parametrize("dtype", DTYPES)
def test_jax_matches_value_and_grad_and_leaves_x64_alone(tmp_path, dtype):
    was = jax.config.jax_enable_x64
    mod = load(generate([3, 4, 4, 3], "tanh", backend="jax", dtype=dtype), tmp_path, f"kj_{dtype}")
    assert jax.config.jax_enable_x64 == was              # importing flips nothing
    X, Y = data([3, 4, 4, 3], 4)
    params = mod.init_params(0)

    def reference(ps, X, Y):
        a = X
        for W in ps:
            a = jnp.tanh(a @ W[1:] - W[0])
        return 0.5 * ((a - Y) ** 2).sum() / X.shape[0]
    with jax.enable_x64(dtype == "float64"):
        E_ref, g_ref = jax.value_and_grad(reference)(params, jnp.asarray(X, dtype=dtype),
                                                     jnp.asarray(Y, dtype=dtype))
        E_ref, g_ref = float(E_ref), [np.asarray(g) for g in g_ref]
    E, grads = mod.loss_and_grad(params, X, Y)
    assert jax.config.jax_enable_x64 == was               # calling flips nothing either
    assert abs(float(E) - E_ref) <= TOLERANCE[dtype] * max(1.0, abs(E_ref))
    assert rel_err([np.asarray(g) for g in grads], g_ref) <= TOLERANCE[dtype]
    assert np.asarray(grads[0]).dtype == np.dtype(dtype)
    new = mod.step(params, X, Y, 0.5)                     # jit-compiled, buffers donated
    assert float(mod.loss(new, X, Y)) < float(E)


def test_jax_computes_a_user_activation(tmp_path):
    import symnet
    from symnet.define import unregister
    symnet.activation("softsign", r"\frac{x}{1+|x|}")
    try:
        mod = load(generate([3, 4, 2], "softsign", backend="jax"), tmp_path, "ss_jax")
        ref = load(generate([3, 4, 2], "softsign"), tmp_path, "ss_np")
        params = ref.init_params(2)
        X, Y = data([3, 4, 2], 5)
        g = mod.loss_and_grad(params, X, Y)[1]
        assert rel_err([np.asarray(x) for x in g], ref.loss_and_grad(params, X, Y)[1]) < 1e-12
    finally:
        unregister("softsign")
