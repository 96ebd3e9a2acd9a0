"""Accumulated and regularised error (5.16), (5.17): accumulated BP descends the mean
of the per-example errors; the regulariser adds 2 (1 - lambda) w to each gradient.
"""
from __future__ import annotations

import sympy as sp
from sympy import IndexedBase, Sum

from symnet.core.claims import Chain, Derivation, partial
from symnet.prove.model import Model, index, size

SECTION = "accumulated"  # the report's section (symnet/report/text.py)


class Ek(sp.Function):
    """E_k(w): the error on example k as an arbitrary function of the weight w_p
    (all other weights held fixed)."""

    nargs = 2

    def fdiff(self, argindex=2):
        return dEk(*self.args)


class dEk(sp.Function):
    """dE_k/dw_p (arbitrary)."""

    nargs = 2


def eq5_16():
    m, k = size("m"), index("k")
    w = sp.Symbol("w_p", real=True)
    E = Sum(Ek(k, w), (k, 1, m)) / m
    return Derivation(Model({}), [sp.diff(E, w), Sum(dEk(k, w), (k, 1, m)) / m],
                      lhs=partial(None, w, "E"))


def eq5_17():
    m, N, k, p = size("m"), size("N"), index("k"), index("p")
    q = index("q'")
    lam = sp.Symbol("lambda", real=True)
    w = IndexedBase("w")
    E = lam * Sum(Ek(k, w[p]), (k, 1, m)) / m + (1 - lam) * Sum(w[q] ** 2, (q, 1, N))
    model = Model({p: (1, N)})
    return Derivation(model, [model.D(E, w[p]),
                              lam * Sum(dEk(k, w[p]), (k, 1, m)) / m + 2 * (1 - lam) * w[p]],
                      lhs=partial(None, w[p], "E"))


CLAIMS = [
    Chain("eq5.16", "5.16", "accumulated error",
          "the gradient of E = (1/m) sum_k E_k is the mean of the per-example gradients; "
          "symbolic m", SECTION, build=eq5_16),
    Chain("eq5.17", "5.17", "regularised error",
          "E = lambda (1/m) sum_k E_k + (1 - lambda) sum_i w_i^2 has gradient "
          "lambda (1/m) sum_k dE_k/dw_p + 2 (1 - lambda) w_p; symbolic m and N", SECTION,
          build=eq5_17),
]
