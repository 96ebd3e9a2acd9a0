"""The notes' LaTeX to a syntax tree (:class:`~symnet.checker.tree.Node`).

The notation is written down as a grammar, ``grammar/notes.lark`` (an LALR(1) grammar
for lark): read it to see what ``symnet check`` understands, and extend it there.  This
module only prepares a formula for it and turns lark's tree into symnet's:

1. :func:`strip_annotations` blanks what only labels a formula (``\\tag``, an equation
   number ``\\quad (5.11)``, a side condition ``\\quad (1 \\le h \\le q)``);
2. :func:`normalise` blanks spacing (``\\,``, ``\\quad``, ``\\big``, ``\\left``/``\\right``),
   writes every prime as ``'``, marks the ``(`` that applies a function and tells the
   opening bar of a norm or an absolute value from the closing one;
3. lark parses it; :class:`_ToNode` builds the tree; lists written with ``\\dots`` are
   read as the sums and vectors they stand for (:mod:`symnet.checker.dots`).

No step moves a character, so every error names the position in the formula as written.
Nothing is passed to eval or exec; the length and the nesting depth are bounded.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, VisitError

from symnet.checker.dots import expand_dots
from symnet.checker.relations import pattern as relation_pattern
from symnet.checker.tree import Node, ParseError, nodes
from symnet.core.notation import FONT_MARKS, FUNCTION_LETTERS, SEVERAL_ARGUMENTS

__all__ = ["parse", "strip_annotations", "normalise", "Node", "ParseError", "MAX_LENGTH",
           "MAX_DEPTH", "grammar_text"]

MAX_LENGTH = 2000
MAX_DEPTH = 240          # levels of lark's tree (about four per pair of parentheses)

MATRIX_ENVIRONMENTS = {"bmatrix", "pmatrix", "matrix", "array", "Bmatrix"}
PRODUCTS = {"cdot": "cdot", "times": "cdot", "odot": "odot", "circ": "odot",
            "×": "cdot", "·": "cdot", "⋅": "cdot", "⊙": "odot", "∘": "odot"}

#: Greek letters typed as Unicode, as the notes' commands name them
UNICODE_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "θ": "theta",
                 "η": "eta", "λ": "lambda", "ρ": "rho", "σ": "sigma", "φ": "varphi",
                 "Θ": "Theta", "Φ": "Phi", "ε": "epsilon", "Ω": "Omega"}
#: full-width punctuation typed inside math by Chinese input methods, and the Unicode
#: minus sign, one for one
FULL_WIDTH = {"（": "(", "）": ")", "，": ",", "；": ";", "：": ":", "＝": "=", "−": "-"}

#: private characters the normalised text uses for what the grammar must tell apart
CALL_OPEN, NORM_OPEN, NORM_CLOSE, ABS_OPEN, ABS_CLOSE = "\u2983", "\u2016", "\u2017", \
    "\u2985", "\u2986"

_COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)|\u2019|\u2032|\||\(|\S", re.DOTALL)
SPACING = {",", ";", "!", ":", " ", "\n", "\t", "quad", "qquad", "displaystyle", "textstyle",
           "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "limits", "nolimits"}
NORM_BARS = {"\\|", "\\lVert", "\\rVert", "\\Vert"}
#: a function's name before its bracket: f (alone, or after a one-character subscript:
#: g_jf'(x)) or another function letter as a command (\\sigma), primes after it
_FUNCTION_HEAD = re.compile(
    r"(?:(?:(?<![A-Za-z\\_^])|(?<=[_^][A-Za-z0-9]))f|\\(?:"
    + "|".join(sorted(n for n in FUNCTION_LETTERS if n != "f"))
    + r")(?![A-Za-z]))(?:\s*')*\s*$")


#: what a list in braces follows, \max\{0, z\} (read as \max(0, z)): \max, \min, upright
#: or bare (the functions of core.notation.SEVERAL_ARGUMENTS)
_NAMES = "|".join(sorted(SEVERAL_ARGUMENTS))
_LIST_HEAD = re.compile(rf"(?:\\(?:{_NAMES})|\\(?:operatorname|mathrm)\s*\{{\s*(?:{_NAMES})\s*\}}"
                        rf"|(?<![A-Za-z\\])(?:{_NAMES}))(?![A-Za-z])\s*$")


def grammar_text() -> str:
    """The grammar, as shipped in the package."""
    return resources.files("symnet.checker").joinpath("grammar/notes.lark").read_text("utf-8")


@lru_cache(maxsize=1)
def _parser() -> Lark:
    # cache: lark keeps the built tables in a temporary file keyed by the grammar's hash
    return Lark(grammar_text(), start="chain", parser="lalr", lexer="contextual",
                propagate_positions=True, maybe_placeholders=True, cache=True)


# --- 1. labels ------------------------------------------------------------------------

_LABEL = re.compile(r"""\\(?:tag\*?|label)\s*\{[^{}]*\}|\\(?:notag|nonumber)\b""")
_SPACE = r"(?:\s|\\q?quad\b|\\[,;:! ]|~)"
NUMBER = r"\d+(?:[.-]\d+)*[a-z]?"
#: an equation number in brackets: (5.11), [5.11], \text{(5.11)}
BRACKETED_NUMBER = (rf"(?:\(\s*{NUMBER}\s*\)|\[\s*{NUMBER}\s*\]"
                    rf"|\\(?:text|textrm|mathrm)\s*\{{\s*\(\s*{NUMBER}\s*\)\s*\}})")
#: an equation number is set off by \quad or \qquad: "a = b c (2)" is a product by 2
_NUMBER_AT_END = re.compile(
    rf"{_SPACE}*\\q?quad\b{_SPACE}*{BRACKETED_NUMBER}\s*[.,;]?\s*$")
#: a bare number set off by \quad ("a = b \qquad 5.10"): an equation number or a factor?
_BARE_NUMBER_AT_END = re.compile(rf"\\q?quad\b{_SPACE}*{NUMBER}\s*[.,;]?\s*$")
#: a bracketed number after a thinner spacing command ("a = b \\;\\; (5.12)"): either
_SPACED_NUMBER_AT_END = re.compile(rf"\\[,;:! ]\s*(?:{_SPACE})*{BRACKETED_NUMBER}\s*[.,;]?\s*$")
#: full-width brackets around a number at the end (Chinese notes: x（5.13）) are an
#: equation number with or without \quad: no product is written with them
FULL_WIDTH_NUMBER = r"（\s*\d+(?:[.-]\d+)*[a-z]?\s*）"
_FULL_WIDTH_NUMBER_AT_END = re.compile(rf"{_SPACE}*{FULL_WIDTH_NUMBER}\s*[.,;。]?\s*$")
#: a punctuation mark that ends the sentence the formula stands in ("a = b."; never the
#: dots of "...")
_PUNCTUATION_AT_END = re.compile(rf"(?<![.\\]){_SPACE}*[.,;。]{_SPACE}*$")
#: "because" or "therefore" leading a formula (\because, \therefore, ∵, ∴): it ties the
#: formula to the argument around it and is no part of the equation
_CONNECTIVE_AT_START = re.compile(rf"^{_SPACE}*(?:\\(?:because|therefore)(?![A-Za-z])|[∵∴])")
#: the relations of a side condition in parentheses: (1 \\le h \\le q), (i \\ne j)
_CONDITION_RELATION = relation_pattern("at most", "at least", "not equal", "element of",
                                       commands_only=True)
_CONDITION_AT_END = re.compile(
    rf"{_SPACE}*\\q?quad\b{_SPACE}*\(([^()]*{_CONDITION_RELATION}[^()]*)\)\s*[.,;]?\s*$")

#: a shape stated at the end, "= dL/do \in \mathbb{R}^q" (d2l): the space the value lies
#: in, not an equation; removed, the equation before it is read
_SHAPE_AT_END = re.compile(
    rf"{_SPACE}*\\in{_SPACE}*\\mathbb\s*\{{\s*R\s*\}}\s*"
    rf"(?:\^\s*(?:\{{[^{{}}]*\}}|[A-Za-z0-9]))?{_SPACE}*[.,;]?\s*$")


def _leftmost(node: Node, scripts: bool = True) -> Node:
    """The node written first in ``node``: inside braces, the base of a power or an
    index (with ``scripts``)."""
    while node.kind == "script" and scripts or node.kind == "group" and node.op == "{":
        node = node.args[0]
    return node


def strip_annotations(text: str) -> tuple[str, list]:
    """The formula without what only labels it: ``\\tag{..}``, ``\\label{..}``,
    ``\\notag``, a leading ``\\because`` or ``\\therefore``, an equation number such as
    ``\\quad (5.11)`` at the end, a side condition such as ``\\quad (1 \\le h \\le q)``
    at the end, and the punctuation mark that ends a sentence.  Each removed piece is
    returned; replaced by spaces so that positions in error messages stay right."""
    removed = []

    def blank(match):
        removed.append(match.group().strip())
        return " " * len(match.group())
    text = _LABEL.sub(blank, text)
    text = _CONNECTIVE_AT_START.sub(blank, text)
    before = None
    while before != text:                # \quad (5.13) \quad (5.14): every one at the end
        before = text
        for pattern in (_CONDITION_AT_END, _SHAPE_AT_END, _NUMBER_AT_END, _FULL_WIDTH_NUMBER_AT_END,
                        _PUNCTUATION_AT_END):
            text = pattern.sub(blank, text)
    bare = _BARE_NUMBER_AT_END.search(text)
    if bare:
        raise ParseError("a bare number after \\quad at the end: an equation number or a "
                         "factor? write (5.10) for a number, \\cdot 5.10 for a factor",
                         bare.start())
    spaced = _SPACED_NUMBER_AT_END.search(text)
    if spaced:
        raise ParseError("a number in brackets after a spacing command at the end: an "
                         "equation number or a factor? write \\quad (5.12) or \\tag{5.12} "
                         "for a number, \\cdot (5.12) for a factor", spaced.start())
    return text, removed


# --- 2. normalising, character for character --------------------------------------------

def normalise(text: str) -> str:
    """``text`` with the same length and every character in its place: spacing commands
    and the sizes ``\\left``/``\\right``/``\\big`` blank, ``\\left.`` blank, ``\\{`` after
    ``\\left`` a brace, ``’`` and ``^{\\prime}`` a prime ``'``, the ``(`` right after f,
    f', \\sigma, \\varphi the mark of a call, and the bars ``\\| \\|`` and ``| |``
    (also ``\\lVert .. \\rVert``) marked as opening or closing, in turn."""
    # f^{\prime}, f^\prime, f^{'}: the prime mark, padded to keep every position
    text = re.sub(r"\^\s*(?:\{\s*(?:\\prime|')\s*\}|\\prime(?![A-Za-z]))",
                  lambda m: "'" + " " * (len(m.group()) - 1), text)
    # "..." is an ellipsis (\dots); full-width punctuation is its ASCII self
    text = re.sub(r"(?<!\.)\.\.\.(?!\.)", "\u2026  ", text)
    text = "".join(FULL_WIDTH.get(c, c) for c in text)
    out = list(text)
    norm_open = abs_open = False
    after_size = False                         # the next delimiter follows \left or \right
    lists = 0                                  # \max\{ open, its \} not yet read
    for m in _COMMAND.finditer(text):
        token, start, end = m.group(), m.start(), m.end()
        if token == "\\{" and _LIST_HEAD.search("".join(out[:start])) or \
                token == "\\}" and lists:
            lists += 1 if token == "\\{" else -1
            out[start:end] = [" ", "(" if token == "\\{" else ")"]
            after_size = False
            continue
        if token.startswith("\\") and token[1:] in SPACING or token in ("\\left", "\\right",
                                                                        "\\middle"):
            out[start:end] = " " * (end - start)
            after_size = token in ("\\left", "\\right", "\\middle")
            continue
        if after_size:
            after_size = False
            if token == ".":
                out[start] = " "
                continue
            if token in ("\\{", "\\}"):
                out[start:end] = [" ", token[1]]
                continue
        if token in ("\u2019", "\u2032"):           # ’ and ′ typed for a prime
            out[start] = "'"
        elif token in NORM_BARS:
            if token in ("\\lVert", "\\rVert"):
                norm_open = token == "\\rVert"
            out[start:end] = [NORM_CLOSE if norm_open else NORM_OPEN] + [" "] * (end - start - 1)
            norm_open = not norm_open
        elif token == "|":
            out[start] = ABS_CLOSE if abs_open else ABS_OPEN
            abs_open = not abs_open
        elif token == "(" and _FUNCTION_HEAD.search("".join(out[:start])):
            out[start] = CALL_OPEN
    return "".join(out)


# --- 3. lark's tree to symnet's ---------------------------------------------------------

def _pos(meta, default: int = 0) -> int:
    return default if getattr(meta, "empty", True) else meta.start_pos


def _function_name(node: Node) -> bool:
    """f, f', \\sigma, \\varphi (with primes): a name applied to a parenthesised argument."""
    while node.kind == "script" and node.op == "'":
        node = node.args[0]
    return node.kind == "name" and node.args[0] in FUNCTION_LETTERS


def _function_named(token: Token) -> str:
    """tanh for \\tanh, max for \\operatorname{max} and for a bare max."""
    return re.search(r"[a-z]+(?=\s*\}?$)", str(token)).group()


def _applied(token: Token, arg: Node) -> Node:
    """The function a FUNCTION token names (\\tanh, \\operatorname{max}, max) applied to
    ``arg``; one of several arguments (\\max, core.notation.SEVERAL_ARGUMENTS) to the
    list in brackets, \\max(0, z), and refused with one argument or none."""
    name = _function_named(token)
    if name not in SEVERAL_ARGUMENTS:
        return Node("func", (arg,), token.start_pos, name)
    if arg.kind != "vector" or arg.op != "row":
        raise ParseError(f"\\{name} of one argument (the largest entry of a vector?) is not "
                         f"read: write two or more, \\{name}(0, z)", arg.pos)
    return Node("func", arg.args, token.start_pos, name)


def _items(children) -> tuple:
    """The expressions of a list, without its separators."""
    return tuple(c for c in children if not isinstance(c, Token))


@v_args(meta=True)
class _ToNode(Transformer):
    """One method per rule (or alias) of the grammar, each building the Node of the
    construct, with the position where it starts."""

    # the chain, sums and products
    def chain(self, meta, children):
        return Node("chain", tuple(children), 0)

    def expr(self, meta, children):
        sign, first, rest = children[0], children[1], children[2:]
        pos = _pos(meta, first.pos)
        terms = [Node("neg", (first,), pos) if sign == "-" else first]
        for op, term in zip(rest[::2], rest[1::2]):
            terms.append(Node("neg", (term,), op.start_pos) if op == "-" else term)
        return terms[0] if len(terms) == 1 else Node("add", tuple(terms), pos)

    def term(self, meta, children):
        pos = _pos(meta, children[0].pos)
        written = [children[0]] + [factor for _, factor in children[1:]]
        for node in written[:-1]:            # d/dx (a) b: which factors d/dx takes is unsaid
            if node.kind == "frac" and node.op == "operator":
                raise ParseError("\\frac{\\partial}{\\partial x}(...) followed by another "
                                 "factor: write the derivative of the whole product as "
                                 "\\frac{\\partial}{\\partial x}(... ...)", node.pos)
        factors, ops = [children[0]], []
        for op, factor in children[1:]:
            if op == "side by side" and _leftmost(factors[-1], False).kind == "num" \
                    and _leftmost(factor).kind == "num":
                raise ParseError("two numbers side by side (TeX sets 1 2 as 12): one number or "
                                 "a product? write 12 or 1 \\cdot 2", factor.pos)
            op = "cdot" if op == "side by side" else op
            if op == "/":
                factors[-1] = Node("frac", (factors[-1], factor), pos)
            else:
                ops.append(op)
                factors.append(factor)
        # left-associative, op per pair; \odot binds loosest, as readers take it: f'(z)
        # \odot \Theta \delta is f'(z) \odot (\Theta \delta), never (f'(z) \odot \Theta) \delta
        groups = [factors[0]]
        for op, factor in zip(ops, factors[1:]):
            if op == "odot":
                groups.append(factor)
            else:
                groups[-1] = Node("mul", (groups[-1], factor), pos, op)
        node = groups[0]
        for group in groups[1:]:
            node = Node("mul", (node, group), pos, "odot")
        return node

    def explicit(self, meta, children):
        token = str(children[0])
        return PRODUCTS[token[1:] if token.startswith("\\") else token], children[1]

    def divide(self, meta, children):
        return "/", children[0]

    def juxtaposed(self, meta, children):
        return "side by side", children[0]

    def neg(self, meta, children):
        if children[0] == "+":
            return children[1]
        return Node("neg", (children[1],), children[0].start_pos)

    # a symbol with its marks, and a function applied
    def postfix(self, meta, children):
        node, marks, called = children[0], children[1:-1], children[-1]
        call, power = called if called is not None else (None, None)
        _refuse_double_scripts(marks)
        for op, arg, pos in marks:
            node = Node("script", (node, arg), pos, op)
        if call is None:
            return node
        if not _function_name(node):
            raise ParseError("only f, f', \\sigma and \\varphi are applied to an argument",
                             call.pos)
        node = Node("call", (node, call), node.pos)
        return node if power is None else Node("script", (node, power), power.pos, "^")

    def called(self, meta, children):
        """An argument, and the power of the value (\\sigma(z)^2) or None."""
        return children[0], children[1]

    def sub(self, meta, children):
        return "_", children[0], _pos(meta)

    def sup(self, meta, children):
        return "^", children[0], _pos(meta)

    def prime(self, meta, children):
        return "'", "prime", children[0].start_pos

    def call(self, meta, children):
        return Node("group", (children[1],), children[0].start_pos, "(")

    def call_row(self, meta, children):
        return Node("vector", _items(children), children[0].start_pos, "row")

    def call_column(self, meta, children):
        return Node("vector", _items(children), children[0].start_pos, "column")

    # atoms
    def number(self, meta, children):
        return Node("num", (str(children[0]),), children[0].start_pos)

    def letter(self, meta, children):
        return Node("name", (str(children[0]),), children[0].start_pos)

    def greek(self, meta, children):
        token = str(children[0])
        name = UNICODE_GREEK.get(token, token[1:])
        return Node("name", (name,), children[0].start_pos)

    def transpose(self, meta, children):
        return Node("name", ("top",), children[0].start_pos)

    def dots(self, meta, children):
        return Node("dots", (), children[0].start_pos)

    def paren(self, meta, children):
        return Node("group", (children[0],), _pos(meta), "(")

    def bracket(self, meta, children):
        return Node("group", (children[0],), _pos(meta), "[")

    def brace(self, meta, children):
        return Node("group", (children[0],), _pos(meta), "{")

    def column(self, meta, children):
        return Node("vector", _items(children), _pos(meta), "column")

    def row(self, meta, children):
        return Node("vector", _items(children), _pos(meta), "row")

    def norm(self, meta, children):
        return Node("norm", (children[1],), children[0].start_pos)

    def abs(self, meta, children):
        return Node("func", (children[1],), children[0].start_pos, "abs")

    def frac(self, meta, children):
        return Node("frac", (children[1], children[2]), children[0].start_pos)

    def derivative_of(self, meta, children):
        """\\frac{\\partial}{\\partial x} (...): the derivative of the bracket with its marks
        ((...)^2 is squared first), \\frac{\\partial (...)^2}{\\partial x}.  Only a bracket
        is an operand; a factor after it is refused where the product is read (which
        factors the operator takes is not said)."""
        frac, _, by, operand = children
        base = operand
        while base.kind == "script":
            base = base.args[0]
        if by.kind != "partial" or base.kind != "group" or base.op != "(":
            raise ParseError("\\frac{\\partial}{\\partial x} is read before a bracket only: "
                             "\\frac{\\partial}{\\partial x}(...)", operand.pos)
        top = Node("partial", (operand,), frac.start_pos)
        return Node("frac", (top, by), frac.start_pos, "operator")

    def digit(self, meta, children):
        return Node("num", (str(children[0]),), children[0].start_pos)

    def sum(self, meta, children):
        limits = {}
        for mark, arg in children[1:-1]:
            if mark in limits:
                raise ParseError(f"two '{mark}' limits on one \\sum", arg.pos)
            limits[mark] = arg
        if "_" not in limits:
            if "^" in limits:
                raise ParseError("'_' with the summation index after \\sum",
                                 children[0].start_pos)
            return Node("sum", (None, None, children[-1]), children[0].start_pos, "implicit")
        return Node("sum", (limits["_"], limits.get("^"), children[-1]), children[0].start_pos)

    def lower(self, meta, children):
        return "_", children[0]

    def upper(self, meta, children):
        return "^", children[0]

    def bold_delta(self, meta, children):
        """\\boldsymbol{\\Delta} w: a font on Delta is Delta; any other mark (\\hat,
        \\tilde, \\bar: another quantity) is refused, never dropped."""
        mark = children[0][1:]
        if mark not in FONT_MARKS:
            raise ParseError(f"\\{mark} on \\Delta has no meaning here (an update is "
                             "\\Delta w)", children[0].start_pos)
        return Node("delta", (children[2],), children[0].start_pos)

    def prod(self, meta, children):
        """d2l's prod(A, B): the product of two derivatives along the chain rule."""
        return Node("prod", _items(children[1:]), children[0].start_pos)

    def accent(self, meta, children):
        return Node("accent", (children[1],), children[0].start_pos, children[0][1:])

    def partial(self, meta, children):
        return Node("partial", (children[1],), children[0].start_pos)

    def nabla(self, meta, children):
        """\\nabla_x E: the gradient of E by x in the layout of x, as \\partial E / \\partial x."""
        at = children[0].start_pos
        return Node("frac", (Node("partial", (children[2],), at),
                             Node("partial", (children[1],), at)), at)

    def delta(self, meta, children):
        return Node("delta", (children[1],), children[0].start_pos)

    def function(self, meta, children):
        """\\ln x, \\tanh(x), \\max(0, z); a power after a bracketed argument is the
        value's: \\tanh(x)^2 is (\\tanh x)^2, as a reader takes it, never \\tanh(x^2)."""
        arg, marks = children[1], []
        while arg.kind == "script":
            marks.append(arg)
            arg = arg.args[0]
        listed = arg.kind == "vector" and arg.op == "row" and \
            _function_named(children[0]) in SEVERAL_ARGUMENTS          # \max(0, z)^2
        if not marks or not (arg.kind == "group" and arg.op in ("(", "[") or listed):
            arg, marks = children[1], []
        node = _applied(children[0], arg)
        for mark in reversed(marks):
            node = Node("script", (node, mark.args[1]), mark.pos, mark.op)
        return node

    def function_power(self, meta, children):
        """\\tanh^2(x): the power of the value, (\\tanh x)^2, as LaTeX writes it; a power
        other than a whole number 2, 3, ... (\\tanh^{-1}: the inverse) is refused."""
        name, power, arg = children
        if power.kind != "num" or not power.args[0].isdigit() or int(power.args[0]) < 2:
            raise ParseError(f"{name}^... other than a whole power 2, 3, ... (an inverse "
                             f"{name}^{{-1}} is another function) is not read", power.pos)
        return Node("script", (_applied(name, arg), power), power.pos, "^")

    def sqrt(self, meta, children):
        return Node("func", (children[1],), children[0].start_pos, "sqrt")

    def matrix(self, meta, children):
        begin, end = children[0], children[-1]
        name = re.match(r"\\begin\{([A-Za-z*]+)\}", begin).group(1)
        if end[5:-1] != name:
            raise ParseError(f"\\end does not match \\begin{{{name}}}", end.start_pos)
        rows = tuple(c for c in children[1:-1] if isinstance(c, tuple))
        if len({len(r) for r in rows}) != 1:
            raise ParseError("the rows of a matrix have different lengths", begin.start_pos)
        return Node("matrix", rows, begin.start_pos, name)

    def row_cells(self, meta, children):
        return tuple(children)

    # script and command arguments
    def braced(self, meta, children):
        return children[0]

    def arg_number(self, meta, children):
        text, pos = str(children[0]), children[0].start_pos
        if len(text) > 1 and "." not in text:
            return Node("name", (text,), pos)     # x^12 in TeX is x^1 2; read 12 as indices
        return Node("num", (text,), pos)

    def inner(self, meta, children):
        return children[0]

    def assign(self, meta, children):
        return Node("assign", (children[0], children[1]), children[0].pos)

    def index_list(self, meta, children):
        items = _items(children)
        return Node("list", items, items[0].pos)

    def row_slice(self, meta, children):
        return Node("slice", (children[0], None), children[0].pos)

    def column_slice(self, meta, children):
        return Node("slice", (None, _items(children)[0]), _pos(meta))


_READABLE = {"RPAR": "')'", "RSQB": "']'", "RBRACE": "'}'", "NORM_CLOSE": "'\\|'",
             "ABS_CLOSE": "'|'", "END": "\\end{...}"}
_TOKEN_NAMES = {CALL_OPEN: "(", NORM_OPEN: "\\|", NORM_CLOSE: "\\|", ABS_OPEN: "|",
                ABS_CLOSE: "|"}


def _found(token) -> str:
    if token is None or token.type == "$END":
        return "the end"
    return repr(_TOKEN_NAMES.get(str(token), str(token)))


def _error(exc: UnexpectedInput, text: str) -> ParseError:
    """Lark's error as one line: the position and what was expected."""
    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream
        command = re.match(r"\\(?:[A-Za-z]+|.)", text[pos:])
        if command:
            return ParseError(f"unknown command {command.group()}", pos)
        return ParseError(f"unexpected character {text[pos]!r}", pos)
    token = getattr(exc, "token", None)
    pos = len(text) if token is None or token.type == "$END" else token.start_pos
    expected = set(getattr(exc, "expected", ()) or ())
    found = _found(token)
    closers = [_READABLE[t] for t in ("RPAR", "RSQB", "RBRACE", "NORM_CLOSE", "ABS_CLOSE", "END")
               if t in expected]
    if expected and expected <= {"UNDERSCORE", "CIRCUMFLEX"}:
        return ParseError(f"'_' with the summation index after \\sum, found {found}", pos)
    if closers and (token is None or token.type in _ENDS_A_GROUP):
        return ParseError(f"expected {closers[0]}, found {found}", pos)
    if expected and expected <= _ARGUMENT_STARTS:
        return ParseError(f"expected an argument ({{...}} or one symbol), found {found}", pos)
    if expected & {"NUMBER", "LETTER", "LPAR"}:
        return ParseError(f"expected a number, a symbol or '(', found {found}", pos)
    return ParseError(f"expected an operator or the end, found {found}", pos)


#: tokens after which only a closing bracket could have been meant
_ENDS_A_GROUP = {"$END", "EQUAL", "RPAR", "RSQB", "RBRACE", "COMMA", "SEMI", "ROW_END", "END"}
#: the tokens an argument (of a script, \frac, \hat) starts with
_ARGUMENT_STARTS = {"ACCENT", "DIGIT", "DOTS", "FRAC", "GREEK", "LBRACE", "LETTER", "LPAR",
                    "NUMBER", "TRANSPOSE"}
_ENVIRONMENT = re.compile(r"\\begin\s*\{([A-Za-z*]+)\}")


def _check_environments(text: str) -> None:
    """Only matrices may stand inside a formula: any other environment is named."""
    for m in _ENVIRONMENT.finditer(text):
        if m.group(1) not in MATRIX_ENVIRONMENTS:
            raise ParseError(f"the environment {m.group(1)!r} inside a formula (matrices: "
                             f"{', '.join(sorted(MATRIX_ENVIRONMENTS))})", m.start())


def _depth(tree) -> int:
    """The depth of lark's tree, without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((c, level + 1) for c in getattr(node, "children", ()) if hasattr(c, "data"))
    return deepest


def parse(text: str) -> Node:
    """The syntax tree of a chain a = b = c; ParseError with the position otherwise.
    Equation numbers, tags and trailing side conditions are not part of the formula
    (:func:`strip_annotations`).  Lists written with \\dots are read as the sums and
    vectors they stand for (:func:`symnet.checker.dots.expand_dots`)."""
    if not isinstance(text, str) or not text.strip():
        raise ParseError("empty formula", 0)
    if len(text) > MAX_LENGTH:
        raise ParseError(f"input longer than {MAX_LENGTH} characters", MAX_LENGTH)
    text, _ = strip_annotations(text)
    if not text.strip():
        raise ParseError("empty formula", 0)
    _check_environments(text)
    ready = normalise(text)
    try:
        tree = _parser().parse(ready)
    except UnexpectedInput as exc:
        raise _error(exc, ready) from None
    if _depth(tree) > MAX_DEPTH:
        raise ParseError("nested too deeply", 0)
    try:
        node = _ToNode().transform(tree)
    except VisitError as exc:
        if isinstance(exc.orig_exc, ParseError):
            raise exc.orig_exc from None
        raise
    return _implicit_indices(expand_dots(node))


#: the letters a sum without limits may run over (the notes' unit and sample indices)
SUM_LETTERS = frozenset("ihjk")


def _subscript_letters(node) -> set:
    """The index letters written in the subscripts of a subtree."""
    found = set()
    for n in nodes(node):
        if n.kind == "script" and n.op == "_":
            sub = n.args[1]
            items = sub.args if sub.kind == "list" else (sub,)
            found |= {i.args[0] for i in items if i.kind == "name" and i.args[0] in SUM_LETTERS}
            for letter in (sub.args[0] if sub.kind == "name" and len(sub.args[0]) > 1 else ""):
                found |= {letter} & SUM_LETTERS            # w_{hj} read as one name "hj"
    return found


def _implicit_indices(tree: Node) -> Node:
    """A sum written without limits (\\sum (\\hat{y}_j - y_j)^2) runs over the one index
    letter its summand has that the rest of the formula does not; with none or several
    it is refused (never guessed)."""
    def outside(node, target) -> set:
        if node is target:
            return set()
        if node.kind == "script" and node.op == "_":
            own = _subscript_letters(Node("script", (Node("name", ("x",)), node.args[1]), 0, "_"))
        else:
            own = set()
        return own.union(*(outside(a, target) for a in node.args if isinstance(a, Node)))

    def walk(node, root):
        if not isinstance(node, Node):
            return node
        if node.kind == "sum" and node.op == "implicit":
            letters = _subscript_letters(node.args[2]) - outside(root, node)
            if len(letters) != 1:
                raise ParseError("a \\sum without limits: write its index (\\sum_j or "
                                 "\\sum_{j=1}^{l})", node.pos)
            index = Node("name", (letters.pop(),), node.pos)
            node = Node("sum", (index, None, node.args[2]), node.pos)
        return Node(node.kind, tuple(walk(a, root) for a in node.args), node.pos, node.op)
    if not any(n.kind == "sum" and n.op == "implicit" for n in nodes(tree)):
        return tree
    return walk(tree, tree)



def _refuse_double_scripts(marks) -> None:
    """x^a^b and x_a_b are errors in LaTeX ("double superscript"): reading them as (x^a)^b
    or as one index would be a guess, so they are refused where they stand."""
    seen = set()
    for op, _, pos in marks:
        if op in seen and op in "_^":
            kind = "superscript" if op == "^" else "subscript"
            example = "{x^a}^b" if op == "^" else "x_{a_b}"
            raise ParseError(f"double {kind}: LaTeX rejects it; write braces to say which "
                             f"is meant, e.g. {example}", pos)
        seen.add(op)
