"""The syntax tree of a formula (:class:`Node`), the error of a formula that cannot be
read (:class:`ParseError`, with its position), and tree equality."""
from __future__ import annotations

from dataclasses import dataclass


class ParseError(ValueError):
    """Position (0-based character offset) and what was expected."""

    def __init__(self, message: str, position: int):
        super().__init__(f"at character {position + 1}: {message}")
        self.position = position


@dataclass(frozen=True)
class Node:
    """kind: num, name, script, add, mul, neg, frac, sum, call, partial, delta, chain.
    ``args`` are child nodes or strings; ``pos`` where it starts."""

    kind: str
    args: tuple
    pos: int = 0
    op: str = ""

    def __repr__(self):
        return f"{self.kind}{'[' + self.op + ']' if self.op else ''}{self.args!r}"


def nodes(tree: Node):
    """Every node of the tree (the root first, then depth first)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(a for a in node.args if isinstance(a, Node))


def same_tree(a, b) -> bool:
    """Structurally equal syntax trees (positions ignored)."""
    if not isinstance(a, Node) or not isinstance(b, Node):
        return a == b
    return a.kind == b.kind and a.op == b.op and len(a.args) == len(b.args) and \
        all(same_tree(x, y) for x, y in zip(a.args, b.args))


def written_in_a_superscript(node: Node, letter: str) -> bool:
    """Whether ``node`` writes ``letter`` in a superscript (a layer: W^{(l)}, b^l_1,
    z_1^{(k)}): a sum over such a letter is a sum over layers."""
    return any(n.kind == "script" and n.op == "^" and any(
        m.kind == "name" and m.args == (letter,) for m in nodes(n.args[1]))
        for n in nodes(node))
