"""Section 5.3's notation as a view of the matrix notation: one network model, two
vocabularies.

The single-hidden-layer network (d inputs, q hidden units, l outputs) is the n = 3 network
of the matrix notation.  :func:`as_matrix_notation` rewrites a formula's section-5.3
symbols by the table ``core.notation.SINGLE_LAYER_VIEW`` (w_{hj} is theta_{hj}^{(23)},
b_h is a_h^{(2)}, beta_j is z_j^{(3)} + theta_{0j}^{(23)}, g_j is -delta_j^{(3)}, ...), so
that one checker reads both notations, and formulas that mix them, on one model.  The
example mark k (y_j^k, E_k) names the example the whole formula is about and is read as
such; every other mark is kept for the matrix notation to read or refuse.
"""
from __future__ import annotations

from symnet.checker.result import MeaningError
from symnet.checker.symbols import index_items, read_symbol
from symnet.checker.tree import Node
from symnet.core.notation import SINGLE_LAYER, SINGLE_LAYER_SIZES, SINGLE_LAYER_VIEW

__all__ = ["as_matrix_notation"]


def _symbol(node: Node):
    """(base, hat, subscript, superscript) of a section-5.3 symbol, or None."""
    try:
        marked = read_symbol(node)
    except MeaningError:
        return None
    if marked.base is None or marked.primes or marked.transpose \
            or marked.accent not in ("", "hat"):
        return None
    return marked.base, marked.hat, marked.sub, marked.sup


def _is_sample_mark(sup) -> bool:
    return sup is None or (sup.kind == "name" and sup.args == ("k",))


def _translate(node: Node, variable: bool, letters_seen: set):
    """The matrix-notation node for a section-5.3 symbol, or None when it is not one."""
    found = _symbol(node)
    if found is None:
        return None
    base, hat, sub, sup = found
    if base == "E" and sub is not None and index_items(sub) == ["k"] and sup is None:
        return Node("name", ("E",), node.pos)
    name = "yhat" if base == "y" and hat else base
    if name not in SINGLE_LAYER_VIEW or sub is None or not _is_sample_mark(sup) \
            or (hat and name != "yhat"):
        return None
    letters = index_items(sub)
    if letters is None or len(letters) != SINGLE_LAYER[name]:
        return None                    # not this symbol (a generic v_1): the other notation
    value, as_variable = SINGLE_LAYER_VIEW[name]
    if name in ("x", "y", "yhat") and sup is None and not variable:
        return None                    # written the same in both notations
    letters_seen.update(c for c in letters if c.isalpha())
    return quantity_node(as_variable if variable and as_variable else value, letters,
                         node.pos)


def quantity_node(entries, letters, pos: int) -> Node:
    """The syntax tree of a sum of :class:`~symnet.core.notation.Entry` rows with the
    symbol's index ``letters`` in place, every position ``pos`` (errors point at the
    symbol): what the parser makes of (z_{h}^{(2)} + \\theta_{0h}^{(12)}), built directly."""
    terms = [_entry_node(entry, letters, pos) for entry in entries]
    terms = [t if e.sign > 0 else Node("neg", (t,), pos) for t, e in zip(terms, entries)]
    if len(terms) == 1 and entries[0].sign > 0:
        return terms[0]
    inner = terms[0] if len(terms) == 1 else Node("add", tuple(terms), pos)
    return Node("group", (inner,), pos, "(")


def _entry_node(entry, letters, pos: int) -> Node:
    texts = [item if isinstance(item, str) else letters[item] for item in entry.indices]
    if all(t.isdigit() for t in texts):
        texts = ["".join(texts)]                 # the parser reads {01} as one number
    items = [Node("num" if t.isdigit() else "name", (t,), pos) for t in texts]
    sub = items[0] if len(items) == 1 else Node("mul", tuple(items), pos, "cdot")
    base = Node("name", ("y" if entry.base == "yhat" else entry.base,), pos)
    if entry.base == "yhat":
        base = Node("accent", (base,), pos, "hat")
    node = Node("script", (base, sub), pos, "_")
    if entry.layer is not None:
        layer = Node("group", (Node("num", (entry.layer,), pos),), pos, "(")
        node = Node("script", (node, layer), pos, "^")
    return node


def as_matrix_notation(tree: Node):
    """(the tree in the matrix notation, the index letters of its section-5.3 symbols),
    or (the tree, None) when it has no section-5.3 symbol.  Those letters run from 1
    (i = 1..d, h = 1..q, j = 1..l), whatever row 0 the matrix notation has."""
    changed = False
    letters: set = set()

    def walk(node, variable=False):
        nonlocal changed
        if not isinstance(node, Node):
            return node
        if node.kind in ("script", "name", "accent") and _symbol(node) is not None:
            new = _translate(node, variable, letters)  # a symbol with its marks, as a whole
            changed = changed or new is not None
            return node if new is None else new
        if node.kind == "sum" and node.args[1] is not None and node.args[1].kind == "name" \
                and node.args[1].args[0] in SINGLE_LAYER_SIZES:
            width = SINGLE_LAYER_SIZES[node.args[1].args[0]]
            at = node.args[1].pos
            bound = Node("script", (Node("name", ("s",), at), Node("num", (width[2:],), at)),
                         at, "_")
            node = Node("sum", (node.args[0], bound, node.args[2]), node.pos)
        if node.kind == "frac" and all(a.kind == "partial" for a in node.args):
            num, den = node.args
            return Node("frac", (walk(num), Node("partial", (walk(den.args[0], True),),
                                                 den.pos)), node.pos)
        return Node(node.kind, tuple(walk(a, variable) for a in node.args), node.pos, node.op)
    out = walk(tree)
    return out, (letters if changed else None)
