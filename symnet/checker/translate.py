"""A formula written in another author's notation, rewritten by its notation file's rows
(:mod:`symnet.core.notation_files`) into the matrix notation of the one model, which the
matrix reader then checks: Nielsen's w^l_{jk} is theta_{kj}^{(l-1,l)}, b^l_j is
-theta_{0j}^{(l-1,l)} (z = w a + b; the notes' a_0 = -1), z^l, a^l, delta^l are z^{(l)},
a^{(l)}, delta^{(l)} (delta = dE/dz), C is E, sigma is f.

Layers written relative to the notation's letter (l - 1, l, l + 1) become the matrix
notation's layer letters k and l = k + 1, so the formula is checked for every layer of the
network where all its symbols exist; a formula spanning three layers is refused.  The last
layer (L) becomes the network's last layer.  Index letters keep their meaning, counted from
1; a sum written without bounds runs over the units of the layer its index names.  A symbol
the notation file has no row for is refused (never read in another notation's sense).

Spellings of public notes read the same way: a derivative written with an ordinary d
(``\\frac{d a^L_j}{d z^L_j}``, ``\\mathrm{d}``) is the derivative written with the partial
sign (both are the derivative of the nested network); a sum bounded by a letter the
notation has no row for (``\\sum_{i=1}^{n}``, n declared in words as a layer's width) runs
over every unit of the one layer its index counts (the note says so; a letter bounding
sums over two layers, or a sum not from 1, is refused); with index-letter layers, a
layer number on a, z or delta (``a^{(1)}_j``) must agree with the layer of the weights
that feed the unit, as w^{(1)}_{ji}'s does.  The cost written as a function of its
arguments (``C(a^L)``, ``E(w)``) is a notation, refused, never a product.
"""
from __future__ import annotations

from dataclasses import replace

from symnet.checker.matrix import index_items, is_transpose
from symnet.checker.result import MeaningError, NotAClaim
from symnet.checker.statements import numbers_only
from symnet.checker.symbols import flat_text
from symnet.checker.tree import Node, nodes, written_in_a_superscript
from symnet.core.notation import FONT_MARKS, UPRIGHT_MARKS
from symnet.core.notation_files import FREE, QUANTITIES, Notation

__all__ = ["LossStated", "is_loss_statement", "translate", "writes_penalty",
           "states_penalised_cost"]

#: the model's quantity -> the matrix notation's name for it
_MATRIX_NAME = {"weighted-input": "z", "activation": "a", "delta": "delta", "error": "E",
                "target": "y", "input": "x", "rate": "eta", "loss": "L",
                "regulariser": "s", "l2-strength": "lambda", "penalty": "Omega",
                "strength": "lambda"}
_PAIRED = ("weight", "bias", "threshold")
#: quantities that are a column vector when written without an index, and the costs
_VECTORS = ("weighted-input", "net-input", "activation", "output", "delta", "input",
            "target")
_COSTS = ("error", "loss", "regulariser", "penalty")
#: the matrix reader's layer letters, never used as index letters there
_RESERVED = frozenset("kln")


def translate(tree: Node, notation: Notation, n_layers: int, loss: str = None):
    """(the tree in the matrix notation, its index letters, all counted from 1, a note
    saying how its layers and letters were read).
    MeaningError for what the notation does not give one meaning; NotAClaim when the
    formula gives a free variable (a weight, a bias, an input) a number, or, while the
    loss is arbitrary (``loss`` "any", by default the file's), says what the error is."""
    work = _Translation(notation, n_layers)
    tree = _spelled_out(tree, notation)
    _refuse_assignment(tree, notation)
    _refuse_loss_definition(tree, notation, loss or notation.model[1])
    offsets = set()
    work.collect(tree, offsets)
    work.letters = _layer_letters(offsets, notation)
    work.rename = renaming(tree)
    work.against_zero = _derivative_against_zero(tree)
    out = work.bound_sums(work.walk(tree))
    return out, tuple(sorted(work.ranges)), work.note()


def _refuse_assignment(tree: Node, notation: Notation) -> None:
    if tree.kind != "chain" or len(tree.args) < 2:
        return
    parts, row = _written(tree.args[0], notation)
    if row is not None and row.quantity in FREE and \
            numbers_only(Node("chain", tree.args[1:], tree.pos)):
        raise NotAClaim(f"assigns a value to {parts[0]} (a {row.quantity}, a free "
                        f"variable in the {notation.name} notation)")


class LossStated(NotAClaim):
    """The document says which loss its arbitrary loss is (J = 1/2 ||hat y - y||^2)."""


def is_loss_statement(tree: Node, notation: Notation) -> bool:
    """J = 1/2 ||hat y - y||^2 (= ...), C = -sum_j [...], d2l's J = 1/2 ||o - y||^2 + s:
    the cost alone on the left, the other sides writing no loss (the regulariser s may
    stand beside it)."""
    if tree.kind != "chain" or len(tree.args) < 2:
        return False
    row = _written(_at_own_arguments(tree.args[0], notation), notation)[1]
    return row is not None and row.quantity in ("error", "loss") and not any(
        _mentions(side, notation, ("loss",)) for side in tree.args[1:])


