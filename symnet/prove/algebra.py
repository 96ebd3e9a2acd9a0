"""Exact algebra for sums with symbolic bounds: the prover behind every symbolic claim.

SymPy differentiates ``Sum(w[p, j] * b[p], (p, 1, q))`` with respect to ``w[h, j]`` into
``Sum(KroneckerDelta(h, p) * b[p], (p, 1, q))``.  Knowing the ranges of the free indices
(``1 <= h <= q``) such a sum collapses to ``b[h]``; :func:`collapse_kronecker` does that
and nothing else.  :func:`normal_form` then brings sums to a canonical shape (bodies
expanded, constant factors pulled out, bound indices renamed by the height of their
subtree) so that equal expressions become structurally equal, and :func:`is_zero` decides
``expr == 0`` exactly.  No step evaluates anything numerically.
"""
from __future__ import annotations

from typing import Callable, Mapping, Optional

import sympy as sp
from sympy import Add, KroneckerDelta, Mul, Sum

Ranges = Mapping[sp.Symbol, tuple]


def _within(index, lo, hi, ranges: Ranges) -> Optional[bool]:
    """Is ``lo <= index <= hi`` for every value the index can take?  None: unknown."""
    if index in ranges:
        ilo, ihi = ranges[index]
    elif index.is_integer and not index.free_symbols - set(ranges):
        ilo = ihi = index
    else:
        return None
    above, below = sp.simplify(ilo - lo), sp.simplify(hi - ihi)
    if above.is_nonnegative and below.is_nonnegative:
        return True
    if index.is_Integer and ((index - lo).is_negative or (hi - index).is_negative):
        return False
    return None


def _collapse_term(term, var, lo, hi, ranges: Ranges):
    """Sum over var in [lo, hi] of one product term, using a Kronecker factor if any."""
    factors = Mul.make_args(term)
    for k, factor in enumerate(factors):
        if not isinstance(factor, KroneckerDelta) or var not in factor.free_symbols:
            continue
        other = factor.args[1] if factor.args[0] == var else factor.args[0]
        if var in other.free_symbols:
            continue
        inside = _within(other, lo, hi, ranges)
        if inside is True:
            rest = Mul(*(factors[:k] + factors[k + 1:]))
            return rest.xreplace({var: other})
        if inside is False:
            return sp.S.Zero
    if any(isinstance(a, KroneckerDelta) and var in a.free_symbols
           for a in sp.preorder_traversal(term)):
        expanded = sp.expand_mul(term)
        if isinstance(expanded, Add):
            return Add(*(_collapse_term(t, var, lo, hi, ranges) for t in expanded.args))
    if var not in term.free_symbols:
        return term * (hi - lo + 1)
    return Sum(term, (var, lo, hi))


def _walk_sums(expr, ranges: Ranges, on_sum: Callable, on_node: Callable = None):
    """Rebuild expr bottom-up; each single-limit Sum goes through on_sum(body, var, lo, hi,
    outer), every other node through on_node(node, ranges) when given."""
    if expr.is_Atom or not expr.args:
        return expr
    if isinstance(expr, Sum):
        # Sum(f, l_0, l_1, ...) is Sum(Sum(f, l_0), l_1, ...): innermost limit first
        scopes = [dict(ranges)]
        for var, lo, hi in reversed(expr.limits):
            scopes.append({**scopes[-1], var: (lo, hi)})
        body = _walk_sums(expr.function, scopes[-1], on_sum, on_node)
        for depth, (var, lo, hi) in enumerate(expr.limits):
            body = on_sum(body, var, lo, hi, scopes[-2 - depth])
        return body
    node = expr.func(*(_walk_sums(a, ranges, on_sum, on_node) for a in expr.args))
    return on_node(node, ranges) if on_node else node


def _span(index, ranges: Ranges):
    if index in ranges:
        return ranges[index]
    if index.is_Integer:
        return index, index
    return None


def _decide_delta(node, ranges: Ranges):
    """KroneckerDelta(a, b) -> 0 where the ranges of a and b are disjoint."""
    if not isinstance(node, KroneckerDelta):
        return node
    spans = [_span(a, ranges) for a in node.args]
    if None in spans:
        return node
    (alo, ahi), (blo, bhi) = spans
    if sp.sympify(blo - ahi).is_positive or sp.sympify(alo - bhi).is_positive:
        return sp.S.Zero
    return node


def collapse_kronecker(expr, ranges: Ranges):
    """Sum_{p=lo}^{hi} KroneckerDelta(p, a) F(p) -> F(a) where a in [lo, hi] is known
    from ``ranges`` (index symbol -> (lo, hi)); -> 0 where a is known to lie outside."""

    def on_sum(body, var, lo, hi, outer):
        return Add(*(_collapse_term(t, var, lo, hi, outer) for t in Add.make_args(body)))

    return _walk_sums(expr, ranges, on_sum, _decide_delta)


def peel_zero(expr):
    """Sum_{i=0}^{s} F(i) -> F(0) + Sum_{i=1}^{s} F(i): splits off the threshold row 0."""

    def on_sum(body, var, lo, hi, outer):
        if lo == 0:
            return body.xreplace({var: sp.S.Zero}) + Sum(body, (var, 1, hi))
        return Sum(body, (var, lo, hi))

    return _walk_sums(expr, {}, on_sum)


