"""SymPy object arrays with NumPy's structure: the value every shimmed array library
computes on.

An array is a NumPy object array whose entries are SymPy expressions: NumPy's structural
operations (``@``, slicing, ``.T``, ``sum``, broadcasting, ``out=``) are kept as they are;
elementwise functions are applied entry by entry as SymPy functions (:func:`each`);
comparisons give 0/1 indicators ``Heaviside(d, H0)`` instead of truth values, which SymPy
cannot decide for symbols (:func:`comparison`).

Library functions are taken as the mathematical functions they are documented to compute
(``np.exp`` is exp, ``jax.nn.softplus`` is ln(1 + e^z)): the one table
:data:`ELEMENTWISE` says which SymPy function each name is.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

#: clips at or below this (the overflow limits are -700 for float64 and -80 for float32)
#: are guards against overflow, taken as inactive
CLIP = -50


class Unsupported(ValueError):
    """The module does something that has no symbolic value here (the reason says what)."""


def exact(value):
    """A Python float the module wrote (1.0, 0.01, 700.0) as the rational it prints as;
    anything else as SymPy reads it."""
    if isinstance(value, float):
        return sp.Rational(repr(value))
    return sp.sympify(value)


def clip_below(value, bound):
    """max(value, bound): a clip at the overflow limit (bound <= CLIP) is inactive (stated,
    not proved); any other is bound + (value - bound) H(value - bound), ReLU's max(z, 0)
    = z H(z)."""
    value, bound = exact(value), exact(bound)
    if bound.is_number and bound <= CLIP:
        return value
    return bound + (value - bound) * sp.Heaviside(value - bound, 0)


def where(condition, a, b):
    """where(C, A, B) entry by entry: C A + (1 - C) B for a 0/1 indicator C (what a
    comparison gives here), a Piecewise for a SymPy truth value."""
    condition = sp.sympify(condition)
    if isinstance(condition, sp.logic.boolalg.Boolean):
        return sp.Piecewise((exact(a), condition), (exact(b), True))
    return condition * exact(a) + (1 - condition) * exact(b)


def _softplus(z):
    return sp.log(1 + sp.exp(z))


#: every elementwise library function the shims know, by its NumPy name: the SymPy
#: function it computes (aliases of other libraries map onto these names)
ELEMENTWISE = {
    "exp": sp.exp, "log": sp.log, "log1p": lambda u: sp.log(1 + u),
    "expm1": lambda u: sp.exp(u) - 1, "sqrt": sp.sqrt, "tanh": sp.tanh, "sinh": sp.sinh,
    "cosh": sp.cosh, "sin": sp.sin, "cos": sp.cos, "arctan": sp.atan,
    "logaddexp": lambda a, b: sp.log(sp.exp(a) + sp.exp(b)), "power": lambda a, b: a ** b,
    "maximum": clip_below, "reciprocal": lambda a: 1 / a, "negative": lambda a: -a,
    "multiply": lambda a, b: a * b, "where": where,
    # a comparison is the indicator H(a - b) that it holds (H(0) = 0 strict, 1 otherwise)
    "greater": lambda a, b: sp.Heaviside(a - b, 0),
    "greater_equal": lambda a, b: sp.Heaviside(a - b, 1),
    "sigmoid": lambda u: 1 / (1 + sp.exp(-u)), "softplus": _softplus,
}


def each(fn):
    """A NumPy-style elementwise function on object arrays, ``out=`` honoured; on plain
    numbers (no array among the arguments) it gives a number."""
    def apply(*args, out=None, **_):
        arrays = [np.asarray(exact(a) if isinstance(a, float) else a, dtype=object)
                  for a in args]
        result = np.frompyfunc(fn, len(arrays), 1)(*arrays)
        if not any(isinstance(a, np.ndarray) for a in args) and np.ndim(result) == 0:
            return result
        result = array(result)
        if out is not None:
            out[...] = result
            return out
        return result
    return apply


def comparison(strict: bool, positive: bool):
    """The entrywise comparison of a :class:`SymbolicArray` with another operand: the
    indicator Heaviside(d, H0) that d > 0, where d = left - right (``positive``) or
    right - left, and H0 its value at d = 0 (0 for a strict comparison, 1 otherwise)."""
    at_zero = sp.S.Zero if strict else sp.S.One

    def compare(self, other):
        def one(a, b):
            d = exact(a) - exact(b)
            return sp.Heaviside(d if positive else -d, at_zero)
        return np.frompyfunc(one, 2, 1)(np.asarray(self, dtype=object),
                                        np.asarray(other, dtype=object)).view(SymbolicArray)
    return compare


class SymbolicArray(np.ndarray):
    """An object array of SymPy expressions whose comparisons give indicators (see
    :func:`comparison`) instead of truth values (which SymPy cannot decide)."""

    __gt__ = comparison(strict=True, positive=True)
    __ge__ = comparison(strict=False, positive=True)
    __lt__ = comparison(strict=True, positive=False)
    __le__ = comparison(strict=False, positive=False)

    def to(self, *_, **__):
        """torch's ``Tensor.to(dtype)``: a conversion of the dtype, nothing on symbols."""
        return self


def array(x) -> SymbolicArray:
    """``x`` as a :class:`SymbolicArray` (object entries)."""
    return np.asarray(x, dtype=object).view(SymbolicArray)


def number_type(x):
    """A dtype object called as a function (numba's module returns ``DTYPE(E)``): a
    conversion of the number, nothing on symbols."""
    return x