def _refuse_loss_definition(tree: Node, notation: Notation, loss: str) -> None:
    """J = 1/2 ||hat y - y||^2 under an arbitrary loss: the document choosing its loss."""
    if loss == "any" and is_loss_statement(tree, notation):
        parts = _written(_at_own_arguments(tree.args[0], notation), notation)[0]
        raise LossStated(f"says which loss {parts[0]} is (the {notation.name} notation "
                         "keeps it arbitrary)")


def writes_penalty(tree: Node, notation: Notation, strength: bool = False) -> bool:
    """Whether ``tree`` writes the notation's arbitrary regulariser (Goodfellow's
    Omega(theta), quantity ``penalty``): it is read in the model with one; with
    ``strength``, or its weight lambda."""
    return _mentions(tree, notation, ("penalty", "strength") if strength else ("penalty",))


def states_penalised_cost(tree: Node, notation: Notation) -> bool:
    """J = L(hat y, y) + lambda Omega(theta), in any order (L + lambda Omega(theta) = J),
    the cost also written at its arguments (J(theta) = ...): one side the cost alone,
    another writing the regulariser Omega; the document's cost has it from here (read
    as the notation's where the statement holds)."""
    if tree.kind != "chain" or len(tree.args) < 2:
        return False
    costs = [_is_cost(side, notation) for side in tree.args]
    return any(costs) and any(writes_penalty(side, notation)
                              for side, cost in zip(tree.args, costs) if not cost)


def _is_cost(node: Node, notation: Notation) -> bool:
    """The notation's cost (quantity "error") written alone, or at its arguments."""
    if node.kind == "mul" and len(node.args) == 2 and _argument_list(node.args[1]):
        node = node.args[0]
    row = _written_or_none(node, notation)
    return row is not None and row.quantity == "error"


def _at_own_arguments(node: Node, notation: Notation) -> Node:
    """The loss written at its arguments (L(hat y, y)) as its symbol L; any other node as
    it is (the arguments are checked where the formula is read)."""
    if node.kind == "mul" and len(node.args) == 2 and _argument_list(node.args[1]):
        row = _written(node.args[0], notation)[1]
        if row is not None and row.quantity == "loss":
            return node.args[0]
    return node


def _mentions(tree: Node, notation: Notation, quantities) -> bool:
    """Whether ``tree`` writes a symbol of one of these quantities."""
    rows = (_written_or_none(node, notation) for node in nodes(tree))
    return any(row is not None and row.quantity in quantities for row in rows)


def _written_or_none(node: Node, notation: Notation):
    """The notation's row for a written symbol; None for anything else, and for a
    symbol under a mark that has no meaning here (\\tilde J: refused where it is read)."""
    try:
        return _written(node, notation)[1]
    except MeaningError:
        return None


def _written(node: Node, notation: Notation) -> tuple:
    """(its parts, the notation's row for it) of a written symbol (see :func:`_parts`);
    (None, None) for anything else, and a row of None for a symbol the file lacks."""
    parts = _parts(node) if node.kind in ("script", "name", "accent") else None
    return parts, (notation.symbols.get(parts[0]) if parts else None)


def _parts(node: Node):
    """(base, hat, subscript, superscript) of a written symbol, or None."""
    sub = sup = None
    while node.kind == "script" and node.op in ("_", "^") and not is_transpose(node.args[1]):
        if (sub if node.op == "_" else sup) is not None:
            return None
        sub, sup = (node.args[1], sup) if node.op == "_" else (sub, node.args[1])
        node = node.args[0]
    hat = False
    while node.kind == "accent":
        if node.op in ("hat", "widehat"):
            hat = True
        elif node.op not in FONT_MARKS:
            raise MeaningError(f"\\{node.op} has no meaning in this notation", node.pos)
        node = node.args[0]
    if node.kind != "name":
        return None
    return ("yhat" if hat and node.args[0] == "y" else node.args[0]), hat, sub, sup


def _layer_letters(offsets: set, notation: Notation) -> dict:
    """Offsets from the notation's layer letter -> the matrix notation's k, l."""
    if not offsets:
        return {}
    low, high = min(offsets), max(offsets)
    if high - low > 1:
        raise MeaningError(f"it names three layers or more ({notation.layer_letter} "
                           f"{low:+d} to {notation.layer_letter} {high:+d}): only formulas "
                           "between two adjacent layers are read", 0)
    return {high: "l"} if low == high else {low: "k", high: "l"}


def renaming(tree: Node) -> dict:
    """Index letters the matrix notation reserves (k, l, n) -> fresh letters."""
    used = {a for node in nodes(tree) for a in node.args if isinstance(a, str) and len(a) == 1}
    fresh = [c for c in "pqrtuvmo" if c not in used]
    return {c: fresh.pop(0) for c in sorted(used & _RESERVED)}


