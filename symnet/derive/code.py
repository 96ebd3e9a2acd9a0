"""``symnet derive --code numpy``: a NumPy function of the one derivative derived, printed
from the derivation's own SymPy expressions by SymPy's NumPy printer.

Every quantity is held as an array over one grid of axes (i, h, j) = (0, 1, 2), of
length 1 along the axes it does not carry: x has shape (d, 1, 1), v (d, q, 1), w
(1, q, l), b_h (1, q, 1), g_j (1, 1, l).  Then a product of indexed symbols is the
product of the arrays (NumPy broadcasts it), ``w[h, j]`` prints as ``w``, and a sum over
an index is ``numpy.sum(..., axis=AXIS, keepdims=True)``: the printer needs no string
edits and prints each formula exactly as SymPy holds it.
"""
from __future__ import annotations

import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from symnet import __version__
from symnet.core.registry import ACTIVATIONS, EXP_LIMIT
from symnet.derive.latex import SIZES, latex
from symnet.derive.quantities import QUANTITIES, DeriveError
from symnet.numeric.backends import helper_code, helper_source, kernel_printer

AXES = "ihj"
#: the function's arguments, in this order
INPUTS = ("x", "v", "gamma", "w", "theta", "y")
#: the quantities it may compute, each after those it reads
ORDER = ("alpha", "b", "beta", "yhat", "g", "e")


class GridPrinter(kernel_printer(NumPyPrinter)):
    """NumPy code over the (i, h, j) grid (see the module's docstring); the registry's
    activations as calls of their helpers ``_<name>(Z)``."""

    def _module_format(self, fqn, register=True):
        # the module imports numpy as np (the registry's helpers are written so)
        if fqn.startswith("numpy."):
            return "np." + fqn[len("numpy."):]
        return super()._module_format(fqn, register)

    def _print_Indexed(self, expr):
        quantity = QUANTITIES[expr.base.name]
        written = "".join(str(index) for index in expr.indices)
        if written != quantity.indices:          # the grid holds w only as w[h, j]
            raise DeriveError(f"cannot print {expr} on the grid: {quantity.name} is "
                              f"indexed {quantity.indices}")
        return quantity.name

    def _print_Sum(self, expr):
        body = self._print(expr.function)
        for variable, low, high in reversed(expr.limits):
            letter = str(variable)
            if low != 1 or str(high) != SIZES.get(letter):
                raise DeriveError(f"cannot print the sum over {letter} from {low} to {high}")
            body = (f"{self._module_format('numpy.sum')}({body}, axis={AXES.index(letter)}, "
                    "keepdims=True)")
        return body


def grid_shape(letters: str) -> str:
    """The grid shape of a quantity with these index letters: ``(d, q, 1)`` for v_ih."""
    return "(" + ", ".join(SIZES[c] if c in letters else "1" for c in AXES) + ")"


def definitions(chain) -> dict:
    """{name: SymPy expression} of every quantity the closed form of ``chain`` reads, in
    the order of computation: the named derivatives as derived, the intermediates by
    their definitions (5.3), the bound index of each sum renamed to the book's letter
    (alpha_h = sum_i v_ih x_i)."""
    model = chain.model
    index = {"i": model.i, "h": model.h, "j": model.j}
    rename = {model._i: model.i, model._p: model.h, model._j: model.j}
    values = {q.name: value for q, value in chain.named}
    for name in ("alpha", "b", "beta", "yhat"):
        rule = model.rules[getattr(model, name)]
        letters = QUANTITIES[name].indices
        values[name] = rule(*(index[c] for c in letters), ranges=model.ranges).xreplace(rename)
    needed, todo = set(), [chain.result]
    while todo:
        for base in {i.base.name for i in todo.pop().atoms(sp.Indexed)}:
            if base in values and base not in needed:
                needed.add(base)
                todo.append(values[base])
    return {name: values[name] for name in ORDER if name in needed}


def numpy_code(derivation) -> str:
    """A standalone module: ``import numpy``, the activation's helper, and one function
    ``d<top>_d<wrt>(x, v, gamma, w, theta, y)`` returning the derivative as an array over
    the indices of the two quantities (``dE_dw``: shape (q, l), entry [h, j])."""
    chain, printer = derivation.chain, GridPrinter()
    letters = "".join(c for c in AXES if c in chain.top.indices + chain.wrt.indices)
    body = [f"    {name} = {printer.doprint(value)}"
            for name, value in definitions(chain).items()]
    result = printer.doprint(chain.result)
    rows = [row for row in ACTIVATIONS.values()
            if row.name == derivation.activation and row.name != "identity"]
    codes = [helper_code(row, "numpy") for row in rows]
    helpers = [helper_source(row.name, code) + "\n\n" for row, (code, _) in zip(rows, codes)]
    modules = sorted({m for _, mods in codes for m in mods} - {"numpy.np"})
    shape = _tuple(SIZES[c] for c in letters)
    back = (f"np.broadcast_to({result}, {grid_shape(letters)}).reshape{shape}" if letters
            else f"float(np.broadcast_to({result}, (1, 1, 1))[0, 0, 0])")
    lines = [f'r"""{_title(derivation)}: generated by symnet {__version__} (symnet derive '
             '--code numpy); do not edit."""',
             "import numpy as np", *(f"import {m}" for m in modules), "", f"_EXP_LIMIT = {EXP_LIMIT['float64']}", "", "",
             *helpers,
             f"def d{chain.top.name}_d{chain.wrt.name}(x, v, gamma, w, theta, y):",
             _docstring(derivation, letters),
             "    d, q, l = len(x), len(gamma), len(theta)",
             *[f"    {q} = np.asarray({q}, dtype=np.float64).reshape"
               f"{grid_shape(QUANTITIES[q].indices)}" for q in INPUTS],
             *body, f"    return {back}"]
    return "\n".join(lines) + "\n"


def _tuple(names) -> str:
    """A tuple as Python writes it: (q, l), (l,)."""
    names = list(names)
    return f"({names[0]},)" if len(names) == 1 else f"({', '.join(names)})"


def _title(derivation) -> str:
    return (rf"\frac{{\partial {derivation.top.latex}}}{{\partial {derivation.wrt.latex}}}"
            f" = {derivation.result}")


def _docstring(derivation, letters: str) -> str:
    """The formula (the closed form and the named derivatives it reads) and the shapes."""
    named = "".join(f"\n    where {q.latex} = {latex(value)}  {q.defined}"
                    for q, value in derivation.chain.named)
    shape = f" of shape {_tuple(SIZES[c] for c in letters)}, entry [{', '.join(letters)}]"
    returns = ("the array" + shape + " (indices from 0)") if letters else "the number"
    return (f'    r"""{_title(derivation)} for one example, f = {derivation.activation}, '
            f"{derivation.loss} loss{named}\n\n"
            "    x: (d,) inputs, v: (d, q), gamma: (q,), w: (q, l), theta: (l,), y: (l,) "
            f"targets.\n    Returns {returns}.\n"
            '    """')
