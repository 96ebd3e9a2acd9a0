"""A wide generated kernel (784-128-10) proved on a seeded sample of its gradient entries.

The composed method (:mod:`symnet.prove.compose`) runs a module's structure on symbols
and compares every gradient entry; at 784 wide that is 101,770 entries a batch size.  Here
the run is the same, at the module's own sizes: its own ``loss_and_grad`` executed
through the shims on SymPy object arrays (every weight, threshold, input and target a
symbol), ``_f`` an undefined f and ``_fprime``, ``_output_delta``, ``_loss_terms``
opaque (read only where their output argument is f of their input); the module's helpers
are proved per activation and loss as there (:func:`~symnet.prove.compose.prove_helpers`).
What is sampled is the comparison: for each parameter array, its corners (the threshold
row 0 and the last row, first and last column, the first weight row's ends) and a seeded
random choice of its other entries (:func:`picks`), the same entries at every batch size.
Each chosen entry is compared with ``sp.diff`` of the nested loss E = (1/m) sum l(f(z), y)
(:func:`~symnet.prove.compose.nested_loss`, undefined f and l) in that one weight or
threshold, as a polynomial in the atoms, exactly; the loss value is compared in full.

So a sampled proof proves the entries it names and no others: a fault confined to an
entry outside the sample passes (a template fault, a sign or a transpose in a line of
the layer loop, changes whole rows, columns or arrays, and a sample holding the corners
meets it).  The report says how many entries of how many were compared, and the seed.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import sympy as sp

from symnet.prove.compose import (HELPER_METHOD, SOFTMAX_METHOD, Atoms, ComposedProof,
                                  _HELPERS, _constants, _digest, _floats_exact, _meaning,
                                  _opaque, _parsed, fprime_is_one, helper_key,
                                  loss_difference, nested_loss, prove_helpers, unit_slope)
from symnet.prove.shims import load

#: entries compared per parameter array and batch size (corners included), by default
DEFAULT_SAMPLE = 100

#: the corners :func:`picks` always takes (the fewest entries a sample of an array has)
CORNERS = 6

SAMPLED_METHOD = (
    "sampled entries, not every entry: the structure run at the module's own sizes, its "
    "own loss_and_grad on SymPy object arrays with _f = an undefined f, _fprime, "
    "_output_delta, _loss_terms opaque functions of the arguments the module passes (read "
    "as f'(z), l_a(f(z), y) f'(z), l(f(z), y) only where their output argument is f(z) of "
    "their input z); of each parameter array its corners (threshold row 0, first weight "
    "row, last row; first and last column) and a seeded random choice of the rest, the "
    "same entries at each batch size, each compared with sp.diff of the nested loss "
    "(1/m) sum l(f(z), y) in that one weight or threshold (its subtrees free of it held "
    "as symbols while differentiating, then put back), exactly as a polynomial in "
    "weights, inputs, targets and the atoms f, f', l, l_a; the loss value in full; the "
    "entries not sampled are not compared")


@dataclass
class SampledProof(ComposedProof):
    """A composed proof whose structure was compared on ``entries`` sampled gradient
    entries of ``total`` (all batch sizes together), drawn with ``seed``."""

    total: int = 0
    seed: int = 0
    sample: int = DEFAULT_SAMPLE


def weights_of(sizes) -> int:
    """The weights and thresholds of a network of layer widths ``sizes``."""
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


def picks(shape, count: int, rng) -> list:
    """``count`` (row, column) entries of an array of ``shape`` (all of them when it has no
    more): its corners and the first weight row's ends first, then a random choice of the
    others by ``rng``, in row-major order."""
    rows, columns = shape
    if rows * columns <= count:
        return [(r, c) for r in range(rows) for c in range(columns)]
    chosen = {(r, c): None for r in (0, min(1, rows - 1), rows - 1)
              for c in (0, columns - 1)}
    others = [i for i in rng.permutation(rows * columns) if divmod(int(i), columns)
              not in chosen]
    for i in others[:max(0, count - len(chosen))]:
        chosen[divmod(int(i), columns)] = None
    return sorted(chosen)


class Held:
    """``sp.diff`` of one large expression in one symbol at a time, its subtrees free of
    that symbol held as fresh symbols during the differentiation and put back after it:
    d/dw G(w, c) = (dG/dw)(w, c) for c not depending on w, which is what ``sp.diff`` does
    with such a subtree anyway (its derivative is 0), without walking it.  Whether a
    subtree is free of w is read from its free symbols (each distinct subtree's once)."""

    def __init__(self, expr):
        self.expr = expr
        self.symbols: dict = {}         # a subtree -> its free symbols
        self.held: dict = {}            # a subtree -> the symbol holding it

    def _free(self, node) -> frozenset:
        found = self.symbols.get(node)
        if found is None:
            found = (frozenset((node,)) if node.is_Symbol else
                     frozenset().union(*(self._free(a) for a in node.args)))
            self.symbols[node] = found
        return found

    def _frozen(self, node, w, memo):
        """``node`` with every maximal subtree free of ``w`` replaced by its symbol."""
        if w not in self._free(node):
            if not node.args:
                return node
            if node not in self.held:
                self.held[node] = sp.Dummy(f"held{len(self.held)}", real=True)
            return self.held[node]
        if node not in memo:
            memo[node] = node if node == w else node.func(
                *(self._frozen(a, w, memo) for a in node.args))
        return memo[node]

    def diff(self, w):
        """``sp.diff(expr, w)``, the held subtrees put back (``xreplace`` replaces every
        occurrence of a held symbol, and only those are new)."""
        derivative = sp.diff(self._frozen(self.expr, w, {}), w)
        return derivative.xreplace({h: node for node, h in self.held.items()})


def _brief(atoms, expr) -> str:
    """``expr`` as a polynomial in the atoms (atom__N: one application of f, f', l or l_a
    to a 784-wide sum), 120 characters at most: printing the expression itself would
    spell out every sum."""
    return f"{str(atoms.se.expand(atoms(expr)))[:120]} (atom__N: an application of f, f', " \
           "l or l_a)"


def prove_sampled_structure(text: str, batches=(1, 2), fprime_one: bool = False,
                            softmax: bool = False, count: int = DEFAULT_SAMPLE,
                            seed: int = 0) -> tuple:
    """(entries compared, entries in all, first): the structural run of
    :func:`~symnet.prove.compose.prove_structure` at the module's sizes, each batch size,
    comparing the sampled entries of :func:`picks` only; ``first`` names the first that
    differs (None: all the compared ones are equal)."""
    from symnet.prove.kernel import _MEMO, _symbols
    _MEMO.clear()
    module, _ = load(text)
    _opaque(module, softmax)
    sizes = tuple(module.SIZES)
    shapes = [(a + 1, b) for a, b in zip(sizes[:-1], sizes[1:])]
    rng = np.random.default_rng(seed)
    chosen = [picks(shape, count, rng) for shape in shapes]
    compared, total = 0, weights_of(sizes) * len(batches)
    for m in batches:
        params, X, Y = _symbols(sizes, m)
        value, grads = module.loss_and_grad(params, X, Y)
        E = nested_loss(params, X, Y, softmax)
        held = Held(E)
        targets = ({Y[n, -1]: 1 - sp.Add(*Y[n, :-1]) for n in range(m)} if softmax else {})
        atoms = Atoms(_meaning(fprime_one), targets)
        equal = atoms.rational_zero if softmax else atoms.zero
        for k, entries in enumerate(chosen):
            got = np.asarray(grads[k], dtype=object)
            if got.shape != shapes[k]:
                return compared, total, (f"grads[{k}] at batch size {m}: shape "
                                         f"{got.shape}, the weights' is {shapes[k]}")
            for r, c in entries:
                compared += 1
                want = held.diff(params[k][r, c])
                want = unit_slope(want) if fprime_one else want
                entry = _floats_exact(got[r, c])
                if not equal((entry, want)):
                    return compared, total, (f"grads[{k}][{r}, {c}] at batch size {m}: the "
                                             f"module computes {_brief(atoms, entry)}")
        first = loss_difference(value, E, atoms, m, fprime_one, softmax,
                                lambda v: _brief(atoms, v))
        if first is not None:
            return compared, total, first
    return compared, total, None


def prove_sampled(text: str, batches=(1, 2), count: int = DEFAULT_SAMPLE,
                  seed: int = 0) -> SampledProof:
    """The module's helpers proved (shared as :func:`~symnet.prove.compose.prove_composed`
    shares them) and its structure on a seeded sample of ``count`` entries per parameter
    array and batch size, at least its :data:`CORNERS` (:func:`prove_sampled_structure`)."""
    from symnet.core.registry import activation as row, loss as loss_row
    start = time.perf_counter()
    count = max(count, CORNERS)
    tree = _parsed(text)
    known = _constants(tree)
    sizes, activation, loss = tuple(known["SIZES"]), known["ACTIVATION"], known["LOSS"]
    softmax = loss_row(loss).softmax
    proof = SampledProof(sizes, activation, loss, tuple(batches), known["backend"],
                         method=f"{known['backend']} module: {SAMPLED_METHOD}; "
                                f"{HELPER_METHOD}" + (SOFTMAX_METHOD if softmax else ""),
                         seed=seed, sample=count)
    helpers = (_digest(helper_key(tree)), row(activation), loss_row(loss))
    if helpers not in _HELPERS:
        _HELPERS[helpers] = prove_helpers(text)
    proof.helpers, first = _HELPERS[helpers]
    proof.entries, proof.total, structural = prove_sampled_structure(
        text, batches, fprime_is_one(activation), softmax, count, seed)
    proof.first = first or structural
    proof.seconds = time.perf_counter() - start
    return proof
