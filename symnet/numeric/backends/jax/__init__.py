"""jax: the numpy algebra without in-place updates; ``loss_and_grad`` and ``step`` compiled
with ``jax.jit`` (``step`` donates the old parameters); float64 inside
``jax.enable_x64`` only, never switched on for the whole process."""
from symnet.numeric.backends import Backend, kernel_printer
from symnet.numeric.backends.numpy import Hooks as NumpyHooks


class Hooks(NumpyHooks):
    """As numpy's, in jax.numpy."""

    _module = "jax.numpy"
    ALIASES = {"jax.numpy": "jnp", "numpy": "np"}


def printer():
    from sympy.printing.numpy import JaxPrinter
    return kernel_printer(JaxPrinter, Hooks)


INIT = '''    with _precision():
        key = jax.random.PRNGKey(seed)
        params = []
        for s_k, s_l in zip(SIZES[:-1], SIZES[1:]):
            key, sub = jax.random.split(key)
            r = {limit}
            W = jax.random.uniform(sub, (s_k, s_l), dtype=DTYPE, minval=-r, maxval=r)
            params.append(jnp.concatenate((jnp.zeros((1, s_l), dtype=DTYPE), W)))
        return params'''

SOFTMAX = '''def _softmax(Z):
    return jax.nn.softmax(Z, axis=1)


def _softmax_loss(Z, Y):
    return jax.nn.logsumexp(Z, axis=1) - (Y * Z).sum(axis=1)'''

#: jax's own sigmoid and softplus: one fused primitive each, stable at every |Z|
OVERRIDES = {"sigmoid": ("jax.nn.sigmoid(Z)", ()), "softplus": ("jax.nn.softplus(Z)", ())}

BACKEND = Backend(
    "jax", "kernel.py.j2", "jax/macros.j2", printer,
    "import contextlib\n\nimport jax\nimport jax.numpy as jnp", "_as_array({x})",
    "jnp.concatenate", "jnp.{dtype}", INIT, "(Z > 0).astype(Z.dtype)", SOFTMAX, OVERRIDES)
