"""``jax`` for a module run on symbols: ``jax.numpy`` as SymPy object arrays, ``jax.nn``'s
sigmoid and softplus as their definitions, ``jax.jit`` as the identity (compilation does
not change the value), ``jax.enable_x64`` (the float64 context of ``_precision``) as no
context, ``jax.Array`` as the symbolic array type."""
from __future__ import annotations

import contextlib
import types

from symnet.prove.shims.arrays import SymbolicArray, Unsupported, logsumexp, softmax
from symnet.prove.shims.numpy_shim import ArrayModule

_NAMES = ("exp", "log", "log1p", "expm1", "sqrt", "tanh", "sinh", "cosh", "sin", "cos",
          "arctan", "logaddexp", "power", "maximum", "reciprocal", "negative", "multiply",
          "where", "greater", "greater_equal")


class SymbolicJaxNumpy(ArrayModule):
    """``jax.numpy``: NumPy's names, dtypes as object arrays."""

    library = "jax.numpy"
    float64 = float32 = object
    elementwise = {n: n for n in _NAMES}


class SymbolicJaxNN(ArrayModule):
    """``jax.nn``: the activations the registry's jax helpers call."""

    library = "jax.nn"
    elementwise = {"sigmoid": "sigmoid", "softplus": "softplus"}
    softmax = staticmethod(softmax)
    logsumexp = staticmethod(logsumexp)


class SymbolicJaxSpecial(ArrayModule):
    """``jax.scipy.special``: ndtr (the normal CDF, (1 + erf(x / sqrt 2)) / 2), erf, erfc."""

    library = "jax.scipy.special"
    elementwise = {"ndtr": "ndtr", "erf": "erf", "erfc": "erfc"}


def _jit(fn=None, **_):
    """jax.jit (and jax.jit(..., donate_argnums=...)): the function itself."""
    return fn if fn is not None else (lambda f: f)


class SymbolicJax(types.ModuleType):
    """The ``jax`` a generated module sees when it is run on symbols."""

    Array = SymbolicArray

    def __init__(self):
        super().__init__("jax (symbolic)")
        self.numpy = SymbolicJaxNumpy("jax.numpy (symbolic)")
        self.nn = SymbolicJaxNN("jax.nn (symbolic)")
        self.scipy = types.ModuleType("jax.scipy (symbolic)")
        self.scipy.special = SymbolicJaxSpecial("jax.scipy.special (symbolic)")
        self.jit = _jit
        self.enable_x64 = lambda *_: contextlib.nullcontext()

    def __getattr__(self, name):
        raise Unsupported(f"the module calls jax.{name}, which has no symbolic version here")
