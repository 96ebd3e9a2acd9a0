"""Lists written with an ellipsis: ``a_1 + a_2 + \\dots + a_l`` and
``(a_1, a_2, \\dots, a_l)``.

The item after ``\\dots`` is the pattern at a size letter L, the items before it the same
pattern at 1 (and 2): the sum is read as ``\\sum_{r=1}^{L}`` of the pattern, the vector as
the vector of its L entries.  With a digit N in place of L (a_1 + \\dots + a_4,
theta_{01} + \\dots + theta_{41}) every item is written out.  The pattern is found by
comparing the syntax trees, never guessed: every place where the first item and the last
differ must hold 1 (or 0) in the first item, one more in the second and one and the same L
or N in the last; anything else is refused (ParseError).
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
    """What the items [A_s, (A_{s+1},) \\dots, A_L] stand for, s = 0 or 1:
    ("symbolic", template with ``running`` for the index, L, s) when L is a size letter, or
    ("concrete", every item A_s .. A_N) when the last index is a digit N.  ParseError
    when they do not follow one pattern."""
    before, after = items[:dots_at], items[dots_at + 1:]
    if len(after) != 1 or not 1 <= len(before) <= 2:
        raise ParseError("an ellipsis needs one or two items before it and one after it, "
                         "e.g. a_1 + a_2 + \\dots + a_l", pos)
    first, last = before[0], after[0]
    places: list = []
    if not _differences(first, last, places) or not places:
        raise ParseError("the items around the ellipsis do not follow one pattern", pos)
    starts = {a.args[0] for a, _ in places}
    if all(b.kind == "name" and b.args[0].isalpha() for _, b in places):
        letters = {b.args[0] for _, b in places}
        if len(letters) != 1 or starts not in ({"0"}, {"1"}) or \
                any(a.kind != "num" for a, _ in places):
            raise ParseError("the items around the ellipsis do not follow one pattern: the "
                             "first should hold 1 (or 0) where the last holds a size such as "
                             "l", pos)
        (size,) = letters
        start = int(starts.pop())
        template = _fill(last, places, running)
        for n, item in enumerate(before, start):
            if not same_tree(_put(template, running, Node("num", (str(n),))), item):
                raise ParseError(f"item {n - start + 1} does not follow the pattern of the "
                                 f"last item with {size} = {n}", item.pos)
        return "symbolic", template, size, start
    return "concrete", _concrete_items(before, last, places, pos)


def _concrete_items(before, last, places, pos) -> tuple:
    """Every item of a list whose running index is a digit in each differing leaf (a_1 ..
    a_4, theta_{01} .. theta_{41}): the last item with that digit set to s, s + 1, .., N."""
    spots = []                                   # (leaf of last, position of the digit)
    bounds = set()
    for a, b in places:
        ta, tb = a.args[0], b.args[0]
        diff = [p for p in range(len(ta)) if len(ta) == len(tb) and ta[p] != tb[p]]
        if len(diff) != 1 or not (ta[diff[0]].isdigit() and tb[diff[0]].isdigit()):
            raise ParseError("the items around the ellipsis do not follow one pattern", pos)
        spots.append((b, diff[0]))
        bounds.add((int(ta[diff[0]]), int(tb[diff[0]])))
    if len(bounds) != 1:
        raise ParseError("the items around the ellipsis count in different ways", pos)
    ((start, stop),) = bounds
    if stop <= start or start not in (0, 1):
        raise ParseError("an ellipsis runs upwards from 0 or 1", pos)
    def at(n):
        """The leaf with its digit p set to n."""
        return {id(b): Node(b.kind, (b.args[0][:p] + str(n) + b.args[0][p + 1:],), b.pos, b.op)
                for b, p in spots}
    out = tuple(_substitute(last, at(n)) for n in range(start, stop + 1))
    for n, item in enumerate(before):
        if not same_tree(out[n], item):
            raise ParseError(f"item {n + 1} does not follow the pattern of the last item",
                             item.pos)
    return out


def _fill(last: Node, places: list, running: str) -> Node:
    """``last`` with the differing leaves (the size letter) replaced by the running
    letter; the other leaves that happen to be the same letter stay as they are."""
    return _substitute(last, {id(b): Node("name", (running,), b.pos) for _, b in places})


def _substitute(node, replacements: dict):
    """``node`` with each node whose id is a key of ``replacements`` replaced."""
    if not isinstance(node, Node):
        return node
    if id(node) in replacements:
        return replacements[id(node)]
    return Node(node.kind, tuple(_substitute(c, replacements) for c in node.args),
                node.pos, node.op)


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
        found = _pattern(node.args, dots[0], running, node.pos)
        if found[0] == "concrete":
            return Node(node.kind, found[1], node.pos, node.op)
        _, template, size, start = found
        low = Node("assign", (Node("name", (running,), node.pos), Node("num", (str(start),))),
                   node.pos)
        bound = Node("name", (size,), node.pos)
        if node.kind == "add":
            return Node("sum", (low, bound, template), node.pos)
        return Node("vector_of", (low, bound, template), node.pos, node.op)
    return walk(tree)
