"""d2l's generalised product prod(A, B) (Zhang et al., sec. 5.3): "multiply the arguments
after the transpositions and swaps that make their shapes fit".  Its meaning is fixed
only when the two arguments are the two links of the chain rule, dN/dY and dY/dX, with
N a scalar: then prod(dN/dY, dY/dX) is the sum over Y's entries y of dN/dy dy/dX, laid
out as X.  Every other use (operands that do not chain, a non-scalar N, a sign or a
transpose on the first operand) has no one meaning and is refused with the reason."""
from __future__ import annotations

import sympy as sp

from symnet.checker.result import MeaningError
from symnet.checker.symbols import is_transpose
from symnet.checker.tree import Node


def _links(node: Node) -> tuple:
    """(N, X, transposed) of an operand dN/dX, written as is or transposed (a derivative
    by a matrix the notation writes as a transpose); anything else refused."""
    transposed = False
    while node.kind == "group":
        node = node.args[0]
    if node.kind == "script" and node.op == "^" and is_transpose(node.args[1]):
        transposed, node = True, node.args[0]
        while node.kind == "group":
            node = node.args[0]
    if node.kind != "frac" or not all(a.kind == "partial" for a in node.args):
        raise MeaningError("prod(A, B) is read when A and B are the two derivatives of "
                           "the chain rule, dN/dY and dY/dX", node.pos)
    return node.args[0].args[0], node.args[1].args[0], transposed


def _by(evaluator, where, expr):
    """d expr / d X in X's layout (``where``: one variable or a layout of them)."""
    if isinstance(where, tuple):
        return evaluator.model.derivative(expr, where)
    return sp.Matrix(where.applyfunc(lambda v: evaluator.model.derivative(expr, v)))


def _entries(value) -> list:
    return list(value) if isinstance(value, sp.MatrixBase) else [value]


def chain_product(evaluator, node: Node, env: dict):
    """prod(dN/dY, dY/dX) = sum over the entries y of Y of dN/dy dy/dX, in X's layout
    (transposed back where X is written as a transpose).  SymPy differentiates every
    link; nothing of the result is taken from the formula's other side."""
    first, second = node.args
    top, middle, flipped = _links(first)
    inner, bottom, transposed = _links(second)
    ys = _entries(evaluator.value(inner, env))
    if flipped or ys != _entries(evaluator.value(middle, env)):
        raise MeaningError("prod(dN/dY, dY/dX) needs the same Y in both derivatives: "
                           "otherwise the product has no one meaning", node.pos)
    n = evaluator.value(top, env)
    if isinstance(n, sp.MatrixBase) and n.shape != (1, 1):
        raise MeaningError("prod of the derivatives of a vector has no agreed layout; "
                           "read here for a scalar N only", node.pos)
    outer = _entries(evaluator.derivative(top, middle, env, node.pos))
    where = evaluator.variables(bottom, env)
    if len(outer) != len(ys) or isinstance(where, tuple) and where[0] == "node":
        raise MeaningError("prod(dN/dY, dY/dX): the two links do not fit", node.pos)
    total = sum((d * _by(evaluator, where, y) for d, y in zip(outer, ys)),
                sp.zeros(*_by(evaluator, where, ys[0]).shape)
                if not isinstance(where, tuple) else sp.Integer(0))
    return total.T if transposed and isinstance(total, sp.MatrixBase) else total