def _height(expr) -> int:
    return max((_height(s.function) + 1 for s in expr.atoms(Sum)), default=0) if \
        not isinstance(expr, Sum) else _height(expr.function) + 1


class BoundIndex(sp.Symbol):
    """The canonical name of a bound index, ``_n<height>``.

    A class of its own: SymPy compares the type of two symbols before their names, so a
    user's symbol called ``_n1`` is never equal to ``BoundIndex("_n1")`` and renaming a
    bound index cannot capture a free one (as ``Symbol("_n1")`` would)."""


def _canonical_index(height: int) -> sp.Symbol:
    return BoundIndex(f"_n{height}", integer=True)


def normal_form(expr):
    """Canonical sums: bodies expanded and split, factors free of the index pulled out,
    each bound index renamed ``_n<height>`` (a :class:`BoundIndex`, distinct from every
    user symbol) so equal sums are structurally equal."""

    def on_sum(body, var, lo, hi, outer):
        total = sp.S.Zero
        for term in Add.make_args(sp.expand(body)):
            inside, outside = [], []
            for factor in Mul.make_args(term):
                (inside if var in factor.free_symbols else outside).append(factor)
            if not inside:
                total += Mul(*outside) * (hi - lo + 1)
                continue
            kernel = Mul(*inside)
            fresh = _canonical_index(_height(kernel) + 1)
            total += Mul(*outside) * Sum(kernel.xreplace({var: fresh}), (fresh, lo, hi))
        return total

    return sp.expand(canonical_multisums(sp.expand(_walk_sums(sp.expand(expr), {}, on_sum))))


def _flatten(total):
    """Sum(F * Sum(G, inner...), outer) -> (F * G, [inner..., outer]) while no limit of an
    inner sum mentions an outer index (a rectangular range, so the order is free)."""
    if not isinstance(total, Sum):
        return None
    body, limits = total.function, list(total.limits)
    while True:
        factors = Mul.make_args(body)
        sums = [f for f in factors if isinstance(f, Sum)]
        if len(sums) != 1:
            return body, limits
        inner = sums[0]
        outer_vars = {v for v, _, _ in limits}
        if any((lo.free_symbols | hi.free_symbols) & outer_vars for _, lo, hi in inner.limits):
            return body, limits
        rest = Mul(*(f for f in factors if f is not inner))
        body, limits = rest * inner.function, list(inner.limits) + limits


def _multisum_canonical(total):
    """One representative of a nested rectangular sum under every order of its indices:
    flattened, then the renaming of the bound indices to ``_m1, _m2, ...`` whose printed
    form sorts first.  Finite sums over independent ranges commute, so this is exact."""
    flat = _flatten(total)
    if flat is None:
        return total
    body, limits = flat
    if len(limits) < 2 or len(limits) > 5:
        return total
    from itertools import permutations
    best = None
    level = _height(body) + 1          # above every sum inside: no name is reused inside
    for order in permutations(range(len(limits))):
        names = {limits[k][0]: BoundIndex(f"_m{level}_{n + 1}", integer=True)
                 for n, k in enumerate(order)}
        new_limits = sorted(((names[v], lo, hi) for v, lo, hi in limits), key=lambda t: t[0].name)
        candidate = Sum(sp.expand(_rename_free(body, names)), *new_limits)
        key = sp.default_sort_key(candidate)
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1]


def _rename_free(expr, mapping):
    """expr with the free occurrences of the mapping's symbols renamed; an index bound by
    a sum inside keeps its own meaning there (no capture, no renaming of bound names)."""
    if not mapping:
        return expr
    if isinstance(expr, Sum):
        bound = {v for v, _, _ in expr.limits}
        inner = {k: v for k, v in mapping.items() if k not in bound}
        limits = [(v, _rename_free(lo, inner), _rename_free(hi, inner)) for v, lo, hi in expr.limits]
        return Sum(_rename_free(expr.function, inner), *limits)
    if not expr.args:          # (Indexed is an Atom to SymPy, but has its indices as args)
        return mapping.get(expr, expr)
    return expr.func(*(_rename_free(a, mapping) for a in expr.args))


def canonical_multisums(expr):
    """Every nested rectangular sum of expr in its canonical index order."""
    return expr.replace(lambda e: isinstance(e, Sum), _multisum_canonical)


def _rational_residual(expr):
    """Last resort: treat every non-polynomial atom as a symbol and cancel."""
    atoms = sorted(expr.atoms(Sum, sp.Function, sp.Derivative, sp.Subs), key=sp.default_sort_key)
    names = {a: sp.Dummy() for a in atoms}
    return sp.cancel(sp.together(expr.xreplace(names)))


def is_zero(expr, ranges: Ranges = None) -> tuple[bool, sp.Expr]:
    """Decide expr == 0 exactly; returns (proved, residual).  ``ranges`` gives the range
    of each free index so that Kronecker deltas collapse."""
    expr = collapse_kronecker(sp.sympify(expr), ranges or {})
    residual = normal_form(expr)
    if residual == 0:
        return True, residual
    if _rational_residual(residual) == 0:
        return True, sp.S.Zero
    # simplify() knows identities between exp, log and friends, but is slow on sums:
    # only small residuals without sums get it
    if not residual.has(Sum) and sp.count_ops(residual) <= 200:
        if sp.simplify(residual.rewrite(sp.exp)) == 0:
            return True, sp.S.Zero
    return False, residual
