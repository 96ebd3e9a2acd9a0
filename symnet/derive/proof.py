"""Every step of a derivation proved by ``symnet check``'s own machinery: the step's LaTeX
goes through :func:`symnet.checker.equation.check_equation`, which reads it in the
single-hidden-layer notation, differentiates the nested definitions of the network with
SymPy (every d/d of the step is SymPy's, through every intermediate) and decides each "="
exactly for symbolic d, q, l.  Nothing of the derivation is trusted: a wrong factor is
refuted there with its counterexample."""
from __future__ import annotations

from symnet.checker import documents
from symnet.checker.document import Equation, starting_context

HOLDS = documents.HOLDS


def prove(text: str, activation: str = "sigmoid", loss: str = "squared"):
    """The checker's :class:`~symnet.checker.equation.Verdict` on the equation ``text``
    (a chain ``a = b = ...`` in the book's symbols) for the network with ``activation``
    and ``loss`` (registry names)."""
    context = starting_context(activation, loss)
    return documents.check_equation(Equation(1, text, text, context))


def prove_steps(steps, activation: str, loss: str) -> None:
    """Set ``verdict`` and ``detail`` of every step not yet proved (``detail``: the sizes
    the proof covers, or why it failed)."""
    for step in steps:
        if step.verdict:
            continue
        verdict = prove(step.latex, activation, loss)
        step.verdict = verdict.status
        step.detail = verdict.sizes if verdict.status == HOLDS else verdict.detail
