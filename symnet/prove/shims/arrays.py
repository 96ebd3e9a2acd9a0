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

A maximum of entries (``Z.max(axis=1)``, numba's ``max(top, z)``: softmax's shift by the
row's maximum) is a comparison with no symbolic value; it is returned as a fresh real
symbol, a shift t (:func:`shift`), one per maximum the module computes.  What is proved
with t a free symbol holds for every real t, so for t = the maximum too; a module whose
result depends on t is not proved (its entries differ for some t).
"""
from __future__ import annotations

import numpy as np
import sympy as sp

#: clips at or below this (the overflow limits are -700 for float64 and -80 for float32)
#: are guards against overflow, taken as inactive
CLIP = -50


class Unsupported(ValueError):
    """The module does something that has no symbolic value here (the reason says what)."""


#: the shifts made so far (a counter: each one's name is distinct in the process)
_SHIFTS = [0]


def shift() -> sp.Symbol:
    """A fresh real symbol standing for a maximum the module computes (see the module
    docstring): ``shift_N``."""
    _SHIFTS[0] += 1
    return sp.Symbol(f"shift_{_SHIFTS[0]}", real=True)


def is_shift(symbol) -> bool:
    return isinstance(symbol, sp.Symbol) and symbol.name.startswith("shift_")


def maximum_of(values):
    """The maximum of ``values``: the number when all are numbers (decided exactly), else a
    fresh shift symbol (:func:`shift`)."""
    values = [exact(v) for v in values]
    if all(v.is_number for v in values):
        return max(values)
    return shift()


#: irrational constants the printers write as floats (GELU's 1/sqrt(2 pi), 1/sqrt(2)): a
#: float that is exactly the double nearest to one of them is read as it (stated, as
#: reading 0.5 as 1/2 is)
CONSTANTS = {float(c): c for c in (
    1 / sp.sqrt(2 * sp.pi), 1 / sp.sqrt(2), sp.sqrt(2), sp.sqrt(2 / sp.pi), sp.pi,
    1 / sp.pi, sp.E)}
CONSTANTS.update({-f: -c for f, c in list(CONSTANTS.items())})


def exact(value):
    """A Python float the module wrote (1.0, 0.01, 700.0) as the rational it prints as (or
    as the constant of :data:`CONSTANTS` whose double it is); anything else as SymPy reads
    it."""
    if isinstance(value, float):
        return CONSTANTS.get(value) or sp.Rational(repr(value))
    return sp.sympify(value)


def _exact_operand(op):
    """An arithmetic operator of :class:`SymbolicArray` whose Python float operand is read
    by :func:`exact` first (before SymPy would fold it into a Float)."""
    method = getattr(np.ndarray, op)

    def apply(self, other):
        return method(self, exact(other) if isinstance(other, float) else other)
    return apply


def clip_below(value, bound):
    """max(value, bound): a clip at the overflow limit (bound <= CLIP) is inactive (stated,
    not proved); any other is bound + (value - bound) H(value - bound), ReLU's max(z, 0)
    = z H(z)."""
    value, bound = exact(value), exact(bound)
    if bound.is_number and bound <= CLIP:
        return value
    return bound + (value - bound) * sp.Heaviside(value - bound, 0)


def clip_above(value, bound):
    """min(value, bound): a clip at or above the overflow limit (bound >= -CLIP) is
    inactive (stated, not proved, as for clip_below); any other is
    bound + (value - bound) H(bound - value), exact wherever value != bound."""
    value, bound = exact(value), exact(bound)
    if bound.is_number and bound >= -CLIP:
        return value
    return bound + (value - bound) * sp.Heaviside(bound - value, 0)


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
    "maximum": clip_below, "minimum": clip_above, "reciprocal": lambda a: 1 / a, "negative": lambda a: -a,
    "multiply": lambda a, b: a * b, "where": where,
    # a comparison is the indicator H(a - b) that it holds (H(0) = 0 strict, 1 otherwise)
    "greater": lambda a, b: sp.Heaviside(a - b, 0),
    "greater_equal": lambda a, b: sp.Heaviside(a - b, 1),
    "sigmoid": lambda u: 1 / (1 + sp.exp(-u)), "softplus": _softplus,
    # the standard normal CDF (GELU's Phi): exactly (1 + erf(x / sqrt 2)) / 2
    "ndtr": lambda u: (1 + sp.erf(u / sp.sqrt(2))) / 2, "erf": sp.erf, "erfc": sp.erfc,
}


def softmax(Z, axis=-1, dim=None, **_):
    """``jax.nn.softmax`` and ``torch.softmax`` as their definition: e^z_j / sum_i e^z_i
    along ``axis`` (the libraries' own shift by the maximum is inside the library, which is
    taken to compute the function it is documented to)."""
    axis = dim if dim is not None else axis
    E = np.frompyfunc(sp.exp, 1, 1)(np.asarray(Z, dtype=object))
    return array(E / E.sum(axis=axis, keepdims=True))


def logsumexp(Z, axis=None, dim=None, keepdims=False, keepdim=False, **_):
    """``jax.nn.logsumexp`` and ``torch.logsumexp`` as their definition: ln sum_i e^z_i."""
    axis = dim if dim is not None else axis
    E = np.frompyfunc(sp.exp, 1, 1)(np.asarray(Z, dtype=object))
    result = np.frompyfunc(sp.log, 1, 1)(E.sum(axis=axis, keepdims=keepdims or keepdim))
    return array(result) if isinstance(result, np.ndarray) else result


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


def matmul(a, b):
    """The matrix product a @ b of object arrays, each entry one ``sp.Add`` of its
    products: the same SymPy expression as NumPy's running sum (SymPy's sum is canonical,
    whatever the order the terms come in), built in time linear in the inner dimension
    rather than quadratic (a 784-wide sum rebuilt at every term takes minutes); any shape
    but two matrices is NumPy's own product."""
    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[0] or a.shape[1] < 2:
        return array(a @ b)
    out = np.empty((a.shape[0], b.shape[1]), dtype=object)
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            out[i, j] = sp.Add(*(x * y for x, y in zip(a[i], b[:, j])))
    return array(out)


