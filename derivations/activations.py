"""The activation and loss registry as claims: each activation's stated derivative
against SymPy differentiating its elementary definition, and the output delta
delta^(n)_j = dE/dz^(n)_j for every activation/loss pair (sigmoid with cross-entropy
gives a - y).  Widths symbolic.
"""
from __future__ import annotations

import sympy as sp

from symnet.claims import Chain, Derivation
from symnet.indexed import ExpressionModel
from symnet.multilayer import OutputLayer
from symnet.registry import ACTIVATIONS, LOSSES, output_delta_closed

SECTION = "activations and losses"


def _derivative(act):
    def build():
        x = sp.Symbol("x", real=True)
        return Derivation(ExpressionModel(),
                          [sp.diff(act.function.definition(x), x),
                           act.fprime_closed(act.function(x), x)])
    return build


def _output_delta(act, los):
    def build():
        m = OutputLayer(act.function, los.term)
        j = m.j
        return Derivation(m, [m.D(m.E_at("z"), m.z[j]),
                              output_delta_closed(act, los, m.a[j], m.y[j], m.z[j])])
    return build


CLAIMS = [
    Chain(f"act-{a.name}-derivative", "", f"derivative of {a.name}",
          f"{a.name}'(x) as the registry states it equals d/dx of its definition"
          + (f" ({a.convention})" if a.convention else ""), SECTION, build=_derivative(a),
          method="exact: SymPy diff of the elementary definition, simplified to 0")
    for a in ACTIVATIONS.values()
] + [
    Chain(f"delta-output-{a.name}-{l.name}", "", f"output delta, {a.name} with {l.name}",
          f"delta^(n)_j = dE/dz^(n)_j for {a.name} units and the {l.name} loss", SECTION,
          build=_output_delta(a, l))
    for a in ACTIVATIONS.values() for l in LOSSES.values()
]
