"""The one reader of a marked symbol: \\hat{\\mathbf{y}}_j^k, \\tilde{\\Theta}^{(kl)\\top},
f'' -- what letter it is and which marks it carries, for every notation to give meaning.

The fonts of ``core.notation.FONT_MARKS`` (bold, upright, the arrow) are dropped here, in
one place (bold is remembered: a bold letter is a vector); every other mark (hat, tilde,
bar) is kept for the notation's table to read or refuse.  A symbol with two meaning
marks, two subscripts or two superscripts is refused here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from symnet.checker.result import MeaningError
from symnet.checker.tree import Node
from symnet.core.notation import BOLD_MARKS, FONT_MARKS, SAME_MARK

__all__ = ["Marked", "read_symbol", "base_of", "function_of", "index_items", "flat_text", "is_transpose"]


@dataclass(frozen=True)
class Marked:
    """A letter with its marks: ``base`` (None when the core is not a name), ``accent``
    (the meaning mark, "" for none; \\widehat is "hat", \\widetilde "tilde"), the
    subscript and superscript nodes, the number of primes, whether it is transposed and
    whether it is bold."""

    base: Optional[str]
    accent: str = ""
    sub: Optional[Node] = None
    sup: Optional[Node] = None
    primes: int = 0
    transpose: bool = False
    bold: bool = False

    @property
    def hat(self) -> bool:
        return self.accent == "hat"


def is_transpose(mark: Node) -> bool:
    """^\\top, ^T, ^\\intercal, ^{\\mathrm{T}}: the transpose."""
    if mark.kind == "accent" and mark.op in ("mathrm", "text", "operatorname"):
        mark = mark.args[0]
    return mark.kind == "name" and mark.args[0] in ("top", "T")


def _merge(outer: dict, inner: Marked, pos: int) -> dict:
    """The marks written outside a group or an accent joined with those inside it."""
    if outer["accent"] and inner.accent:
        raise MeaningError(f"two marks on one symbol (\\{outer['accent']} and "
                           f"\\{inner.accent})", pos)
    for part in ("sub", "sup"):
        if outer[part] is not None and getattr(inner, part) is not None:
            raise MeaningError("a symbol with two superscripts or subscripts", pos)
    return dict(base=inner.base, accent=outer["accent"] or inner.accent,
                sub=outer["sub"] or inner.sub, sup=outer["sup"] or inner.sup,
                primes=outer["primes"] + inner.primes,
                transpose=outer["transpose"] != inner.transpose,
                bold=outer["bold"] or inner.bold)


def read_symbol(node: Node) -> Marked:
    """The letter of ``node`` and its marks (scripts, primes, accents, fonts, braces)."""
    found = dict(accent="", sub=None, sup=None, primes=0, transpose=False, bold=False)
    while node.kind == "script":
        target, arg = node.args
        if node.op == "'":
            found["primes"] += 1
        elif node.op == "^" and is_transpose(arg):
            found["transpose"] = not found["transpose"]
        else:
            part = "sub" if node.op == "_" else "sup"
            if found[part] is not None:
                word = "subscripts" if part == "sub" else "superscripts"
                raise MeaningError(f"two {word} on one symbol", arg.pos)
            found[part] = arg
        node = target
    while node.kind == "accent":
        if node.op in FONT_MARKS:
            found["bold"] = found["bold"] or node.op in BOLD_MARKS
        elif found["accent"]:
            raise MeaningError(f"two marks on one symbol (\\{found['accent']} and "
                               f"\\{node.op})", node.pos)
        else:
            found["accent"] = SAME_MARK.get(node.op, node.op)
        node = node.args[0]
    if node.kind == "script" or (node.kind == "group" and node.op == "{"):
        inner = read_symbol(node.args[0] if node.kind == "group" else node)
        return Marked(**_merge(found, inner, node.pos))
    return Marked(node.args[0] if node.kind == "name" else None, **found)


def base_of(node: Node):
    """The letter of a symbol, or None (not a symbol, or one that is refused)."""
    try:
        return read_symbol(node).base
    except MeaningError:
        return None


def function_of(node: Node) -> tuple:
    """(name, number of primes) of f, f', f^{\\prime}, \\sigma: a letter with primes only."""
    primes = 0
    while node.kind == "script" and (node.op == "'" or node.op == "^" and
                                     node.args[1].kind == "name" and
                                     node.args[1].args[0] == "prime"):
        primes, node = primes + 1, node.args[0]
    if node.kind != "name":
        raise MeaningError("a function is f or f'", node.pos)
    return node.args[0], primes


def index_items(sub: Node):
    """'11' -> ['1', '1']; 'ij' -> ['i', 'j']; '1,2' -> ['1', '2']; None if not indices."""
    if sub.kind == "group":
        return index_items(sub.args[0])
    if sub.kind in ("name", "num"):
        text = sub.args[0]
        if text.isdigit() or (text.isalpha() and len(text) == 1):
            return list(text)
        return None
    if sub.kind == "list":
        out = []
        for item in sub.args:
            got = index_items(item)
            if got is None or len(got) != 1:
                return None
            out += got
        return out
    if sub.kind == "mul" and sub.op == "cdot":
        a, b = index_items(sub.args[0]), index_items(sub.args[1])
        return a + b if a is not None and b is not None else None
    return None


def flat_text(node):
    """Letters and digits of a superscript like (kl) or (23) as one string."""
    if node.kind == "group":
        return flat_text(node.args[0])
    if node.kind in ("name", "num"):
        return node.args[0]
    if node.kind == "mul" and node.op == "cdot":
        a, b = flat_text(node.args[0]), flat_text(node.args[1])
        return a + b if a is not None and b is not None else None
    return None
