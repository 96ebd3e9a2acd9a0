"""symnet: derive and machine-check the back-propagation formulas of chapter 5 of Zhou
Zhihua's *Machine Learning* with SymPy.

Public API:
- :func:`check_entrywise` -- every gradient entry of a concrete network, exactly;
- :class:`SingleLayer`, :class:`LayerPair` -- the symbolic-size models;
- ``ACTIVATIONS``, ``LOSSES`` -- the registry;
- :func:`run_claims` with ``derivations.catalog()`` -- the claim catalog.
"""
__version__ = "0.1.0"

from .claims import run_claims  # noqa: E402
from .entrywise import check_entrywise  # noqa: E402
from .multilayer import LayerPair  # noqa: E402
from .registry import ACTIVATIONS, LOSSES  # noqa: E402
from .single_layer import SingleLayer  # noqa: E402

__all__ = ["ACTIVATIONS", "LOSSES", "LayerPair", "SingleLayer", "check_entrywise",
           "run_claims", "__version__"]
