"""Formulas of the matrix notation with layer letters, proved for symbolic widths.

A formula whose layers are the letters k and l = k + 1 only is read in the layer pair of
:class:`~symnet.prove.multilayer.LayerPair` (widths s_k, s_l, the sigmoid f, and an
arbitrary error E downstream of layer l, so a proof there holds at every depth and every
width); a formula whose only layer is n in the output layer of
:class:`~symnet.prove.multilayer.OutputLayer` (width s_n, E = 1/2 ||a^{(n)} - y||^2).
Every matrix is a :class:`Block`: its entry at a symbolic row and column, and the ranges of
its rows and columns.  A product is a sum over the shared range, \\odot the product of
entries, ^T swaps rows and columns, f and f' act on every entry, and
\\frac{\\partial E}{\\partial X} is SymPy's derivative of E by each entry of X, in X's
layout.  An "=" holds when both sides have the same ranges and the prover shows their
entries equal at a symbolic index.

This only ever upgrades a verdict: :func:`prove_symbolic` answers True (proved at symbolic
widths) or a reason why it could not; refutations and diagnoses stay with the concrete
check of :mod:`symnet.checker.matrix`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import sympy as sp

from symnet.checker.matrix import split_symbol
from symnet.checker.symbols import flat_text, function_of, index_items, is_transpose
from symnet.checker.evaluate import Evaluator
from symnet.checker.result import MeaningError
from symnet.checker.tree import Node, nodes
from symnet.core.registry import sigmoid
from symnet.prove.model import index

ONE = (1, 1)          # the range of a vector's single column (or a row's single row)


@dataclass(frozen=True)
class Block:
    """A matrix of symbolic shape: ``entry(row, column)`` in the model's symbols, rows
    and columns numbered as the notes number units (a~ and Theta~ from 0)."""

    entry: Callable
    rows: tuple
    cols: tuple = ONE

    @property
    def T(self) -> "Block":
        return Block(lambda r, c: self.entry(c, r), self.cols, self.rows)


class _Unreadable(MeaningError):
    """A formula, or a part of one, this reader does not cover: the concrete check decides."""


def _layers(tree: Node) -> set:
    """The characters of every layer superscript ((k), (kl), (23), n); "?" for a mark
    that is not letters or digits.  Powers (^2) and transposes are not layers."""
    found = set()
    for node in nodes(tree):
        if node.kind == "script" and node.op == "^":
            mark = node.args[1]
            if not (is_transpose(mark) or mark.kind == "num"):
                text = flat_text(mark.args[0] if mark.kind == "group" else mark)
                found.update(text or "?")
    return found


def layer_letters(tree: Node) -> set:
    """The layer letters (k, l, n) the formula uses."""
    return _layers(tree) & {"k", "l", "n"}


class _Pair:
    """Layers k and l = k + 1 (LayerPair with the activation f: the sigmoid, another
    registry row, or the arbitrary f)."""

    def __init__(self, f=sigmoid):
        from symnet.prove.multilayer import LayerPair
        self.m = m = LayerPair(f)
        self.index = {(1, m.s_k): m.i, (1, m.s_l): m.j, (0, m.s_k): m.r}
        self.vectors = {("a", "k", ""): (m.a_k, (1, m.s_k)),
                        ("a", "k", "tilde"): (m.a_tilde, (0, m.s_k)),
                        ("z", "k", ""): (m.z_k, (1, m.s_k)), ("z", "l", ""): (m.z_l, (1, m.s_l)),
                        ("delta", "k", ""): (m.delta_k, (1, m.s_k)),
                        ("delta", "l", ""): (m.delta_l, (1, m.s_l))}
        self.widths = {"s_k": m.s_k, "s_l": m.s_l}
        # the variables one differentiates by, each with the level E is written at for it
        self.levels = {m.Theta: "a_tilde", m.a_k: "a", m.z_k: "z", m.z_l: "z_l"}
        # the definitions above each variable (unfolded before differentiating by it)
        deltas = [m.delta_l, m.delta_k]
        self.above = {m.z_l: deltas, m.Theta: deltas + [m.z_l],
                      m.a_k: deltas + [m.z_l, m.a_tilde],
                      m.z_k: deltas + [m.z_l, m.a_tilde, m.a_k]}

    def matrix(self, tilde: bool) -> Block:
        m = self.m
        return Block(lambda r, c: m.Theta[r, c], (0 if tilde else 1, m.s_k), (1, m.s_l))

    def error(self):
        raise _Unreadable("E beyond layer l is arbitrary here")

    def unit(self, base, text, idx):
        """a_i^{(k)} (a_0 = -1: the entry of a~), z, delta: one entry, or None."""
        m = self.m
        if base == "a" and text == "k":
            return m.a_k[idx] if idx == m.i else m.a_tilde[idx]
        table = {("z", "k"): m.z_k, ("z", "l"): m.z_l, ("delta", "k"): m.delta_k,
                 ("delta", "l"): m.delta_l}
        return table[(base, text)][idx] if (base, text) in table else None

    def unit_range(self, base, text):
        m = self.m
        return {("a", "k"): (0, m.s_k), ("z", "k"): (1, m.s_k), ("delta", "k"): (1, m.s_k),
                ("z", "l"): (1, m.s_l), ("delta", "l"): (1, m.s_l)}.get((base, text))


class _Output:
    """The output layer n (OutputLayer with the sigmoid and the squared error)."""

    def __init__(self):
        from symnet.prove.multilayer import OutputLayer
        self.m = m = OutputLayer(sigmoid)
        self.index = {(1, m.s_n): m.j}
        self.vectors = {("a", "n", ""): (m.a, (1, m.s_n)), ("z", "n", ""): (m.z, (1, m.s_n))}
        self.widths = {"s_n": m.s_n}
        self.levels = {m.a: "a", m.z: "z"}
        self.above = {m.a: [], m.z: [m.a]}

    def error(self):
        return self.m.E_at("a")

    def unit(self, base, text, idx):
        m = self.m
        if text == "n" and base in ("a", "z"):
            return getattr(m, base)[idx]
        if text == "n" and base == "delta":
            return m.D(m.E_at("z"), m.z[idx])
        return None

    def unit_range(self, base, text):
        return (1, self.m.s_n) if text == "n" and base in ("a", "z", "delta") else None


class _Reader(Evaluator):
    """Reads a formula twice: first to learn the range of every free index letter (the
    intersection of the ranges it selects entries from: i of theta_{ij} and a_i runs over
    0..s_k, of z_i over 1..s_k), then with each letter as the model's index of that range."""

    def __init__(self, layer, letters=None):
        self.layer = layer
        self.m = layer.m
        self.fresh = 0
        self.letters = letters            # letter -> index symbol; None while learning
        self.uses: dict = {}              # letter -> ranges it selects entries from
        self.bound_letters: dict = {}     # letters bound by a sum -> their symbols
        self.as_variable = False

    def bound(self):
        self.fresh += 1
        return index(f"t{self.fresh}'")

    # entries and free index letters
    def index_of(self, letter: str, rng: tuple):
        if letter in self.bound_letters:
            return self.bound_letters[letter]
        if not letter.isalpha():
            raise _Unreadable("a digit index (concrete)")
        if self.letters is None:
            self.uses.setdefault(letter, []).append(rng)
            return sp.Symbol(f"learning_{letter}")
        return self.letters[letter]

    def learned(self) -> dict:
        """Each free letter's range: (0, s) and (1, s) give (1, s); anything else mixed is
        not read here."""
        out = {}
        for letter, ranges in self.uses.items():
            kinds = set(ranges)
            if len({hi for _, hi in kinds}) != 1:
                raise _Unreadable(f"the index {letter} runs over two different widths")
            rng = max(kinds)                       # (1, s) when any use starts at 1
            if rng not in self.layer.index or self.layer.index[rng] in out.values():
                raise _Unreadable(f"no index of this model for {letter}")
            out[letter] = self.layer.index[rng]
        return out

    def entry(self, base, accent, text, sub: Node):
        """One entry: theta_{ij}^{(kl)}, a_i^{(k)}, z_j^{(l)}, delta_j^{(l)}, y_j, \\hat{y}_j."""
        items = index_items(sub)
        m, layer = self.m, self.layer
        if items is None:
            raise _Unreadable("an index that is not letters")
        if base == "theta" and text == "kl" and isinstance(layer, _Pair) and not accent \
                and len(items) == 2:
            return m.Theta[self.index_of(items[0], (0, m.s_k)),
                           self.index_of(items[1], (1, m.s_l))]
        if base == "y" and text is None and isinstance(layer, _Output) and len(items) == 1:
            idx = self.index_of(items[0], (1, m.s_n))
            return m.a[idx] if accent == "hat" else m.y[idx]
        rng = layer.unit_range(base, text)
        if rng is not None and self.as_variable:
            rng = (1, rng[1])
        if rng is None or accent or len(items) != 1:
            raise _Unreadable(f"an entry of {base} at symbolic widths")
        value = layer.unit(base, text, self.index_of(items[0], rng))
        if self.as_variable and value.base == getattr(m, "a_tilde", None):
            value = m.a_k[value.indices[0]]        # a variable a_i: i from 1
        return value

    # symbols
    def symbol(self, node: Node, env: dict = None):
        base, accent, sup, transpose, sub = split_symbol(node)
        m, layer = self.m, self.layer
        if sub is not None:
            if transpose:
                raise _Unreadable("the transpose of an entry")
            text = None if sup is None else flat_text(sup.args[0] if sup.kind == "group" else sup)
            return self.entry(base, accent, text, sub)
        if base == "eta" and sup is None and not accent:
            value = m.eta if hasattr(m, "eta") else sp.Symbol("eta", positive=True)
        elif base == "E" and sup is None and not accent:
            value = layer.error()
        elif base == "y" and sup is None and isinstance(layer, _Output):
            value = Block(lambda r, c: m.a[r] if accent == "hat" else m.y[r],
                          (1, m.s_n))
        elif sup is None:
            raise _Unreadable(f"{base} without its layer")
        else:
            mark = sup.args[0] if sup.kind == "group" else sup
            text = flat_text(mark)
            if base == "Theta" and text == "kl" and isinstance(layer, _Pair):
                value = layer.matrix(accent == "tilde")
            elif (base, text, accent) in layer.vectors and accent in ("", "tilde"):
                vec, rows = layer.vectors[(base, text, accent)]
                value = Block(lambda r, c, vec=vec: vec[r], rows)
            elif base == "delta" and text == "n" and isinstance(layer, _Output):
                value = Block(lambda r, c: m.D(m.E_at("z"), m.z[r]), (1, m.s_n))
            else:
                raise _Unreadable(f"{base}^{text} at symbolic widths")
        if transpose:
            if not isinstance(value, Block):
                raise _Unreadable("the transpose of a scalar")
            value = value.T
        return value

    def variable(self, den: Node):
        """The one variable of \\partial x: an entry theta_{ij}^{(kl)}, a_i, z_j, ..."""
        self.as_variable = True           # a_i as a variable: i from 1 (a_0 is -1)
        try:
            value = self.symbol(den)
        finally:
            self.as_variable = False
        if not isinstance(value, sp.Indexed) or value.base not in self.layer.levels:
            raise _Unreadable("a derivative by something other than a weight, a or z")
        if value.base == getattr(self.m, "a_tilde", None):
            raise _Unreadable("a derivative by a~ (its entry 0 is the constant -1)")
        return value

    def by_error(self, var):
        """dE/dx by SymPy, E written in the quantities of x's level."""
        return self.m.D(self.m.E_at(self.layer.levels[var.base]), var)

    def derivative(self, num: Node, den: Node, env: dict = None, pos: int = 0):
        """dN/dx by SymPy: dE/dX in the layout of X (:meth:`gradient`), or any scalar N
        with the definitions above x's level unfolded (z^{(l)} in theta and a~, ...)."""
        if num.kind == "name" and num.args == ("E",):
            return self.gradient(den)
        var = self.variable(den)
        top = self.value(num)
        if isinstance(top, Block):
            raise _Unreadable("a Jacobian at symbolic widths")
        above = self.layer.above[var.base]
        return self.m.D(self.m.unfold(top, only=above) if above else top, var)

    def on_sum(self, node: Node, env: dict = None):
        """\\sum_{j=1}^{s_l} (a bound 0 or 1, a width s_k, s_l or s_n)."""
        low, high, body = node.args
        if low.kind != "assign" or low.args[0].kind != "name" or high is None:
            raise _Unreadable("a sum without both bounds")
        letter = low.args[0].args[0]
        start = self.value(low.args[1])
        width = split_symbol(high)
        if width[0] != "s" or width[4] is None:
            raise _Unreadable("a sum's bound that is not a width")
        name = "s_" + (flat_text(width[4]) or "?")
        if name not in self.layer.widths or start not in (0, 1):
            raise _Unreadable(f"a sum up to {name}")
        t = self.bound()
        saved = dict(self.bound_letters)
        self.bound_letters[letter] = t
        try:
            inner = self.value(body)
        finally:
            self.bound_letters = saved
        if isinstance(inner, Block):
            raise _Unreadable("a sum of matrices")
        return sp.Sum(inner, (t, start, self.layer.widths[name]))

    def gradient(self, den: Node):
        """dE/dX in the layout of X, entry by entry."""
        base, accent, sup, transpose, sub = split_symbol(den)
        if sub is not None:
            return self.by_error(self.variable(den))
        if transpose or sup is None:
            raise _Unreadable("a derivative by an entry or a transpose")
        text = flat_text(sup.args[0] if sup.kind == "group" else sup)
        if base == "Theta" and text == "kl" and isinstance(self.layer, _Pair):
            shape = self.layer.matrix(accent == "tilde")
            return Block(lambda r, c: self.by_error(self.m.Theta[r, c]), shape.rows, shape.cols)
        vec, rows = self.layer.vectors.get((base, text, ""), (None, None))
        if accent or vec not in self.layer.levels:
            raise _Unreadable(f"a derivative by {base}^{text}")
        return Block(lambda r, c: self.by_error(vec[r]), rows)

    # evaluation
    refusal = _Unreadable
    unknown = "{kind} at symbolic widths"

    def is_matrix(self, value) -> bool:
        return isinstance(value, Block)

    def on_neg(self, node: Node, env: dict):
        return self.scale(-1, self.value(node.args[0]))

    def on_mul(self, node: Node, env: dict):
        left, right = self.value(node.args[0]), self.value(node.args[1])
        return self.hadamard(left, right) if node.op == "odot" else self.times(left, right)

    def on_delta(self, node: Node, env: dict):
        base = split_symbol(node.args[0])
        if base[0] != "Theta" or base[4] is not None or base[3]:
            raise _Unreadable("\\Delta of something other than Theta~")
        return self.scale(-self.m.eta, self.gradient(node.args[0]))

    def on_norm(self, node: Node, env: dict):
        inner = self.value(node.args[0])
        if not isinstance(inner, Block) or inner.cols != ONE:
            raise _Unreadable("a norm of something other than a column")
        t = self.bound()
        return sp.sqrt(sp.Sum(inner.entry(t, 1) ** 2, (t, *inner.rows)))

    def divide(self, top, bottom):
        return self.scale(1 / bottom, top)

    def on_call(self, node: Node, env: dict):
        """f(X) and f'(X), entrywise on a block (f is the sigmoid at symbolic widths)."""
        fn, arg = node.args
        name, primes = function_of(fn)
        if name not in ("f", "sigma") or primes > 1:
            raise _Unreadable("a function other than f and f'")
        one = (lambda t: self.m.fprime(t)) if primes else self.m.f
        inner = self.value(arg)
        if isinstance(inner, Block):
            return Block(lambda r, c: one(inner.entry(r, c)), inner.rows, inner.cols)
        return one(inner)

    # algebra of blocks
    @staticmethod
    def scale(c, v):
        if isinstance(v, Block):
            return Block(lambda r, col: c * v.entry(r, col), v.rows, v.cols)
        return c * v

    def add(self, a, b):
        if isinstance(a, Block) and isinstance(b, Block):
            if (a.rows, a.cols) != (b.rows, b.cols):
                raise _Unreadable("a sum of blocks of different shapes")
            return Block(lambda r, c: a.entry(r, c) + b.entry(r, c), a.rows, a.cols)
        if isinstance(a, Block) or isinstance(b, Block):
            block, number = (a, b) if isinstance(a, Block) else (b, a)
            if not number.is_number:
                raise _Unreadable("a scalar added to a matrix")
            return Block(lambda r, c: block.entry(r, c) + number, block.rows, block.cols)
        return a + b

    def hadamard(self, a, b):
        if not (isinstance(a, Block) and isinstance(b, Block)) or \
                (a.rows, a.cols) != (b.rows, b.cols):
            raise _Unreadable("\\odot of blocks of different shapes")
        return Block(lambda r, c: a.entry(r, c) * b.entry(r, c), a.rows, a.cols)

    def times(self, a, b):
        if not (isinstance(a, Block) and isinstance(b, Block)):
            return self.scale(a, b) if isinstance(b, Block) else self.scale(b, a)
        if a.cols != b.rows:
            raise _Unreadable("a product of blocks whose shapes do not fit")
        if a.cols == ONE:
            return Block(lambda r, c: a.entry(r, 1) * b.entry(1, c), a.rows, b.cols)
        t = self.bound()
        product = Block(lambda r, c: sp.Sum(a.entry(r, t) * b.entry(t, c), (t, *a.cols)),
                        a.rows, b.cols)
        if (product.rows, product.cols) == (ONE, ONE):
            return product.entry(1, 1)
        return product

    # one "="
    def equal(self, a, b) -> bool:
        if isinstance(a, Block) != isinstance(b, Block):
            return False
        if not isinstance(a, Block):
            return self.m.equal(a, b)[0]
        if (a.rows, a.cols) != (b.rows, b.cols):
            return False
        at = []
        for rng in (a.rows, a.cols):
            if rng == ONE:
                at.append(1)
            elif rng in self.layer.index and self.layer.index[rng] not in at:
                at.append(self.layer.index[rng])
            else:
                raise _Unreadable("a square block (two indices over one range)")
        return bool(self.m.equal(a.entry(*at), b.entry(*at))[0])


