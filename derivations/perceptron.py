"""Section 5.2 of the notes: the perceptron, the logic gates of figure 5.3, linear
separability (figure 5.4) and the two-layer XOR network (figure 5.5).

The step function is the book's sgn with step(0) = 1; all arithmetic is exact
(Rationals), no floats.
"""
from __future__ import annotations

from itertools import product

import sympy as sp
from sympy import IndexedBase, Rational, Sum

from symnet.core.claims import Chain, Check, Derivation, Outcome, name
from symnet.prove.model import Model, index, size
from symnet.prove.replay import REASONS

SECTION = "perceptron"  # the report's section (symnet/report/text.py)
INPUTS = list(product((0, 1), repeat=2))
GATES = {   # name: (truth table, the notes' weights (w1, w2), threshold theta)
    "and": ({(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 1}, (1, 1), Rational(2)),
    "or": ({(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 1}, (1, 1), Rational(1, 2)),
    "not": ({(0, 0): 1, (0, 1): 1, (1, 0): 0, (1, 1): 0}, (Rational(-3, 5), 0), Rational(-1, 2)),
}
XOR = {(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 0}


def step(v) -> int:
    """The book's step function with step(0) = 1."""
    return 1 if v >= 0 else 0


def unit(w, theta, x) -> int:
    """y = step(sum_i w_i x_i - theta)."""
    return step(sum(Rational(wi) * xi for wi, xi in zip(w, x)) - theta)


def wrong_inputs(predict, table) -> list:
    """The inputs where predict(x) differs from the truth table."""
    return [x for x in INPUTS if predict(x) != table[x]]


def _gate(name):
    def check():
        table, w, theta = GATES[name]
        wrong = wrong_inputs(lambda x: unit(w, theta, x), table)
        return Outcome(not wrong, "exact: all four inputs, step(0) = 1", "2 inputs",
                       f"w = {w}, theta = {theta}" + (f"; wrong at {wrong}" if wrong else ""))
    return check


def perceptron_train(table, eta=Rational(1), max_passes=100):
    """Rule (5.1)/(5.2) with exact arithmetic from w = 0, theta = 0; returns
    (w, theta, updates) once a pass makes no mistake, or None when the weights
    revisit an earlier state at a pass boundary (it cycles: no separating line found)
    or max_passes run out."""
    w, theta, updates, seen = [Rational(0)] * 2, Rational(0), 0, set()
    for _ in range(max_passes):
        state = (tuple(w), theta)
        if state in seen:
            return None
        seen.add(state)
        mistakes = 0
        for x in INPUTS:
            error = table[x] - unit(w, theta, x)
            if error:
                w = [wi + eta * error * xi for wi, xi in zip(w, x)]
                theta -= eta * error
                mistakes, updates = mistakes + 1, updates + 1
        if not mistakes:
            return w, theta, updates
    return None


def farkas_certificate(table):
    """Non-negative lambda with sum_k lambda_k s_k (x_k1, x_k2, -1) = 0 and a positive weight
    on a strict inequality: the inequalities w.x - theta >= 0 (y = 1), < 0 (y = 0) then add
    up to 0 < 0, so no line separates the data.  None when no such lambda exists here."""
    rows = [[(1 if table[x] else -1) * v for v in (x[0], x[1], -1)] for x in INPUTS]
    basis = sp.Matrix(rows).T.nullspace()
    for vector in basis:
        for lam in (vector, -vector):
            strict = [lam[k] for k, x in enumerate(INPUTS) if not table[x]]
            if all(v >= 0 for v in lam) and any(v > 0 for v in strict):
                return list(lam)
    return None


def separability() -> Outcome:
    lines, problems = [], []
    for name, (table, _, _) in GATES.items():
        found = perceptron_train(table)
        if found is None or wrong_inputs(lambda x: unit(found[0], found[1], x), table):
            problems.append(f"{name}: no line")
        else:
            lines.append(f"{name}: w = ({found[0][0]}, {found[0][1]}), theta = {found[1]} "
                         f"after {found[2]} updates")
    if perceptron_train(XOR) is not None:
        problems.append("xor: perceptron claimed a line")
    lam = farkas_certificate(XOR)
    if lam is None:
        problems.append("xor: no certificate")
    else:
        lines.append(f"xor: perceptron cycles; Farkas multipliers {lam}")
    return Outcome(not problems, "exact: separating lines checked on all inputs; XOR by a "
                   "Farkas certificate", "2 inputs", "; ".join(problems or lines))


def notes_xor_network(x):
    """The notes' 2-2-1 step network: h1 = f(x1 + x2 - 1/2), h2 = f(-x1 - x2 + 3/2),
    y = f(h1 + h2 - 3/2)."""
    h1 = unit((1, 1), Rational(1, 2), x)
    h2 = unit((-1, -1), Rational(-3, 2), x)
    return unit((1, 1), Rational(3, 2), (h1, h2))


def xor_network(net=notes_xor_network) -> Outcome:
    wrong = wrong_inputs(net, XOR)
    return Outcome(not wrong, "exact: all four inputs", "2-2-1", f"wrong at {wrong}" if wrong else
                   "h1 = f(x1 + x2 - 0.5), h2 = f(-x1 - x2 + 1.5), y = f(h1 + h2 - 1.5)")


def eq5_2():
    """Pre-activation after the update minus before, threshold as the weight of a -1 input."""
    n, ii = size("n"), index("i'")
    w, x = IndexedBase("w"), IndexedBase("x")
    theta, eta, y, yhat = sp.symbols("theta eta y yhat", real=True)
    err = y - yhat
    before = Sum(w[ii] * x[ii], (ii, 1, n)) - theta
    after = Sum((w[ii] + eta * err * x[ii]) * x[ii], (ii, 1, n)) - (theta + eta * err * (-1))
    return Derivation(Model({}),
                      [after - before, eta * err * (Sum(x[ii] ** 2, (ii, 1, n)) + 1)],
                      lhs=name(r"\Delta\left(\sum_{i=1}^{n} w_{i} x_{i} - \theta\right)"))


CLAIMS = [
    Chain("eq5.2-perceptron", "5.2", "perceptron update",
          "on a mistake w.x - theta moves by eta (y - yhat)(||x||^2 + 1), towards y; "
          "symbolic dimension n", SECTION, build=eq5_2,
          method="exact: update applied to the symbolic sum, difference expanded to 0"),
] + [Check(f"fig5.3-{g}", "", f"logic {g.upper()}", f"the notes' weights compute {g.upper()}",
           SECTION, check=_gate(g), symengine=REASONS["numbers"]) for g in GATES] + [
    Check("fig5.4-separability", "", "linear separability",
          "AND, OR, NOT are linearly separable (perceptron finds a line); XOR is not "
          "(Farkas certificate)", SECTION, check=separability, symengine=REASONS["numbers"]),
    Check("fig5.5-xor", "", "two-layer XOR", "the notes' 2-2-1 step network computes XOR",
          SECTION, check=xor_network, symengine=REASONS["numbers"]),
]
