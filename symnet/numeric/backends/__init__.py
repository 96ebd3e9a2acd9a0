"""The kernel backends, one folder each (``numpy``, ``jax``, ``torch``, ``numba``).

A folder holds everything about one target and nothing about any activation:

- ``__init__.py``: its :class:`Backend` row: the SymPy printer with the folder's hooks
  (how a maximum, a two-branch ``Piecewise``, the step function are written), imports,
  how an input becomes an array of the dtype, the body of ``init_params``, the softmax
  output layer, and optional fast ``OVERRIDES`` of a registry helper;
- ``macros.j2``: the template macros the shared ``templates/kernel.py.j2`` calls where
  targets differ (in-place updates, compiled entry points, precision), or ``kernel.py.j2``
  when the backend lays out the whole module itself (numba's loops).

Every activation helper ``_<name>(Z)`` is printed from the registry row's ``stable`` form
(its definition where that is already stable) by the backend's printer: a fifth backend
adds a folder and touches no activation row.  An override is allowed only where the
printed form is not the fast or stable one; tests/test_backends.py proves each equal to
the printed helper.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

import sympy as sp

from symnet.core.registry import ACTIVATIONS, Activation, ActivationBase, row_of

FOLDER = Path(__file__).parent
NAMES = ("numpy", "jax", "torch", "numba")

#: the argument of every helper
Z = sp.Symbol("Z", real=True)


@dataclass(frozen=True)
class Backend:
    """What differs between targets (one row per folder)."""

    name: str
    template: str                      # relative to the template path
    macros: str                        # the folder's macros for the shared template, or ""
    printer: callable                  # () -> printer class (imported when used)
    imports: str
    asarray: str                       # "{x}" -> array of DTYPE
    concat: str
    dtype: str                         # "{dtype}" -> the backend's dtype object
    init: str                          # body of init_params(seed); "{limit}": half-width r
    step: str                          # body of _step(Z) = Heaviside(Z, 0)
    softmax: str = ""                  # _softmax(Z), _softmax_loss(Z, Y) for array backends
    overrides: dict = field(default_factory=dict)     # activation name -> helper body
    elementwise: bool = False          # helpers take one number (the module loops)
    cannot: tuple = ()                 # (SymPy function names, why) it cannot compute


class KernelPrinting:
    """Hooks every backend's printer shares: a registry function is a call of the
    module's helper ``_<name>(Z)``, Heaviside(z, 0) a call of ``_step``; a module the
    kernel imports under a short name (``ALIASES``: numpy as np) is printed by it."""

    ALIASES: dict = {}

    def _module_format(self, fqn, register=True):
        for full, alias in self.ALIASES.items():
            if fqn.startswith(full + "."):
                return alias + fqn[len(full):]
        return super()._module_format(fqn, register)

    def _print_Heaviside(self, e):
        # Heaviside(z, 0): the ReLU'(0) = 0 convention of the registry
        if len(e.args) > 1 and e.args[1] != 0:
            raise ValueError("only Heaviside(z, 0) is supported")
        return f"_step({self._print(e.args[0])})"

    def _print(self, expr, **kwargs):
        # a registry row named like a SymPy function (tanh) must not reach _print_tanh
        if isinstance(expr, ActivationBase):
            return self._print_ActivationBase(expr)
        return super()._print(expr, **kwargs)

    def _print_ActivationBase(self, e):
        """Any registry activation (a user's too): a call of the helper ``_<name>``."""
        return f"_{row_of(e).name}({self._print(e.args[0])})"

    def _two(self, e):
        """The two arguments of a Max (a, b), a number last (SymPy sorts numbers first:
        max(Z, 0)), or branches (condition, a, b) of a Piecewise whose last branch is the
        default; ValueError for any other."""
        if isinstance(e, sp.Piecewise):
            if len(e.args) != 2 or e.args[1].cond != sp.true:
                raise ValueError(f"a Piecewise with {len(e.args)} branches has no helper form")
            (a, cond), (b, _) = e.args
            return tuple(self._print(x) for x in (cond, a, b))
        if len(e.args) != 2:
            raise ValueError(f"a Max of {len(e.args)} arguments has no helper form")
        args = e.args[::-1] if e.args[0].is_number else e.args
        return tuple(self._print(x) for x in args)


def kernel_printer(base: type, hooks: type = None) -> type:
    """A SymPy code printer class with the registry's helpers and a folder's hooks."""
    bases = (hooks, KernelPrinting, base) if hooks else (KernelPrinting, base)
    return type(f"{base.__name__}Kernel", bases, {})


def _load() -> dict:
    return {name: importlib.import_module(f"{__name__}.{name}").BACKEND for name in NAMES}


BACKEND: dict = _load()


def check_printable(backend: str, *exprs) -> None:
    """ValueError when a form calls a function the backend cannot compute."""
    names, why = BACKEND[backend].cannot or ((), "")
    for expr in exprs:
        found = sorted({type(e).__name__ for e in _elementary(expr).atoms(sp.Function)}
                       & set(names))
        if found:
            raise ValueError(f"the {backend} backend cannot compute {', '.join(found)}: {why}")


def printer_for(backend: str):
    """An instance of the backend's kernel printer (full module names)."""
    return BACKEND[backend].printer()({"fully_qualified_modules": True})


def _elementary(expr):
    """Registry functions inside a form written out by their definitions."""
    return expr.replace(lambda e: isinstance(e, ActivationBase),
                        lambda e: type(e).definition(e.args[0]))


def printed_helper(row: Activation, backend: str) -> tuple[str, tuple]:
    """(body, modules): the helper ``_<row>(Z)`` printed from the row's stable form by the
    backend's printer, and the modules the text names in full."""
    printer = printer_for(backend)
    form = row.stable(Z) if row.stable else row.function.definition(Z)
    check_printable(backend, form)
    text = printer.doprint(_elementary(form))
    return text, tuple(sorted(printer.module_imports))


def helper_code(row: Activation, backend: str) -> tuple[str, tuple]:
    """(body, modules) of the helper ``_<row>(Z)``: the folder's override when it has one
    (fast or stable where the printed form is not), else the printed form."""
    spec = BACKEND[backend]
    if row.name in spec.overrides:
        code, modules = spec.overrides[row.name]
        return code, tuple(modules)
    return printed_helper(row, backend)


def helper_source(name: str, code: str) -> str:
    """The text of the helper ``_<name>(Z)`` from its body (an expression, or lines ending
    in ``return``)."""
    body = code if "return" in code else f"return {code}"
    lines = "\n".join("    " + line if line else "" for line in body.splitlines())
    return f"def _{name}(Z):\n{lines}"


def helper_function(row: Activation, backend: str = "numpy", dtype: str = "float64"):
    """The helper ``_<row>(Z)`` compiled in process (numpy: a function of an array)."""
    from symnet.core.registry import EXP_LIMIT
    code, modules = helper_code(row, backend)
    head = "\n".join([BACKEND[backend].imports, *(f"import {m}" for m in modules)])
    space: dict = {"_EXP_LIMIT": EXP_LIMIT[dtype]}
    exec(compile(head + "\n\n" + helper_source(row.name, code), f"<helper {row.name}>",
                 "exec"), space)
    return space[f"_{row.name}"]


def helpers(forms, backend: str) -> tuple[str, list, set]:
    """(text, names, modules): the helper functions a module needs, one per registry
    function its forms call, ``_step`` for Heaviside, and the modules they name in full."""
    used = set()
    for expr in (forms.f, forms.fprime, forms.output_delta, forms.loss_term):
        check_printable(backend, expr)
        used |= {type(e).__name__ for e in expr.atoms(sp.Function)}
    parts, names, modules = [], [], set()
    for row in ACTIVATIONS.values():
        if row.function.__name__ in used:
            code, mods = helper_code(row, backend)
            parts.append(helper_source(row.name, code))
            names.append(f"_{row.name}")
            modules |= set(mods)
    if "Heaviside" in used:
        parts.append(helper_source("step", BACKEND[backend].step))
        names.append("_step")
    return "\n\n\n".join(parts), names, modules
