"""A claim's statement in the notes' matrix notation, as a SymPy matrix expression, and
the check that it says the same as the claim's entrywise statement.

    delta^(k) = (Theta^(kl) delta^(l)) ⊙ f'(z^(k))      (bp-delta-recursion)
    dE/dTheta~^(kl) = a~^(k) [delta^(l)]^T              (bp-gradient)

The expression is built from ``MatrixSymbol`` (named in the notation table's ``MATRICES``),
``MatMul``, ``HadamardProduct`` (⊙), ``Transpose`` and ``applyfunc`` (f' applied to every
entry), with the symbolic widths of the model as shapes.  :meth:`MatrixView.check` makes
it explicit at small concrete widths (``as_explicit``), writes every matrix entry as the
model's indexed symbol (``entries``), and proves each entry equal to the claim's statement
at that index, its sums expanded at those widths.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement


@dataclass(frozen=True)
class MatrixView:
    """``expr``: the matrix expression (shapes in the model's size symbols).
    ``entries``: MatrixSymbol name -> (row, column) -> the model's entry (rows and
    columns 0-based, as SymPy's; a~ row 0 is the model's row 0, Theta's row 0 its row 1).
    ``rows``, ``columns``: (free index symbol of the statement, offset added to SymPy's
    0-based position), or None for a column vector's single column.
    ``sizes``: the concrete widths of the check."""

    expr: sp.MatrixExpr
    entries: dict
    rows: tuple
    columns: tuple = None
    sizes: dict = field(default_factory=dict)

    def explicit(self) -> sp.Matrix:
        """The expression at ``sizes``, every entry in the model's symbols."""
        matrix = self.expr.subs(self.sizes).as_explicit()

        def entry(e):
            return self.entries[e.parent.name](int(e.i), int(e.j))
        return matrix.applyfunc(lambda v: v.replace(lambda e: isinstance(e, MatrixElement),
                                                    entry))

    def check(self, statement) -> tuple[bool, str]:
        """Is every entry of the view the statement at that index?  (ok, what differs)"""
        matrix = self.explicit()
        row, row_offset = self.rows
        col, col_offset = self.columns or (None, 0)
        for r in range(matrix.rows):
            for c in range(matrix.cols):
                at = {row: r + row_offset}
                if col is not None:
                    at[col] = c + col_offset
                stated = statement.xreplace(at).subs(self.sizes).doit()
                if sp.expand(matrix[r, c] - stated) != 0:
                    return False, f"entry ({r}, {c}): matrix form {matrix[r, c]}, claim {stated}"
        return True, ""


def vector_function(fn: Callable, vector: sp.MatrixExpr) -> sp.MatrixExpr:
    """fn applied to every entry of ``vector`` (f'(z^(k)), a^(k) ⊙ (1 - a^(k)), ...)."""
    t = sp.Dummy("t")
    return vector.applyfunc(sp.Lambda(t, fn(t)))


__all__ = ["MatrixView", "vector_function"]