class _Translation:
    def __init__(self, notation: Notation, n_layers: int):
        self.notation, self.n = notation, n_layers
        self.letters, self.rename = {}, {}
        self.ranges = {}              # index letter -> the layer (text) whose units it counts
        self.zero = None              # the letter read as 0 (a sum's bias-unit term)
        self.bounds = {}              # a sum's bound letter (n in sum_{i=1}^n) -> its layer
        self.against_zero = None      # a derivative that is a side of X = 0 on its own

    def note(self) -> str:
        """How the written layers and index letters map to the matrix notation's."""
        letter = self.notation.layer_letter
        parts = [f"{letter}{o:+d}".replace("+0", "") + f" as {name}"
                 for o, name in sorted(self.letters.items())]
        parts += [f"index {a} as {b}" for a, b in sorted(self.rename.items())
                  if b in self.ranges]
        parts += [f"{a} as the width of layer {b}" for a, b in sorted(self.bounds.items())]
        return "; ".join(parts)

    # -- layers ----------------------------------------------------------------------
    def offset(self, sup: Node):
        """The layer a superscript names: an int offset from the letter, or ("last", c)."""
        nt = self.notation
        if sup.kind == "group":
            return self.offset(sup.args[0])
        if sup.kind == "name" and sup.args[0] in (nt.layer_letter, nt.last_layer):
            return 0 if sup.args[0] == nt.layer_letter else ("last", 0)
        if sup.kind == "num" and sup.args[0].isdigit():
            return ("at", int(sup.args[0]))
        if sup.kind == "add" and len(sup.args) == 2:
            base, step = sup.args
            sign = -1 if step.kind == "neg" else 1
            step = step.args[0] if step.kind == "neg" else step
            start = self.offset(base)
            if step.kind == "num" and step.args[0].isdigit():
                c = sign * int(step.args[0])
                return start + c if isinstance(start, int) else (start[0], start[1] + c)
        raise MeaningError(f"a layer is written {nt.layer_letter}, {nt.layer_letter}+1, "
                           f"{nt.layer_letter}-1 or {nt.last_layer}", sup.pos)

    def collect(self, node: Node, offsets: set) -> None:
        """Every layer offset the formula's symbols name (a weight's two layers)."""
        parts, row = _written(node, self.notation)
        if row is not None and row.layer is None and QUANTITIES[row.quantity] \
                and parts[3] is not None:
            at = self.offset(parts[3])
            if isinstance(at, int):
                offsets.update({at - 1, at} if row.quantity in _PAIRED else {at})
            return
        for a in node.args:
            if isinstance(a, Node):
                self.collect(a, offsets)

    def layer_text(self, at, before: int = 0) -> str:
        if isinstance(at, int):
            return self.letters[at - before]
        kind, c = at                # the last layer + c, layer c as written, or the model's c
        value = {"last": self.n + c, "at": c - self.notation.first_layer + 1,
                 "model": c}[kind] - before
        if not 1 <= value <= self.n:
            raise MeaningError(f"a layer named here does not exist in a {self.n}-layer "
                               "network", 0)
        return str(value)

    # -- the walk ----------------------------------------------------------------------
    def walk(self, node: Node, variable: bool = False) -> Node:
        kind = node.kind
        if kind == "name" and node.args[0] in self.notation.widths:
            return self.width(node.args[0], node.pos)
        if kind == "mul":
            node = self.applications(node)
            kind = node.kind
        if kind == "script" and node.op == "_" and node.args[0].kind == "norm" and \
                node.args[1].kind == "name" and node.args[1].args[0] == "F":
            return Node(kind, (self.walk(node.args[0]), node.args[1]), node.pos, node.op)
        if self.power(node):               # z_j^2 where layers are index letters
            base = Node("group", (self.walk(node.args[0], variable),), node.pos, "(")
            return Node("script", (base, node.args[1]), node.pos, "^")
        if kind == "script" and node.op == "^" and is_transpose(node.args[1]):
            inner = self.walk(node.args[0], variable)    # f'(a)^T: the value's transpose,
            if node.args[0].kind == "call":              # as (f'(a))^T (and f(x)^2, (f(x))^2)
                inner = Node("group", (inner,), node.pos, "(")
            return Node(kind, (inner, node.args[1]), node.pos, "^")
        if kind in ("script", "name", "accent") and _parts(node) is not None:
            return self.symbol(node, variable)
        if kind == "call":
            return Node(kind, (self.function(node.args[0]), self.walk(node.args[1])),
                        node.pos, node.op)
        if kind == "frac" and all(a.kind == "partial" for a in node.args):
            return self.derivative(node)
        if kind == "frac" and "d" not in self.notation.symbols and \
                all(_after_d(a) is not None for a in node.args):
            return self.derivative(Node(kind, tuple(Node("partial", (_after_d(a),), a.pos)
                                                    for a in node.args), node.pos, node.op))
        if kind == "sum":
            return self.sum(node)
        return Node(kind, tuple(self.walk(a, variable) if isinstance(a, Node) else a
                                for a in node.args), node.pos, node.op)

    def applications(self, node: Node) -> Node:
        """A product in which the activation's letter (h, h') stands before a group, as
        the parser reads a letter it does not know as a function: h (a_j) is h applied."""
        factors, stack = [], [node]
        while stack:
            item = stack.pop()
            if item.kind == "mul" and item.op == node.op:
                stack.extend(reversed(item.args))
            else:
                factors.append(item)
        out = []
        for item in factors:
            if out and _argument_list(item) and self.is_cost(out[-1]):
                raise MeaningError(f"{_parts(out[-1])[0]}(...) writes the cost as a function "
                                   "of its arguments: a notation, not an identity to check",
                                   item.pos)
            if out and _argument_list(item) and (self.is_cost_gradient(out[-1]) or
                                                 self.is_cost(out[-1], ("loss",))):
                self.refuse_other_arguments(item)
                continue                   # \nabla L(hat y, y): the cost at its arguments
            if out and _argument_list(item) and self.is_penalty(out[-1]):
                self.refuse_other_parameters(item)
                continue                   # Omega(theta), \nabla Omega(theta)
            if out and item.kind == "group" and item.op == "(" and self.is_activation(out[-1]):
                out[-1] = Node("call", (out[-1], item), out[-1].pos)
            else:
                out.append(item)
        built = out[0]
        for item in out[1:]:
            built = Node("mul", (built, item), node.pos, node.op)
        return built

    def is_cost(self, node: Node, quantities=("error",)) -> bool:
        """The cost (J, C, E), or with ``quantities`` another of them (the loss L)."""
        row = _written(node, self.notation)[1]
        return row is not None and row.quantity in quantities

    def is_cost_gradient(self, node: Node) -> bool:
        """\\nabla_x J, \\partial L / \\partial x: a derivative of the cost or the loss."""
        return node.kind == "frac" and node.args[0].kind == "partial" and \
            self.is_cost(node.args[0].args[0], ("error", "loss"))

    def is_penalty(self, node: Node) -> bool:
        """The arbitrary regulariser Omega, or a derivative of it (\\nabla_b Omega)."""
        if node.kind == "frac" and node.args[0].kind == "partial":
            node = node.args[0].args[0]
        return self.is_cost(node, ("penalty",))

    def refuse_other_parameters(self, group: Node) -> None:
        """Omega(theta): the regulariser is read at its own argument only, the notation's
        symbol for every parameter (quantity ``parameters``); MeaningError for any other."""
        items = group.args if group.kind == "vector" else group.args[:1]
        parts, row = _written(items[0], self.notation) if len(items) == 1 else (None, None)
        if row is None or row.quantity != "parameters" or parts[2] is not None or \
                parts[3] is not None:
            names = [s for s, r in self.notation.symbols.items() if r.quantity == "parameters"]
            raise MeaningError("the regulariser is a function of every parameter, written "
                               f"at its own argument ({' or '.join(names) or 'none here'}); "
                               "at another argument it has no meaning here", group.pos)

    def refuse_other_arguments(self, group: Node) -> None:
        """A cost differentiated as a function of arguments: read (as the cost) only when
        they are its own, in the order the notation's L(a, y) takes them -- the outputs
        (hat y, a^L, h^{(l)}), then the targets y:
        \\nabla_{hat y} L(hat y, y) is \\nabla_{hat y} L; MeaningError for any other."""
        items = group.args if group.kind == "vector" else group.args[:1]
        found = []
        for item in items:
            parts, row = _written(item, self.notation)
            last = row is not None and parts[2] is None and row.quantity == "activation" \
                and parts[3] is not None and \
                (flat_text(parts[3]) or "").strip("()") == self.notation.last_layer
            found.append("output" if last else row.quantity if row is not None and
                         parts[2] is None else "?")
        if found not in (["output"], ["output", "target"]):      # L(hat y, y), in order
            raise MeaningError("the cost written as a function of arguments other than the "
                               "outputs and the targets: a notation, not an identity to "
                               "check", group.pos)

    def is_activation(self, node: Node) -> bool:
        while node.kind == "script" and node.op == "'":
            node = node.args[0]
        return node.kind == "name" and node.args[0] in self.notation.activation

    def power(self, node: Node) -> bool:
        """A number over a symbol that carries no layer superscript here: a power."""
        if not (self.notation.units and node.kind == "script" and node.op == "^" and
                node.args[1].kind == "num"):
            return False
        row = _written(node.args[0], self.notation)[1]
        return row is not None and row.quantity != "weight"

    def sum(self, node: Node) -> Node:
        """A sum; over the inputs of a unit, in a notation with a bias unit, from 0 (Bishop's
        a_j = sum_i w_ji z_i, i = 0 the bias unit): its 0 term apart, the rest from 1."""
        low, high, body = node.args
        letter = _sum_letter(low)
        nt = self.notation
        if letter and letter in (nt.layer_letter, nt.last_layer) and \
                written_in_a_superscript(body, letter):
            raise MeaningError(f"a sum over the layer letter {letter} is not read (a formula "
                               f"is checked at every layer {nt.layer_letter}, so the sum's "
                               f"{letter} would not be bound): write its terms out",
                               node.pos)
        if self.free_bound(high):
            return self.sum_to_width(node)
        from_zero = low is None or low.kind == "name" or _starts_at(low, "0")
        if self.notation.bias_unit and letter and from_zero and \
                letter in self.input_letters(body):
            self.zero = letter
            try:
                term0 = self.walk(body)
            finally:
                self.zero = None
            if low is not None and low.kind != "name":
                low = Node("assign", (low.args[0], Node("num", ("1",), low.pos)), low.pos)
            rest = Node("sum", (None if low is None else self.index_node(low),
                                None if high is None else self.walk(high), self.walk(body)),
                        node.pos, node.op)
            return Node("add", (term0, rest), node.pos)
        return Node("sum", (None if low is None else self.index_node(low),
                            None if high is None else self.walk(high), self.walk(body)),
                    node.pos, node.op)

    def free_bound(self, high) -> bool:
        """A sum's upper bound written as a letter the notation has no row for (n in
        sum_{i=1}^n): the width of the layer the sum's index counts."""
        nt = self.notation
        return high is not None and high.kind == "name" and len(high.args[0]) == 1 and \
            high.args[0] not in nt.symbols and high.args[0] not in nt.widths and \
            high.args[0] not in (nt.layer_letter, nt.last_layer) and \
            high.args[0] not in nt.activation

    def sum_to_width(self, node: Node) -> Node:
        """sum_{i=1}^n B: n is the width of the one layer whose units i counts in B; the
        same letter bounding sums over two layers is refused."""
        low, high, body = node.args
        letter = _sum_letter(low)
        if letter is None or not (low.kind == "name" or _starts_at(low, "1")):
            raise MeaningError(f"a sum bounded by {high.args[0]} runs from 1 over the units "
                               "of a layer, e.g. \\sum_{i=1}^{n}", node.pos)
        out = self.walk(body)
        name = self.rename.get(letter, letter)
        layers = self.ranges.get(name, set())
        if len(layers) != 1:
            raise MeaningError(f"the bound {high.args[0]} of a sum is read as the width of "
                               f"the layer its index {letter} counts, but {letter} counts "
                               "the units of no single layer here", node.pos)
        layer = min(layers)
        if self.bounds.setdefault(high.args[0], layer) != layer:
            raise MeaningError(f"{high.args[0]} bounds sums over the units of two different "
                               "layers", node.pos)
        start = Node("assign", (Node("name", (name,), low.pos), Node("num", ("1",), low.pos)),
                     low.pos)
        width = Node("script", (Node("name", ("s",), high.pos), _layer_node(layer, high.pos)),
                     high.pos, "_")
        return Node("sum", (start, width, out), node.pos, node.op)

    def input_letters(self, node: Node) -> set:
        """The letters written as a weight's "from" index in ``node``."""
        out = set()
        for item in nodes(node):
            parts, row = _written(item, self.notation)
            if row is not None and row.quantity == "weight" and parts[2] is not None:
                items = index_items(parts[2]) or []
                if len(items) == 2:
                    out.add(dict(zip(row.indices, items))["from"])
        return out

    def width(self, letter: str, pos: int) -> Node:
        """A width letter (Bishop's D, M, K): s of its layer."""
        layer = self.notation.widths[letter] - self.notation.first_layer + 1
        return Node("script", (Node("name", ("s",), pos), _layer_node(str(layer), pos)),
                    pos, "_")

    def index_node(self, node: Node) -> Node:
        """A sum's index (j, or j = 1) with its letter renamed."""
        if node.kind == "name":
            return Node("name", (self.rename.get(node.args[0], node.args[0]),), node.pos)
        return Node(node.kind, tuple(self.index_node(a) if isinstance(a, Node) else a
                                     for a in node.args), node.pos, node.op)

    def function(self, fn: Node) -> Node:
        """sigma, sigma': the activation f, f'."""
        if fn.kind == "script":
            return Node("script", (self.function(fn.args[0]),) + fn.args[1:], fn.pos, fn.op)
        if fn.kind == "name" and fn.args[0] in self.notation.activation:
            return Node("name", ("f",), fn.pos)
        raise MeaningError(f"unknown function in the {self.notation.name} notation (the "
                           f"activation is written {', '.join(self.notation.activation)})",
                           fn.pos)

    def derivative(self, node: Node) -> Node:
        """d N / d X with X translated; a symbol that is minus a variable (b = -theta_0)
        turns the derivative's sign."""
        num, den = node.args
        rows_by_numerator = node is not self.against_zero and \
            self.jacobian_rows(num.args[0], den.args[0])
        var = self.walk(den.args[0], True)
        sign = var.kind == "neg"
        var = var.args[0] if sign else var
        flip = var.kind == "script" and var.op == "^" and is_transpose(var.args[1])
        var = var.args[0] if flip else var
        top = num.args[0]
        if top.kind == "mul" and self.is_cost(top.args[0], ("error", "loss")) and \
                _argument_list(top.args[1]):
            self.refuse_other_arguments(top.args[1])        # dL(hat y, y)/d hat y_i
            top = top.args[0]
        out = Node("frac", (Node("partial", (self.walk(top),), num.pos),
                            Node("partial", (var,), den.pos)), node.pos, node.op)
        if flip or rows_by_numerator:   # by a matrix written transposed: the gradient in
            out = _transposed(Node("group", (out,), node.pos, "("))   # its shape; Jacobian
        return Node("neg", (out,), node.pos) if sign else out

    def jacobian_rows(self, num: Node, den: Node) -> bool:
        """Whether d N / d X is the transpose of the matrix notation's: under a notation
        whose Jacobian has a row per entry of the numerator (``jacobian = "numerator"``;
        Goodfellow's dy/dx is n x m for y in R^n, x in R^m), dy/dx of two whole vectors
        written as symbols; the matrix notation's has a row per entry of x.  A cost's
        derivative is its gradient, in the shape of X, in both.  By a whole vector, any
        other numerator (one unit, an expression) has no layout fixed there: refused."""
        if self.notation.jacobian != "numerator":
            return False
        parts, row = _written(den, self.notation)
        if row is None or row.quantity not in _VECTORS or parts[2] is not None:
            return False
        parts, row = _written(num, self.notation)
        if row is not None and row.quantity in _COSTS:
            return False
        if row is not None and row.quantity in _VECTORS and parts[2] is None:
            return True
        raise MeaningError("in this notation a derivative by a whole vector is the cost's "
                           "gradient or the Jacobian of a vector written as one symbol; "
                           "this numerator's layout is not fixed", num.pos)

    def symbol(self, node: Node, variable: bool) -> Node:
        base, hat, sub, sup = _parts(node)
        row = self.notation.symbols.get(base)
        if row is None:
            raise MeaningError(f"{base!r} has no meaning in the {self.notation.name} "
                               "notation (see: symnet notations show "
                               f"{self.notation.name})", node.pos)
        if hat and base != "yhat":
            raise MeaningError(f"\\hat on {base} has no meaning in the "
                               f"{self.notation.name} notation", node.pos)
        if variable and sup is None and row.gradient_layer:   # Nielsen's \nabla_a C
            sup = Node("name", (self.notation.last_layer,), node.pos)
        layered = QUANTITIES[row.quantity]
        if self.notation.units and layered and row.layer is None:
            letters = self.letters_of(sub, node) if sub is not None else None
            out = self.quantity(row, self.unit_layer(row, sub, sup, node), letters,
                                variable, node.pos)
            return Node("neg", (out,), node.pos) if row.sign < 0 else out
        if layered and row.layer is None and sup is None:
            raise MeaningError(f"{base} carries its layer, e.g. {base}^"
                               f"{self.notation.layer_letter}", node.pos)
        if (not layered or row.layer is not None) and sup is not None:
            raise MeaningError(f"a superscript on {base} has no meaning here", sup.pos)
        at = ("model", row.layer) if row.layer is not None else (
            self.offset(sup) if layered else None)
        letters = self.letters_of(sub, node) if sub is not None else None
        out = self.quantity(row, at, letters, variable, node.pos)
        return Node("neg", (out,), node.pos) if row.sign < 0 else out

    def unit_layer(self, row, sub, sup, node: Node):
        """("at", layer) of a symbol whose layer its index letter names (Bishop's a_j is in
        the layer of j; w_ji in the layer of j, from the layer of i); a weight's written
        layer number w^{(1)} must agree."""
        units, at = self.notation.units, None
        items = index_items(sub) if sub is not None else None
        if not items:
            raise MeaningError(f"{row.symbol}'s layer is named by its index letter "
                               f"({', '.join(units)})", node.pos)
        roles = dict(zip(row.indices, items)) if row.quantity == "weight" else {"to": items[0]}
        to = roles.get("to")
        if to not in units:
            raise MeaningError(f"the index {to} of {row.symbol} names no layer (index "
                               f"letters: {', '.join(units)})", node.pos)
        at = units[to]
        source = roles.get("from")
        if source is not None and source != "0" and units.get(source) != at - 1:
            raise MeaningError(f"{row.symbol} runs from unit {source} (layer "
                               f"{units.get(source, '?')}) to unit {to} (layer {at}): a "
                               "weight joins a layer to the next; check the order of "
                               "its indices", node.pos)
        if sup is not None:           # w^{(1)}_{ji}, a^{(1)}_j, z^{(1)}_j: the weight layer
            written = sup.args[0] if sup.kind == "group" else sup
            if written.kind != "num" or not written.args[0].isdigit() or \
                    int(written.args[0]) != at - 1:
                raise MeaningError(f"the superscript on {row.symbol} does not agree with "
                                   "the layers its indices name", sup.pos)
        if self.n != self.notation.count:
            raise MeaningError(f"the {self.notation.name} notation names a network of "
                               f"{self.notation.count} layers ({', '.join(units)}); here "
                               f"it has {self.n}", node.pos)
        return ("at", at)

    def letters_of(self, sub: Node, node: Node) -> list:
        items = index_items(sub)
        if items is None:
            raise MeaningError("indices are letters or digits, e.g. w_{jk}", sub.pos)
        return ["0" if c == self.zero else self.rename.get(c, c) for c in items]

    def quantity(self, row, at, letters, variable: bool, pos: int) -> Node:
        q = row.quantity
        if q in _PAIRED:
            return self.paired(row, at, letters, variable, pos)
        if q == "error" and letters is not None and len(letters) == 1:
            return Node("name", ("E",), pos)      # E_n: the error of the one pattern n
        if q == "net-input":
            raise MeaningError(f"the {q} is read in the book's own notation only", pos)
        if q == "parameters":
            raise MeaningError(f"{row.symbol} (every parameter) is read only as the argument "
                               "of the regulariser, Omega(theta)", pos)
        if q == "output" and variable:             # d/d hat y: by the output units a^(n)
            return self.quantity(_as_activation(row), ("last", 0), letters, variable, pos)
        if q == "output":
            if letters is not None and len(letters) != 1:
                raise MeaningError(f"{row.symbol} has one index", pos)
            if letters is not None:
                self.counts(letters[0], self.layer_text(("last", 0)), pos)
            hat = Node("accent", (Node("name", ("y",), pos),), pos, "hat")
            sub = letters and _symbol_node("y", None, letters, pos).args[1]
            return hat if sub is None else Node("script", (hat, sub), pos, "_")
        if letters == ["0"] and self.notation.bias_unit and q in ("activation", "input"):
            return Node("num", ("1",), pos)       # the bias unit's output
        layer = self.layer_text(at) if QUANTITIES[q] else None
        if letters is not None:
            if len(letters) != 1:
                raise MeaningError(f"{row.symbol} has one index", pos)
            if layer is not None:
                self.counts(letters[0], layer, pos)
        return _symbol_node(_MATRIX_NAME[q], layer, letters, pos)

    def paired(self, row, at, letters, variable: bool, pos: int) -> Node:
        """A weight (entry or matrix), a bias or a threshold (entry or vector)."""
        before, after = self.layer_text(at, 1), self.layer_text(at)
        pair = before + after
        if row.quantity == "weight":
            if letters is None:
                matrix = _symbol_node("Theta", pair, None, pos)
                return _transposed(matrix) if row.matrix == "to-from" else matrix
            if len(letters) != 2:
                raise MeaningError(f"{row.symbol} has two indices", pos)
            roles = dict(zip(row.indices, letters))
            if roles["from"] == "0" and self.notation.bias_unit:   # w_j0: the bias b_j
                self.counts(roles["to"], after, pos)
                return Node("neg", (_symbol_node("theta", pair, ["0", roles["to"]], pos),),
                            pos)
            self.counts(roles["from"], before, pos)
            self.counts(roles["to"], after, pos)
            return _symbol_node("theta", pair, [roles["from"], roles["to"]], pos)
        if letters is None:
            rows = Node("slice", (Node("num", ("0",), pos), None), pos)
            tilde = Node("accent", (Node("name", ("Theta",), pos),), pos, "tilde")
            top = Node("script", (_layered(tilde, pair, pos), rows), pos, "_")
            out = _transposed(top)
        else:
            if len(letters) != 1:
                raise MeaningError(f"{row.symbol} has one index", pos)
            self.counts(letters[0], after, pos)
            out = _symbol_node("theta", pair, ["0", letters[0]], pos)
        return Node("neg", (out,), pos) if row.quantity == "bias" else out

    def counts(self, letter: str, layer: str, pos: int) -> None:
        if not letter.isdigit():
            self.ranges.setdefault(letter, set()).add(layer)

    def bound_sums(self, node: Node) -> Node:
        """A sum without bounds runs from 1 to the width of the layer its index counts."""
        args = tuple(self.bound_sums(a) if isinstance(a, Node) else a for a in node.args)
        node = Node(node.kind, args, node.pos, node.op)
        if node.kind != "sum" or node.args[1] is not None:
            return node
        low, _, body = node.args
        if low is None or low.kind != "name" or low.args[0] not in self.ranges:
            raise MeaningError("a sum without bounds needs an index that counts units, "
                               "e.g. \\sum_k w_{jk} a_k", node.pos)
        layers = self.ranges[low.args[0]]
        if len(layers) > 1:
            raise MeaningError("the index of a sum without bounds counts the units of two "
                               "different layers here: check the order of the indices",
                               node.pos)
        at = low.pos
        start = Node("assign", (low, Node("num", ("1",), at)), at)
        width = Node("script", (Node("name", ("s",), at), _layer_node(min(layers), at)),
                     at, "_")
        return Node("sum", (start, width, body), node.pos, node.op)


