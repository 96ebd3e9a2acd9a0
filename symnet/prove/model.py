"""Named intermediates with symbolic sizes: definitions, unfolding and derivatives.

A :class:`Model` holds, for each named quantity of the notes (alpha_h, b_h, beta_j,
yhat_j, z^(l)_j, ...), its defining expression as a function of its indices.  It can

- ``unfold`` an expression: replace named quantities by their definitions (to a fixed
  point, or only the names asked for), so two sides can be compared at the parameters;
- ``D(expr, var)``: SymPy's ``diff`` of a defining expression followed by Kronecker
  collapse, using the index ranges of the model;
- ``equal(lhs, rhs)``: exact proof that two expressions agree once unfolded.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

import sympy as sp
from sympy import Indexed, IndexedBase, Sum

from symnet.prove.algebra import collapse_kronecker, is_zero, peel_zero

Rule = Callable[..., Optional[sp.Expr]]


class Model:
    """Definitions of named quantities plus the ranges of the free indices."""

    notation = ""    # how the report prints the model's symbols (printer.NOTATIONS)

    #: unfolding these needs sums from 0 split first (a~_0 = -1 differs from a~_i)
    peel_for: frozenset = frozenset()

    def __init__(self, ranges: dict):
        self.ranges = dict(ranges)
        self.rules: dict[IndexedBase, Rule] = {}

    def define(self, base: IndexedBase, rule: Rule) -> None:
        """rule(*indices, ranges=...) gives the definition, or None where it does not apply."""
        self.rules[base] = rule

    def _replace(self, expr, bases: Iterable[IndexedBase], ranges: dict):
        if isinstance(expr, Indexed) and expr.base in bases:
            new = self.rules[expr.base](*expr.indices, ranges=ranges)
            return expr if new is None else new
        if expr.is_Atom or not expr.args:
            return expr
        if isinstance(expr, Sum):
            inner = dict(ranges)
            for var, lo, hi in expr.limits:
                inner[var] = (lo, hi)
            body = self._replace(expr.function, bases, inner)
            return Sum(body, *expr.limits)
        return expr.func(*(self._replace(a, bases, ranges) for a in expr.args))

    def unfold(self, expr, only: Optional[Iterable[IndexedBase]] = None, limit: int = 20):
        """Replace the named quantities in ``only`` (default: all) by their definitions,
        repeatedly, until none is left; sums from 0 are split so row 0 is seen."""
        bases = tuple(only) if only is not None else tuple(self.rules)
        peel = bool(self.peel_for & set(bases))
        for _ in range(limit):
            new = self._replace(peel_zero(expr) if peel else expr, bases, self.ranges)
            if new == expr:
                return new
            expr = new
        raise RuntimeError("definitions do not terminate when unfolded")

    #: named quantities the report may print an expression through, innermost first
    NAMED: tuple = ()

    def fold(self, expr, base: IndexedBase):
        """``expr`` with every occurrence of ``base``'s definition (any index) written as
        ``base`` itself: the inverse of unfolding one name (for printing only)."""
        n = sp.Wild("n")
        pattern = self.rules[base](n, ranges=self.ranges)
        return expr if pattern is None else expr.replace(pattern, base[n])

    def folds(self) -> list:
        """One rewriting per name of ``NAMED``, each folding that name back in."""
        return [lambda expr, base=getattr(self, name): self.fold(expr, base)
                for name in self.NAMED]

    def D(self, expr, var):
        """d expr / d var by SymPy's diff (chain rule included), Kronecker sums collapsed."""
        return collapse_kronecker(sp.diff(expr, var), self.ranges)

    def fprime(self, arg):
        """f'(arg): SymPy's derivative of the model's activation ``self.f`` at arg."""
        t = sp.Dummy("t")
        return sp.diff(self.f(t), t).xreplace({t: arg})

    def equal(self, lhs, rhs) -> tuple[bool, sp.Expr]:
        """Exact proof of lhs == rhs after unfolding every named quantity; tuples of
        expressions (the cases of one statement) are compared component by component."""
        if isinstance(lhs, tuple):
            if not isinstance(rhs, tuple) or len(lhs) != len(rhs):
                return False, sp.nan
            for left, right in zip(lhs, rhs):
                ok, residual = self.equal(left, right)
                if not ok:
                    return ok, residual
            return True, sp.S.Zero
        difference = self.unfold(lhs) - self.unfold(rhs)
        return is_zero(difference, self.ranges)


class ExpressionModel(Model):
    """No indices: unfolding rewrites every registry activation by its elementary
    definition (sigmoid(x) -> 1/(1 + e^-x), Heaviside(x, H0) -> Piecewise with H0 at 0)."""

    def __init__(self):
        super().__init__({})

    def unfold(self, expr, only=None, limit=20):
        from symnet.core.registry import ActivationBase
        expr = expr.replace(lambda e: isinstance(e, ActivationBase),
                            lambda e: type(e).definition(e.args[0]))
        return expr.replace(lambda e: isinstance(e, sp.Heaviside), _heaviside_piecewise)


def _heaviside_piecewise(step):
    """Heaviside(x, H0) as a Piecewise that keeps its value at 0: 1 for x > 0, H0 at
    x = 0, 0 below (Heaviside(x, 0) and Heaviside(x, 1) differ at 0, and so do these)."""
    x, at_zero = step.args[0], step.args[1] if len(step.args) > 1 else sp.Rational(1, 2)
    return sp.Piecewise((1, x > 0), (at_zero, sp.Eq(x, 0)), (0, True))


def index(name: str) -> sp.Symbol:
    """An integer index symbol (i, h, j, ...)."""
    return sp.Symbol(name, integer=True)


def size(name: str) -> sp.Symbol:
    """A symbolic layer size (d, q, l, s_k, ...): a positive integer."""
    return sp.Symbol(name, integer=True, positive=True)
