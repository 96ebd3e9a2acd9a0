"""``numpy`` (``np``) for a module run on symbols: SymPy object arrays (see
:mod:`symnet.prove.shims.arrays`), NumPy's structural operations kept, its elementwise
functions applied entry by entry as SymPy functions (entries of :data:`ELEMENTWISE`)."""
from __future__ import annotations

import types

import numpy as np
import sympy as sp

from symnet.prove.shims.arrays import (ELEMENTWISE, Unsupported, array, each, matmul as
                                       _matmul, number_type)


def _out(result, out):
    result = array(result)
    if out is not None:
        out[...] = result
        return out
    return result


class ArrayModule(types.ModuleType):
    """An array library on SymPy object arrays: ``elementwise`` maps the library's names of
    elementwise functions onto :data:`ELEMENTWISE`; any other name is refused (Unsupported
    names it)."""

    library = "np"
    elementwise: dict = {}

    def __init__(self, name):
        super().__init__(name)
        for mine, numpy_name in self.elementwise.items():
            setattr(self, mine, each(ELEMENTWISE[numpy_name]))

    @staticmethod
    def asarray(x, dtype=None, **_):
        return array(x)

    ascontiguousarray = as_tensor = asarray

    @staticmethod
    def empty(shape, dtype=None, **_):
        """Entries start as exact 0 (an empty array's values are never read before being
        written in the kernels; the numba template accumulates into np.zeros)."""
        return array(np.full(shape, sp.S.Zero, dtype=object))

    zeros = empty

    @staticmethod
    def matmul(a, b, out=None):
        return _out(_matmul(a, b), out)

    @staticmethod
    def concatenate(parts, axis=0, **_):
        return array(np.concatenate([np.asarray(p, dtype=object) for p in parts], axis=axis))

    def __getattr__(self, name):
        raise Unsupported(f"the module calls {self.library}.{name}, which has no symbolic "
                          "version here")


class SymbolicNumpy(ArrayModule):
    """The ``np`` a generated module sees when it is run on symbols."""

    float64 = float32 = staticmethod(number_type)
    elementwise = {n: n for n in ("exp", "log", "log1p", "expm1", "sqrt", "tanh", "sinh",
                                  "cosh", "sin", "cos", "arctan", "logaddexp", "power",
                                  "maximum", "reciprocal", "negative", "multiply", "where",
                                  "greater", "greater_equal")}

    def __init__(self):
        super().__init__("numpy (symbolic)")

    @staticmethod
    def vectorize(fn, otypes=None, **_):
        """np.vectorize(math.erfc, ...): the (shimmed) scalar function entry by entry."""
        return each(lambda *args: sp.sympify(fn(*args)))

    @staticmethod
    def result_type(*_):
        return object