def _spelled_out(node: Node, notation: Notation) -> Node:
    """The tree with the notation's spellings of one meaning made one (see
    :func:`_transposed_after_layer`)."""
    node = _transposed_after_layer(node, notation) or _font_outside(node, notation) or node
    return Node(node.kind, tuple(_spelled_out(a, notation) if isinstance(a, Node) else a
                                 for a in node.args), node.pos, node.op)


def _font_outside(node: Node, notation: Notation):
    """\\boldsymbol{b^{(k)}} (the font around the symbol and its layer) as
    \\boldsymbol{b}^{(k)}, a font around a product as each factor's; or None.  Only where
    layers are written in brackets."""
    if not notation.layer_letter or node.kind != "accent" or node.op not in FONT_MARKS or \
            len(node.args) != 1:
        return None
    if node.args[0].kind == "mul":           # \boldsymbol{g h^{(k-1)}}: each factor's font
        return Node("mul", tuple(a if a.kind == "group" else Node("accent", (a,), a.pos,
                                                                   node.op)
                                 for a in node.args[0].args), node.pos, node.args[0].op)
    if node.args[0].kind != "script" or node.args[0].op != "^":
        return None
    base, sup = node.args[0].args
    if base.kind != "name" or sup.kind != "group" or sup.op != "(":
        return None
    return Node("script", (Node("accent", (base,), node.pos, node.op), sup), node.pos, "^")


