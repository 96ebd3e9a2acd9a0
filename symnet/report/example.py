"""The worked example of the report: one forward and one backward pass of the section-5.3
network with d = 2 inputs, q = 2 hidden units and l = 1 output, on example 1 of the
watermelon data set 3.0 (density 0.697, sugar 0.460, a good melon: y = 1), with small
round weights and eta = 0.1, as a student works it through by hand.

Every value is computed twice: by the generated NumPy kernel (``symnet codegen``'s
template, loaded by :func:`symnet.numeric.kernels.kernels`: b_h by the 2-2 kernel, yhat_j,
E_k, the deltas and the gradients by the 2-2-1 kernel) and by the book's closed forms
(5.3), (5.4), (5.10)-(5.15) in plain floating point; :func:`worked_example` raises when
they differ by more than 1e-12.  alpha_h and beta_j, which no kernel returns, come from
their definitions.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from symnet.core.registry import activation

#: example 1 of watermelon 3.0: (density, sugar), good melon
X = (0.697, 0.460)
Y = (1.0,)
V = ((0.2, -0.3), (0.4, 0.1))         # v_ih: row i (input), column h (hidden unit)
GAMMA = (0.1, -0.2)                   # gamma_h
W = ((0.5,), (-0.4,))                 # w_hj: row h, column j
THETA = (0.3,)                        # theta_j
ETA = 0.1
TOLERANCE = 1e-12


@dataclass(frozen=True)
class Quantity:
    """One row of the table: the symbol(s), how the book computes them (LaTeX, with the
    equation number), and the values in index order."""

    symbol: str
    formula: str
    equation: str
    values: tuple


def _f(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def closed_forms() -> dict:
    """Every quantity of the pass by the book's formulas, in plain floating point."""
    d, q, l = len(X), len(GAMMA), len(THETA)
    alpha = [sum(V[i][h] * X[i] for i in range(d)) for h in range(q)]
    b = [_f(alpha[h] - GAMMA[h]) for h in range(q)]
    beta = [sum(W[h][j] * b[h] for h in range(q)) for j in range(l)]
    yhat = [_f(beta[j] - THETA[j]) for j in range(l)]
    E = 0.5 * sum((yhat[j] - Y[j]) ** 2 for j in range(l))
    fprime = activation("sigmoid").fprime_closed          # f'(z) = f(z)(1 - f(z))  (5.9)
    g = [fprime(yhat[j], beta[j] - THETA[j]) * (Y[j] - yhat[j]) for j in range(l)]
    e = [fprime(b[h], alpha[h] - GAMMA[h]) * sum(W[h][j] * g[j] for j in range(l))
         for h in range(q)]
    return dict(alpha=alpha, b=b, beta=beta, yhat=yhat, E=[E], g=g, e=e,
                dw=[ETA * g[j] * b[h] for h in range(q) for j in range(l)],
                dtheta=[-ETA * g[j] for j in range(l)],
                dv1=[ETA * e[h] * X[0] for h in range(q)],
                dv2=[ETA * e[h] * X[1] for h in range(q)],
                dgamma=[-ETA * e[h] for h in range(q)])


def by_kernel() -> dict:
    """The same quantities from the generated kernels (those a kernel returns)."""
    import numpy as np
    from symnet.numeric.kernels import kernels
    first = np.array([GAMMA, *V], dtype=float)            # row 0: thresholds
    second = np.array([THETA, *W], dtype=float)
    x, y = np.array([X]), np.array([Y])
    b = kernels([2, 2]).forward([first], x)[0]
    net = kernels([2, 2, 1])
    E, grads, deltas = net.backward([first, second], x, y)
    return dict(b=list(b), yhat=list(net.forward([first, second], x)[0]), E=[float(E)],
                g=list(-deltas[1][0]), e=list(-deltas[0][0]),
                dw=list((-ETA * grads[1][1:]).ravel()), dtheta=list(-ETA * grads[1][0]),
                dv1=list(-ETA * grads[0][1]), dv2=list(-ETA * grads[0][2]),
                dgamma=list(-ETA * grads[0][0]))


#: the table's rows: key, symbol, formula (LaTeX), equation
ROWS = (
    ("alpha", r"\alpha_1,\ \alpha_2", r"\sum_i v_{ih} x_i", "5.3"),
    ("b", r"b_1,\ b_2", r"f(\alpha_h - \gamma_h)", "5.3"),
    ("beta", r"\beta_1", r"\sum_h w_{hj} b_h", "5.3"),
    ("yhat", r"\hat{y}_1", r"f(\beta_j - \theta_j)", "5.3"),
    ("E", r"E_k", r"\frac{1}{2}\sum_j (\hat{y}_j - y_j)^2", "5.4"),
    ("g", r"g_1", r"\hat{y}_j (1 - \hat{y}_j)(y_j - \hat{y}_j)", "5.10"),
    ("e", r"e_1,\ e_2", r"b_h (1 - b_h) \sum_j w_{hj} g_j", "5.15"),
    ("dw", r"\Delta w_{11},\ \Delta w_{21}", r"\eta g_j b_h", "5.11"),
    ("dtheta", r"\Delta \theta_1", r"-\eta g_j", "5.12"),
    ("dv1", r"\Delta v_{11},\ \Delta v_{12}", r"\eta e_h x_i", "5.13"),
    ("dv2", r"\Delta v_{21},\ \Delta v_{22}", r"\eta e_h x_i", "5.13"),
    ("dgamma", r"\Delta \gamma_1,\ \Delta \gamma_2", r"-\eta e_h", "5.14"),
)


def worked_example() -> list[Quantity]:
    """The rows of the table, each value the kernel's (the definition's for alpha and
    beta); ValueError naming the first quantity where kernel and closed form differ."""
    closed, kernel = closed_forms(), by_kernel()
    rows = []
    for key, symbol, formula, equation in ROWS:
        values = kernel.get(key, closed[key])
        for got, want in zip(values, closed[key]):
            if abs(got - want) > TOLERANCE * max(1.0, abs(want)):
                raise ValueError(f"worked example: the kernel's {key} = {got!r} differs from "
                                 f"the closed form ({equation}) = {want!r}")
        rows.append(Quantity(symbol, formula, equation, tuple(float(v) for v in values)))
    return rows
