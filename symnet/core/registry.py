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

import sympy as sp
from sympy.codegen.cfunctions import log1p


class ActivationBase(sp.Function):
    """Shared behaviour: one argument, numeric evaluation through the definition.  (The
    name ends in "Base" so that SymPy's printers, which skip the intermediate classes of a
    Function subclass unless their name ends so, find ``_print_ActivationBase``.)"""

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


def activation_function(name: str, body: sp.Expr) -> type:
    """f(x) = ``body`` (an expression in the real symbol x) as a SymPy function that
    differentiates by SymPy's derivative of the body; registered nowhere (``symnet check`` uses one for a
    document's local definition f(x) = ...)."""
    x = sp.Symbol("x", real=True)
    derived = sp.diff(body, x)

    def definition_of(cls, t):
        return body.xreplace({x: t})

    def fdiff(self, argindex=1):
        return derived.xreplace({x: self.args[0]})

    return type(name, (ActivationBase,), {
        "definition": classmethod(definition_of), "fdiff": fdiff,
        "__doc__": f"{name}(x) = {body} (user-defined); derivative {derived} by SymPy."})


class sigmoid(ActivationBase):
    """The book's f: f(x) = 1/(1 + e^{-x}); f'(x) = f(x)(1 - f(x))  (5.9)."""

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0]) * (1 - sigmoid(self.args[0]))

    @classmethod
    def definition(cls, x):
        return 1 / (1 + sp.exp(-x))

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return self.definition(x)



class step(ActivationBase):
    """The perceptron's step function (5.1): step(x) = 1 for x >= 0, else 0; its derivative
    is 0 wherever it exists.  Not a row of the registry (back-propagation needs a
    derivative that is not zero almost everywhere): ``symnet check`` reads the perceptron
    section with it and names it when a formula holds with it but not with the sigmoid."""

    def fdiff(self, argindex=1):
        return sp.Integer(0)

    @classmethod
    def definition(cls, x):
        return sp.Heaviside(x, 1)