def _transposed_after_layer(node: Node, notation: Notation):
    """h^{(k-1)\\top}, W^{(k)T} (the book's own spelling of a transposed symbol, the mark
    after the layer in one superscript) as (h^{(k-1)})^\\top, or None; also in a font,
    \\boldsymbol{W^{(k)T}}.  Only where layers are written in brackets."""
    font = node.kind == "accent" and node.op in FONT_MARKS and len(node.args) == 1
    inner = node.args[0] if font else node
    if not notation.layer_letter or inner.kind != "script" or inner.op != "^":
        return None
    sup = inner.args[1]
    if sup.kind != "mul" or len(sup.args) != 2 or sup.args[0].kind != "group" or \
            sup.args[0].op != "(" or not is_transpose(sup.args[1]):
        return None
    symbol = Node("script", (inner.args[0], sup.args[0]), inner.pos, "^")
    symbol = Node("accent", (symbol,), node.pos, node.op) if font else symbol
    return Node("script", (symbol, sup.args[1]), node.pos, "^")


def _derivative_against_zero(tree: Node):
    """The derivative d N / d X of ``d N / d X = 0`` (or ``0 = d N / d X``): two sides, one
    the number 0 and the other that derivative alone.  Its entries are dN_i / dX_j in any
    layout (a row or a column, a Jacobian or its transpose), and all are 0 in all of them
    or in none: a layout the notation leaves open does not matter there."""
    if tree.kind != "chain" or len(tree.args) != 2:
        return None
    zero = [side.kind == "num" and side.args[0] == "0" for side in tree.args]
    other = tree.args[zero.index(False)] if zero.count(True) == 1 else None
    ok = other is not None and other.kind == "frac" and \
        all(a.kind == "partial" for a in other.args)
    return other if ok else None


