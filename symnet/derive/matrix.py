"""``symnet derive --wrt '\\tilde{\\Theta}^{(kl)}'``: the gradient of E by a weight matrix in
the notes' matrix notation, as the chain through z^(l), with the shapes:

    dE/dTheta~^(kl) = a~^(k) [dE/dz^(l)]^T          z^(l) = [Theta~^(kl)]^T a~^(k)
    delta^(l) = dE/dz^(l)                            (the notes' definition)
    dE/dTheta~^(kl) = a~^(k) [delta^(l)]^T           (s_k + 1) x 1 times 1 x s_l
    delta^(k) = (Theta^(kl) delta^(l)) ⊙ f'(z^(k))   the recursion, down from the output
    delta^(n) = (a^(n) - y) ⊙ f'(z^(n))              the output layer (squared error)

``\\Theta^{(kl)}`` (the weights without the thresholds' row) gives a^(k) in place of
a~^(k).  Layer letters (kl) are proved for symbolic widths, layer numbers such as (23) on
the network ``layers`` (default the notes' 3-4-4-3), down every layer to the output.
Every step is an equation that ``symnet check`` proves: the left sides are SymPy's
derivatives of the nested error (:mod:`symnet.prove.nested`), never these forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from symnet.checker import documents
from symnet.checker.document import Equation, starting_context
from symnet.core.notation import NOTES_NETWORK
from symnet.derive.proof import HOLDS
from symnet.derive.quantities import DeriveError
from symnet.derive.steps import Step

#: \tilde{\Theta}^{(kl)}, \Theta^{(23)}, with or without braces and spaces
_WEIGHTS = re.compile(r"^(?P<tilde>(?:wide)?tilde\{?)?Theta\}?\^\{?\((?P<k>[a-z1-9])(?P<l>[a-z1-9])\)\}?$")
#: the symbols that mark a request in the matrix notation
MATRIX_MARKS = re.compile(r"\^\s*\{?\s*\(|\\(?:tilde|widetilde)|Theta|\\delta|\\mathbf")


@dataclass
class MatrixDerivation:
    """dE/d``wrt`` in the matrix notation: its steps (each with the checker's verdict once
    proved) and the closed form ``result``; ``sizes`` says what the proofs cover."""

    wrt: str
    result: str
    steps: list
    sizes: str
    activation: str = "sigmoid"
    loss: str = "squared"

    @property
    def holds(self) -> bool:
        return all(step.verdict == HOLDS for step in self.steps)

    @property
    def header(self) -> str:
        return (f"dE/d{self.wrt} in the notes' matrix notation, f = sigmoid, squared error, "
                f"{self.sizes}; every step proved by symnet check:")

    def as_json(self) -> dict:
        return {"quantity": "E", "wrt": self.wrt, "activation": self.activation,
                "loss": self.loss, "sizes": self.sizes,
                "steps": [{"latex": s.latex, "reason": s.reason, "verdict": s.verdict,
                           ("sizes" if s.verdict == HOLDS else "detail"): s.detail}
                          for s in self.steps],
                "result": self.result, "verdict": "holds" if self.holds else "refuted"}


def read_weights(text: str):
    """(tilde, k, l) of ``\\tilde{\\Theta}^{(kl)}`` or ``\\Theta^{(23)}``; DeriveError else."""
    plain = re.sub(r"\s+|\\", "", text.strip().strip("$"))
    m = _WEIGHTS.match(plain)
    if not m:
        raise DeriveError(f"--wrt '{text}': in the matrix notation derive takes a weight "
                          r"matrix, \tilde{\Theta}^{(kl)} or \Theta^{(kl)} (layer letters, or "
                          r"numbers such as \Theta^{(23)})")
    k, l = m.group("k"), m.group("l")
    if k.isdigit() != l.isdigit():
        raise DeriveError(f"--wrt '{text}': the layers are two letters (kl) or two numbers")
    if k.isdigit() and int(l) != int(k) + 1:
        raise DeriveError(f"--wrt '{text}': Theta^({k}{l}) joins layers {k} and {l}, which "
                          "are not next to each other (the weights run from layer k to k + 1)")
    return bool(m.group("tilde")), k, l


def derive_matrix(wrt: str, of: str = "E", activation=None, loss=None, layers=None,
                  proved: bool = True) -> MatrixDerivation:
    """dE/d``wrt`` (see the module's docstring); DeriveError for what the matrix notation
    does not read (another activation or loss, a layer outside ``layers``)."""
    if re.sub(r"\s+", "", of) not in ("E", "E_k", "E_{k}"):
        raise DeriveError(f"'{of}': in the matrix notation derive differentiates the error E")
    if (activation or "sigmoid") != "sigmoid" or (loss or "squared") != "squared":
        raise DeriveError("the matrix notation is read with the sigmoid and the squared error "
                          "only (as symnet check reads it)")
    tilde, k, l = read_weights(wrt)
    sizes = list(layers or NOTES_NETWORK)
    if k.isdigit():
        if int(l) > len(sizes):
            raise DeriveError(f"--wrt '{wrt}': the network {','.join(map(str, sizes))} has "
                              f"{len(sizes)} layers, no layer {l}")
        steps = _steps(tilde, k, l, [str(m) for m in range(int(l), len(sizes))], str(len(sizes)),
                       sizes)
        covered = f"the network {','.join(map(str, sizes))}"
    else:
        steps = _steps(tilde, k, l, [k], "n", None)
        covered = "symbolic widths (layer letters)"
    derivation = MatrixDerivation(_weights(tilde, k, l), steps[2].right, steps, covered)
    if proved:
        for step in steps:
            verdict = documents.check_equation(
                Equation(1, step.latex, step.latex, starting_context()),
                sizes if k.isdigit() else None)
            step.verdict = verdict.status
            step.detail = verdict.sizes if verdict.status == HOLDS else verdict.detail
    return derivation


def _weights(tilde: bool, k: str, l: str) -> str:
    return (r"\tilde{\Theta}" if tilde else r"\Theta") + f"^{{({k}{l})}}"


def _steps(tilde, k, l, hidden, n, sizes) -> list:
    """The chain through z^(l), delta^(l)'s definition, the closed form, the recursion for
    each layer in ``hidden`` (letters: the general one) and the output layer ``n``."""
    a = (r"\tilde{\mathbf{a}}" if tilde else r"\mathbf{a}") + f"^{{({k})}}"
    left = rf"\frac{{\partial E}}{{\partial {_weights(tilde, k, l)}}}"
    dz = rf"\frac{{\partial E}}{{\partial \mathbf{{z}}^{{({l})}}}}"
    rows = f"(s_{k} + 1)" if tilde else f"s_{k}"
    if sizes:
        rows = str(sizes[int(k) - 1] + (1 if tilde else 0))
    cols = f"s_{l}" if sizes is None else str(sizes[int(l) - 1])
    steps = [
        Step(left, f"{a} [{dz}]^\\top", f"the chain rule through $\\mathbf{{z}}^{{({l})}}$, "
             f"whose entry $z^{{({l})}}_j$ has $\\partial z^{{({l})}}_j / \\partial "
             f"\\theta^{{({k}{l})}}_{{ij}} = {a}_i$", "chain"),
        Step(rf"\delta^{{({l})}}", dz, "the notes' definition of the delta", "named"),
        Step(left, f"{a} [\\delta^{{({l})}}]^\\top",
             f"the closed form: ${rows} \\times 1$ times $1 \\times {cols}$", "closed"),
    ]
    for m in hidden:
        nxt = "l" if m == k and not m.isdigit() else str(int(m) + 1) if m.isdigit() else "l"
        if m == n:
            continue
        steps.append(Step(rf"\delta^{{({m})}}",
                          rf"(\Theta^{{({m}{nxt})}} \delta^{{({nxt})}}) \odot f'(\mathbf{{z}}^{{({m})}})",
                          "the recursion: the deltas of the layer above, back through the "
                          "weights, times $f'$", "named"))
    steps.append(Step(rf"\delta^{{({n})}}", rf"(\mathbf{{a}}^{{({n})}} - \mathbf{{y}}) \odot "
                      rf"f'(\mathbf{{z}}^{{({n})}})", "the output layer: $E = \\frac12 "
                      r"\|\mathbf{a}^{(n)} - \mathbf{y}\|^2$ differentiated", "named"))
    return steps
