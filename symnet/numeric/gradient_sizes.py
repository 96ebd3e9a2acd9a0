"""How large the gradient is in each layer of a deep network: the numbers behind the
vanishing-gradient argument (sigmoid units shrink delta by at most 1/4 per layer, ReLU
units pass it on where they are active).

    delta^(n) = (a^(n) - y) ⊙ f'(z^(n)),   delta^(k) = (Theta^(kl) delta^(l)) ⊙ f'(z^(k))
    dE/dTheta~^(kl) = a~^(k) delta^(l)^T        (the formulas the catalog proves)

Shapes: Theta~^(kl) is (s_k + 1) x s_l with row 0 the thresholds; a batch X is (m, s_1).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from symnet.core.registry import ACTIVATIONS
from symnet.numeric.kernels import kernels


@dataclass
class LayerGradients:
    """``norms[k]``: Frobenius norm of dE/dTheta~ between layers k+1 and k+2 (1-based
    layers, so norms[0] is the first weight matrix)."""

    activation: str
    sizes: list
    norms: list

    def ratio(self) -> float:
        """First-layer gradient norm over last-layer gradient norm."""
        return self.norms[0] / self.norms[-1]


def init_params(sizes, activation: str, rng: np.random.Generator):
    """Standard initialisations: Glorot for sigmoid/tanh, He for ReLU-like units;
    thresholds 0."""
    params = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        gain = ACTIVATIONS[activation].init_gain
        scale = np.sqrt(gain / fan_in) if gain == 2.0 else np.sqrt(2.0 / (fan_in + fan_out))
        W = np.zeros((fan_in + 1, fan_out))
        W[1:] = rng.normal(0.0, scale, (fan_in, fan_out))
        params.append(W)
    return params


def backprop(params, X, Y, activation: str):
    """The catalog's BP formulas in float64 (the derived kernels of :mod:`symnet.kernels`):
    returns (grads, deltas), grads[k] of the shape of params[k], deltas[k] of shape
    (m, s_{k+2}); error E = (1/m) sum_k E_k, squared."""
    sizes = [params[0].shape[0] - 1] + [W.shape[1] for W in params]
    _, grads, deltas = kernels(sizes, activation, "squared").backward(params, X, Y)
    m = X.shape[0]
    return grads, [d * m for d in deltas]          # the module's deltas are dE/dZ = Delta/m


@lru_cache(maxsize=16)          # the report's appendix and each edition's figure share one run
def gradient_sizes(depth: int = 10, width: int = 32, activation: str = "sigmoid",
                   seed: int = 0, batch: int = 64) -> LayerGradients:
    """Gradient size per layer of a depth-layer network (depth - 1 weight matrices) of
    equal widths, on a random batch with random targets in (0, 1)."""
    if depth < 2 or width < 1 or batch < 1:
        raise ValueError("need depth >= 2, width >= 1, batch >= 1")
    rng = np.random.default_rng(seed)
    sizes = [width] * depth
    params = init_params(sizes, activation, rng)
    X = rng.normal(size=(batch, width))
    Y = rng.uniform(size=(batch, width))
    grads, _ = backprop(params, X, Y, activation)
    return LayerGradients(activation, sizes, [float(np.linalg.norm(g)) for g in grads])
