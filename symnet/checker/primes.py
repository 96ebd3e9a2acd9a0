"""Formulas in primes of plain letters: ``(\\frac{u}{v})' = \\frac{u'v - uv'}{v^2}``,
``u' = 0``, ``v' = -e^{-x}``.

A letter given a value above in the section (``v = 1 + e^{-x}``) is that value and its
prime the derivative in the value's one variable; every other letter that carries a prime
of its own is an arbitrary differentiable function of that variable.  "holds" is SymPy
simplifying the difference to 0 with the functions left arbitrary; "refuted" needs sides
that differ exactly at a point, with every letter given its value above (a formula that
fails for some u only is not checked: the prose may say which u is meant); anything else
is not checked.
"""
from __future__ import annotations

from typing import Optional

import sympy as sp

from symnet.checker.result import MeaningError
from symnet.checker.statements import _children, exactly_equal
from symnet.checker.tree import Node
from symnet.core.notation import FUNCTION_LETTERS, FUNCTIONS


def _letters(node: Node, primed: set, plain: set) -> bool:
    """Collect the letters (``primed``: those with a prime of their own); False when the
    formula has anything but letters, numbers, arithmetic, e^.., \\ln.. and primes."""
    if node.kind == "script" and node.op == "'":
        inner = node.args[0]
        if inner.kind == "name":
            primed.add(inner.args[0])
        return inner.kind in ("name", "group") and _letters(inner, primed, plain)
    if node.kind == "name":
        plain.add(node.args[0])
        return len(node.args[0]) == 1 and node.args[0] not in FUNCTION_LETTERS
    if node.kind == "mul" and node.op not in ("cdot", ""):
        return False
    if node.kind == "script" and node.op != "^":
        return False
    if node.kind == "func" and node.op not in FUNCTIONS:
        return False
    if node.kind in ("chain", "num", "group", "add", "neg", "mul", "frac", "script", "func"):
        return all(_letters(c, primed, plain) for c in _children(node))
    return False


def is_prime_formula(tree: Node) -> bool:
    """A formula of plain letters in which some letter or parenthesis carries a prime."""
    primed, plain = set(), set()
    has_prime = _has_prime(tree)
    return has_prime and _letters(tree, primed, plain)


def _has_prime(node: Node) -> bool:
    return (node.kind == "script" and node.op == "'") or any(_has_prime(c) for c in _children(node))


def _value(node: Node, env: dict, t):
    k = node.kind
    if k == "script" and node.op == "'":
        inner = _value(node.args[0], env, t)
        if inner.has(sp.Max, sp.Min):        # SymPy's Heaviside(0) = 1/2 is one convention
            raise MeaningError("the derivative of \\max or \\min is not read (at the kink it "
                               "is a convention)", node.pos)
        return sp.diff(inner, t)
    if k == "num":
        return sp.Rational(node.args[0])
    if k == "name":
        return env[node.args[0]]
    if k == "group":
        return _value(node.args[0], env, t)
    if k == "add":
        return sp.Add(*(_value(a, env, t) for a in node.args))
    if k == "neg":
        return -_value(node.args[0], env, t)
    if k == "mul":
        return sp.Mul(*(_value(a, env, t) for a in node.args))
    if k == "frac":
        return _value(node.args[0], env, t) / _value(node.args[1], env, t)
    if k == "script":
        base, power = node.args
        if base.kind == "name" and base.args[0] == "e" and "e" not in env:
            return sp.exp(_value(power, env, t))
        return _value(base, env, t) ** _value(power, env, t)
    return FUNCTIONS[node.op](*(_value(a, env, t) for a in node.args))


def _environment(tree: Node, values: dict):
    """(letter -> SymPy value, the variable, the arbitrary functions); MeaningError when
    a letter's meaning is not settled."""
    primed, plain = set(), set()
    _letters(tree, primed, plain)
    used = {n: values[n] for n in plain if n in values}
    unread = [n for n, v in used.items() if v is None]
    if unread:
        raise MeaningError(f"{unread[0]} was given a value above by a formula that is not read", 0)
    variables = set().union(*(v.free_symbols for v in used.values())) if used else set()
    if len(variables) > 1:
        raise MeaningError("the values above depend on more than one variable", 0)
    t = variables.pop() if variables else sp.Symbol("t", real=True)
    env = {n: v for n, v in used.items()}
    functions = {}
    for n in sorted(plain - set(env) - {t.name, "e"}):
        if n not in primed:
            raise MeaningError(f"what {n} is (a constant or a function of {t}) is not said", 0)
        functions[n] = env[n] = sp.Function(n)(t)
    env.setdefault(t.name, t)
    env.setdefault("e", sp.E)
    return env, t, functions


def check_primes(tree: Node, values: dict) -> tuple[Optional[bool], str]:
    """(True: holds, False: refuted, None: not decided; the detail)."""
    env, t, functions = _environment(tree, values)
    sides = [_value(side, env, t) for side in tree.args]
    said = ", ".join(f"{n} a function of {t}" for n in functions) or f"the values above, in {t}"
    for n, (a, b) in enumerate(zip(sides, sides[1:]), 1):
        if sp.simplify(a - b) == 0:
            continue
        witness = {f: (f.args[0] + k + 2) ** (k + 2) + k for k, f in enumerate(functions.values())}
        point = {t: sp.Rational(1, 2)}
        left, right = [sp.sympify(x).subs(witness).doit().subs(point) for x in (a, b)]
        if exactly_equal(left, right) is not False:
            return None, f"step {n}: the sides could not be shown equal or different"
        at = ", ".join([f"{f} = {w}" for f, w in witness.items()] + [f"{t} = 1/2"])
        differ = f"step {n}: the sides differ (at {at}: left {left}, right {right})"
        if functions:       # u, v may be particular functions the prose names: no refutation
            return None, (f"{differ}: it does not hold for every {', '.join(functions)}, and "
                          "the document does not say what they are")
        return False, differ
    return True, said