class SymbolicArray(np.ndarray):
    """An object array of SymPy expressions whose comparisons give indicators (see
    :func:`comparison`) instead of truth values (which SymPy cannot decide); ``@`` is
    :func:`matmul`."""

    def __matmul__(self, other):
        return matmul(self, other)

    def __rmatmul__(self, other):
        return matmul(other, self)

    for _op in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
                "__truediv__", "__rtruediv__", "__pow__"):
        locals()[_op] = _exact_operand(_op)
    del _op

    __gt__ = comparison(strict=True, positive=True)
    __ge__ = comparison(strict=False, positive=True)
    __lt__ = comparison(strict=True, positive=False)
    __le__ = comparison(strict=False, positive=False)

    def max(self, axis=None, keepdims=False, dim=None, keepdim=False, **_):
        """The maximum over ``axis`` (numpy, jax) or ``dim`` (torch): one shift symbol per
        maximum (:func:`maximum_of`)."""
        axis = dim if axis is None else axis
        keep = keepdims or keepdim
        data = np.asarray(self, dtype=object)
        if axis is None:
            result = np.array(maximum_of(data.flat), dtype=object)
            return result.reshape((1,) * data.ndim) if keep else result[()]
        moved = np.moveaxis(data, axis, -1)
        out = np.empty(moved.shape[:-1], dtype=object)
        for where_, _ in np.ndenumerate(out):
            out[where_] = maximum_of(moved[where_])
        if keep:
            out = np.expand_dims(out, axis)
        return array(out)

    amax = max

    def sum(self, axis=None, keepdims=False, dim=None, keepdim=False, **_):
        """numpy's ``sum(axis, keepdims)`` and torch's ``sum(dim, keepdim)``."""
        axis = dim if axis is None else axis
        result = np.asarray(self, dtype=object).sum(axis=axis, keepdims=keepdims or keepdim)
        return array(result) if isinstance(result, np.ndarray) else result

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
