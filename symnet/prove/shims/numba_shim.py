"""``numba`` and ``math`` for a module run on symbols: the numba template writes explicit
loops over the entries, so the module's own Python functions run on SymPy object arrays
(``numba.njit`` compiles them; here it keeps them as Python, which does not change their
value) and ``math``'s functions act on one SymPy expression.

Scalar code branches: ``max(Z, 0.0)``, ``abs(Z)``, ``1.0 if Z > 0.0 else 0.0`` ask Python
for a truth value that SymPy cannot give for a symbol.  Each compiled scalar function is
therefore executed once on fresh real symbols, every branch taken (:class:`Paths`: each
compared difference d gets a sign, d > 0 or d < 0, and every combination is run), and its
value summarised as a function of its arguments:

- when every path gives the same function (a stabilised softplus max(z, 0) + log1p(e^-|z|)
  is ln(1 + e^z) on both sides; exp of both sides compared, exp being one-to-one on the
  reals), that function, the path with the fewest operations;
- otherwise sum over the paths of its indicator times its value, the indicator of d > 0
  being Heaviside(d, 0), of d < 0 1 - Heaviside(d, 0) (ReLU's max(z, 0) = z H(z)): exact
  wherever no compared difference is 0, which is where kinked units are proved.

A comparison with a number at or below the overflow clip (-_EXP_LIMIT) is taken as the
clip being inactive, as for the array libraries.  A call on numbers only (f'(0) at the
kink) runs the function itself with exact comparisons.
"""
from __future__ import annotations

import math as _math
import types

import numpy as np
import sympy as sp

from symnet.prove.shims.arrays import CLIP, Unsupported, exact

#: the most paths one scalar function may have (2 per compared difference)
MAX_PATHS = 16


class Oracle:
    """The signs of the differences compared on one path: a difference seen before (or
    its negative) keeps its sign; a new one takes the next sign of ``prefix``, +1 after."""

    def __init__(self, prefix):
        self.prefix, self.decisions, self.signs = list(prefix), [], {}

    def sign(self, d) -> int:
        key = sp.expand(d)
        if key in self.signs:
            return self.signs[key]
        if -key in self.signs:
            return -self.signs[-key]
        n = len(self.decisions)
        self.signs[key] = self.prefix[n] if n < len(self.prefix) else 1
        self.decisions.append(self.signs[key])
        return self.signs[key]

    def indicator(self):
        """The 0/1 indicator of this path's region."""
        return sp.Mul(*(sp.Heaviside(k, 0) if s > 0 else 1 - sp.Heaviside(k, 0)
                        for k, s in self.signs.items()))

    def next_prefix(self):
        """The next path in depth-first order (the last +1 turned to -1), None at the end."""
        for j in range(len(self.decisions) - 1, -1, -1):
            if self.decisions[j] > 0:
                return self.decisions[:j] + [-1]
        return None


def value(x):
    """The SymPy value of an :class:`Entry`, a Python number or an expression."""
    return x.value if isinstance(x, Entry) else exact(x)


def _binary(op):
    def apply(self, other):
        return Entry(op(self.value, value(other)), self.oracle)
    return apply


def _compare(test):
    """A comparison of an Entry with another operand: a number when the difference is one,
    the clip's side against a constant at or below CLIP, else the path's sign of it."""
    def compare(self, other):
        right = value(other)
        d = self.value - right
        if d.is_number:
            return bool(test(d, 0))
        if right.is_number and right <= CLIP:
            return bool(test(1, 0))            # the clip is inactive: self > right
        return bool(test(self.oracle.sign(d), 0))
    return compare


class Entry:
    """One SymPy value inside a compiled scalar function, with the path's :class:`Oracle`
    answering its comparisons."""

    __slots__ = ("value", "oracle")

    def __init__(self, expr, oracle):
        self.value, self.oracle = value(expr), oracle

    def _sympy_(self):
        return self.value

    __add__ = __radd__ = _binary(lambda a, b: a + b)
    __mul__ = __rmul__ = _binary(lambda a, b: a * b)
    __sub__ = _binary(lambda a, b: a - b)
    __rsub__ = _binary(lambda a, b: b - a)
    __truediv__ = _binary(lambda a, b: a / b)
    __rtruediv__ = _binary(lambda a, b: b / a)
    __pow__ = _binary(lambda a, b: a ** b)
    __rpow__ = _binary(lambda a, b: b ** a)
    __gt__ = _compare(lambda d, z: d > z)
    __ge__ = _compare(lambda d, z: d >= z)
    __lt__ = _compare(lambda d, z: d < z)
    __le__ = _compare(lambda d, z: d <= z)

    def __neg__(self):
        return Entry(-self.value, self.oracle)

    def __pos__(self):
        return self

    def __abs__(self):
        """Python's abs: x if x >= 0 else -x (a branch)."""
        return self if self >= 0 else -self


