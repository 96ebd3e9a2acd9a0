"""One evaluator of the syntax tree; the algebra it evaluates in is the subclass.

:class:`Evaluator` walks a formula's tree once, node by node: a node of kind K is given
its value by the method ``on_K`` (numbers, braces, sums of terms, quotients, powers and
transposes are the same walk in every algebra); what a symbol is, what + and a product
do, and how a derivative is taken are the algebra's: section 5.3 at symbolic sizes
(:mod:`symnet.checker.formula`), explicit matrices at concrete sizes
(:mod:`symnet.checker.matrix`), blocks of symbolic widths
(:mod:`symnet.checker.symbolic_widths`).  A node kind the algebra has no method for is
refused with ``refusal`` (a :class:`MeaningError`), never skipped.
"""
from __future__ import annotations

import sympy as sp

from symnet.checker.result import MeaningError
from symnet.checker.symbols import is_transpose
from symnet.checker.tree import Node
from symnet.core.notation import SEVERAL_ARGUMENTS

__all__ = ["Evaluator"]


#: the largest |n| of a number's integer power read exactly (10^{-30}, 2^{64})
NUMBER_POWER = 1000


class Evaluator:
    """The walk; subclasses define ``symbol``, ``add``, ``mul`` and the ``on_K`` of the
    constructs they read, and ``is_matrix`` for powers and transposes."""

    refusal = MeaningError
    #: how a construct with no method is refused; {kind} is the node kind
    unknown = "cannot use {kind} here"

    def value(self, node: Node, env: dict = None):
        env = {} if env is None else env
        if node.kind == "script" and self.is_power(node):
            return self.power(node, env)
        method = getattr(self, "on_" + node.kind, None)
        if method is None:
            raise self.refusal(self.unknown.format(kind=node.kind), node.pos)
        return method(node, env)

    def on_num(self, node: Node, env: dict):
        return sp.Rational(node.args[0])

    def on_group(self, node: Node, env: dict):
        return self.value(node.args[0], env)

    def on_add(self, node: Node, env: dict):
        total = self.value(node.args[0], env)
        for term in node.args[1:]:
            total = self.add(total, self.value(term, env))
        return total

    def on_script(self, node: Node, env: dict):
        return self.symbol(node, env)

    on_name = on_accent = on_script

    def refuse_max(self, node: Node) -> None:
        """\\max and \\min (core.notation.SEVERAL_ARGUMENTS) of the network's quantities
        are refused: differentiated, they have a kink whose derivative is a convention
        (SymPy's Heaviside(0) = 1/2, the registry's ReLU'(0) = 0), so a comparison could
        refute an identity that holds away from it."""
        if node.op in SEVERAL_ARGUMENTS:
            raise self.refusal(f"\\{node.op} of the network's quantities is not read (its "
                               "derivative at the kink is a convention); a definition of the "
                               "activation as \\max(0, z) is read as ReLU", node.pos)

    def on_frac(self, node: Node, env: dict):
        """\\frac{\\partial N}{\\partial X} (the algebra's ``derivative``) or a quotient
        by a scalar."""
        num, den = node.args
        if num.kind == "partial" and den.kind == "partial":
            return self.derivative(num.args[0], den.args[0], env, node.pos)
        if num.kind == "partial" or den.kind == "partial":
            raise self.refusal("write a derivative as \\frac{\\partial E}{\\partial ...}",
                               node.pos)
        top, bottom = self.value(num, env), self.value(den, env)
        if self.is_matrix(bottom):
            raise self.refusal("cannot divide by a matrix", den.pos)
        return self.divide(top, bottom)

    def divide(self, top, bottom):
        return top / bottom

    # -- powers and transposes ---------------------------------------------------------
    def is_matrix(self, value) -> bool:
        return False

    def is_power(self, node: Node) -> bool:
        """X^2 (a number as exponent), or (...)^\\top of a bracketed expression."""
        return node.op == "^" and (node.args[1].kind == "num" or node.args[0].kind == "num"
                                   or node.args[0].kind == "group"
                                   and is_transpose(node.args[1]))

    def power(self, node: Node, env: dict):
        """(...)^\\top of a matrix, X^n with a number n (never of a matrix), or a number to
        an integer power such as 10^{-30} (exact, |n| <= 1000)."""
        if node.args[0].kind == "num" and node.args[1].kind != "num":
            n = self.value(node.args[1], env)
            if not (isinstance(n, sp.Integer) and abs(n) <= NUMBER_POWER):
                raise self.refusal("a number's power other than an integer up to 1000", node.pos)
            return self.raised(sp.Rational(node.args[0].args[0]), n, node)
        if node.args[1].kind != "num":
            inner = self.value(node.args[0], env)
            if not self.is_matrix(inner):
                raise self.refusal("\\top of a scalar", node.pos)
            return inner.T
        base = self.value(node.args[0], env)
        if self.is_matrix(base):
            raise self.refusal("a power of a matrix", node.pos)
        return self.raised(base, sp.Rational(node.args[1].args[0]), node)

    def raised(self, base, power, node: Node):
        return base ** power