class tanh(ActivationBase):
    """tanh(x) = (e^x - e^{-x})/(e^x + e^{-x}); derivative 1 - tanh(x)^2."""

    def fdiff(self, argindex=1):
        return 1 - tanh(self.args[0]) ** 2

    @classmethod
    def definition(cls, x):
        return (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return self.definition(x)



class relu(ActivationBase):
    """ReLU(x) = max(0, x); derivative Heaviside(x) with the convention ReLU'(0) = 0."""

    def fdiff(self, argindex=1):
        return sp.Heaviside(self.args[0], 0)

    @classmethod
    def definition(cls, x):
        return sp.Piecewise((x, x > 0), (0, True))

    def _eval_rewrite_as_Piecewise(self, x, **kwargs):
        return self.definition(x)



class identity(ActivationBase):
    """The identity unit f(x) = x (evaluates away at once); derivative 1."""

    @classmethod
    def eval(cls, x):
        return x

    @classmethod
    def definition(cls, x):
        return x


class softplus(ActivationBase):
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

    def fdiff(self, argindex=1):
        return fsecond(self.args[0])


class fsecond(sp.Function):
    """f''(x) of an arbitrary twice differentiable activation f (no further structure);
    a third derivative is not read."""

    nargs = 1

    def fdiff(self, argindex=1):
        raise ValueError("a third derivative of an arbitrary activation is not read")



class f(sp.Function):
    """An arbitrary differentiable activation f: proofs with it hold for every f."""

    nargs = 1

    def fdiff(self, argindex=1):
        return fprime(self.args[0])


class leaky_relu(ActivationBase):
    """Leaky ReLU: x for x > 0, x/100 otherwise; derivative 1/100 + (99/100) H(x) with
    the convention leaky_relu'(0) = 1/100 (Heaviside(0) = 0), as in PyTorch and JAX."""

    def fdiff(self, argindex=1):
        return sp.Rational(1, 100) + sp.Rational(99, 100) * sp.Heaviside(self.args[0], 0)

    @classmethod
    def definition(cls, x):
        return sp.Piecewise((x, x > 0), (x / 100, True))

    def _eval_rewrite_as_Piecewise(self, x, **kwargs):
        return self.definition(x)


#: the largest argument of exp that stays finite, per dtype (the kernels' ``_EXP_LIMIT``)
EXP_LIMIT = {"float64": 700.0, "float32": 80.0}


@dataclass(frozen=True, eq=False)     # rows compare (and hash) by identity
class Activation:
    """A registry row: everything about one activation, in one place.

    ``function``: the SymPy Function class (definition, fdiff); ``fprime_closed(a, z)``:
    f'(z) as the notes write it, in terms of the unit's output a = f(z) and/or its input
    z; ``head``: its name in LaTeX (the printer's ``_print_<name>``); ``stable(x)``: f
    written so that it stays finite for |x| up to 1e4 when computed in floating point
    (None: the definition already does), equal to the definition (tests/test_registry.py
    proves it); every backend prints its kernel helper ``_<name>(Z)`` from it
    (symnet.numeric.backends); ``init_gain``: 1 for Glorot initialisation, 2 for He (ReLU-like units);
    ``convention``: anything a reader must know (the derivative at a kink).
    """

    name: str
    function: type
    fprime_closed: Callable[[sp.Expr, sp.Expr], sp.Expr]
    head: str
    stable: Callable[[sp.Expr], sp.Expr] = None
    init_gain: float = 1.0
    convention: str = ""


@dataclass(frozen=True)
class Loss:
    """A registry row: E_k = sum_j term(yhat_j, y_j); ``dE_da_closed`` states dE_k/dyhat_j."""

    name: str
    term: Callable[[sp.Expr, sp.Expr], sp.Expr]
    dE_da_closed: Callable[[sp.Expr, sp.Expr], sp.Expr]
    #: term(sigmoid(z), y) written in the output's input z, free of ln 0 for large |z|
    #: (claim kernel-stable-cross-entropy proves the two equal); None: use ``term``
    logit_term: Callable[[sp.Expr, sp.Expr], sp.Expr] = None
    #: the output layer is a softmax over the units (the activation is for the hidden
    #: layers); the targets of a row sum to 1; delta^(n) = a - y (delta-output-softmax-
    #: cross-entropy)
    softmax: bool = False


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        # stable: 1/(1 + e^-x) for x >= 0 and e^x/(1 + e^x) below, so e^|x| never overflows
        Activation("sigmoid", sigmoid, lambda a, z: a * (1 - a), r"\sigma",
                   lambda x: sp.Piecewise((1 / (1 + sp.exp(-x)), x >= 0),
                                          (sp.exp(x) / (1 + sp.exp(x)), True))),
        Activation("tanh", tanh, lambda a, z: 1 - a**2, r"\tanh", sp.tanh),
        Activation("relu", relu, lambda a, z: sp.Heaviside(z, 0), r"\operatorname{ReLU}",
                   lambda x: sp.Max(x, 0), init_gain=2.0,
                   convention="ReLU'(0) = 0 (Heaviside(0) = 0), as in PyTorch and JAX"),
        Activation("identity", identity, lambda a, z: sp.Integer(1), r"\operatorname{id}"),
        # stable: max(x, 0) + ln(1 + e^-|x|), so e^x never overflows
        Activation("softplus", softplus, lambda a, z: sigmoid(z), r"\operatorname{softplus}",
                   lambda x: sp.Max(x, 0) + log1p(sp.exp(-sp.Abs(x))), init_gain=2.0),
        Activation("leaky_relu", leaky_relu,
                   lambda a, z: sp.Rational(1, 100) + sp.Rational(99, 100) * sp.Heaviside(z, 0),
                   r"\operatorname{LeakyReLU}", init_gain=2.0,
                   convention="slope 1/100 for x <= 0; leaky_relu'(0) = 1/100 (Heaviside(0) "
                              "= 0), as in PyTorch and JAX"),
    )
}