def _argument_list(node: Node) -> bool:
    """( .. ) or ( .., .. ): what a function letter before it is applied to."""
    return node.kind == "group" and node.op == "(" or node.kind == "vector" and \
        node.op == "row"


def _after_d(node: Node):
    """X of ``d X`` (or ``\\mathrm{d} X``): the side of a derivative written with d."""
    if node.kind != "mul" or len(node.args) != 2:
        return None
    d, rest = node.args
    while d.kind == "accent" and d.op in UPRIGHT_MARKS:
        d = d.args[0]
    return rest if d.kind == "name" and d.args[0] == "d" else None


def _sum_letter(low):
    """A sum's index letter (j, or j = 1), or None."""
    if low is not None and low.kind == "assign":
        low = low.args[0]
    return low.args[0] if low is not None and low.kind == "name" else None


def _starts_at(low: Node, value: str) -> bool:
    return low.kind == "assign" and low.args[1].kind == "num" and low.args[1].args[0] == value


def _as_activation(row):
    return replace(row, quantity="activation", layer=None)


def _layer_node(text: str, pos: int) -> Node:
    return Node("num" if text.isdigit() else "name", (text,), pos)


def _layered(node: Node, layer: str, pos: int) -> Node:
    return Node("script", (node, Node("group", (_layer_node(layer, pos),), pos, "(")), pos, "^")


def _transposed(node: Node) -> Node:
    return Node("script", (node, Node("name", ("T",), node.pos)), node.pos, "^")


def _symbol_node(name: str, layer, letters, pos: int) -> Node:
    """name_{letters}^{(layer)} as the parser would build it."""
    node = Node("name", (name,), pos)
    if letters is not None:
        if all(c.isdigit() for c in letters):
            sub = Node("num", ("".join(letters),), pos)
        else:
            items = [Node("num" if c.isdigit() else "name", (c,), pos) for c in letters]
            sub = items[0]
            for item in items[1:]:
                sub = Node("mul", (sub, item), pos, "cdot")
        node = Node("script", (node, sub), pos, "_")
    return node if layer is None else _layered(node, layer, pos)
