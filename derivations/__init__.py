"""The claim catalog: what the notes state, one module per section of the notes.

``CATALOG`` lists every claim in the notes' order; ``symnet verify`` runs it.  To add a
derivation, write a module with a ``CLAIMS`` list (see README, "Adding a derivation")
and append it to ``MODULES``.
"""
from importlib import import_module

MODULES = ["perceptron", "standard_bp", "accumulated", "rbf", "vanishing", "multilayer_bp",
           "activations", "boltzmann"]


def catalog():
    """All claims, in order."""
    claims = []
    for name in MODULES:
        claims.extend(import_module(f"derivations.{name}").CLAIMS)
    return claims
