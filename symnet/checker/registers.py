"""A running value, as an algorithm writes one: ``g \\leftarrow Q = R`` gives a name that
the notation in force has no row for (Goodfellow's g in algorithm 6.4) the value Q, and
the formulas after it read g as Q (a register, as in pseudo-code).

- The update's own '=' are a claim, Q = R, with g on its right the value g had before the
  line.
- Inside a loop over the layer letter written as its whole range (``k = l, l-1, \\cdots,
  1`` going down, ``k = 1, \\dots, l`` going up), the value g has on entering iteration k
  is its last value in the loop's body for the iteration before (k + 1 going down, k - 1
  going up), and for the first iteration (k = l, k = 1) its value before the loop: g is
  read so only where the two are proved to agree there.  The body runs to the next loop,
  heading or directive.
- A value that cannot be told (g used before any update, an update whose value is not
  read, a loop whose entry value is not given or does not agree; after a loop, a value
  that names its letter) leaves a formula that uses g not checked, with the reason; so
  does a value that names the layer letter in a formula that does not (the loop's end is
  not written: after it, g has its last iteration's value), and a value given by an
  update whose claim Q = R is refuted (g may be Q or R), unless the formula is decided
  alike with g read as each (``Value.others``).  In the book's own notation
  nothing is a register; nor is an index letter (a counter), e, T or d.

An arrow whose left side is a quantity the network computes (``a^{(k)} \\leftarrow b^{(k)} +
W^{(k)} h^{(k-1)}``, ``\\nabla_{W^{(k)}} J \\leftarrow g h^{(k-1)\\top}``: a row of the
notation that is no free variable, or a derivative of the cost) and does not stand on its
right claims that the value is that quantity: it is read as Q = R.  An arrow to a free
variable (a weight, a bias: ``W \\leftarrow W - \\eta \\nabla_W J``) or to a quantity written on
its right stays an update, not a claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from symnet.checker.parse import parse
from symnet.checker.symbols import flat_text as flat
from symnet.checker.tree import Node, ParseError, nodes, same_tree
from symnet.core.notation import FONT_MARKS, INDEX_LETTERS
from symnet.core.notation_files import FREE, load

__all__ = ["Registers", "substituted", "at_layer", "arrow_claim", "computing_arrow", "computes",
           "rewrites_itself", "in_notation_letter", "written_on_right"]

_ARROW = re.compile(r"\\leftarrow(?![A-Za-z])|\\gets(?![A-Za-z])|←")
_NAME = re.compile(r"\s*(?:\\(?:boldsymbol|mathbf|bm|vec)\s*\{\s*(?P<a>[A-Za-z])\s*\}|"
                   r"(?P<b>[A-Za-z]))\s*")
_LOOP = re.compile(r"\s*(?:\\text\{for\}\s*)?(?P<letter>[a-z])\s*=\s*(?P<items>[^=]+?)\s*")
#: letters never taken as registers: index letters, and e, T (a transpose), d
_NOT_REGISTERS = INDEX_LETTERS | frozenset("eTd")
_DOTS = re.compile(r"\\[lc]?dots|\.\.\.|…")


@dataclass(frozen=True)
class Value:
    """A register's value (``tree``; None: not known), how it was given (``note``), and
    whether it names no layer letter and may change from one iteration of a loop to the
    next (``bare``: not the value of a loop the checker reads, unchanged in its body), and
    the equation (its number in the document's list) of the update that gave it, where
    that update claims Q = R (``claim``: where Q = R is refuted, g may be Q or R)."""

    tree: Optional[Node]
    note: str
    bare: bool = False
    claim: Optional[int] = None     # the update that gave it, where it claims Q = R
    others: Optional[tuple] = None  # R (and every later side) of that claim, read as g's
                                    # value: None where one is not read
    others_from: tuple = ()         # the updates whose values those sides were read with
    others_at: Optional[tuple] = None   # (loop letter, its first layer) where those sides
                                        # read a loop's entry value: one of g's values there
    first: Optional[tuple] = None   # a loop's entry value: (its letter, its first layer,
                                    # the update that gave the value before the loop)


def substituted(tree: Node, values: dict, letter: str = "") -> tuple[Node, list]:
    """``tree`` with every register written in it (g, \\boldsymbol{g}) replaced by its
    value in brackets, and the values used (:class:`Value`); ValueError (the reason) for a
    register whose value here is not known, or is ``bare`` in a formula over every layer
    (naming the layer letter): inside a loop written in words, not seen here, it would
    have another value on entering each iteration; or whose value names the layer letter
    in a formula that does not (after a loop, whose end is not written, it has the last
    iteration's value: \\nabla_{h^{(0)}} J = g after algorithm 6.4's loop)."""
    used, layered = [], bool(letter) and _names(tree, letter)

    def walk(node: Node) -> Node:
        name = register_written(node)
        if name in values:
            value = values[name]
            if value.tree is None:
                raise ValueError(value.note)
            if value.bare and layered:
                raise ValueError(f"{name} was given a value for one layer ({value.note}), "
                                 f"and this formula is over every layer {letter}: in a "
                                 "loop the checker does not see (no line such as "
                                 f"{letter} = l, l-1, \\cdots, 1), it would have another")
            if letter and not layered and _names(value.tree, letter):
                raise ValueError(f"{name}'s value names the layer {letter} ({value.note}), "
                                 f"and this formula does not: it may come after the loop, "
                                 f"where {name} has its last iteration's value")
            if value not in used:
                used.append(value)
            return Node("group", (value.tree,), node.pos, "(")
        return Node(node.kind, tuple(walk(a) if isinstance(a, Node) else a
                                     for a in node.args), node.pos, node.op)
    return walk(tree), used


def _names(tree: Node, letter: str) -> bool:
    return any(x.kind == "name" and x.args[0] == letter for x in nodes(tree))


def register_written(node: Node) -> Optional[str]:
    """The letter of a bare name (g) or of one in a font (\\boldsymbol{g}), else None."""
    if node.kind == "accent" and node.op in FONT_MARKS and len(node.args) == 1:
        node = node.args[0]
    if node.kind == "name" and len(node.args[0]) == 1:
        return node.args[0]
    return None


def _is_register(letter: str, notation) -> bool:
    """A letter the notation gives no meaning (no row, no function, no layer letter), and
    not a letter that counts (i \\gets 1 is a loop's counter: never put into indices), nor
    one that mathematics gives a meaning (e, a transpose's T, a differential's d)."""
    return letter not in _NOT_REGISTERS and letter not in notation.symbols and \
        letter not in notation.activation and \
        letter not in (notation.layer_letter, notation.last_layer)


def _sides_of_arrow(text: str) -> Optional[tuple[str, str]]:
    """(what stands before, what follows) the first arrow outside braces, else None."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "{") - (ch == "}")
        m = _ARROW.match(text, i) if depth == 0 else None
        if m:
            return text[:i], text[m.end():]
    return None


def arrow_claim(text: str) -> Optional[tuple[str, None]]:
    """(``Q = R``, None) for ``X \\leftarrow Q = R`` (one arrow, then '=' and no other
    relation): the update gives X a new value and claims Q = R, a claim to check, as a
    register's (the parse left to the check); None else."""
    from symnet.checker.document import top_level_relations
    sides = _sides_of_arrow(text)
    if sides is None or not sides[0].strip():
        return None
    relations = top_level_relations(sides[1])
    return (sides[1].strip(), None) if relations and set(relations) == {"="} and \
        not _ARROW.search(sides[1]) else None


def written_on_right(left: str, right: str) -> bool:
    """Whether the symbol ``left`` stands, as written (spaces aside), in ``right``: whole,
    not as a piece of another name (b in \\beta) and, when it has no index of its own,
    not as the letter of an indexed symbol (E in E_k, w in w_{hj})."""
    left, right = (re.sub(r"\s+", "", side) for side in (left, right))
    if not left:
        return False
    indexed = "" if re.search(r"[_^]", left) else "|_"
    return re.search(rf"(?<![A-Za-z\\]){re.escape(left)}(?![A-Za-z]{indexed})", right) \
        is not None


def split_update(text: str) -> Optional[tuple[str, str]]:
    """(register letter, what follows the arrow) of ``g \\leftarrow ...``, else None."""
    sides = _sides_of_arrow(text)
    name = _NAME.fullmatch(sides[0]) if sides else None
    return (name.group("a") or name.group("b"), sides[1]) if name else None


#: quantities that are no free variable and still not computed by the network
_NOT_COMPUTED = FREE | {"parameters", "penalty"}


def computing_arrow(text: str, notation) -> Optional[str]:
    """``Q = R`` for ``Q \\leftarrow R`` (one arrow, nothing else relating, in a notation that
    is not the book's own) whose Q is not written in R; None else.  Whether Q is a
    quantity the network computes is told from its parse (:func:`computes`)."""
    from symnet.checker.document import top_level_relations
    relations = top_level_relations(text)
    if notation is None or notation.builtin or len(relations) != 1 or \
            not _ARROW.fullmatch(relations[0]):
        return None
    sides = _sides_of_arrow(text)
    left, right = (sides[0].strip(), sides[1]) if sides else ("", "")
    return None if not left or written_on_right(left, right) else f"{left} = {right}"


def computes(left: Node, notation) -> bool:
    """Whether ``left`` (an arrow's left side) is a quantity the network computes: a
    symbol of the notation whose quantity is no free variable (the pre-activation, the
    activation, the output, the cost), or a derivative of the cost."""
    from symnet.checker.translate import _COSTS, _written_or_none
    if left.kind == "frac" and left.args[0].kind == "partial":
        row = _written_or_none(left.args[0].args[0], notation)
        return row is not None and row.quantity in _COSTS
    row = _written_or_none(left, notation)     # None for a mark it lacks (\tilde h)
    return row is not None and row.quantity not in _NOT_COMPUTED


def rewrites_itself(tree: Node) -> bool:
    """Whether the right side of ``Q = R`` (read from an arrow or a defining sign) writes
    Q again, in any font or bracketing (\\boldsymbol{h}^{(k)}, h^k for h^{(k)}), or is a
    number alone (\\nabla_W J \\leftarrow 0, an accumulator's start): the line gives Q a
    new value, it does not claim that Q is R."""
    left = _plain(tree.args[0])
    return any(same_tree(left, x) for side in tree.args[1:] for x in nodes(_plain(side))) \
        or all(x.kind != "name" for side in tree.args[1:] for x in nodes(side))


def _plain(node: Node) -> Node:
    """``node`` without fonts and brackets."""
    if node.kind == "accent" and node.op in FONT_MARKS or node.kind == "group":
        return _plain(node.args[0])
    return Node(node.kind, tuple(_plain(a) if isinstance(a, Node) else a
                                 for a in node.args), 0, node.op)


def loop_of(text: str, notation):
    """+1 for a loop over the layers up their whole range (k = 1, ..., l), -1 down it
    (k = l, l-1, ..., 1), None for another range of the layer letter (k = l-1, ..., 2: a
    loop not read), 0 for anything else.  Another letter that the notation gives no
    meaning (i = l, ..., 1) is a loop over the layers when it runs over all of them:
    :func:`loop_letter` is then the layer letter in the loop's body."""
    m = _LOOP.fullmatch(text)
    if not m or not (_DOTS.search(text) or "," in text) or \
            m.group("letter") in notation.symbols or m.group("letter") == notation.last_layer:
        return 0
    items = [i.strip().replace(" ", "") for i in m.group("items").split(",")]
    ends = (items[0], items[-1]) if len(items) > 1 else ()
    direction = {("1", notation.last_layer): 1, (notation.last_layer, "1"): -1}.get(ends)
    return direction if m.group("letter") == notation.layer_letter or direction else 0


def loop_letter(text: str) -> str:
    """The letter a loop's head runs (see :func:`loop_of`)."""
    return _LOOP.fullmatch(text).group("letter")


def in_notation_letter(tree: Node, letter: str, notation) -> Node:
    """``tree`` with ``letter``, the layer letter of the loop in force (i in ``i = l,
    \\ldots, 1``), written as the notation's (k) in every superscript; ValueError (the
    reason) where that letter is written as anything else too (an index), or the
    notation's own letter is written as well."""
    own = notation.layer_letter if notation is not None else ""
    written = {x.args[0] for x in nodes(tree) if x.kind == "name"}
    if not letter or letter == own or letter not in written:
        return tree
    if own in written:
        raise ValueError(f"it writes both {letter} (the letter of the loop over the layers) "
                         f"and {own}")

    def walk(node: Node, layer: bool) -> Node:
        if node.kind == "name" and node.args[0] == letter:
            if not layer:
                raise ValueError(f"{letter} runs over the layers here (the loop over them) "
                                 "and is written as an index too")
            return Node("name", (own,), node.pos)
        return Node(node.kind, tuple(
            walk(a, layer or node.kind == "script" and node.op == "^" and i == 1)
            if isinstance(a, Node) else a for i, a in enumerate(node.args)), node.pos, node.op)
    return walk(tree, False)


def at_layer(tree: Node, at) -> Node:
    """``tree`` at one layer: ``at`` (letter, node) the loop's letter and its first layer
    (a running value's other reading holds there only: :class:`Value`'s others_at), put
    for the letter in every layer superscript; ValueError where the letter is written
    anywhere else (an index, a width's subscript: not read at one layer)."""
    if at is None:
        return tree
    letter, first = at

    def walk(node: Node, layer: bool) -> Node:
        if node.kind == "name" and node.args[0] == letter:
            if not layer:
                raise ValueError(f"{letter} is written outside a layer's superscript: the "
                                 "formula is not read at the loop's first iteration alone")
            return first
        return Node(node.kind, tuple(
            walk(a, layer or node.kind == "script" and node.op == "^" and i == 1)
            if isinstance(a, Node) else a for i, a in enumerate(node.args)), node.pos, node.op)
    return walk(tree, False)


def _shifted(tree: Node, letter: str, by) -> Node:
    """``tree`` with the layer letter k written as k + by (an int) or replaced by a node."""
    def walk(node: Node) -> Node:
        if node.kind == "name" and node.args[0] == letter:
            if isinstance(by, Node):
                return by
            step = Node("num", ("1",), node.pos)
            step = step if by > 0 else Node("neg", (step,), node.pos)
            return Node("group", (Node("add", (node, step), node.pos),), node.pos, "(")
        return Node(node.kind, tuple(walk(a) if isinstance(a, Node) else a
                                     for a in node.args), node.pos, node.op)
    return walk(tree)


def _first_equals(text: str) -> int:
    """The offset of the first '=' outside brackets and braces, or -1."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch in "{([") - (ch in "})]")
        if ch == "=" and depth == 0:
            return i
    return -1


def _sides(text: str):
    """The sides of what follows an update's arrow; where the whole is not read (a remark
    in brackets after it), its first side alone (the value); None if not even that."""
    for part in (text, text[:_first_equals(text)]):
        try:
            return parse(part).args[:None if part == text else 1]
        except ParseError:
            continue
    return None


class Registers:
    """The registers in force at each equation of a document read in order: ``enter``
    puts them in the equation's context (``registers``: letter -> :class:`Value`) and, for
    an update with a claim, the claim (``_claim``: its text and parsed tree).
    ``holds(tree, context)``: whether a parsed statement holds there (for a loop's
    entry values)."""

    def __init__(self, eqs: list, holds, context: dict = None):
        self.eqs, self.holds, self.defaults = eqs, holds, context or {}
        self.values, self.where, self.body_end, self.parsed = {}, None, -1, {}
        self.letter = ""

    def _notation(self, eq):
        name = eq.context.get("notation", self.defaults.get("notation"))
        notation = load(name) if name else None
        return None if notation is None or notation.builtin else notation

    def _key(self, eq) -> tuple:
        return eq.context.get("section"), eq.context.get("notation"), eq.context.get("f")

    def enter(self, n: int, eq) -> None:
        notation = self._notation(eq)
        if self._key(eq) != self.where:
            self.values, self.where, self.letter = {}, self._key(eq), ""
        if notation is None:
            return
        if n == self.body_end:
            self._close_loop(self.letter or notation.layer_letter)
        direction = loop_of(eq.formula, notation)
        self.letter = loop_letter(eq.formula) if direction else \
            self.letter or notation.layer_letter
        eq.context["_layer_letter"] = self.letter
        if direction is None:
            self.values = {k: Value(None, f"{k}'s value inside the loop at line {eq.line} is "
                                          "not read (a range that is not all the layers)")
                           for k in self.values}
        elif direction:
            self._open_loop(n, direction, notation, eq.context)
            eq.context["_loop"] = (f"the loop over the layers ({self.letter} from "
                                   + ("l down to 1" if direction < 0 else "1 up to l")
                                   + "): the running values in its body are read for every "
                                   "iteration")
        eq.context["registers"] = dict(self.values)
        update = self._update(n, notation)
        if update is None:
            return
        letter, sides, line, text = update
        self.values[letter] = self._value_of(letter, sides, line)
        if _first_equals(text) >= 0:          # a claim: checked (or not read: not checked)
            self.values[letter] = replace(self.values[letter], claim=n)
            read = sides is not None and len(sides) > 1
            eq.context["_claim"] = (text, Node("chain", sides, sides[0].pos) if read else None)

    def _update(self, n: int, notation):
        """(letter, the sides after the arrow or None if unread, line, their text) of an
        update, or None."""
        if n in self.parsed:
            return self.parsed[n]
        eq, found = self.eqs[n], None
        split = split_update(eq.text)
        if split is not None and _is_register(split[0], notation):
            found = split[0], _sides(split[1]), eq.line, split[1]
        self.parsed[n] = found
        return found

    def _value_of(self, letter: str, sides, line: int) -> Value:
        if sides is None:
            return Value(None, f"the value given to it at line {line} is not read")
        try:
            tree, _ = substituted(sides[0], self.values)
        except ValueError as exc:
            return Value(None, str(exc))
        try:
            read = [substituted(side, self.values) for side in sides[1:]]
        except ValueError:
            read = None
        used = [v for _, found in read or () for v in found]
        at = {v.first[:2] for v in used if v.first is not None}
        return Value(tree, f"{letter} read as its value given at line {line}",
                     not _names(tree, self.letter),
                     others=tuple(t for t, _ in read) if read and len(at) < 2 else None,
                     others_from=tuple(sorted({v.first[2] if v.first else v.claim
                                               for v in used} - {None})),
                     others_at=next(iter(at), None))

    def _open_loop(self, n: int, direction: int, notation, context: dict) -> None:
        """The values on entering the body of the loop at ``n`` (see the module's text)."""
        last, end, claims = {}, n + 1, {}
        while end < len(self.eqs) and self._key(self.eqs[end]) == self.where and \
                loop_of(self.eqs[end].formula, notation) == 0:
            update = self._update(end, notation)
            if update is not None:
                last[update[0]] = update
                claims[update[0]] = end if _first_equals(update[3]) >= 0 else None
            end += 1
        self.body_end = end
        self.values = {k: replace(v, bare=False) if k not in last else v
                       for k, v in self.values.items()}      # the same in every iteration
        for letter, (_, sides, line, _) in last.items():
            self.values[letter] = replace(self._entry(letter, sides, line, direction,
                                                      notation, context),
                                          claim=claims[letter])

    def _close_loop(self, letter: str) -> None:
        """After a loop's body, a value that names the loop's letter has none."""
        for name, value in self.values.items():
            if value.tree is not None and any(x.kind == "name" and x.args[0] == letter
                                              for x in nodes(value.tree)):
                self.values[name] = Value(None, f"after the loop, {name}'s value depends "
                                                "on its last iteration")

    def _entry(self, letter, sides, line, direction, notation, context) -> Value:
        before = self.values.get(letter)
        written = {register_written(x) for x in nodes(sides[0])} if sides else {None}
        if sides is None or any(r and _is_register(r, notation) for r in written):
            return Value(None, f"{letter}'s value on entering the loop is not read (line "
                               f"{line} gives it one that is not read or uses a register)")
        if before is None or before.tree is None:
            return Value(None, f"{letter}'s value on entering the loop's first iteration "
                               "is not given before the loop")
        k = self.letter
        value = _shifted(sides[0], k, -direction)
        first = Node("name", (notation.last_layer,)) if direction < 0 else Node("num", ("1",))
        if not self.holds(Node("chain", (_shifted(value, k, first), before.tree)), context):
            return Value(None, f"{letter}'s value before the loop and its value from the "
                               f"loop's body (line {line}) are not shown to agree at the "
                               "first iteration")
        step = "+ 1" if direction < 0 else "- 1"
        return Value(value, f"{letter} read, on entering iteration {k}, as its value given "
                            f"at line {line} for iteration {k} {step} (at the first, "
                            f"{k} = {flat(first)}, its value before the loop: shown to agree)",
                     first=(k, first, before.claim))
