"""The activation and loss registry as claims: each activation's stated derivative
against SymPy differentiating its elementary definition, and the output delta
delta^(n)_j = dE/dz^(n)_j for every activation/loss pair (sigmoid with cross-entropy
gives a - y).  Widths symbolic.
"""
from __future__ import annotations

import sympy as sp
from sympy import IndexedBase, Sum

from symnet.core.claims import Chain, Derivation, name
from symnet.prove.model import ExpressionModel, Model, index, size
from symnet.prove.multilayer import OutputLayer
from symnet.core.registry import ACTIVATIONS, LOSSES, output_delta_closed, sigmoid
from derivations.multilayer_bp import DELTA_OUTPUT

SECTION = "multilayer"  # the report's section (symnet/report/text.py)


def _derivative(act):
    """d/dx definition(x) = fdiff = the closed form f'(x) in terms of a = f(x) and x.

    Three independent sources: SymPy differentiating the elementary definition (e.g.
    1/(1 + e^-x)); what the Function's ``fdiff`` returns, which is what every other claim
    differentiates through; the registry's ``fprime_closed``.  Both "=" are proved."""
    def build():
        x = sp.Symbol("x", real=True)
        return Derivation(ExpressionModel(),
                          [sp.diff(act.function.definition(x), x),
                           sp.diff(act.function(x), x),
                           act.fprime_closed(act.function(x), x)],
                          reasons=["fdiff", "algebra"],
                          lhs=name(act.head + r"'\left(x\right)"),
                          source=(act.function.definition(x), x))
    return build


def _output_delta(act, los):
    def build():
        model = OutputLayer(act.function, los.term)
        j = model.j
        return Derivation(model, [model.D(model.E_at("z"), model.z[j]),
                              output_delta_closed(act, los, model.a[j], model.y[j], model.z[j])],
                          lhs=DELTA_OUTPUT)
    return build


#: delta^(n) of output unit p, what the softmax chain computes
_DELTA_OUTPUT_P = name(r"\delta^{(n)}_{p} = \frac{\partial E}{\partial z^{(n)}_{p}}")


def softmax_cross_entropy():
    """Softmax outputs a_j = e^{z_j} / sum_t e^{z_t} with E = -sum_j y_j ln a_j, y a
    distribution (one-hot labels included), written y_j = c_j / sum_u c_u so that
    sum_j y_j = 1 holds by construction.  Width s_n symbolic.

    dE/dz_p = a_p sum_j y_j - y_p = a_p - y_p.
    """
    s_n, p = size("s_n"), index("p")
    j, t, u = index("j'"), index("t'"), index("u'")
    z, a, y, c = IndexedBase("z"), IndexedBase("a"), IndexedBase("y"), IndexedBase("c")
    model = Model({p: (1, s_n)})
    model.define(a, lambda i, ranges: sp.exp(z[i]) / Sum(sp.exp(z[t]), (t, 1, s_n)))
    model.define(y, lambda i, ranges: c[i] / Sum(c[u], (u, 1, s_n)))
    E = -Sum(y[j] * sp.log(a[j]), (j, 1, s_n))
    derived = model.D(model.unfold(E, only=[a]), z[p])
    return Derivation(model, [derived, a[p] * Sum(y[j], (j, 1, s_n)) - y[p], a[p] - y[p]],
                      notation="output", reasons=["algebra", "distribution"],
                      lhs=_DELTA_OUTPUT_P)


def kernel_cross_entropy():
    """The kernels' form of the sigmoid/cross-entropy error: no ln 0 for large |z|."""
    z, y = sp.symbols("z y", real=True)
    a = sigmoid(z)
    return Derivation(ExpressionModel(), [-(y * sp.log(a) + (1 - y) * sp.log(1 - a)),
                                          LOSSES["cross-entropy"].logit_term(z, y)],
                      lhs=name(r"E\left(z\right)"))


def derivative_claim(a) -> Chain:
    """act-<name>-derivative for one registry row (a user's too)."""
    return Chain(f"act-{a.name}-derivative", "", f"derivative of {a.name}",
                 f"d/dx of the definition of {a.name} equals what its fdiff returns and the "
                 f"registry's closed form {a.name}'(x)"
                 + (f" ({a.convention})" if a.convention else ""), SECTION,
                 build=_derivative(a),
                 method="exact: SymPy diff of the elementary definition against fdiff and "
                        "the closed form, each difference simplified to 0")


def output_delta_claim(a, l) -> Chain:
    """delta-output-<activation>-<loss> for one pair of rows."""
    return Chain(f"delta-output-{a.name}-{l.name}", "", f"output delta, {a.name} with {l.name}",
                 f"delta^(n)_j = dE/dz^(n)_j for {a.name} units and the {l.name} loss",
                 SECTION, build=_output_delta(a, l))


def activation_claims(a, losses) -> list:
    """The derivative claim and the output-delta claims of one activation row."""
    return [derivative_claim(a)] + [output_delta_claim(a, l) for l in losses]


CLAIMS = [derivative_claim(a) for a in ACTIVATIONS.values()] + [
    output_delta_claim(a, l) for a in ACTIVATIONS.values() for l in LOSSES.values()
    if not l.softmax]          # softmax outputs: delta-output-softmax-cross-entropy below
CLAIMS.append(
    Chain("delta-output-softmax-cross-entropy", "", "output delta, softmax with cross-entropy",
          "a = softmax(z), E = -sum_j y_j ln a_j with sum_j y_j = 1: delta^(n) = dE/dz = a - y",
          SECTION, build=softmax_cross_entropy))
CLAIMS.append(
    Chain("kernel-stable-cross-entropy", "", "the kernels' cross-entropy",
          "-(y ln sigmoid(z) + (1 - y) ln(1 - sigmoid(z))) = softplus(z) - y z, the form the "
          "generated kernels evaluate", SECTION, build=kernel_cross_entropy,
          method="exact: definitions unfolded, difference simplified to 0"))
