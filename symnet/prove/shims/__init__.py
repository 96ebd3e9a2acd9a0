"""The array libraries of the generated kernels, on symbols: one module per library.

:func:`load` executes a module's text with its imports answered by these shims (the
text itself is run as written): ``numpy``, ``jax``, ``torch``, ``numba`` and ``math``
become SymPy versions; any other import (``contextlib``) is the real one.
"""
from __future__ import annotations

import builtins
import types

import sympy as sp

from symnet.prove.shims.arrays import SymbolicArray, Unsupported, array, exact, maximum_of
from symnet.prove.shims.jax_shim import SymbolicJax
from symnet.prove.shims.numba_shim import SymbolicMath, SymbolicNumba
from symnet.prove.shims.numpy_shim import SymbolicNumpy
from symnet.prove.shims.torch_shim import SymbolicTorch

#: the shim of each library a kernel may import, by its top-level name
SHIMS = {"numpy": SymbolicNumpy, "jax": SymbolicJax, "torch": SymbolicTorch,
         "numba": SymbolicNumba, "math": SymbolicMath}

#: a module's backend is the first of these it imports (numba's also imports numpy)
_DETECT = ("numba", "jax", "torch", "numpy")


def _importer(made: dict):
    """An ``__import__`` that answers the libraries of :data:`SHIMS` with their shims
    (one instance per library and module, recorded in ``made``)."""
    def answer(name, globals=None, locals=None, fromlist=(), level=0):
        top, _, rest = name.partition(".")
        if level or top not in SHIMS:
            return builtins.__import__(name, globals, locals, fromlist, level)
        if top not in made:
            made[top] = SHIMS[top]()
        module = made[top]
        if fromlist:                         # from a.b import c: the module a.b
            for part in filter(None, rest.split(".")):
                module = getattr(module, part)
        return module
    return answer


def _max(*args, **kwargs):
    """Python's ``max`` for a module run on symbols: of numbers (or of a numba scalar
    function's path values, whose comparisons its oracle answers) as Python's; of SymPy
    expressions a fresh shift symbol (:func:`~symnet.prove.shims.arrays.maximum_of`)."""
    from symnet.prove.shims.numba_shim import Entry
    values = list(args[0]) if len(args) == 1 else list(args)
    if kwargs or any(isinstance(v, Entry) for v in values) \
            or not any(isinstance(v, sp.Basic) and not v.is_number for v in values):
        return builtins.max(*args, **kwargs)
    return maximum_of(values)


def load(text: str) -> tuple:
    """(module, backend): ``text`` executed with its array library replaced by the shims;
    backend is the library it imported (numba, jax, torch or numpy)."""
    made: dict = {}
    module = types.ModuleType("symnet_kernel_under_proof")
    module.__dict__["__builtins__"] = {**builtins.__dict__, "__import__": _importer(made),
                                      "max": _max}
    exec(compile(text, "<kernel under proof>", "exec"), module.__dict__)
    backend = next((b for b in _DETECT if b in made), None)
    if backend is None:
        raise Unsupported("the module imports none of numpy, jax, torch, numba")
    return module, backend


__all__ = ["SHIMS", "SymbolicArray", "Unsupported", "array", "exact", "load"]