def _paths(fn, arity):
    """(parameters, [(indicator, value), ...]): ``fn`` run on fresh real symbols along
    every combination of the signs of the differences it compares."""
    params = [sp.Dummy(f"arg{i}", real=True) for i in range(arity)]
    found, prefix = [], []
    while prefix is not None:
        oracle = Oracle(prefix)
        found.append((oracle, value(fn(*(Entry(p, oracle) for p in params)))))
        if len(found) > MAX_PATHS:
            raise Unsupported(f"{fn.__name__} branches on more than {MAX_PATHS} paths")
        prefix = oracle.next_prefix()
    return params, [(o.indicator(), v) for o, v in found]


def _same_function(a, b) -> bool:
    """a == b for every real argument: exactly, or exp(a) == exp(b) (exp is one-to-one on
    the reals, and it turns ln(1 + e^-z) + z into 1 + e^z)."""
    from symnet.prove.entrywise import exactly_equal
    return exactly_equal(a, b) or exactly_equal(sp.exp(a), sp.exp(b))


def summary(fn, arity):
    """(parameters, expression): the value of the scalar function ``fn`` (see the module
    docstring)."""
    params, paths = _paths(fn, arity)
    values = [v for _, v in paths]
    if all(_same_function(values[0], v) for v in values[1:]):
        return params, min(values, key=sp.count_ops)
    return params, sp.Add(*(i * v for i, v in paths))


class Jitted:
    """A function ``numba.njit`` compiled, kept as Python: on arrays it runs as written; on
    scalars its :func:`summary` (made once) gives the value; on numbers only it runs."""

    def __init__(self, fn):
        self.fn, self.summaries = fn, {}
        self.__name__ = getattr(fn, "__name__", "function")

    def __call__(self, *args):
        if any(isinstance(a, np.ndarray) for a in args):
            return self.fn(*args)
        values = [value(a) for a in args]
        oracle = next((a.oracle for a in args if isinstance(a, Entry)), None)
        if all(v.is_number for v in values):
            result = value(self.fn(*(Entry(v, Oracle(())) for v in values)))
        else:
            if len(args) not in self.summaries:
                self.summaries[len(args)] = summary(self.fn, len(args))
            params, expr = self.summaries[len(args)]
            result = expr.xreplace(dict(zip(params, values)))
        return Entry(result, oracle) if oracle is not None else result


def _njit(*args, **_):
    """numba.njit(fn) or numba.njit(**options)(fn): a :class:`Jitted`."""
    if args and callable(args[0]):
        return Jitted(args[0])
    return Jitted


class SymbolicNumba(types.ModuleType):
    """The ``numba`` a generated module sees when it is run on symbols."""

    def __init__(self):
        super().__init__("numba (symbolic)")
        self.njit = self.jit = _njit

    def __getattr__(self, name):
        raise Unsupported(f"the module calls numba.{name}, which has no symbolic version here")


def _lifted(fn):
    """A math function of one SymPy value, an Entry's path kept."""
    def apply(*args):
        result = fn(*(value(a) for a in args))
        oracle = next((a.oracle for a in args if isinstance(a, Entry)), None)
        return Entry(result, oracle) if oracle is not None else result
    return apply


#: math's functions the kernels' scalar code calls, as SymPy functions
MATH = {"exp": sp.exp, "log": sp.log, "log1p": lambda u: sp.log(1 + u),
        "expm1": lambda u: sp.exp(u) - 1, "sqrt": sp.sqrt, "tanh": sp.tanh,
        "sinh": sp.sinh, "cosh": sp.cosh, "sin": sp.sin, "cos": sp.cos, "atan": sp.atan,
        "erf": sp.erf, "erfc": sp.erfc}


class SymbolicMath(types.ModuleType):
    """The ``math`` a generated module sees when it is run on symbols."""

    pi, e = sp.pi, sp.E

    def __init__(self):
        super().__init__("math (symbolic)")
        for name, fn in MATH.items():
            setattr(self, name, _lifted(fn))

    def __getattr__(self, name):
        if hasattr(_math, name):
            raise Unsupported(f"the module calls math.{name}, which has no symbolic version "
                              "here")
        raise AttributeError(name)


__all__ = ["SymbolicMath", "SymbolicNumba", "Jitted", "summary"]
