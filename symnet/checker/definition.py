"""Read a user's definition written in LaTeX (by the same grammar as ``symnet check``) as a
SymPy expression of named variables, never by ``eval``:

    read_definition(r"\\frac{x}{1+|x|}", ("x",))           x/(1 + Abs(x))
    read_definition(r"\\frac12 (a - y)^2", ("a", "y"))      (a - y)**2/2

Numbers, the variables, + - \\cdot / \\frac, powers, e^{..}, \\exp \\ln \\log \\tanh
\\sqrt, |..|, \\max(.., ..) and \\min(.., ..), \\sigma(..) (the sigmoid), \\Phi(..) (the
standard normal distribution function) and \\operatorname{erf}(..) (or \\mathrm{erf}), so
GELU is ``x\\Phi(x)``.  Anything else is refused with its position.

\\Phi is the SymPy function :class:`Phi` (its derivative the density :class:`phi`), and
erf(u) is read as 2 Phi(sqrt(2) u) - 1: one function, which prints itself for every code
printer that has an erf (NumPy entry by entry with ``math.erfc``, jax and torch with their
``ndtr``, mpmath with ``ncdf``).
"""
from __future__ import annotations

import math

import sympy as sp

from symnet.checker.parse import Node, ParseError, parse
from symnet.checker.result import MeaningError
from symnet.core.notation import FUNCTIONS
from symnet.core.registry import sigmoid

_SQRT_HALF = repr(math.sqrt(0.5))
_INV_SQRT_2PI = repr(1 / math.sqrt(2 * math.pi))


class Phi(sp.Function):
    """The standard normal distribution function Phi(x) = (1 + erf(x/sqrt(2)))/2 =
    erfc(-x/sqrt(2))/2; Phi'(x) = phi(x), the density.  Exact at 0 and +-oo, numeric at a
    Float, symbolic otherwise; ``rewrite(sp.erf)`` gives the erf form."""

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x.is_zero:
            return sp.S.Half
        if x in (sp.oo, -sp.oo):
            return sp.S.One if x is sp.oo else sp.S.Zero
        if isinstance(x, sp.Float):
            return (sp.erfc(-x / sp.sqrt(2)) / 2).evalf(x._prec)
        return None

    def fdiff(self, argindex=1):
        return phi(self.args[0])

    def _eval_rewrite_as_erf(self, x, **kwargs):
        return (1 + sp.erf(x / sp.sqrt(2))) / 2

    def _eval_evalf(self, prec):
        # erfc keeps the relative accuracy of the far left tail (1 + erf cancels there)
        return (sp.erfc(-self.args[0] / sp.sqrt(2)) / 2)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real or None

    def _eval_is_positive(self):
        return self.args[0].is_real or None

    def _latex(self, printer):
        return r"\Phi\left(%s\right)" % printer._print(self.args[0])

    # each code printer asks the expression for its own text through its ``printmethod``
    def _numpycode(self, printer):
        x = printer._print(self.args[0])
        if any(c.__name__ == "SciPyPrinter" for c in type(printer).__mro__):
            return f"{printer._module_format('scipy.special.ndtr')}({x})"
        # NumPy has no erf: math.erfc entry by entry, in the argument's own dtype
        return (f"(0.5*{printer._module_format('numpy.vectorize')}("
                f"{printer._module_format('math.erfc')}, "
                f"otypes=[{printer._module_format('numpy.result_type')}({x})])"
                f"(-{_SQRT_HALF}*({x})))")

    def _jaxcode(self, printer):
        return self._called(printer, "jax.scipy.special.ndtr")

    def _torchcode(self, printer):
        return self._called(printer, "torch.special.ndtr")

    def _called(self, printer, function: str) -> str:
        return f"{printer._module_format(function)}({printer._print(self.args[0])})"

    def _pythoncode(self, printer):
        x = printer._print(self.args[0])
        return f"(0.5*{printer._module_format('math.erfc')}(-{_SQRT_HALF}*({x})))"

    def _mpmathcode(self, printer):
        return self._called(printer, "mpmath.ncdf")


