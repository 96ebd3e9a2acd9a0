"""A parser for the notes' LaTeX: tokens, then a recursive-descent grammar, to a small
syntax tree that :mod:`symnet.check` gives meaning with a notation table.  Nothing is
passed to eval or exec; input length, token count and nesting depth are bounded.

Grammar (``chain`` is the start symbol; labels such as ``\\tag{..}``, ``\\label{..}``,
``\\notag``, an equation number ``\\quad (5.11)`` and a trailing side condition
``\\quad (1 \\le h \\le q)`` are removed first, :func:`strip_annotations`)::

    chain    := expr ("=" expr)*
    expr     := ["+"|"-"] term (("+"|"-") term)*
    term     := unary (("\\cdot"|"\\times"|"\\odot"|"\\circ"|"/"|<juxtaposition>) unary)*
    unary    := "-" unary | postfix
    postfix  := atom (("^" arg) | ("_" arg) | "'" | "^" "\\prime")* [ "(" expr ")" ]
                                                 (a call when atom is f, \\sigma, \\varphi)
    atom     := number | letter | greek
              | "(" expr ")" | "[" expr "]" | "{" expr "}"
              | "(" expr (";" expr)+ ")"           (a column vector)
              | "(" expr ("," expr)+ ")"           (a row vector)
              | "\\|" expr "\\|"                  (a norm; also \\lVert .. \\rVert)
              | "\\frac" farg farg                 (also \\dfrac \\tfrac \\cfrac; \\frac12)
              | "\\sum" ("_" arg | "^" arg)+ term    (limits in either order, ^ optional)
              | "\\begin{" MATRIX "}" row ("\\\\" row)* "\\end{" MATRIX "}"
              | accent arg                         (\\hat \\tilde \\bar \\boldsymbol \\mathbf \\bm ...)
              | "\\partial" term | "\\Delta" postfix | "\\top" | "\\intercal" | "\\dots"
              | ("\\ln"|"\\log"|"\\exp"|"\\tanh") postfix | "\\sqrt" arg
              | "|" expr "|"                      (an absolute value)
    row      := expr ("&" expr)*
    arg      := "{" (expr | expr "=" expr | expr ("," expr)+ | slice) "}" | letter | digits
    slice    := expr ":" | ":" expr                 (row i of a matrix, column j)
    MATRIX   := bmatrix | pmatrix | matrix | Bmatrix | array

Spacing commands (``\\,``, ``\\quad``, ``\\big``, ...) are skipped; ``\\left`` and
``\\right`` keep their delimiter; the typographic apostrophe is a prime.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from symnet.checker.dots import expand_dots
from symnet.checker.tree import Node, ParseError
from symnet.core.notation import ACCENTS, FUNCTION_LETTERS, GREEK

MAX_LENGTH = 2000
MAX_TOKENS = 800
MAX_DEPTH = 60

SPACING = {",", ";", "!", ":", "quad", "qquad", " ", "displaystyle", "big", "Big", "bigg",
           "Bigg", "limits", "nolimits"}
PRODUCTS = {"cdot": "cdot", "times": "cdot", "odot": "odot", "circ": "odot"}

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<command>\\(?:[A-Za-z]+|.))
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<letter>[A-Za-z])
  | (?P<symbol>[{}()\[\]^_+\-=,'/|.:;&\u2019])
""", re.VERBOSE)


@dataclass(frozen=True)
class Token:
    kind: str       # command | number | letter | symbol | end
    text: str
    pos: int