LOSSES: dict[str, Loss] = {
    l.name: l
    for l in (
        Loss("squared", lambda a, y: sp.Rational(1, 2) * (a - y) ** 2, lambda a, y: a - y),
        Loss("cross-entropy", lambda a, y: -(y * sp.log(a) + (1 - y) * sp.log(1 - a)),
             lambda a, y: (a - y) / (a * (1 - a)),
             logit_term=lambda z, y: softplus(z) - y * z),
        Loss("softmax-cross-entropy", lambda a, y: -y * sp.log(a), lambda a, y: -y / a,
             softmax=True),
    )
}

#: the activation of a book that keeps it abstract (Bishop's h, Goodfellow's f): an
#: arbitrary differentiable function whose derivative f' stays a symbol, so what is proved
#: with it holds for every activation.  Not a kernel's row (it cannot be computed).
ABSTRACT = Activation("any", f, lambda a, z: fprime(z), "f",
                      convention="an arbitrary differentiable activation; f' is not "
                                 "expressed through f")


def model_activation(name: str) -> Activation:
    """A registry row by name, or :data:`ABSTRACT` for "any" (the checker's models)."""
    return ABSTRACT if name == ABSTRACT.name else activation(name)


class loss_prime(sp.Function):
    """dL/da (a, y) of an arbitrary differentiable loss L (no further structure)."""

    nargs = 2


class any_loss(sp.Function):
    """An arbitrary differentiable per-output loss L(a, y): proofs with it hold for every
    loss; its derivative in the output a is ``loss_prime(a, y)``."""

    nargs = 2

    def fdiff(self, argindex=1):
        if argindex == 1:
            return loss_prime(*self.args)
        raise sp.ArgumentIndexError(self, argindex)


#: the loss of a book that keeps it abstract (Goodfellow's L): E = sum_j L(a_j, y_j)
ABSTRACT_LOSS = Loss("any", lambda a, y: any_loss(a, y), lambda a, y: loss_prime(a, y))


def model_loss(name: str) -> Loss:
    """A loss row by name, or :data:`ABSTRACT_LOSS` for "any" (the checker's models)."""
    return ABSTRACT_LOSS if name == ABSTRACT_LOSS.name else loss(name)


# Output deltas the notes (or common practice) state in a simplified closed form.
SPECIAL_OUTPUT_DELTAS: dict[tuple[str, str], Callable[[sp.Expr, sp.Expr, sp.Expr], sp.Expr]] = {
    ("sigmoid", "cross-entropy"): lambda a, y, z: a - y,
}


def row_of(function) -> Activation:
    """The registry row of an activation Function class (or an application of one)."""
    cls = function if isinstance(function, type) else type(function)
    for row in ACTIVATIONS.values():
        if row.function is cls:
            return row
    raise KeyError(f"{cls.__name__} is not a registered activation")


def row_written(command: str):
    """The registry row whose function is written with ``\\command`` (\\tanh), or None."""
    return next((row for row in ACTIVATIONS.values() if row.head == "\\" + command), None)


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


def check_pair(activation_name: str, loss_name: str) -> None:
    """The activation/loss combinations a network can compute with, the same for every
    command (``verify --layers``, ``codegen``, ``train``): ValueError with the reason.
    (The catalog's delta-output claims are algebra and hold for every pair.)"""
    act, los = activation(activation_name), loss(loss_name)
    if los.softmax:
        return                 # the output layer is the softmax whatever the hidden units
    if los.name == "cross-entropy" and act.name != "sigmoid":
        raise ValueError(f"the cross-entropy loss takes the logarithm of the outputs and of 1 "
                         f"minus them, so they must lie in (0, 1): use --activation sigmoid "
                         f"with it, not {act.name}")


def output_delta_closed(act: Activation, los: Loss, a, y, z):
    """delta^(n)_j as stated: dE/da_j * f'(z_j), or the simplified special form (a - y
    for a softmax output with cross-entropy, whatever the hidden activation)."""
    if los.softmax:
        return a - y
    special = SPECIAL_OUTPUT_DELTAS.get((act.name, los.name))
    if special is not None:
        return special(a, y, z)
    return los.dE_da_closed(a, y) * act.fprime_closed(a, z)