class phi(sp.Function):
    """The standard normal density phi(x) = e^{-x^2/2} / sqrt(2 pi) (Phi's derivative),
    kept as a function so that code printers write its constant as a number (the torch
    printer cannot apply torch.sqrt to 2 pi); exact at every number."""

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x.is_number:
            return sp.exp(-x ** 2 / 2) / sp.sqrt(2 * sp.pi)
        return None

    def fdiff(self, argindex=1):
        return -self.args[0] * phi(self.args[0])

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return sp.exp(-x ** 2 / 2) / sp.sqrt(2 * sp.pi)

    def _eval_evalf(self, prec):
        return self.rewrite(sp.exp)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real or None

    def _eval_is_positive(self):
        return self.args[0].is_real or None

    def _latex(self, printer):
        return r"\varphi\left(%s\right)" % printer._print(self.args[0])

    def _code(self, printer, exp: str) -> str:
        x = printer._print(self.args[0])
        return f"({_INV_SQRT_2PI}*{printer._module_format(exp)}(-0.5*({x})**2))"

    def _numpycode(self, printer):
        return self._code(printer, "numpy.exp")

    def _jaxcode(self, printer):
        return self._code(printer, "jax.numpy.exp")

    def _torchcode(self, printer):
        return self._code(printer, "torch.exp")

    def _pythoncode(self, printer):
        return self._code(printer, "math.exp")

    def _mpmathcode(self, printer):
        return f"{printer._module_format('mpmath.npdf')}({printer._print(self.args[0])})"


#: functions a definition may apply to a parenthesised argument, by how they are written
APPLIED = {"Phi": Phi, "erf": lambda u: 2 * Phi(sp.sqrt(2) * u) - 1}
_WRITTEN = {"Phi": r"\Phi", "erf": r"\operatorname{erf}"}


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
        if name in APPLIED:
            raise MeaningError(f"{_WRITTEN[name]} is a function: write {_WRITTEN[name]}(..)",
                               node.pos)
        raise MeaningError(f"unknown symbol {name!r} (the variables are "
                           f"{', '.join(symbols)})", node.pos)
    if k == "group":
        return _value(node.args[0], symbols)
    if k == "add":
        return sp.Add(*(_value(a, symbols) for a in node.args))
    if k == "neg":
        return -_value(node.args[0], symbols)
    if k == "mul":
        return _product(node, symbols)
    if k == "frac":
        return _value(node.args[0], symbols) / _value(node.args[1], symbols)
    if k == "script" and node.op == "^":
        base, power = node.args
        if base.kind == "name" and base.args[0] == "e" and "e" not in symbols:
            return sp.exp(_value(power, symbols))
        return _value(base, symbols) ** _value(power, symbols)
    if k == "func":
        return FUNCTIONS[node.op](*(_value(a, symbols) for a in node.args))
    if k == "call":
        head, arg = node.args
        if head.kind == "name" and head.args[0] == "sigma":
            return sigmoid(_value(arg, symbols))
        raise MeaningError("only \\sigma(..) is a function here (the sigmoid)", node.pos)
    if k == "accent" and _applied_name(node):
        written = _WRITTEN[_applied_name(node)]
        raise MeaningError(f"{written} is a function: write {written}(..)", node.pos)
    raise MeaningError(f"cannot read {k!r} in a definition", node.pos)


def _factors(node: Node) -> list:
    """The factors of a product a b c (the grammar nests it to the left), in order."""
    if node.kind == "mul" and node.op == "cdot":
        return _factors(node.args[0]) + _factors(node.args[1])
    if node.kind == "mul":
        raise MeaningError(f"{node.op} between numbers", node.pos)
    return [node]


def _applied_name(node: Node):
    """The key of :data:`APPLIED` that a factor names (\\Phi, \\operatorname{erf},
    \\mathrm{erf}), or None."""
    if node.kind == "name" and node.args[0] in APPLIED:
        return node.args[0]
    if node.kind == "accent" and node.op in ("operatorname", "mathrm"):
        letters = _factors(node.args[0])
        word = "".join(f.args[0] for f in letters if f.kind == "name")
        if len(word) == len(letters) and word in APPLIED:
            return word
    return None


def _product(node: Node, symbols: dict) -> sp.Expr:
    """A product, where a function's name followed by a parenthesised factor is the
    function applied to it (\\Phi(x), and \\Phi(x)^2 = (\\Phi(x))^2)."""
    factors, values, n = _factors(node), [], 0
    while n < len(factors):
        name = _applied_name(factors[n])
        if name is None:
            values.append(_value(factors[n], symbols))
            n += 1
            continue
        following = factors[n + 1] if n + 1 < len(factors) else None
        power = None
        if following is not None and following.kind == "script" and following.op == "^":
            following, power = following.args
        if following is None or following.kind != "group" or following.op != "(":
            raise MeaningError(f"{_WRITTEN[name]} is applied to a parenthesised "
                               f"argument: {_WRITTEN[name]}(..)", factors[n].pos)
        value = APPLIED[name](_value(following.args[0], symbols))
        values.append(value if power is None else value ** _value(power, symbols))
        n += 2
    return sp.Mul(*values)


__all__ = ["read_definition", "expression_of", "Phi", "phi", "ParseError", "MeaningError"]
