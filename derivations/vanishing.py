"""Vanishing gradients (the notes' section on deep learning): the sigmoid's slope is at
most 1/4, reached only at x = 0, so each sigmoid layer shrinks delta by at least a factor
4 relative to Theta^(kl) delta^(l):

    1/4 - f'(x) = (f(x) - 1/2)^2                                   (>= 0)
    (1/4)^2 (Theta delta^(l))_i^2 - (delta^(k)_i)^2
        = (Theta delta^(l))_i^2 (f(z_i) - 1/2)^2 (1/4 + f'(z_i))    (>= 0, every unit i)

hence ||delta^(k)|| <= (1/4) ||Theta^(kl) delta^(l)|| <= (1/4) ||Theta^(kl)||_2 ||delta^(l)||.
``symnet.vanishing.gradient_sizes`` measures the effect per layer.
"""
from __future__ import annotations

import sympy as sp
from sympy import Rational, Sum

from symnet.core.claims import Chain, Check, Derivation, Outcome, name
from symnet.prove.model import ExpressionModel, index
from symnet.prove.replay import REASONS
from symnet.core.registry import sigmoid
from derivations.multilayer_bp import pair

SECTION = "vanishing"  # the report's section (symnet/report/text.py)


def slope_bound():
    x = sp.Symbol("x", real=True)
    fprime = sp.diff(sigmoid.definition(x), x)        # SymPy's derivative of 1/(1+e^-x)
    return Derivation(ExpressionModel(), [Rational(1, 4) - fprime,
                                          (sigmoid(x) - Rational(1, 2)) ** 2],
                      lhs=name(r"\frac{1}{4} - \sigma'\left(x\right)"))


def slope_argmax(definition=sigmoid.definition) -> Outcome:
    """1/4 - f' = (f - 1/2)^2 vanishes exactly where f(x) = 1/2: solved over the reals.
    ``definition``: f as an expression builder (replaceable to show a wrong f fails)."""
    x = sp.Symbol("x", real=True)
    fprime = sp.diff(definition(x), x)
    where_half = sp.solveset(sp.Eq(definition(x), Rational(1, 2)), x, sp.S.Reals)
    at_zero = sp.simplify(fprime.subs(x, 0))
    ok = where_half == sp.FiniteSet(0) and at_zero == Rational(1, 4)
    return Outcome(ok, "exact: solveset of f(x) = 1/2 over the reals; f'(0) from SymPy's diff",
                   "x real", f"f(x) = 1/2 at {where_half}; f'(0) = {at_zero}")


def delta_bound():
    """Per unit i of layer k (sigmoid units, symbolic widths s_k, s_l)."""
    model = pair(sigmoid)
    i, jj = model.i, index("j''")
    back = Sum(model.Theta[i, jj] * model.delta_l[jj], (jj, 1, model.s_l))      # (Theta delta^(l))_i
    f_i = sigmoid(model.z_k[i])
    derived = model.D(model.E_at("z"), model.z_k[i])                            # delta^(k)_i by SymPy
    return Derivation(model, [Rational(1, 16) * back ** 2 - derived ** 2,
                          back ** 2 * (Rational(1, 16) - (f_i * (1 - f_i)) ** 2),
                          back ** 2 * (f_i - Rational(1, 2)) ** 2
                          * (Rational(1, 4) + f_i * (1 - f_i))],
                      reasons=["sigmoid", "algebra"],
                      lhs=name(r"\frac{1}{16}\left(\Theta^{(kl)} \delta^{(l)}\right)_{i}^{2}"
                               r" - {\delta^{(k)}_{i}}^{2}"))


CLAIMS = [
    Chain("vanishing-bound", "", "sigmoid' <= 1/4",
          "1/4 - f'(x) = (f(x) - 1/2)^2 >= 0: the sigmoid's slope is at most 1/4",
          SECTION, build=slope_bound,
          method="exact: SymPy diff of 1/(1+e^-x); 1/4 - f' rewritten as a square"),
    Check("vanishing-bound-argmax", "", "the slope 1/4 only at 0",
          "f'(x) = 1/4 exactly when f(x) = 1/2, that is only at x = 0", SECTION,
          check=slope_argmax, symengine=REASONS["solver"]),
    Chain("vanishing-bound-delta", "", "delta shrinks by 1/4 per sigmoid layer",
          "(1/16)(Theta^(kl) delta^(l))_i^2 - (delta^(k)_i)^2 = (Theta delta)_i^2 "
          "(f - 1/2)^2 (1/4 + f') >= 0, so ||delta^(k)|| <= (1/4) ||Theta^(kl)|| ||delta^(l)||",
          SECTION, build=delta_bound,
          method="exact: delta^(k) by SymPy diff, identity expanded to 0; each term a "
                 "product of squares and a positive factor"),
]
