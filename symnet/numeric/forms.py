"""The elementwise forms of the kernels, derived from the verified formulas.

The layer structure is what the catalog proves (bp-forward, bp-delta-output,
bp-delta-recursion, bp-gradient, eq5.16): for a batch X of shape (m, s_1),

    Z^(l) = A^(k) @ Theta~^(kl)[1:] - Theta~^(kl)[0]       A^(l) = f(Z^(l))
    Delta^(n) = dE_k/dZ^(n)                                  (m, s_n)
    Delta^(k) = (Delta^(l) @ Theta^(kl)^T) * f'(Z^(k))       (m, s_k)
    dE/dTheta~^(kl) = [-1 ... -1; A^(k)]^T Delta^(l) / m     (s_k + 1, s_l)

and the elementwise pieces (f, f', the output delta, the loss term) are SymPy's own
derivatives of the registry's definitions (:func:`derive_forms`), rewritten in the unit
outputs A where the notes do (sigmoid' = A (1 - A)).  Code generation prints them into
a standalone module (:mod:`symnet.numeric.codegen`), which :mod:`symnet.numeric.kernels`
also loads in memory.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp

from symnet.prove.multilayer import OutputLayer
from symnet.core.registry import activation as lookup_activation
from symnet.core.registry import loss as lookup_loss
from symnet.core.registry import check_pair, output_delta_closed

A, Z, Y = sp.symbols("A Z Y", real=True)


@dataclass(frozen=True)
class ElementwiseForms:
    """Expressions in the symbols A (unit output), Z (unit input), Y (target):
    ``f`` = f(Z), ``fprime`` = f'(Z), ``output_delta`` = dE_k/dz^(n)_j,
    ``loss_term`` = the per-entry error in a form that stays finite for |Z| up to 1e4."""

    activation: str
    loss: str
    f: sp.Expr
    fprime: sp.Expr
    output_delta: sp.Expr
    loss_term: sp.Expr
    softmax: bool = False       # a softmax output layer (loss_term is then -Y ln A)

    def ops(self, name: str) -> int:
        """Elementwise operation count of one form (SymPy's count_ops)."""
        return int(sp.count_ops(getattr(self, name)))


def _in_outputs(expr, f_of_z):
    """Write f(z) as A where it appears (the notes' a(1 - a) form); simplify exactly."""
    if isinstance(f_of_z, sp.Function):
        expr = expr.xreplace({f_of_z: A})
    cancelled = sp.cancel(expr)
    candidates = [expr, cancelled, sp.factor(cancelled)]          # the derived form first
    simpler = min(candidates, key=lambda e: (sp.count_ops(e), candidates.index(e)))
    if sp.cancel(simpler - expr) != 0:            # factor/cancel must not change the value
        raise AssertionError("simplification changed an expression")
    return simpler


def derive_forms(activation: str = "sigmoid", loss: str = "squared") -> ElementwiseForms:
    """The elementwise pieces for one activation/loss pair, each derived by SymPy (cached
    per registry row: a user's row registered again under the same name is new)."""
    check_pair(activation, loss)
    act, los = lookup_activation(activation), lookup_loss(loss)
    return _derive(act, los)


@lru_cache(maxsize=None)
def _derive(act, los) -> ElementwiseForms:
    t = sp.Symbol("t", real=True)
    f_t = act.function(t)
    fprime = _in_outputs(sp.diff(f_t, t), f_t).xreplace({t: Z})
    if los.softmax:
        # softmax outputs with cross-entropy: delta^(n) = a - y, the closed form that
        # delta-output-softmax-cross-entropy proves from SymPy's derivative of E in z
        return ElementwiseForms(act.name, los.name, act.function(Z), fprime,
                                output_delta_closed(act, los, A, Y, Z), los.term(A, Y), True)
    out = OutputLayer(act.function, los.term)
    j = out.j
    derived = out.D(out.E_at("z"), out.z[j])                  # SymPy's dE_k/dz^(n)_j
    f_z = act.function(out.z[j])
    delta = _in_outputs(derived, f_z).xreplace({out.z[j]: Z, out.y[j]: Y})
    term = los.logit_term(Z, Y) if los.logit_term is not None else los.term(A, Y)
    return ElementwiseForms(act.name, los.name, act.function(Z), fprime, delta, term)
