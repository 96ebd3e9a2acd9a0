"""``torch`` for a module run on symbols: tensors as SymPy object arrays (``Tensor.to``
is on :class:`~symnet.prove.shims.arrays.SymbolicArray`), ``torch.clamp(Z, min=c)`` as
the clip max(Z, c), ``torch.cat`` as concatenation, ``torch.nn.functional.softplus`` and
``torch.sigmoid`` as their definitions."""
from __future__ import annotations

import types

from symnet.prove.shims.arrays import ELEMENTWISE, Unsupported, each, logsumexp, softmax
from symnet.prove.shims.numpy_shim import ArrayModule

_CLIP = each(ELEMENTWISE["maximum"])
_CLIP_ABOVE = each(ELEMENTWISE["minimum"])


class SymbolicTorch(ArrayModule):
    """The ``torch`` a generated module sees when it is run on symbols."""

    library = "torch"
    float64 = float32 = object
    elementwise = {"exp": "exp", "log": "log", "log1p": "log1p", "expm1": "expm1",
                   "sqrt": "sqrt", "tanh": "tanh", "sinh": "sinh", "cosh": "cosh",
                   "sin": "sin", "cos": "cos", "atan": "arctan", "pow": "power",
                   "maximum": "maximum", "where": "where", "sigmoid": "sigmoid",
                   "gt": "greater", "ge": "greater_equal"}

    softmax = staticmethod(softmax)
    logsumexp = staticmethod(logsumexp)

    def __init__(self):
        super().__init__("torch (symbolic)")
        self.nn = types.ModuleType("torch.nn (symbolic)")
        self.nn.functional = _Functional("torch.nn.functional (symbolic)")
        self.special = _Special("torch.special (symbolic)")

    @staticmethod
    def clamp(Z, min=None, max=None):          # noqa: A002 (torch's own keywords)
        """torch.clamp: max(Z, min) (see clip_below), then min(., max) as
        max - (max - .) H(max - .) (clip_above: exact wherever . != max)."""
        if min is not None:
            Z = _CLIP(Z, min)
        if max is not None:
            Z = _CLIP_ABOVE(Z, max)
        return Z

    @staticmethod
    def cat(parts, dim=0):
        return ArrayModule.concatenate(parts, axis=dim)


class _Functional(ArrayModule):
    library = "torch.nn.functional"
    elementwise = {"softplus": "softplus", "sigmoid": "sigmoid"}


class _Special(ArrayModule):
    """``torch.special``: ndtr (the normal CDF, (1 + erf(x / sqrt 2)) / 2), erf, erfc."""

    library = "torch.special"
    elementwise = {"ndtr": "ndtr", "erf": "erf", "erfc": "erfc"}