def tokenize(text: str) -> list[Token]:
    if len(text) > MAX_LENGTH:
        raise ParseError(f"input longer than {MAX_LENGTH} characters", MAX_LENGTH)
    tokens, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ParseError(f"unexpected character {text[pos]!r}", pos)
        kind = m.lastgroup
        value = m.group()
        pos = m.end()
        if kind == "space":
            continue
        if kind == "symbol" and value == "\u2019":          # the typographic apostrophe
            value = "'"
        if kind == "command":
            name = value[1:]
            if name in SPACING:
                continue
            if name in ("lVert", "rVert", "Vert"):
                value = "\\|"
            if name in ("left", "right", "middle"):
                # \left( \right) \left[ \left. : keep the delimiter, drop the size
                nxt = _TOKEN.match(text, pos)
                while nxt and nxt.lastgroup == "space":
                    pos = nxt.end()
                    nxt = _TOKEN.match(text, pos)
                if not nxt:
                    raise ParseError(f"\\{name} needs a delimiter", pos)
                pos = nxt.end()
                delim = nxt.group()
                if delim == ".":
                    continue
                if delim in ("\\{", "\\}"):
                    delim = delim[1]
                if delim in ("\\|", "\\lVert", "\\rVert", "\\Vert"):
                    tokens.append(Token("command", "\\|", m.start()))
                    continue
                tokens.append(Token("symbol", delim, m.start()))
                continue
        tokens.append(Token(kind, value, m.start()))
        if len(tokens) > MAX_TOKENS:
            raise ParseError(f"more than {MAX_TOKENS} tokens", m.start())
    tokens.append(Token("end", "", len(text)))
    return tokens


class Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0
        self.norms = 0          # inside \| ... \|: a \| closes, it does not open

    # -- helpers ---------------------------------------------------------------------
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def expect(self, text: str, what: Optional[str] = None) -> Token:
        if self.tok.text != text:
            found = "the end" if self.tok.kind == "end" else repr(self.tok.text)
            raise ParseError(f"expected {what or repr(text)}, found {found}", self.tok.pos)
        return self.take()

    def enter(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseError("nested too deeply", self.tok.pos)

    # -- grammar ---------------------------------------------------------------------
    def parse(self) -> Node:
        sides = [self.expr()]
        while self.tok.text == "=":
            self.take()
            sides.append(self.expr())
        if self.tok.kind != "end":
            raise ParseError(f"expected an operator or the end, found {self.tok.text!r}",
                             self.tok.pos)
        return Node("chain", tuple(sides), 0)

    def expr(self) -> Node:
        self.enter()
        pos = self.tok.pos
        terms = []
        sign = 1
        if self.tok.text in "+-" and self.tok.kind == "symbol":
            sign = -1 if self.take().text == "-" else 1
        first = self.term()
        terms.append(first if sign > 0 else Node("neg", (first,), pos))
        while self.tok.kind == "symbol" and self.tok.text in ("+", "-"):
            op = self.take()
            t = self.term()
            terms.append(t if op.text == "+" else Node("neg", (t,), op.pos))
        self.depth -= 1
        return terms[0] if len(terms) == 1 else Node("add", tuple(terms), pos)

    def _starts_factor(self) -> bool:
        t = self.tok
        if t.kind in ("number", "letter"):
            return True
        if t.kind == "symbol":
            return t.text in ("(", "[", "{")
        if t.kind == "command":
            name = t.text[1:]
            if name == "|":
                return self.norms == 0
            return name not in PRODUCTS and name not in ("right", "top", "\\", "end")
        return False

    def term(self) -> Node:
        pos = self.tok.pos
        factors, ops = [self.unary()], []
        while True:
            if self.tok.kind == "command" and self.tok.text[1:] in PRODUCTS:
                ops.append(PRODUCTS[self.take().text[1:]])
                factors.append(self.unary())
            elif self.tok.text == "/" and self.tok.kind == "symbol":
                self.take()
                factors[-1] = Node("frac", (factors[-1], self.unary()), pos)
            elif self._starts_factor():
                ops.append("cdot")
                factors.append(self.unary())
            else:
                break
        if len(factors) == 1:
            return factors[0]
        node = factors[0]
        for op, f in zip(ops, factors[1:]):            # left-associative, op per pair
            node = Node("mul", (node, f), pos, op)
        return node

    def unary(self) -> Node:
        if self.tok.kind == "symbol" and self.tok.text == "-":
            pos = self.take().pos
            return Node("neg", (self.unary(),), pos)
        return self.postfix()

    def postfix(self) -> Node:
        self.enter()
        node = self.atom()
        while True:
            t = self.tok
            if t.text == "'" and t.kind == "symbol":
                self.take()
                node = Node("script", (node, "prime"), t.pos, "'")
            elif t.text == "^" and t.kind == "symbol" and self._prime_follows():
                self.take()                                   # f^{\prime}, f^\prime: f'
                if self.take().text == "{":
                    self.take()
                    self.expect("}", "'}' after \\prime")
                node = Node("script", (node, "prime"), t.pos, "'")
            elif t.text in ("^", "_") and t.kind == "symbol":
                self.take()
                node = Node("script", (node, self.arg()), t.pos, t.text)
            else:
                break
        if _function_name(node) and self.tok.kind == "symbol" and self.tok.text == "(":
            node = Node("call", (node, self.atom()), node.pos)     # f(x), f'(x): apply
        self.depth -= 1
        return node

    def _prime_follows(self) -> bool:
        """After '^': \\prime or {\\prime}."""
        nxt = self.tokens[self.i + 1:self.i + 4]
        return bool(nxt) and (nxt[0].text == "\\prime" or (
            len(nxt) == 3 and nxt[0].text == "{" and nxt[1].text == "\\prime" and nxt[2].text == "}"))

    def digit_arg(self) -> Node:
        """A \\frac argument: as TeX reads \\frac12, a bare number gives one digit."""
        t = self.tok
        if t.kind == "number" and len(t.text) > 1 and "." not in t.text:
            self.tokens[self.i] = Token("number", t.text[1:], t.pos + 1)
            return Node("num", (t.text[0],), t.pos)
        return self.arg()

    def arg(self) -> Node:
        """A script or command argument: {expr}, or a single token."""
        t = self.tok
        if t.text == "{":
            self.take()
            if self.tok.text == "}":
                raise ParseError("expected something inside {}", self.tok.pos)
            inner = self.expr_or_list()
            self.expect("}", "'}'")
            return inner
        if t.kind in ("number", "letter"):
            self.take()
            if t.kind == "number" and len(t.text) > 1 and "." not in t.text:
                # x^12 means x^1 2 in TeX; keep the common case of a digit pair as indices
                return Node("name", (t.text,), t.pos)
            return Node("num", (t.text,), t.pos) if t.kind == "number" else Node("name", (t.text,), t.pos)
        if t.kind == "command":
            return self.atom()
        if t.text == "(":
            return self.atom()
        raise ParseError("expected a script argument", t.pos)

    def expr_or_list(self) -> Node:
        """Inside braces: an expression, a sum's lower limit j=1, a list i,j, or a
        slice such as 1: (row 1) or :1 (column 1)."""
        pos = self.tok.pos
        if self.tok.kind == "symbol" and self.tok.text == ":":
            self.take()
            if self.tok.kind == "symbol" and self.tok.text == ",":
                self.take()
            return Node("slice", (None, self.expr()), pos)
        first = self.expr()
        if self.tok.kind == "symbol" and self.tok.text == ",":
            nxt = self.tokens[self.i + 1] if self.i + 1 < len(self.tokens) else None
            if nxt is not None and nxt.text == ":":
                self.take()
                self.take()
                return Node("slice", (first, None), pos)
        if self.tok.kind == "symbol" and self.tok.text == ":":
            self.take()
            return Node("slice", (first, None), pos)
        if self.tok.text == "=":
            self.take()
            return Node("assign", (first, self.expr()), pos)
        if self.tok.text == ",":
            items = [first]
            while self.tok.text == ",":
                self.take()
                items.append(self.expr())
            return Node("list", tuple(items), pos)
        return first

    def atom(self) -> Node:
        t = self.tok
        if t.kind == "number":
            self.take()
            return Node("num", (t.text,), t.pos)
        if t.kind == "letter":
            self.take()
            return Node("name", (t.text,), t.pos)
        if t.kind == "symbol" and t.text in ("(", "[", "{"):
            self.take()
            saved, self.norms = self.norms, 0
            inner = self.expr()
            closing = {"(": ")", "[": "]", "{": "}"}[t.text]
            if t.text in "([" and self.tok.kind == "symbol" and self.tok.text in (";", ","):
                # (a; b; c) a column, (a, b, c) a row (the notes' convention)
                sep, items = self.tok.text, [inner]
                while self.tok.kind == "symbol" and self.tok.text == sep:
                    self.take()
                    items.append(self.expr())
                self.expect(closing, f"{closing!r} to close the vector at character {t.pos + 1}")
                self.norms = saved
                return Node("vector", tuple(items), t.pos, "column" if sep == ";" else "row")
            self.expect(closing, f"{closing!r} to close the {t.text!r} at character {t.pos + 1}")
            self.norms = saved
            return Node("group", (inner,), t.pos, t.text)
        if t.kind == "symbol" and t.text == "|":
            self.take()                                   # |x|: an absolute value
            inner = self.expr()
            self.expect("|", f"'|' to close the absolute value at character {t.pos + 1}")
            return Node("func", (inner,), t.pos, "abs")
        if t.kind == "command":
            name = t.text[1:]
            self.take()
            if name in GREEK:
                return Node("name", (name,), t.pos)
            if name in ("frac", "dfrac", "tfrac", "cfrac"):
                return Node("frac", (self.digit_arg(), self.digit_arg()), t.pos)
            if name == "sum":
                low = high = None
                while self.tok.text in ("_", "^") and self.tok.kind == "symbol":
                    mark = self.take().text
                    if (low if mark == "_" else high) is not None:
                        raise ParseError(f"two '{mark}' limits on one \\sum", self.tok.pos)
                    if mark == "_":
                        low = self.arg()
                    else:
                        high = self.arg()
                if low is None:
                    raise ParseError("'_' with the summation index after \\sum", self.tok.pos)
                return Node("sum", (low, high, self.term_for_sum()), t.pos)
            if name in ACCENTS:
                nxt = self.tokens[self.i:self.i + 3]
                if len(nxt) == 3 and [x.text for x in nxt] == ["{", "\\Delta", "}"]:
                    self.i += 3                      # \boldsymbol{\Delta} w: the Delta of w
                    return Node("delta", (self.postfix(),), t.pos)
                return Node("accent", (self.arg(),), t.pos, name)
            if name == "|":
                if self.norms:
                    raise ParseError("a norm inside a norm", t.pos)
                self.norms += 1
                inner = self.expr()
                self.norms -= 1
                self.expect("\\|", f"'\\|' to close the norm at character {t.pos + 1}")
                return Node("norm", (inner,), t.pos)
            if name in ("dots", "cdots", "ldots", "vdots"):
                return Node("dots", (), t.pos)
            if name == "begin":
                return self.environment(t)
            if name == "partial":
                # \partial E_k, \partial \frac{1}{2} \sum_j (...)^2: the whole term after it
                return Node("partial", (self.term(),), t.pos)
            if name == "Delta":
                return Node("delta", (self.postfix(),), t.pos)
            if name in ("top", "T", "intercal"):
                return Node("name", ("top",), t.pos)
            if name in ("ln", "log", "exp", "tanh"):
                return Node("func", (self.postfix(),), t.pos, name)
            if name == "sqrt":
                return Node("func", (self.arg(),), t.pos, "sqrt")
            raise ParseError(f"unknown command \\{name}", t.pos)
        found = "the end" if t.kind == "end" else repr(t.text)
        raise ParseError(f"expected a number, a symbol or '(', found {found}", t.pos)

    def _word(self) -> str:
        """Letters (and *) inside braces: an environment's name."""
        self.expect("{", "'{'")
        name = ""
        while self.tok.kind in ("letter", "number") or self.tok.text == "*":
            name += self.take().text
        self.expect("}", "'}'")
        return name

    def environment(self, begin: Token) -> Node:
        """\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix} (also pmatrix, matrix, array)."""
        name = self._word()
        if name not in MATRIX_ENVIRONMENTS:
            raise ParseError(f"the environment {name!r} inside a formula (matrices: "
                             f"{', '.join(sorted(MATRIX_ENVIRONMENTS))})", begin.pos)
        if name == "array" and self.tok.text == "{":
            self._word()                                   # the column spec, e.g. {ccc}
        rows, row = [], []
        while True:
            if self.tok.kind == "command" and self.tok.text == "\\end":
                self.take()
                if self._word() != name:
                    raise ParseError(f"\\end does not match \\begin{{{name}}}", self.tok.pos)
                break
            if self.tok.kind == "end":
                raise ParseError(f"\\begin{{{name}}} is never closed", begin.pos)
            row.append(self.expr())
            if self.tok.kind == "symbol" and self.tok.text == "&":
                self.take()
            elif self.tok.kind == "command" and self.tok.text == "\\\\":
                self.take()
                rows.append(tuple(row))
                row = []
        if row:
            rows.append(tuple(row))
        if not rows or len({len(r) for r in rows}) != 1:
            raise ParseError("the rows of a matrix have different lengths", begin.pos)
        return Node("matrix", tuple(rows), begin.pos, name)

    def term_for_sum(self) -> Node:
        """The summand: the product that follows (up to the next + or - at this level)."""
        return self.term()


FUNCTIONS = FUNCTION_LETTERS
MATRIX_ENVIRONMENTS = {"bmatrix", "pmatrix", "matrix", "array", "Bmatrix", "vmatrix"} - {"vmatrix"}


def _function_name(node: Node) -> bool:
    """f, f', \\sigma, \\varphi (with primes): a name applied to a parenthesised argument."""
    while node.kind == "script" and node.op == "'":
        node = node.args[0]
    return node.kind == "name" and node.args[0] in FUNCTIONS


_LABEL = re.compile(r"""\\(?:tag\*?|label)\s*\{[^{}]*\}|\\(?:notag|nonumber)\b""")
_SPACE = r"(?:\s|\\q?quad\b|\\[,;:! ]|~)"
_NUMBER_AT_END = re.compile(rf"{_SPACE}+\(\s*\d+(?:\.\d+)*[a-z]?\s*\)\s*[.,;]?\s*$")
_CONDITION_AT_END = re.compile(
    rf"{_SPACE}*\\q?quad\b{_SPACE}*\(([^()]*\\(?:le|leq|ge|geq|ne|neq|in)\b[^()]*)\)\s*[.,;]?\s*$")


def strip_annotations(text: str) -> tuple[str, list]:
    """The formula without what only labels it: ``\\tag{..}``, ``\\label{..}``,
    ``\\notag``, an equation number such as ``\\quad (5.11)`` at the end, and a side
    condition such as ``\\quad (1 \\le h \\le q)`` at the end.  Each removed piece is
    returned; replaced by spaces so that positions in error messages stay right."""
    removed = []

    def blank(match):
        removed.append(match.group().strip())
        return " " * len(match.group())
    text = _LABEL.sub(blank, text)
    for pattern in (_CONDITION_AT_END, _NUMBER_AT_END, _CONDITION_AT_END):
        text = pattern.sub(blank, text)
    return text, removed


def parse(text: str) -> Node:
    """The syntax tree of a chain a = b = c; ParseError with the position otherwise.
    Equation numbers, tags and trailing side conditions are not part of the formula
    (:func:`strip_annotations`).  Lists written with \\dots are read as the sums and
    vectors they stand for (:func:`symnet.checker.dots.expand_dots`)."""
    if not isinstance(text, str) or not text.strip():
        raise ParseError("empty formula", 0)
    text, _ = strip_annotations(text)
    if not text.strip():
        raise ParseError("empty formula", 0)
    return expand_dots(Parser(text).parse())
