"""The table of wrong variants, and when two sides of the matrix notation are equal.

A refuted "=" is diagnosed in every algebra the same way: :func:`first_variant` tries rows
(message, left, right) in order, the first whose two sides are equal names the error; the
rows that change the right side alone (:func:`sign_rows`: the sign, a constant factor;
:func:`factor_rows`: a factor missing or extra) are shared, the others are the algebra's
(a missing sum or hat at symbolic sizes; a transposition, a missing tilde in the matrix
notation); what these leave unnamed the table of mutations of the written formula names
(:mod:`symnet.checker.variants`).

``same(a, b)``: equal in the canonical form of :class:`symnet.nested.NetworkModel` (a 1 x 1
matrix is its number; shapes must agree; every entry equal exactly, by
:func:`symnet.entrywise.exactly_equal`).  ``diagnose(a, b, notation)``: the matrix
notation's rows (sign, constant, transposition, a missing tilde or f' factor, a scalar set
equal to a vector, shapes).
"""
from __future__ import annotations

import sympy as sp

from symnet.prove.entrywise import exactly_equal

__all__ = ["same", "diagnose", "shape", "first_variant", "sign_rows", "factor_rows",
           "NO_VARIANT"]

NO_VARIANT = "no simple variant explains the difference"


def first_variant(eq, rows) -> list:
    """[the message of the first row (message, left, right) with eq(left, right)], or []."""
    return next(([message] for message, left, right in rows if eq(left, right)), [])


def sign_rows(lhs, rhs, constants=()):
    """lhs = -rhs (the sign), then lhs = c rhs for each constant c (computed lazily)."""
    yield "the sign is flipped", lhs, -rhs
    for c in constants:
        yield f"a constant factor is off: the left side is {c} times the right", lhs, c * rhs


def factor_rows(name, missing, extra, flipped=None):
    """A factor ``name`` missing from the right side, extra on it, or missing with the
    sign flipped: each a pair of sides, as the algebra multiplies."""
    yield (f"a factor is missing: {name}",) + missing
    yield (f"a factor is extra: {name}",) + extra
    if flipped is not None:
        yield (f"a factor is missing ({name}) and the sign is flipped",) + flipped


def shape(m):
    return f"{m.shape[0]} x {m.shape[1]}"


def scalar_if_1x1(value):
    """A 1 x 1 matrix (a row times a column) is the number it holds."""
    value = value.value if hasattr(value, 'squared') else value
    if isinstance(value, sp.MatrixBase) and value.shape == (1, 1):
        return value[0, 0]
    return value


def same(a, b) -> bool:
    """Equal in the canonical form: the same shape and every entry equal exactly."""
    a, b = scalar_if_1x1(a), scalar_if_1x1(b)
    if isinstance(a, sp.MatrixBase) != isinstance(b, sp.MatrixBase):
        return False
    if isinstance(a, sp.MatrixBase):
        if a.shape != b.shape:
            return False
        return all(exactly_equal(x, y) for x, y in zip(a, b))
    return exactly_equal(a, b)


def missing_factor(a, b, notation) -> list:
    """Is a = b ⊙ f'(z^(k)) (or b = a ⊙ f'(z^(k))) for some layer k?"""
    def rows():
        for k in range(2, notation.n + 1):
            if a.shape == (notation.sizes[k - 1], 1):
                fp = _fprime_vector(notation, k)
                yield from factor_rows(_fprime_text(notation, k),
                                       (a, b.multiply_elementwise(fp)),
                                       (b, a.multiply_elementwise(fp)))
    return first_variant(same, rows())


def diagnose(a, b, notation=None) -> list:
    a, b = scalar_if_1x1(a), scalar_if_1x1(b)
    if isinstance(a, sp.MatrixBase) != isinstance(b, sp.MatrixBase):
        scalar, vector, side = (a, b, "left") if isinstance(b, sp.MatrixBase) else (b, a, "right")
        for n, entry in enumerate(vector):
            if same(scalar, entry):
                return [f"a scalar is set equal to a {shape(vector)} quantity: the {side} side "
                        f"is only its entry {n + 1} (a row or an index is missing)"]
        return [f"a scalar is set equal to a {shape(vector)} quantity"]
    if isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase):
        if a.shape != b.shape:
            if a.shape == b.shape[::-1] and same(a, b.T):
                return ["a matrix is transposed: the right side is the transpose of the left"]
            for big, small, side in ((b, a, "left"), (a, b, "right")):
                if big.shape == (small.shape[0] + 1, small.shape[1]) and same(small, big[1:, :]):
                    return [f"a tilde is missing on the {side} side: it is {shape(small)}, the "
                            f"other side {shape(big)} with the threshold row 0 "
                            "(\\tilde{\\Theta}^{(kl)}, \\tilde{a}^{(k)})"]
            return [f"the shapes do not match: left {shape(a)}, right {shape(b)}"]
        found = first_variant(same, sign_rows(a, b, _ratio(list(a), list(b))))
        if found:
            return found
        if a.shape[0] == a.shape[1] and same(a, b.T):
            return ["a matrix is transposed (a square Theta: Theta where Theta^T is meant, "
                    "or the other way round)"]
        if notation is not None and a.shape[1] == 1:
            found = missing_factor(a, b, notation)
            if found:
                return found
    elif not isinstance(a, sp.MatrixBase) and not isinstance(b, sp.MatrixBase):
        return first_variant(same, sign_rows(a, b, _ratio([a], [b]))) or [NO_VARIANT]
    return [NO_VARIANT]


def _ratio(left: list, right: list):
    """The constant ratio of :func:`constant_ratio`, as the rows' constants (none or one),
    found only when the sign did not explain the difference."""
    c = constant_ratio(left, right)
    if c is not None:
        yield c


def constant_ratio(left: list, right: list):
    """The number c with left = c * right entry by entry (c != 0, 1, -1), if there is one:
    proposed by the first entries whose ratio cancels to a number, then proved for all."""
    for x, y in zip(left, right):
        if y == 0 or x == 0:
            continue
        ratio = sp.cancel(sp.together(x / y))
        if ratio.is_number and ratio not in (0, 1, -1):
            if all(exactly_equal(u, ratio * v) for u, v in zip(left, right)):
                return ratio
        return None
    return None


def _fprime_text(notation, k) -> str:
    """f'(z^(k)) = a^(k) ⊙ (1 - a^(k)): the registry row's closed form, entrywise."""
    a, z = sp.Symbol(f"a^({k})"), sp.Symbol(f"z^({k})")
    closed = sp.sstr(notation.model.act.fprime_closed(a, z), order="rev-lex")
    return f"f'(z^({k})) = " + closed.replace("*", " ⊙ ")


def _fprime_vector(notation, k):
    """f'(z^(k)) as a column, each entry the registry row's closed form in a^(k)_i and
    z^(k)_i (a^(k)_i (1 - a^(k)_i) for the sigmoid)."""
    net, fprime = notation.net, notation.model.act.fprime_closed
    return sp.Matrix([fprime(net.a[k][i], net.z[k][i])
                      for i in range(1, notation.sizes[k - 1] + 1)])
