"""symnet: derive and machine-check the back-propagation formulas of chapter 5 of Zhou
Zhihua's *Machine Learning* with SymPy.

Public API (imported on first use, so ``import symnet`` stays light):
- :func:`check`, :func:`verify`, :func:`kernels`, :func:`codegen` -- the commands as
  functions for notebooks (:mod:`symnet.api`; results display in Jupyter);
- :func:`activation`, :func:`loss` -- define your own by its formula (:mod:`symnet.define`);
- :func:`check_entrywise` -- every gradient entry of a concrete network, exactly;
- :class:`SingleLayer`, :class:`LayerPair` -- the symbolic-size models;
- ``ACTIVATIONS``, ``LOSSES`` -- the registry;
- :func:`run_claims` with :func:`catalog` -- the claim catalog;
- :mod:`symnet.extend` -- what a derivation author needs (``Chain``, ``Check``,
  ``Derivation``, ``Model``, ``index``, ``size``).

Layers, each importing only those below it (tests/test_architecture.py checks it)::

    cli, extend, api            the command line, the extension API, the notebook API
    bench                       timings
    report                      the PDFs
    runner                      runs the catalog (claims + checker + derivations)
    derivations | checker | numeric
    prove                       the exact prover and the notes' networks
    core                        claims data model, registry, notation, layer specs, files
"""
__version__ = "0.1.0"

_API = {
    "ACTIVATIONS": "symnet.core.registry", "LOSSES": "symnet.core.registry",
    "LayerPair": "symnet.prove.multilayer", "SingleLayer": "symnet.prove.single_layer",
    "check_entrywise": "symnet.prove.entrywise",
    "run_claims": "symnet.runner", "catalog": "symnet.runner",
    "check": "symnet.api", "verify": "symnet.api", "kernels": "symnet.api",
    "codegen": "symnet.api", "activation": "symnet.define", "loss": "symnet.define",
}

__all__ = sorted(_API) + ["__version__"]


def __dir__():
    """The public API (imported on first use, so not yet in the module's namespace) and
    the module's own attributes."""
    return sorted(set(__all__) | {n for n in globals() if n.startswith("__")})


def __getattr__(name):
    if name in _API:
        from importlib import import_module
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'symnet' has no attribute {name!r}")
