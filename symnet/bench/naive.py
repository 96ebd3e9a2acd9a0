"""The naive baseline for ``symnet bench``: SymPy ``diff`` of the fully nested E_k for each
entry, compared with the nested closed form at a random point (30 digits).

Nothing is shared between entries and no intermediate is named, so each derivative
walks the whole network; this is what the entrywise checker is measured against.
"""
from __future__ import annotations

import random
import time

import sympy as sp

from symnet.prove.nested import closed_deltas, nested_network
from symnet.core.registry import activation as get_activation, loss as get_loss


def naive_check(sizes, activation="sigmoid", loss="squared", budget=None, seed=0):
    """Returns (entries checked, mismatches, seconds, finished within budget)."""
    start = time.perf_counter()
    act, los = get_activation(activation), get_loss(loss)
    net, a, z = nested_network(sizes, activation)
    n = net.n
    E = sp.Add(*(los.term(a[n][j], net.y[j]) for j in range(1, net.s(n) + 1)))
    delta = closed_deltas(net, act, los, a, z)
    rng = random.Random(seed)
    point = {s: sp.Float(rng.uniform(-1, 1), 30) for s in E.free_symbols}
    checked = mismatches = 0
    for k in range(1, n):
        tilde = [sp.Integer(-1)] + a[k][1:]
        for i in range(net.s(k) + 1):
            for j in range(1, net.s(k + 1) + 1):
                derived = sp.diff(E, net.theta[k][i][j - 1])
                closed = tilde[i] * delta[k + 1][j]
                value = (derived - closed).xreplace(point)
                mismatches += int(bool(abs(value) > 1e-20))
                checked += 1
                if budget and time.perf_counter() - start > budget:
                    return checked, mismatches, time.perf_counter() - start, False
    return checked, mismatches, time.perf_counter() - start, True
