"""When two sides of the matrix notation are equal, and what their shapes say when not.

A refuted "=" is named in every algebra the same way, by the one table of wrong variants
(:mod:`symnet.checker.variants`: mutations of the formula as written).  Here:
``same(a, b)``: equal in the canonical form of :class:`symnet.nested.NetworkModel` (a 1 x 1
matrix is its number; shapes must agree; every entry equal exactly, by
:func:`symnet.entrywise.exactly_equal`); ``shape_facts(a, b)``: a scalar set equal to a
vector, shapes that differ (facts, not variants); ``exact_ratio(a, b)``: the number c with
a = c b, which the table's constant row tries first.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from symnet.prove.entrywise import exactly_equal

__all__ = ["same", "shape", "shape_facts", "exact_ratio", "constant_ratio", "NO_VARIANT"]

NO_VARIANT = "no simple variant explains the difference"


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


def shape_facts(a, b) -> list:
    """What the shapes of two sides that differ say: a scalar set equal to a vector (and
    the entry it equals, if one does), shapes that do not match; else no variant (the
    table of wrong variants, :mod:`symnet.checker.variants`, names the error)."""
    a, b = scalar_if_1x1(a), scalar_if_1x1(b)
    if isinstance(a, sp.MatrixBase) != isinstance(b, sp.MatrixBase):
        scalar, vector, side = (a, b, "left") if isinstance(b, sp.MatrixBase) else (b, a, "right")
        for n, entry in enumerate(vector):
            if same(scalar, entry):
                return [f"a scalar is set equal to a {shape(vector)} quantity: the {side} side "
                        f"is only its entry {n + 1} (a row or an index is missing)"]
        return [f"a scalar is set equal to a {shape(vector)} quantity"]
    if isinstance(a, sp.MatrixBase) and a.shape != b.shape:
        return [f"the shapes do not match: left {shape(a)}, right {shape(b)}"]
    return [NO_VARIANT]


def exact_ratio(a, b):
    """:func:`constant_ratio` of two sides of one shape (numbers or matrices), or None."""
    a, b = scalar_if_1x1(a), scalar_if_1x1(b)
    if isinstance(a, sp.MatrixBase) != isinstance(b, sp.MatrixBase) or \
            isinstance(a, sp.MatrixBase) and a.shape != b.shape:
        return None
    return constant_ratio(*((list(v) if isinstance(v, sp.MatrixBase) else [v]) for v in (a, b)))


def constant_ratio(left: list, right: list):
    """The number c with left = c * right entry by entry (c != 0, 1, -1), if there is one:
    proposed by the first entries whose ratio cancels to a number, then proved for all."""
    for x, y in zip(left, right):
        if y == 0 or x == 0:
            continue
        if _varies(x / y):
            return None                 # not constant at two points: no cancelling to try
        ratio = sp.cancel(sp.together(x / y))
        if ratio.is_number and ratio not in (0, 1, -1):
            if all(exactly_equal(u, ratio * v) for u, v in zip(left, right)):
                return ratio
        return None
    return None


def _varies(ratio) -> bool:
    """Whether ``ratio`` takes two values at two points of its symbols (entries and sizes
    all set to numbers): then it is no constant, and cancelling it (which may take minutes
    on a deep network's derivatives) is not tried.  False where it cannot be evaluated."""
    atoms = sorted(ratio.atoms(sp.Indexed) | ratio.free_symbols, key=sp.default_sort_key)
    if not atoms or any(_opaque(call) for call in ratio.atoms(sp.Function, sp.Derivative)):
        return False                    # an arbitrary function's value is no number
    values = []
    for point in (0.3, 0.7):
        at = {a: sp.Float(point + k / (7 * len(atoms) + 1)) for k, a in enumerate(atoms)}
        try:
            values.append(complex(sp.N(ratio.xreplace(at))))
        except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
            return False
    return abs(values[0] - values[1]) > 1e-6 * (1 + abs(values[0]))


def _opaque(call) -> bool:
    """Whether ``call`` has no numeric value at numbers: a derivative, an undefined f, or a
    function class of the package's own (f', an arbitrary loss L) rather than SymPy's."""
    return isinstance(call, (sp.Derivative, sp.Subs, AppliedUndef)) or \
        not type(call).__module__.startswith("sympy.")
