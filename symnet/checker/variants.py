"""The one table of wrong variants: mutations of the formula as written (issues 21, 22).

A refuted formula, in every notation (section 5.3, the matrix notation, another
author's), is named by the first row of :data:`VARIANTS` one of whose mutants holds: each
row is (a message template, a function yielding (mutant tree, model changes, fields)); a
mutant is the written syntax tree with one change (a whole side's sign, a whole side
times a constant, a missing sum, hat or tilde, a whole side transposed, two index letters
swapped, one index letter wrong, a term's sign, a transposition, a function letter for its
derivative, a layer off by one, a sum's start, a factor dropped, a factor missing) or the
written tree in a model changed in one setting.  What a notation adds (the sides' exact
ratio, the factors it may lose, its accents, its sums' ends) comes with :class:`Written`.  It is read by
the same path as the formula (:func:`symnet.checker.translate.translate`, then
:func:`check_matrix`'s exact comparison; the section-5.3 prover), so a mutant that
"holds" holds exactly as a verdict would.  A side whose free index letters differ from
another's is named before any mutant is tried.  The search only names a refutation:
the verdict stays the formula's own.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace

from symnet.checker.equality import NO_VARIANT
from symnet.core.notation import FONT_MARKS
from symnet.checker.symbols import is_transpose
from symnet.core.limits import TimeLimitExceeded, time_limit
from symnet.checker.tree import Node, nodes

__all__ = ["VARIANTS", "MAX_MUTANTS", "Written", "diagnosed", "free_index_mismatch",
           "holds_in", "name_error", "name_steps", "written"]

MAX_MUTANTS = 90


@dataclass(frozen=True)
class Written:
    """The formula as written: its tree, its text (for spellings), its function letters,
    the transpose mark it uses and the model it is read in; what the notation adds to the
    rows (the ratio of the sides, the factors it may lose, its accents, its sums' ends)."""

    tree: Node
    text: str
    functions: frozenset
    spec: tuple
    #: the exact ratio c of the last two sides (left = c right), where the reader gives one
    ratio: object = None
    #: factors the notation may see lost (section 5.3's b_h, x_i, ...; f'(z^{(k)})), and
    #: the product that multiplies them in ("cdot", "odot")
    vocabulary: tuple = ()
    times: str = "cdot"
    #: (accent, letters): a letter written where its accented form is meant (hat: y)
    accents: tuple = ()
    #: (index letter, its last value): a missing sum runs 1..that value (j: l)
    bounds: tuple = ()

    @property
    def top(self) -> str:
        """The transpose mark the text uses (\\top, else T)."""
        return "top" if "\\top" in self.text or "\\intercal" in self.text else "T"


# ---- writing a tree back in the user's symbols -------------------------------------------

def written(node, text: str = "") -> str:
    """``node`` as LaTeX in the symbols it was written with (a gradient written with
    \\nabla is shown with \\nabla: ``text`` is the source the positions point into)."""
    if not isinstance(node, Node):
        return "" if node is None else str(node)
    kind, args = node.kind, node.args
    w = [written(a, text) for a in args]
    if kind in ("num", "name"):
        return _name(args[0]) if kind == "name" else args[0]
    if kind == "script":
        return w[0] + "'" if node.op == "'" else w[0] + node.op + _braced(args[1], w[1])
    if kind == "add":
        return w[0] + "".join(f" - {written(a.args[0], text)}" if a.kind == "neg"
                              else f" + {x}" for a, x in zip(args[1:], w[1:]))
    if kind == "mul":
        applied = args[1].kind == "group" and args[0].kind in ("name", "script")
        return w[0] + ("" if applied and node.op == "cdot" else " " if node.op in (
            "cdot", "") else f" \\{node.op} ") + w[1]
    if kind == "frac" and args[0].kind == args[1].kind == "partial":
        if text[node.pos:node.pos + 6] == "\\nabla":
            return f"\\nabla_{{{w[1][9:]}}} {w[0][9:]}"
        return f"\\frac{{{w[0]}}}{{{w[1]}}}"
    simple = {"neg": "-{0}", "frac": "\\frac{{{0}}}{{{1}}}", "partial": "\\partial {0}",
              "delta": "\\Delta {0}",
              "call": "{0}{1}", "assign": "{0}={1}", "chain": " = ".join(["{}"] * len(w)),
              "accent": "\\" + node.op + "{{{0}}}", "norm": "\\|{0}\\|",
              "group": {"(": "({0})", "[": "[{0}]"}.get(node.op, "{{{0}}}")}
    if kind == "sum":
        return f"\\sum_{_braced(args[0], w[0])}" + (f"^{_braced(args[1], w[1])}" if args[1]
                                                    else "") + f" {w[2]}"
    return simple[kind].format(*w) if kind in simple else text[node.pos:node.pos + 20]


def _name(name: str) -> str:
    """A letter as written, a longer name as its command (delta: \\delta)."""
    return name if len(name) == 1 else "\\" + name


def _braced(node, text: str) -> str:
    """A script's argument: braced unless one character; index letters side by side
    (w_{jk}) and a layer offset close up (a^{l-1})."""
    if isinstance(node, Node) and (node.kind in ("add", "group") or node.kind == "mul" and all(
            a.kind == "name" and len(a.args[0]) == 1 for a in node.args)):
        text = text.replace(" ", "")
    return text if len(text) == 1 or text[1:].isalpha() and text[0] == "\\" else \
        "{" + text + "}"


def _put(tree: Node, old: Node, new: Node) -> Node:
    """``tree`` with the node ``old`` (that very node) replaced by ``new``."""
    if tree is old:
        return new
    if not any(isinstance(a, Node) for a in tree.args):
        return tree
    return replace(tree, args=tuple(_put(a, old, new) if isinstance(a, Node) else a
                                    for a in tree.args))


def _right_first(tree: Node) -> list:
    """The nodes of every side, the last side first (a left side is usually right), not
    inside a superscript or a subscript."""
    sides = tree.args if tree.kind == "chain" else (tree,)
    return [n for side in reversed(sides) for n in _in_order(side, marks=False)]


def _in_order(node: Node, marks: bool = True) -> list:
    """``node`` and every node under it, in reading order (``marks``: inside scripts)."""
    kids = node.args[:1] if node.kind == "script" and not marks else node.args
    return [node] + [n for a in kids if isinstance(a, Node) for n in _in_order(a, marks)]


# ---- the rows ------------------------------------------------------------------------------

def _index_letters(node: Node) -> list:
    """The single letters written in subscripts under ``node`` and as a sum's index."""
    found = []
    for n in _in_order(node):
        if n.kind == "script" and n.op == "_" or n.kind == "sum" and n.args[0] is not None:
            for m in _in_order(n.args[1] if n.kind == "script" else n.args[0]):
                if m.kind == "name" and len(m.args[0]) == 1 and m.args[0] not in found:
                    found.append(m.args[0])
    return found


def _renamed(node: Node, swap: dict, inside: bool = False) -> Node:
    """``node`` with the index letters (in subscripts and sum indices) swapped."""
    if node.kind == "name" and inside:
        return replace(node, args=(swap.get(node.args[0], node.args[0]),))
    kids = tuple(_renamed(a, swap, inside or (node.kind == "script" and node.op == "_" and n == 1)
                          or (node.kind == "sum" and n == 0)) if isinstance(a, Node) else a
                 for n, a in enumerate(node.args))
    return replace(node, args=kids)


def _swapped_indices(w: Written):
    """Two index letters swapped on one side, then within one symbol's subscript."""
    sides = w.tree.args
    for n in range(len(sides) - 1, -1, -1):
        letters = _index_letters(sides[n])
        for i, a in enumerate(letters):
            for b in letters[i + 1:]:
                side = _renamed(sides[n], {a: b, b: a})
                yield _put(w.tree, sides[n], side), None, dict(
                    a=a, b=b, side=_side_name(n, len(sides)), mutant=written(side, w.text))


def _swapped_in_symbol(w: Written):
    """The two indices of one symbol's subscript (w_{jk}) swapped."""
    for node in _right_first(w.tree):
        sub = node.args[1] if node.kind == "script" and node.op == "_" else None
        if sub is not None and sub.kind == "mul" and len(sub.args) == 2:
            new = replace(node, args=(node.args[0], replace(sub, args=sub.args[::-1])))
            yield _put(w.tree, node, new), None, dict(symbol=written(node, w.text),
                                                      mutant=written(new, w.text))


def _wrong_index(w: Written):
    """One index letter of one symbol replaced by another index letter of the formula."""
    letters = _index_letters(w.tree)
    for node in _right_first(w.tree):
        sub = node.args[1] if node.kind == "script" and node.op == "_" else None
        for old in [n for n in _in_order(sub) if n.kind == "name"] if sub else ():
            for letter in (c for c in letters if c != old.args[0]):
                new = _put(node, old, replace(old, args=(letter,)))
                yield _put(w.tree, node, new), None, dict(symbol=written(node, w.text),
                                                          mutant=written(new, w.text))


def _side_name(n: int, count: int) -> str:
    """Side ``n`` (from 0) of ``count`` in words."""
    return "left" if n == 0 else ("right" if count == 2 else f"side {n + 1}")


def _term_signs(w: Written):
    """Each term of a sum of terms with its sign flipped."""
    for node in _right_first(w.tree):
        if node.kind == "add":
            for term in node.args:
                flipped = term.args[0] if term.kind == "neg" else Node("neg", (term,), term.pos)
                new = _put(node, term, flipped)
                yield _put(w.tree, node, new), None, dict(
                    term=written(flipped if term.kind == "neg" else term, w.text),
                    mutant=written(new, w.text))


def _factors(node: Node, functions) -> list:
    """The factors of a product (left-nested mul of one op), a function letter with the
    group it is applied to kept as one factor (Bishop's h(a_j), h'(a_k))."""
    flat = (_factors(node.args[0], functions) + [node.args[1]]) if node.kind == "mul" \
        else [node]
    if len(flat) > 1 and flat[-1].kind == "group" and _function_letter(flat[-2], functions):
        flat[-2:] = [Node("mul", tuple(flat[-2:]), flat[-2].pos, "cdot")]
    return flat


def _function_letter(node: Node, functions) -> bool:
    base = node.args[0] if node.kind == "script" and node.op == "'" else node
    return base.kind == "name" and base.args[0] in functions


def _product(factors: list, op: str, pos: int) -> Node:
    out = factors[0]
    for f in factors[1:]:
        out = Node("mul", (out, f), pos, op)
    return out


def _extra_factors(w: Written):
    """Each factor of a product dropped (only the outermost product of a chain of them)."""
    inner = {id(a) for n in nodes(w.tree) if n.kind == "mul" for a in n.args}
    for node in _right_first(w.tree):
        if node.kind == "mul" and id(node) not in inner:
            factors = _factors(node, w.functions)
            for n, f in enumerate(factors if len(factors) > 1 else []):
                rest = _product(factors[:n] + factors[n + 1:], node.op, node.pos)
                yield _put(w.tree, node, rest), None, dict(
                    factor=written(f, w.text), mutant=written(rest, w.text))


def _transpositions(w: Written):
    """A symbol factor of a product transposed, or a transposed one not."""
    for node in _right_first(w.tree):
        if node.kind == "script" and node.op == "^" and is_transpose(node.args[1]):
            inner = node.args[0].args[0] if node.args[0].kind == "group" else node.args[0]
            yield _put(w.tree, node, inner), None, dict(
                symbol=written(inner, w.text), how="not be transposed")
    for node in _right_first(w.tree):
        if node.kind == "mul":
            for f in node.args:
                if f.kind in ("script", "accent", "name") and not _function_letter(
                        f, w.functions) and not (f.kind == "script" and f.op == "^"
                                                 and is_transpose(f.args[1])):
                    t = Node("script", (Node("group", (f,), f.pos, "("),
                                        Node("name", (w.top,), f.pos)), f.pos, "^")
                    yield _put(w.tree, f, t), None, dict(symbol=written(f, w.text),
                                                         how="be transposed")


def _derivatives(w: Written):
    """A function letter (the activation) for its derivative, or the other way round."""
    primed = {id(n.args[0]) for n in nodes(w.tree) if n.kind == "script" and n.op == "'"}
    for node in _right_first(w.tree):
        if node.kind == "name" and node.args[0] in w.functions and id(node) not in primed:
            new, how = Node("script", (node, "prime"), node.pos, "'"), "its derivative "
        elif node.kind == "script" and node.op == "'" and _function_letter(node, w.functions):
            new, how = node.args[0], "the function "
        else:
            continue
        yield _put(w.tree, node, new), None, dict(wrong=written(node, w.text), how=how,
                                                  meant=written(new, w.text))


def _layer_shift(sup: Node, by: int):
    """The superscript ``sup`` (l, l-1, L, (k), (k-1), (2)) moved by ``by`` layers, or None
    when it does not name a layer."""
    if sup.kind == "group" and sup.op == "(":
        moved = _layer_shift(sup.args[0], by)
        return moved and replace(sup, args=(moved,))
    if sup.kind == "num" and sup.args[0].isdigit() and int(sup.args[0]) + by >= 0:
        return replace(sup, args=(str(int(sup.args[0]) + by),))
    letter, offset = (sup, 0) if sup.kind == "name" else (None, 0)
    if sup.kind == "add" and len(sup.args) == 2 and sup.args[0].kind == "name":
        step = sup.args[1]
        number = step.args[0] if step.kind == "neg" else step
        if number.kind == "num" and number.args[0].isdigit():
            letter = sup.args[0]
            offset = int(number.args[0]) * (-1 if step.kind == "neg" else 1)
    if letter is None or len(letter.args[0]) != 1 or letter.args[0] in ("T",):
        return None
    offset += by
    if offset == 0:
        return letter
    number = Node("num", (str(abs(offset)),), sup.pos)
    return Node("add", (letter, number if offset > 0 else Node("neg", (number,))), sup.pos)


def _layers(w: Written):
    """A layer superscript one layer off (l for l - 1, (k) for (k - 1), (1) for (0))."""
    for node in _right_first(w.tree):
        if node.kind == "script" and node.op == "^" and node.args[0].kind != "group" \
                and (node.args[1].kind != "num" or node.args[0].kind == "group"):
            for by in (-1, 1):
                sup = _layer_shift(node.args[1], by)
                if sup is not None:
                    new = replace(node, args=(node.args[0], sup))
                    yield _put(w.tree, node, new), None, dict(
                        symbol=written(node, w.text), mutant=written(new, w.text))


def _sum_ranges(w: Written):
    """A sum that starts one unit off (from 0, the bias unit, for from 1)."""
    for node in _right_first(w.tree):
        low = node.args[0] if node.kind == "sum" else None
        if low is not None and low.kind == "assign" and low.args[1].kind == "num":
            for by in (-1, 1):
                start = _layer_shift(low.args[1], by)
                if start is not None:
                    new = replace(node, args=(replace(low, args=(low.args[0], start)),)
                                  + node.args[1:])
                    yield _put(w.tree, node, new), None, dict(
                        letter=written(low.args[0]), start=start.args[0])


def _later_sides(w: Written):
    """(n, side) for every side but the first, the last first: a side changed as a whole."""
    sides = w.tree.args
    return [(n, sides[n]) for n in range(len(sides) - 1, 0, -1)]


def _grouped(node: Node) -> Node:
    """``node`` in parentheses unless it is a single symbol or number."""
    simple = node.kind in ("name", "num", "script", "accent", "group", "call")
    return node if simple else Node("group", (node,), node.pos, "(")


def _whole_signs(w: Written):
    """A whole side with its sign flipped."""
    for n, side in _later_sides(w):
        flipped = side.args[0] if side.kind == "neg" else Node("neg", (_grouped(side),),
                                                                side.pos)
        yield _put(w.tree, side, flipped), None, {}


def _number(c, pos: int) -> Node:
    """The rational ``c`` as a tree (2, 1/2, -2, -1/2)."""
    p, q = abs(c.p), c.q
    node = Node("num", (str(p),), pos) if q == 1 else Node(
        "frac", (Node("num", (str(p),), pos), Node("num", (str(q),), pos)), pos)
    return Node("neg", (node,), pos) if c < 0 else node


def _constants(w: Written):
    """A whole side times a constant c: the exact ratio of the sides where the reader
    gives one, else 2, 1/2, -2, -1/2."""
    import sympy as sp
    usual = [sp.Integer(2), sp.Rational(1, 2), sp.Integer(-2), sp.Rational(-1, 2)]
    ratio = [sp.sympify(w.ratio)] if w.ratio is not None else []
    for n, side in _later_sides(w):
        for c in ratio + [c for c in usual if c not in ratio]:
            if c.is_Rational and c not in (0, 1, -1):
                times = Node("mul", (_number(c, side.pos), _grouped(side)), side.pos, "cdot")
                yield _put(w.tree, side, times), None, dict(
                    c=c, side=_side_name(n, len(w.tree.args)))


def _free_letters(node: Node) -> set:
    """The index letters of ``node`` not bound by a sum inside it."""
    lows = [n.args[0] for n in _in_order(node) if n.kind == "sum" and n.args[0] is not None]
    bound = {(low.args[0] if low.kind == "assign" else low).args[0] for low in lows}
    return set(_index_letters(node)) - bound


def _missing_sums(w: Written):
    """A whole side summed over an index letter free on it and not on the left side (from
    1 to the notation's end for that letter, where it has one)."""
    ends = dict(w.bounds)
    for n, side in _later_sides(w):
        for letter in sorted(_free_letters(side) - _free_letters(w.tree.args[0])):
            low = Node("name", (letter,), side.pos)
            if letter in ends:
                low = Node("assign", (low, Node("num", ("1",), side.pos)), side.pos)
            high = Node("name", (ends[letter],), side.pos) if letter in ends else None
            total = Node("sum", (low, high, _grouped(side)), side.pos)
            yield _put(w.tree, side, total), None, dict(
                letter=letter, side=_side_name(n, len(w.tree.args)),
                end=f" = 1..{ends[letter]}" if letter in ends else "")


#: what a missing accent means, by accent
ACCENT_SAID = {
    "hat": "a hat is missing on the {side} side: {symbol} is the target, the output is "
           "{mutant}",
    "tilde": "a tilde is missing on the {side} side: {symbol} is written where {mutant} is "
             "meant (the tilde adds the threshold row 0)",
}


def _bare_letter(node: Node, letters) -> bool:
    """Is ``node`` one of ``letters`` (or its bold form) with no other accent?"""
    inner = node.args[0] if node.kind == "accent" and node.op in FONT_MARKS else node
    return isinstance(inner, Node) and inner.kind == "name" and inner.args[0] in letters


def _accent_targets(side: Node, letters) -> list:
    """(shown, target): each unaccented letter of ``letters`` on ``side`` (``target``) and
    the symbol it is the base of (``shown``: y_j for y)."""
    covered, found = set(), []
    for node in _in_order(side, marks=False):
        if node.kind == "accent":
            covered.update(id(a) for a in node.args)
        base = node.args[0] if node.kind == "script" else node
        if id(base) not in covered and _bare_letter(base, letters):
            covered.add(id(base))
            found.append((node, base))
    return found


def _missing_accents(w: Written):
    """A letter written where its accented form is meant (y for \\hat{y}, \\Theta for
    \\tilde{\\Theta}), on any side, the last first."""
    sides = w.tree.args
    for accent, letters in w.accents:
        for n in range(len(sides) - 1, -1, -1):
            for shown, target in _accent_targets(sides[n], letters):
                new = Node("accent", (target,), target.pos, accent)
                mutant = _put(shown, target, new)
                yield _put(w.tree, shown, mutant), None, dict(said=ACCENT_SAID[accent].format(
                    side=_side_name(n, len(sides)), symbol=written(shown, w.text),
                    mutant=written(mutant, w.text)))


def _whole_transposed(w: Written):
    """A whole side transposed."""
    for n, side in _later_sides(w):
        t = Node("script", (Node("group", (side,), side.pos, "("),
                            Node("name", (w.top,), side.pos)), side.pos, "^")
        yield _put(w.tree, side, t), None, dict(side=_side_name(n, len(w.tree.args)))


def _candidate_factors(w: Written) -> list:
    """(factor, product): the notation's vocabulary, f' of every argument a function
    letter is applied to in the formula, then the formula's own factors; only those
    whose index letters the formula has, each once."""
    letters, seen, found = set(_index_letters(w.tree)), set(), []
    calls = [n for n in nodes(w.tree) if n.kind == "call" and n.args[0].kind == "name"
             and n.args[0].args[0] in w.functions]
    primed = [Node("call", (Node("script", (c.args[0], "prime"), c.pos, "'"), c.args[1]),
                   c.pos) for c in calls]
    own = [f for n in _right_first(w.tree) if n.kind == "mul"
           for f in _factors(n, w.functions)]
    for factor, op in [(f, w.times) for f in list(w.vocabulary) + primed] + \
            [(f, "cdot") for f in own]:
        text = written(factor, w.text)
        if text not in seen and set(_index_letters(factor)) <= letters:
            seen.add(text)
            found.append((factor, op))
    return found


def _missing_factors(w: Written):
    """A whole side times a factor it lacks, then times it with the sign flipped."""
    for factor, op in _candidate_factors(w):
        for n, side in _later_sides(w):
            if written(factor, w.text) in {written(f, w.text) for f in _factors(
                    side.args[0] if side.kind == "neg" else side, w.functions)}:
                continue                                   # it has it already
            times = Node("mul", (_grouped(side), factor), side.pos, op)
            name = written(factor, w.text)
            yield _put(w.tree, side, times), None, dict(factor=name, said=f"a factor is "
                                                          f"missing: {name}")
            yield _put(w.tree, side, Node("neg", (Node("group", (times,), side.pos, "("),),
                                          side.pos)), None, dict(
                factor=name, said=f"a factor is missing ({name}) and the sign is flipped")


def _model_variants(w: Written):
    """The formula in the model changed in one setting: the squared error for any loss,
    no L2 term, the activation at the outputs too, a registry activation for any f."""
    from symnet.core.registry import ACTIVATIONS
    from symnet.prove.nested import ANY_LOSS
    activation, loss, output, bias, l2 = w.spec
    if loss != "squared":
        yield w.tree, (activation, "squared", output, bias, l2), dict(
            said=f"it holds for the squared error only; the loss here is {ANY_LOSS} (a "
                 "directive <!-- symnet: loss = squared --> says which)")
    if l2:
        yield w.tree, (activation, loss, output, bias, False), dict(
            said="the L2 term's share is missing: it holds without the L2 term" if l2 is True
            else "the regulariser's share is missing: it holds with lambda = 0 only, not "
                 "for the cost with lambda Omega(theta)")
    if output not in (None, activation):
        yield w.tree, (activation, loss, None, bias, l2), dict(
            said=f"it holds with the activation at the outputs; here they are {output}")
    here = "any differentiable function" if activation == "any" else activation
    for name in (n for n in ACTIVATIONS if n != activation):
        yield w.tree, (name, loss, output, bias, l2), dict(
            said=f"it holds for the {name} activation, not for the one here ({here}): "
                 f"{name}'s formula is used where {here}'s is meant" if activation != "any"
            else f"it holds for the {name} activation only; the activation here is {here}")


#: (message template, mutants): tried in order; the first mutant that holds names the error
VARIANTS = (
    ("the sign is flipped", _whole_signs),
    ("a constant factor is off: the left side is {c} times the {side}", _constants),
    ("a sum is missing: index {letter} is free on the {side}; the left side equals the "
     "{side} summed over {letter}{end}", _missing_sums),
    ("{said}", _missing_accents),
    ("a matrix is transposed: the {side} side is the transpose of the left",
     _whole_transposed),
    ("the indices {a} and {b} are swapped on the {side} side: {mutant} holds",
     _swapped_indices),
    ("the indices of {symbol} are swapped (a matrix is transposed): {mutant} holds",
     _swapped_in_symbol),
    ("the sign of the term {term} is flipped: {mutant} holds", _term_signs),
    ("{symbol} should {how}", _transpositions),
    ("{wrong} is written where {how}{meant} is meant", _derivatives),
    ("{symbol}: the layer is off by one ({mutant} holds)", _layers),
    ("the sum over {letter} should start at {start}", _sum_ranges),
    ("a factor is extra: {factor} ({mutant} holds)", _extra_factors),
    ("an index is wrong: {symbol} should be {mutant}", _wrong_index),
    ("{said}", _missing_factors),
    ("{said}", _model_variants),
)


def free_index_mismatch(translated: Node, tree: Node) -> str:
    """A side whose free index letters (as read, the matrix notation's letters renamed
    back to the written ones) another side lacks: the message, or ""."""
    from symnet.checker.matrix import free_index_letters
    from symnet.checker.translate import renaming
    back = {new: old for old, new in renaming(tree).items()}
    sides = [{back.get(c, c) for c in free_index_letters(s)} for s in translated.args]
    numbers = [not any(n.kind == "name" for n in nodes(s)) for s in translated.args]
    for n, side in enumerate(sides[1:], 1):
        for have, lack, a, b in ((sides[0], side, 0, n), (side, sides[0], n, 0)):
            extra = sorted(have - lack)
            if extra and not numbers[b]:         # a number (0) has no index to miss
                count = len(sides)
                return (f"the index {', '.join(extra)} of the {_side_name(a, count)} side "
                        f"does not occur on the {_side_name(b, count)} side (a factor or an "
                        "index is missing)")
    return ""


def holds_in(notation, layers):
    """holds(tree, spec): the written tree read as the verdict reads it (translated, then
    compared exactly at ``layers`` in the model ``spec``); False where it is not read."""
    from symnet.checker.matrix import check_matrix
    from symnet.checker.result import MeaningError, NotAClaim
    from symnet.checker.translate import translate
    from symnet.checker.views import as_matrix_notation

    def holds(tree: Node, spec: tuple) -> bool:
        try:
            translated, counted, _ = translate(tree, notation, len(layers), spec[1])
            translated, from_one = as_matrix_notation(translated)     # as check() reads it
            return check_matrix("", layers, translated, False, from_one or counted,
                                spec).holds
        except (MeaningError, NotAClaim, ValueError, TypeError, ArithmeticError,
                RecursionError, KeyError, IndexError, AttributeError):
            return False              # a mutant the reader cannot take is no fix
    return holds


def diagnosed(detail: str, w: Written, translated: Node, holds, seconds: int,
              steps=()) -> str:
    """A refutation's ``detail`` with its error named in the written symbols where the
    reader named none (no simple variant, or shapes only), and the refuted ``steps``
    (:class:`Step`, what ``symnet check FORMULA`` prints) given the same name; the verdict
    is unchanged."""
    if not _unnamed(detail):
        return detail
    name = _search(w, holds, seconds, translated, alarm=True)   # the verdict's limit is over
    if not name:
        return detail
    _give_name([s for s in steps if not s.holds and _unnamed("; ".join(s.diagnosis))], name)
    return detail.replace(NO_VARIANT, name) if NO_VARIANT in detail else f"{name}; {detail}"


def name_steps(steps, w: Written, holds, seconds: int) -> None:
    """The refuted steps (:class:`Step`) the reader named no error of (no simple
    variant, or shapes only) given the table's name for the formula's error, when it
    named none of its steps (a scalar set equal to a vector is a name)."""
    refuted = [s for s in steps if not s.holds]
    unnamed = [s for s in refuted if _unnamed("; ".join(s.diagnosis))]
    name = _search(w, holds, seconds, w.tree) if unnamed == refuted else ""
    if name:
        _give_name(unnamed, name)


def _give_name(steps, name: str) -> None:
    """Each step's "no simple variant" replaced by ``name`` (or ``name`` added)."""
    for step in steps:
        step.diagnosis = [name if d == NO_VARIANT else d for d in step.diagnosis] + \
            [name] * (NO_VARIANT not in step.diagnosis)


def _unnamed(detail: str) -> bool:
    """Did the reader name no error (no simple variant, or shapes only)?"""
    return NO_VARIANT in detail or "the shapes do not match" in detail


def _search(w: Written, holds, seconds: int, translated: Node, alarm: bool = False) -> str:
    """The free-index mismatch of ``translated`` (the formula as read), else the first
    mutant's name, within ``seconds`` (``alarm``: a mutant running past them is stopped,
    outside any other time limit only); "" when neither."""
    if not alarm:
        return free_index_mismatch(translated, w.tree) or name_error(w, holds, seconds)
    try:
        with time_limit(seconds):
            return _search(w, holds, seconds, translated)
    except TimeLimitExceeded:
        return ""


def name_error(w: Written, holds, seconds: float) -> str:
    """The message of the first mutant (at most :data:`MAX_MUTANTS`, within ``seconds``)
    for which ``holds(tree, spec)`` is true, or ""."""
    deadline, tried = time.monotonic() + seconds, 0
    for template, mutants in VARIANTS:
        for tree, spec, fields in mutants(w):
            if tried >= MAX_MUTANTS or time.monotonic() > deadline:
                return ""
            tried += 1
            if holds(tree, spec or w.spec) and not (
                    mutants is _missing_accents and _vacuous(tree, spec or w.spec, holds)):
                return template.format(**fields)
    return ""


def _vacuous(tree: Node, spec, holds) -> bool:
    """A mutant that holds only because each of its sides is identically 0 (a hat added
    to y_j in hat y_j - y_j = 0 gives hat y_j - hat y_j): it names no fix."""
    zero = Node("num", ("0",), tree.pos)
    return all(holds(Node("chain", (side, zero), tree.pos), spec) for side in tree.args)