@lru_cache(maxsize=None)
def _layer(kind):
    """One model of each kind per process, shared by every formula."""
    return kind()


def prove_symbolic(tree: Node, f=sigmoid):
    """(True, widths) when every "=" of ``tree`` is proved at symbolic widths; (False,
    reason) when the formula is outside what this reader covers or a step is not proved
    here (the concrete check then decides).  ``f``: the hidden layers' activation (the
    output layer is read with the sigmoid and the squared error only)."""
    letters = _layers(tree)
    if letters and letters <= {"k", "l"}:
        layer, widths = _Pair(f), "symbolic widths s_k, s_l (every k, every depth)"
    elif letters == {"n"} and f is not sigmoid:
        return False, "the output layer is proved at symbolic widths for the sigmoid only"
    elif letters == {"n"}:
        layer, widths = _layer(_Output), "symbolic width s_n (every output layer)"
    else:
        return False, "the layers are not only the letters k, l or only n"
    try:
        learner = _Reader(layer)
        for side in tree.args:
            learner.value(side)
        reader = _Reader(layer, learner.learned())
        sides = [reader.value(side) for side in tree.args]
        for left, right in zip(sides, sides[1:]):
            if not reader.equal(left, right):
                return False, "a step is not proved at symbolic widths"
    except MeaningError as exc:
        return False, f"not read at symbolic widths ({exc})"
    except Exception as exc:       # the prover met an expression it does not handle
        return False, f"not proved at symbolic widths ({type(exc).__name__})"
    return True, widths
