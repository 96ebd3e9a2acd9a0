"""In-memory kernels: the generated NumPy module (:mod:`symnet.numeric.codegen`) loaded
from its text, so the forward and backward pass exist once, in the template.

    kernels([3, 4, 4, 3]).loss_and_grad(params, X, Y)     # as the generated module

The module's interface (README, "Kernels and training"): ``init_params(seed)``,
``forward(params, X)``, ``loss``, ``loss_and_grad``, ``backward`` (also the deltas),
``step``; X of shape (m, s_1), Y of shape (m, s_n), params[k] of shape (s_k + 1, s_{k+1}).
"""
from __future__ import annotations

import types
from functools import lru_cache

from symnet.numeric.codegen import generate


@lru_cache(maxsize=32)
def _load(sizes: tuple, activation: str, loss: str, dtype: str, rows) -> types.ModuleType:
    """``rows``: the registry rows, part of the cache key (a user's row registered again
    under the same name is a new one)."""
    text = generate(list(sizes), activation, loss, "numpy", dtype)
    name = f"symnet_kernel_{'_'.join(map(str, sizes))}_{activation}_{loss}_{dtype}".replace(
        "-", "_")
    module = types.ModuleType(name, text.split('"""', 2)[1])
    exec(compile(text, f"<symnet kernel {'-'.join(map(str, sizes))}>", "exec"), module.__dict__)
    return module


def kernels(sizes, activation: str = "sigmoid", loss: str = "squared",
            dtype: str = "float64") -> types.ModuleType:
    """The generated NumPy kernel module for these layer sizes, activation, loss and dtype
    (float64 or float32), loaded in memory (cached per arguments)."""
    from symnet.core.registry import activation as row, loss as loss_row
    return _load(tuple(int(s) for s in sizes), activation, loss, dtype,
                 (row(activation), loss_row(loss)))
