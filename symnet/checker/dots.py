"""Lists written with an ellipsis: ``a_1 + a_2 + \\dots + a_l`` and
``(a_1, a_2, \\dots, a_l)``.

The item after ``\\dots`` is the pattern at a size letter L, the items before it the same
pattern at 1 (and 2): the sum is read as ``\\sum_{r=1}^{L}`` of the pattern, the vector as
the vector of its L entries.  The pattern is found by comparing the syntax trees, never
guessed: every place where the first item and the last differ must hold 1 in the first
item, 2 in the second and one and the same letter L in the last; anything else is refused (ParseError).
"""
from __future__ import annotations

from symnet.checker.tree import Node, ParseError, same_tree

__all__ = ["expand_dots"]

#: running letters for the index the ellipsis stands for (the first one the formula
#: does not use)
RUNNING = "rstupmno"


def _names(node: Node, out: set) -> set:
    if isinstance(node, Node):
        if node.kind == "name":
            out.add(node.args[0])
        for a in node.args:
            _names(a, out)
    return out


def _differences(first, last, found: list) -> bool:
    """Walk both trees in step; the leaves where they differ go to ``found`` as
    (leaf of first, leaf of last).  False when they differ in shape."""
    if not (isinstance(first, Node) and isinstance(last, Node)):
        return first == last
    if first.kind in ("num", "name") and last.kind in ("num", "name"):
        if first.kind != last.kind or first.args != last.args:
            found.append((first, last))
        return True
    if first.kind != last.kind or first.op != last.op or len(first.args) != len(last.args):
        return False
    return all(_differences(a, b, found) for a, b in zip(first.args, last.args))


def _put(node, letter: str, value: Node):
    """``node`` with every name ``letter`` replaced by ``value``."""
    if not isinstance(node, Node):
        return node
    if node.kind == "name" and node.args == (letter,):
        return Node(value.kind, value.args, node.pos, value.op)
    return Node(node.kind, tuple(_put(a, letter, value) for a in node.args), node.pos, node.op)


def _pattern(items: tuple, dots_at: int, running: str, pos: int):
    """(template with ``running`` for the index, the size letter L) of the items
    [A_1, (A_2,) \\dots, A_L]; MeaningError when they do not follow one pattern."""
    before, after = items[:dots_at], items[dots_at + 1:]
    if len(after) != 1 or not 1 <= len(before) <= 2:
        raise ParseError("an ellipsis needs one or two items before it and one after it, "
                           "e.g. a_1 + a_2 + \\dots + a_l", pos)
    first, last = before[0], after[0]
    places: list = []
    if not _differences(first, last, places) or not places:
        raise ParseError("the items around the ellipsis do not follow one pattern", pos)
    letters = {b.args[0] for a, b in places if b.kind == "name"}
    if any(a.kind != "num" or a.args != ("1",) for a, _ in places) or len(letters) != 1 \
            or any(b.kind != "name" for _, b in places):
        raise ParseError("the items around the ellipsis do not follow one pattern: the "
                           "first should hold 1 where the last holds a size such as l", pos)
    (size,) = letters
    template = _fill(last, places, running)
    for n, item in enumerate(before, 1):
        if not same_tree(_put(template, running, Node("num", (str(n),))), item):
            raise ParseError(f"item {n} does not follow the pattern of the last item "
                               f"with {size} = {n}", item.pos)
    return template, size


def _fill(last: Node, places: list, running: str) -> Node:
    """``last`` with the differing leaves (the size letter) replaced by the running
    letter; the other leaves that happen to be the same letter stay as they are."""
    targets = {id(b) for _, b in places}

    def walk(node):
        if not isinstance(node, Node):
            return node
        if id(node) in targets:
            return Node("name", (running,), node.pos)
        return Node(node.kind, tuple(walk(a) for a in node.args), node.pos, node.op)
    return walk(last)


def expand_dots(tree: Node) -> Node:
    """The tree with each sum ``A_1 + A_2 + \\dots + A_L`` as a ``sum`` node over a
    running index 1..L and each vector ``(A_1, \\dots, A_L)`` as a ``vector_of`` node
    (args: the running letter's assignment to 1, the bound L, the entry)."""
    used = _names(tree, set())
    free = [c for c in RUNNING if c not in used]

    def walk(node):
        if not isinstance(node, Node):
            return node
        node = Node(node.kind, tuple(walk(a) for a in node.args), node.pos, node.op)
        if node.kind not in ("add", "vector"):
            return node
        dots = [n for n, a in enumerate(node.args)
                if isinstance(a, Node) and (a.kind == "dots" or
                                            (a.kind == "neg" and a.args[0].kind == "dots"))]
        if not dots:
            return node
        if len(dots) > 1 or not free:
            raise ParseError("more than one ellipsis in one list", node.pos)
        running = free[0]
        template, size = _pattern(node.args, dots[0], running, node.pos)
        low = Node("assign", (Node("name", (running,), node.pos), Node("num", ("1",))), node.pos)
        bound = Node("name", (size,), node.pos)
        if node.kind == "add":
            return Node("sum", (low, bound, template), node.pos)
        return Node("vector_of", (low, bound, template), node.pos, node.op)
    return walk(tree)
