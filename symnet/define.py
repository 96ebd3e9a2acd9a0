"""Bring your own activation or loss, given only by its formula.

    symnet.activation("softsign", x / (1 + sp.Abs(x)))          # a SymPy expression in x
    symnet.activation("softsign", r"\\frac{x}{1+|x|}")             # or LaTeX, never eval'd
    symnet.loss("half_square", r"\\frac12 (a - y)^2")               # a term in a and y
    symnet.activation("gelu", r"x\\Phi(x)")      # \\Phi: the normal distribution function

The derivative is SymPy's derivative of the definition (no hand-written ``fdiff``); a
``derivative`` given by the user is compared with it and the registration refused when they
differ.  Registering proves, for the new row, the claims the catalog proves for the
shipped ones (``act-<name>-derivative``, ``bp-delta-recursion-<name>``,
``delta-output-<name>-<loss>``) and refuses the row if one fails.  The row then works in
``verify --layers``, ``codegen`` (every backend: the helpers are printed from the
definition by the backend's SymPy printer), ``train`` and the report's printer.
"""
from __future__ import annotations

import re

import sympy as sp

from symnet.core.registry import (ACTIVATIONS, LOSSES, Activation, Loss,
                                  activation_function,
                                  activation as lookup_activation, loss as lookup_loss)

X = sp.Symbol("x", real=True)
A, Y = sp.Symbol("a", real=True), sp.Symbol("y", real=True)
_NAME = re.compile(r"[a-z][a-z0-9_]{0,30}$")
_USER_ROWS: dict = {}         # name -> the table it was registered in (unregister's scope)


def _check_name(name: str, table: dict, what: str) -> None:
    if not _NAME.match(name):
        raise ValueError(f"{what} name {name!r}: lower-case letters, digits and _, starting "
                         "with a letter")
    if name in table:
        raise ValueError(f"{what} {name!r} exists already")


def _expression(definition, variables):
    if isinstance(definition, str):
        from symnet.checker.definition import read_definition
        return read_definition(definition, variables)
    expr = sp.sympify(definition)
    names = {s.name for s in expr.free_symbols}
    if not names <= set(variables):
        raise ValueError(f"the definition may use {', '.join(variables)} only, not "
                         f"{', '.join(sorted(names - set(variables)))}")
    expr = expr.xreplace({s: sp.Symbol(s.name, real=True) for s in expr.free_symbols})
    return _through_phi(expr)


def _through_phi(expr):
    """SymPy's erf and erfc written with the normal distribution function Phi, which every
    kernel backend that has an erf can print (NumPy's printer would call math.erf on an
    array): erf(u) = 2 Phi(sqrt(2) u) - 1, erfc(u) = 2 Phi(-sqrt(2) u)."""
    from symnet.checker.definition import Phi
    return expr.replace(sp.erf, lambda u: 2 * Phi(sp.sqrt(2) * u) - 1).replace(
        sp.erfc, lambda u: 2 * Phi(-sp.sqrt(2) * u))


def activation(name: str, definition, derivative=None, prove: bool = True) -> Activation:
    """Register f(x) = ``definition`` (a SymPy expression in x, or LaTeX in x) as the
    activation ``name``.  ``derivative``: optional, compared with SymPy's derivative of the
    definition (ValueError when they differ).  Proves the catalog's claims for it."""
    _check_name(name, ACTIVATIONS, "activation")
    body = _expression(definition, ("x",))
    if X not in body.free_symbols:
        raise ValueError(f"the definition of {name!r} does not depend on x")
    derived = sp.diff(body, X)                       # SymPy's derivative, the only one used
    if derivative is not None:
        given = _expression(derivative, ("x",))
        if sp.simplify(given - derived) != 0:
            raise ValueError(f"the derivative given for {name!r}, {given}, is not SymPy's "
                             f"derivative of its definition, {derived}: not registered")

    function = activation_function(name, body)
    row = Activation(name, function, lambda a, z: derived.xreplace({X: z}),
                     r"\operatorname{" + name.replace("_", r"\_") + "}",
                     convention="user-defined; derivative by SymPy from the definition")
    ACTIVATIONS[name] = row
    _USER_ROWS[name] = ACTIVATIONS
    if prove:
        _prove_or_unregister(name, ACTIVATIONS, _activation_claims(row))
    return row


def loss(name: str, term, derivative=None, prove: bool = True) -> Loss:
    """Register E_k = sum_j term(a_j, y_j) (``term`` a SymPy expression in a and y, or
    LaTeX) as the loss ``name``; its dE_k/da_j is SymPy's derivative of the term."""
    _check_name(name, LOSSES, "loss")
    body = _expression(term, ("a", "y"))
    if A not in body.free_symbols:
        raise ValueError(f"the loss {name!r} does not depend on the output a")
    derived = sp.diff(body, A)
    if derivative is not None:
        given = _expression(derivative, ("a", "y"))
        if sp.simplify(given - derived) != 0:
            raise ValueError(f"the derivative given for {name!r}, {given}, is not SymPy's "
                             f"derivative of its term, {derived}: not registered")
    row = Loss(name, lambda a, y: body.xreplace({A: a, Y: y}),
               lambda a, y: derived.xreplace({A: a, Y: y}))
    LOSSES[name] = row
    _USER_ROWS[name] = LOSSES
    if prove:
        _prove_or_unregister(name, LOSSES, _loss_claims(row))
    return row


def unregister(name: str) -> None:
    """Remove a user's activation or loss (a shipped row stays)."""
    table = _USER_ROWS.pop(name, None)
    if table is not None:
        table.pop(name, None)


def _activation_claims(row) -> list:
    from derivations.activations import activation_claims
    from derivations.multilayer_bp import recursion_claim
    return activation_claims(row, [lookup_loss("squared")]) + [recursion_claim(row)]


def _loss_claims(row) -> list:
    from derivations.activations import output_delta_claim
    return [output_delta_claim(lookup_activation(a), row) for a in ("sigmoid", "identity")]


def _prove_or_unregister(name, table, claims) -> None:
    from symnet.runner import run_claims
    rows = run_claims(claims)
    bad = [r for r in rows if r.status != "proved"]
    if bad:
        unregister(name)
        raise ValueError(f"{name!r} not registered: {bad[0].id} {bad[0].status} "
                         f"({bad[0].detail[:200]})")


def from_option(value: str, kind: str) -> str:
    """The name of ``--activation``/``--loss``: a registered name, or NAME=LATEX, which is
    registered (and proved) here."""
    if "=" not in value:
        return value
    name, _, formula = value.partition("=")
    name = name.strip()
    table = ACTIVATIONS if kind == "activation" else LOSSES
    if name in table:
        raise ValueError(f"--{kind} {name!r} exists already; give the new one another name")
    (activation if kind == "activation" else loss)(name, formula.strip())
    return name
