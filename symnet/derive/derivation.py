"""``derive(wrt, of)``: the derivative d of / d wrt of section 5.3's network, worked as the
book's chain (:mod:`~symnet.derive.chain`, :mod:`~symnet.derive.steps`) and every step
proved by the checker (:mod:`~symnet.derive.proof`).

``of`` is a quantity (``E_k`` by default, or an intermediate such as ``\\hat{y}_j``) or
its definition, ``E_k = \\frac12 \\sum_j (\\hat{y}_j - y_j)^2``: a definition is first
proved to be the network's (and picks the loss: the squared error (5.4) or the
cross-entropy of sigmoid outputs), then it is the first step.
"""
from __future__ import annotations

from dataclasses import dataclass

from symnet.core.registry import ACTIVATIONS, check_pair
from symnet.derive.chain import Chain, derive_chain
from symnet.derive.latex import latex
from symnet.derive.matrix import MATRIX_MARKS, derive_matrix
from symnet.derive.proof import HOLDS, prove, prove_steps
from symnet.derive.quantities import DeriveError, Quantity, read_quantity
from symnet.derive.steps import Step, chain_steps
from symnet.prove.single_layer import SingleLayer, single_layer_model

#: the losses of the single-hidden-layer network, tried in this order for a definition
LOSSES = SingleLayer.LOSSES


@dataclass
class Derivation:
    """d ``top`` / d ``wrt`` for the network with ``activation`` and ``loss``: the worked
    ``chain`` and its ``steps``, each with the checker's verdict once proved."""

    top: Quantity
    wrt: Quantity
    activation: str
    loss: str
    chain: Chain
    steps: list

    @property
    def holds(self) -> bool:
        return all(step.verdict == HOLDS for step in self.steps)

    @property
    def result(self) -> str:
        """The closed form, in the book's symbols (``- b_{h} g_{j}``)."""
        return latex(self.chain.result)

    def as_json(self) -> dict:
        return {"quantity": self.top.latex, "wrt": self.wrt.latex,
                "activation": self.activation, "loss": self.loss,
                "steps": [{"latex": s.latex, "reason": s.reason, "verdict": s.verdict,
                           ("sizes" if s.verdict == HOLDS else "detail"): s.detail}
                          for s in self.steps],
                "result": self.result, "verdict": "holds" if self.holds else "refuted"}


def derive(wrt: str, of: str = "E_k", activation: str = None, loss: str = None,
           proved: bool = True, layers=None) -> Derivation:
    """d ``of`` / d ``wrt`` (see the module's docstring); ``activation``: a registry row
    (default sigmoid) whose derivative is a function of the unit's output; ``loss``:
    squared (default) or cross-entropy.  Every step is proved unless ``proved`` is
    False.  A weight matrix of the notes' matrix notation (``\\tilde{\\Theta}^{(kl)}``) is
    derived by :func:`~symnet.derive.matrix.derive_matrix` (``layers``: the network for
    layer numbers).  DeriveError on what cannot be derived, with the reason."""
    if MATRIX_MARKS.search(wrt):
        return derive_matrix(wrt, of, activation, loss, layers, proved)
    activation = _activation(activation)
    if loss is not None:
        _pair(activation, loss)
    target = read_quantity(wrt)
    top, definition, loss = _quantity(of, activation, loss)
    _pair(activation, loss)
    model = single_layer_model(ACTIVATIONS[activation].function, loss)
    chain = derive_chain(model, top, target)
    if chain.summed and loss == "cross-entropy":
        raise DeriveError(f"with the cross-entropy loss the chain to {target.latex} runs "
                          f"through the hidden layer (a sum over {chain.summed}), whose steps "
                          "symnet check cannot decide within its time limit; use the squared "
                          "loss, or differentiate by w_hj, theta_j, beta_j or yhat_j")
    steps = ([definition] if definition else []) + chain_steps(chain)
    derivation = Derivation(top, target, activation, loss, chain, steps)
    if proved:
        prove_steps(derivation.steps, activation, loss)
    return derivation


def _pair(activation: str, loss: str) -> None:
    if loss not in LOSSES:
        raise DeriveError(f"--loss {loss!r}: derive reads {', '.join(LOSSES)}")
    try:
        check_pair(activation, loss)
    except ValueError as exc:
        raise DeriveError(str(exc)) from None


def _activation(name) -> str:
    if name is None:
        return "sigmoid"
    if name == "step":
        raise DeriveError("--activation step: the step function's derivative is 0 wherever "
                          "it exists, so there is nothing to back-propagate")
    if name not in ACTIVATIONS:
        raise DeriveError(f"--activation {name!r}: unknown; known: {', '.join(ACTIVATIONS)}")
    return name


def _quantity(of: str, activation: str, loss):
    """(the quantity ``of`` names, the step of its definition or None, the loss)."""
    if "=" not in of:
        return read_quantity(of, "the quantity"), None, loss or "squared"
    left, right = (part.strip() for part in of.split("=", 1))
    top = read_quantity(left, "the quantity")
    tried = [loss] if loss else (LOSSES if top.name == "E" else ("squared",))
    details = []
    for name in tried:
        if name == "cross-entropy" and activation != "sigmoid":
            continue                   # its logarithms need outputs in (0, 1)
        verdict = prove(of, activation, name)
        if verdict.status == HOLDS:
            which = f", {name} loss" if top.name == "E" else ""
            step = Step(left, right, f"the definition given: the network's ${top.latex}$ "
                        f"{top.defined}{which}", "definition", HOLDS, verdict.sizes)
            return top, step, name
        details.append(f"{name} loss: {verdict.status}: {verdict.detail}")
    raise DeriveError(f"'{of}' is not the network's {top.latex} with f = {activation} "
                      f"({'; '.join(details)})")
