"""One table of activations and losses that drives derivations, proofs and reports.

Every activation is a SymPy ``Function`` subclass whose ``fdiff`` states its derivative,
so ``sympy.diff`` applies the chain rule through it.  Each one also carries its
elementary definition (``rewrite(sp.exp)`` and friends); the claim
``act-<name>-derivative`` proves ``fdiff`` against SymPy differentiating that definition,
an independent route to the same derivative.

Losses are per-output terms: ``E_k = sum_j term(yhat_j, y_j)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import sympy as sp


class _Activation(sp.Function):
    """Shared behaviour: one argument, numeric evaluation through the definition."""

    nargs = 1

    @classmethod
    def definition(cls, x):  # pragma: no cover - overridden
        raise NotImplementedError

    def _eval_evalf(self, prec):
        return self.definition(self.args[0])._eval_evalf(prec)

    @classmethod
    def eval(cls, x):
        # a floating-point argument evaluates at once (numeric checks); symbols stay
        if isinstance(x, sp.Float):
            return cls.definition(x).evalf(x._prec)
        return None


class sigmoid(_Activation):
    """The book's f: f(x) = 1/(1 + e^{-x}); f'(x) = f(x)(1 - f(x))  (5.9)."""

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0]) * (1 - sigmoid(self.args[0]))

    @classmethod
    def definition(cls, x):
        return 1 / (1 + sp.exp(-x))

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return self.definition(x)



class tanh(_Activation):
    """tanh(x) = (e^x - e^{-x})/(e^x + e^{-x}); derivative 1 - tanh(x)^2."""

    def fdiff(self, argindex=1):
        return 1 - tanh(self.args[0]) ** 2

    @classmethod
    def definition(cls, x):
        return (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return self.definition(x)



class relu(_Activation):
    """ReLU(x) = max(0, x); derivative Heaviside(x) with the convention ReLU'(0) = 0."""

    def fdiff(self, argindex=1):
        return sp.Heaviside(self.args[0], 0)

    @classmethod
    def definition(cls, x):
        return sp.Piecewise((x, x > 0), (0, True))

    def _eval_rewrite_as_Piecewise(self, x, **kwargs):
        return self.definition(x)



class identity(_Activation):
    """The identity unit f(x) = x (evaluates away at once); derivative 1."""

    @classmethod
    def eval(cls, x):
        return x

    @classmethod
    def definition(cls, x):
        return x


class softplus(_Activation):
    """softplus(x) = log(1 + e^x); derivative sigmoid(x)."""

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])

    @classmethod
    def definition(cls, x):
        return sp.log(1 + sp.exp(x))

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return self.definition(x)



class fprime(sp.Function):
    """f'(x) of an arbitrary differentiable activation f (no further structure)."""

    nargs = 1



class f(sp.Function):
    """An arbitrary differentiable activation f: proofs with it hold for every f."""

    nargs = 1

    def fdiff(self, argindex=1):
        return fprime(self.args[0])


@dataclass(frozen=True)
class Activation:
    """A registry row.

    ``function``: the SymPy Function class; ``fprime_closed(a, z)``: f'(z) as the notes
    write it, in terms of the unit's output a = f(z) and/or its input z; ``convention``:
    anything a reader must know (the value of a derivative at a kink).
    """

    name: str
    function: type
    fprime_closed: Callable[[sp.Expr, sp.Expr], sp.Expr]
    latex: str
    convention: str = ""
    numeric: Callable = None          # float64 array z -> f(z), stable for |z| up to 1e4


@dataclass(frozen=True)
class Loss:
    """A registry row: E_k = sum_j term(yhat_j, y_j); ``dE_da_closed`` states dE_k/dyhat_j."""

    name: str
    term: Callable[[sp.Expr, sp.Expr], sp.Expr]
    dE_da_closed: Callable[[sp.Expr, sp.Expr], sp.Expr]
    latex: str
    #: term(sigmoid(z), y) written in the output's input z, free of ln 0 for large |z|
    #: (claim kernel-stable-cross-entropy proves the two equal); None: use ``term``
    logit_term: Callable[[sp.Expr, sp.Expr], sp.Expr] = None


def np_sigmoid(z):
    """1/(1 + e^-z) without overflow: e^-|z| is at most 1."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", sigmoid, lambda a, z: a * (1 - a), r"\sigma(x)=\frac{1}{1+e^{-x}}",
                   numeric=np_sigmoid),
        Activation("tanh", tanh, lambda a, z: 1 - a**2, r"\tanh x",
                   numeric=np.tanh),
        Activation("relu", relu, lambda a, z: sp.Heaviside(z, 0), r"\max(0,x)",
                   "ReLU'(0) = 0 (Heaviside(0) = 0), as in PyTorch and JAX",
                   numeric=lambda z: np.maximum(z, 0.0)),
        Activation("identity", identity, lambda a, z: sp.Integer(1), r"x",
                   numeric=lambda z: z),
        Activation("softplus", softplus, lambda a, z: sigmoid(z), r"\log(1+e^{x})",
                   numeric=lambda z: np.logaddexp(0.0, z)),
    )
}

LOSSES: dict[str, Loss] = {
    l.name: l
    for l in (
        Loss("squared", lambda a, y: sp.Rational(1, 2) * (a - y) ** 2, lambda a, y: a - y,
             r"E_k=\frac12\sum_j(\hat y_j-y_j)^2"),
        Loss("cross-entropy", lambda a, y: -(y * sp.log(a) + (1 - y) * sp.log(1 - a)),
             lambda a, y: (a - y) / (a * (1 - a)),
             r"E_k=-\sum_j\left(y_j\ln\hat y_j+(1-y_j)\ln(1-\hat y_j)\right)",
             logit_term=lambda z, y: softplus(z) - y * z),
    )
}

# Output deltas the notes (or common practice) state in a simplified closed form.
SPECIAL_OUTPUT_DELTAS: dict[tuple[str, str], Callable[[sp.Expr, sp.Expr, sp.Expr], sp.Expr]] = {
    ("sigmoid", "cross-entropy"): lambda a, y, z: a - y,
}


def activation(name: str) -> Activation:
    """Look an activation up by name; a clear ValueError names the known ones."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            f"unknown activation {name!r}; known: {', '.join(ACTIVATIONS)}") from None


def loss(name: str) -> Loss:
    """Look a loss up by name; a clear ValueError names the known ones."""
    try:
        return LOSSES[name]
    except KeyError:
        raise ValueError(f"unknown loss {name!r}; known: {', '.join(LOSSES)}") from None


def output_delta_closed(act: Activation, los: Loss, a, y, z):
    """delta^(n)_j as stated: dE/da_j * f'(z_j), or the simplified special form."""
    special = SPECIAL_OUTPUT_DELTAS.get((act.name, los.name))
    if special is not None:
        return special(a, y, z)
    return los.dE_da_closed(a, y) * act.fprime_closed(a, z)
