"""Read a user's definition written in LaTeX (by the same grammar as ``symnet check``) as a
SymPy expression of named variables, never by ``eval``:

    read_definition(r"\\frac{x}{1+|x|}", ("x",))           x/(1 + Abs(x))
    read_definition(r"\\frac12 (a - y)^2", ("a", "y"))      (a - y)**2/2

Numbers, the variables, + - \\cdot / \\frac, powers, e^{..}, \\exp \\ln \\log \\tanh
\\sqrt, |..| and \\sigma(..) (the sigmoid).  Anything else is refused with its position.
"""
from __future__ import annotations

import sympy as sp

from symnet.checker.parse import Node, ParseError, parse
from symnet.checker.result import MeaningError
from symnet.core.notation import FUNCTIONS
from symnet.core.registry import sigmoid



def read_definition(text: str, variables=("x",)) -> sp.Expr:
    """The expression, in real symbols named ``variables``; ParseError or MeaningError
    (both ValueError) with the position when it cannot be read."""
    symbols = {name: sp.Symbol(name, real=True) for name in variables}
    tree = parse(text)
    if tree.kind == "chain":
        if len(tree.args) != 1:
            raise MeaningError("a definition is one expression, without '='", 0)
        tree = tree.args[0]
    expr = _value(tree, symbols)
    if expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise MeaningError("a division by zero", 0)
    return expr


def expression_of(node: Node, variables=("x",)) -> sp.Expr:
    """The SymPy expression of an already parsed right side (a document's local
    definition f(x) = ...), in real symbols named ``variables``."""
    symbols = {name: sp.Symbol(name, real=True) for name in variables}
    expr = _value(node, symbols)
    if expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise MeaningError("a division by zero", 0)
    return expr


def _value(node: Node, symbols: dict) -> sp.Expr:
    k = node.kind
    if k == "num":
        return sp.Rational(node.args[0])
    if k == "name":
        name = node.args[0]
        if name in symbols:
            return symbols[name]
        if name == "e":
            return sp.E
        raise MeaningError(f"unknown symbol {name!r} (the variables are "
                           f"{', '.join(symbols)})", node.pos)
    if k == "group":
        return _value(node.args[0], symbols)
    if k == "add":
        return sp.Add(*(_value(a, symbols) for a in node.args))
    if k == "neg":
        return -_value(node.args[0], symbols)
    if k == "mul":
        if node.op != "cdot":
            raise MeaningError(f"{node.op} between numbers", node.pos)
        return _value(node.args[0], symbols) * _value(node.args[1], symbols)
    if k == "frac":
        return _value(node.args[0], symbols) / _value(node.args[1], symbols)
    if k == "script" and node.op == "^":
        base, power = node.args
        if base.kind == "name" and base.args[0] == "e" and "e" not in symbols:
            return sp.exp(_value(power, symbols))
        return _value(base, symbols) ** _value(power, symbols)
    if k == "func":
        return FUNCTIONS[node.op](_value(node.args[0], symbols))
    if k == "call":
        head, arg = node.args
        if head.kind == "name" and head.args[0] == "sigma":
            return sigmoid(_value(arg, symbols))
        raise MeaningError("only \\sigma(..) is a function here (the sigmoid)", node.pos)
    raise MeaningError(f"cannot read {k!r} in a definition", node.pos)


__all__ = ["read_definition", "expression_of", "ParseError", "MeaningError"]
