"""Accumulated and regularised error (5.16), (5.17), and the bound behind vanishing
gradients (the notes' section on deep learning).
"""
from __future__ import annotations

import sympy as sp
from sympy import IndexedBase, Rational, Sum

from symnet.claims import Chain, Derivation
from symnet.indexed import ExpressionModel, Model, index, size
from symnet.registry import sigmoid

SECTION = "5.3 accumulated BP; 5.6 deep learning"


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
    m_, k = size("m"), index("k")
    w = sp.Symbol("w_p", real=True)
    E = Sum(Ek(k, w), (k, 1, m_)) / m_
    return Derivation(Model({}), [sp.diff(E, w), Sum(dEk(k, w), (k, 1, m_)) / m_])


def eq5_17():
    m_, N, k, p = size("m"), size("N"), index("k"), index("p")
    q = index("q'")
    lam = sp.Symbol("lambda", real=True)
    w = IndexedBase("w")
    E = lam * Sum(Ek(k, w[p]), (k, 1, m_)) / m_ + (1 - lam) * Sum(w[q] ** 2, (q, 1, N))
    model = Model({p: (1, N)})
    return Derivation(model, [model.D(E, w[p]),
                              lam * Sum(dEk(k, w[p]), (k, 1, m_)) / m_ + 2 * (1 - lam) * w[p]])


def vanishing_bound():
    x = sp.Symbol("x", real=True)
    fprime = sp.diff(sigmoid.definition(x), x)        # SymPy's derivative of 1/(1+e^-x)
    return Derivation(ExpressionModel(), [Rational(1, 4) - fprime,
                                          (sigmoid(x) - Rational(1, 2)) ** 2])


CLAIMS = [
    Chain("eq5.16", "5.16", "accumulated error",
          "the gradient of E = (1/m) sum_k E_k is the mean of the per-example gradients; "
          "symbolic m", SECTION, build=eq5_16),
    Chain("eq5.17", "5.17", "regularised error",
          "E = lambda (1/m) sum_k E_k + (1 - lambda) sum_i w_i^2 has gradient "
          "lambda (1/m) sum_k dE_k/dw_p + 2 (1 - lambda) w_p; symbolic m and N", SECTION,
          build=eq5_17),
    Chain("vanishing-bound", "", "sigmoid' <= 1/4",
          "1/4 - f'(x) = (f(x) - 1/2)^2 >= 0: the sigmoid's slope is at most 1/4, reached "
          "only where f(x) = 1/2 (x = 0)",
          SECTION, build=vanishing_bound,
          method="exact: SymPy diff of 1/(1+e^-x); 1/4 - f' rewritten as a square"),
]
