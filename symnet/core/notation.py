"""The notes' vocabulary, one table for the report's printer and for ``symnet check``.

- ``GREEK``: the Greek letters the notes use (LaTeX command names);
- ``ACCENTS``: the marks a symbol can carry (``\\hat y``, ``\\tilde{\\Theta}``, fonts);
- ``FUNCTION_LETTERS``: letters written as functions, f(x), \\sigma(x), \\varphi(x);
- ``FUNCTIONS``: the functions named by command, \\ln \\exp \\tanh \\sqrt |x| \\max, in SymPy
  (``SEVERAL_ARGUMENTS``: those of two or more arguments, \\max(0, z));
- ``PRINTED``: how the report prints each SymPy base name (LaTeX kernel, layer key; the
  key is looked up in the printer's ``layers`` setting, e.g. "kl" -> (23));
- ``SINGLE_LAYER``: the indexed symbols of section 5.3 and their number of indices;
- ``MATRIX_NAMES``: names that exist only in the multilayer (matrix) notation;
- ``NOTES_NETWORK``: the notes' example network, 3-4-4-3 (layer 1 is the input);
- ``SINGLE_LAYER_VIEW``: each symbol of section 5.3 in the matrix notation of the same
  network with n = 3 layers (d, q, l units): the two notations are two views of one model.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

import sympy as sp

GREEK = frozenset({"alpha", "beta", "gamma", "delta", "theta", "eta", "lambda", "rho",
                   "sigma", "varphi", "phi", "Theta", "Phi", "epsilon", "Omega"})

#: the marks that are only a symbol's font, the same in every reading: bold (and the
#: arrow) mark a vector, \mathbf{x} = \vec{x} = x as a column; upright is a name's font
#: (\mathrm{d}, \operatorname{E}).  Every other mark (hat, tilde, bar) changes meaning.
BOLD_MARKS = frozenset({"boldsymbol", "mathbf", "bm", "vec"})
UPRIGHT_MARKS = frozenset({"mathrm", "operatorname"})
FONT_MARKS = BOLD_MARKS | UPRIGHT_MARKS

#: marks written two ways with one meaning: \widehat{y} is \hat{y}
SAME_MARK = {"widehat": "hat", "widetilde": "tilde"}

ACCENTS = frozenset({"hat", "tilde", "widetilde", "widehat", "bar"}) | FONT_MARKS

FUNCTION_LETTERS = frozenset({"f", "sigma", "varphi", "phi"})

#: the functions a formula names by command (\ln x, \sqrt{x}, |x|, \max(0, z)) and their
#: SymPy meaning
FUNCTIONS = {"ln": sp.log, "log": sp.log, "exp": sp.exp, "tanh": sp.tanh, "sqrt": sp.sqrt,
             "abs": sp.Abs, "max": sp.Max, "min": sp.Min}

#: the functions of ``FUNCTIONS`` applied to a list of two or more arguments, \max(0, z),
#: \min\{a, b, c\}: SymPy's lattice operations (Max, Min)
SEVERAL_ARGUMENTS = frozenset(name for name, fn in FUNCTIONS.items() if isinstance(fn, type)
                              and issubclass(fn, sp.core.operations.LatticeOp))

PRINTED = {
    "yhat": (r"\hat{y}", None), "Theta_tilde": (r"\tilde{\Theta}", "kl"),
    "Theta_tilde12": (r"\tilde{\Theta}", "12"), "Theta_tilde23": (r"\tilde{\Theta}", "23"),
    "a_tilde": (r"\tilde{a}", "k"), "a_tilde1": (r"\tilde{a}", "1"),
    "a_tilde2": (r"\tilde{a}", "2"), "a2": ("a", "2"), "z2": ("z", "2"), "z3": ("z", "3"),
    "z_l": ("z", "l"), "delta_l": (r"\delta", "l"), "delta_k": (r"\delta", "k"),
    "a": ("a", "a"), "z": ("z", "z"),
}

SINGLE_LAYER = {"x": 1, "v": 2, "alpha": 1, "gamma": 1, "b": 1, "w": 2, "beta": 1,
                "theta": 1, "y": 1, "yhat": 1, "g": 1, "e": 1}

MATRIX_NAMES = frozenset({"Theta", "a", "z", "delta"})

NOTES_NETWORK = (3, 4, 4, 3)

#: matrix and vector names of the matrix views (``MatrixSymbol`` names) and their LaTeX
MATRICES = {
    "Theta": r"\Theta^{(kl)}", "Theta_tilde": r"\tilde{\Theta}^{(kl)}",
    "a_tilde": r"\tilde{a}^{(k)}", "a_k": "a^{(k)}", "z_k": "z^{(k)}",
    "delta_l": r"\delta^{(l)}", "a_n": "a^{(n)}", "z_n": "z^{(n)}", "y": "y",
}

class Entry(NamedTuple):
    """One signed entry of a matrix-notation quantity: ``sign`` base^{(layer)}_{indices}.
    An index is the position (0, 1) of the section-5.3 symbol's own index letter, or a
    fixed row written as a string ("0": the threshold row); base "yhat" is \\hat{y}."""

    sign: int
    base: str
    layer: Optional[str]
    indices: tuple


#: section 5.3's symbols as quantities of the matrix notation's 3-layer network (d, q, l
#: units): name -> (value, variable), each a sum of entries; the variable (None: the
#: value) is what one differentiates by.  beta_j = z^{(3)}_j + theta^{(23)}_{0j} (z
#: includes the threshold, beta does not); g_j = -dE/dbeta_j, e_h = -dE/dalpha_h.
SINGLE_LAYER_VIEW = {
    "x": ((Entry(1, "x", None, (0,)),), None),
    "v": ((Entry(1, "theta", "12", (0, 1)),), None),
    "gamma": ((Entry(1, "theta", "12", ("0", 0)),), None),
    "alpha": ((Entry(1, "z", "2", (0,)), Entry(1, "theta", "12", ("0", 0))),
              (Entry(1, "z", "2", (0,)),)),
    "b": ((Entry(1, "a", "2", (0,)),), None),
    "w": ((Entry(1, "theta", "23", (0, 1)),), None),
    "theta": ((Entry(1, "theta", "23", ("0", 0)),), None),
    "beta": ((Entry(1, "z", "3", (0,)), Entry(1, "theta", "23", ("0", 0))),
             (Entry(1, "z", "3", (0,)),)),
    "yhat": ((Entry(1, "yhat", None, (0,)),), (Entry(1, "a", "3", (0,)),)),
    "y": ((Entry(1, "y", None, (0,)),), None),
    "g": ((Entry(-1, "delta", "3", (0,)),), None),
    "e": ((Entry(-1, "delta", "2", (0,)),), None),
}
#: the sizes of section 5.3 as the widths of the 3-layer network
SINGLE_LAYER_SIZES = {"d": "s_1", "q": "s_2", "l": "s_3"}

#: what each written symbol of either vocabulary stands for: a free variable of the data
#: ("input", "target"), of the network ("parameter", "rate"), or a quantity the notation
#: defines ("derived": never taken as being defined by a document); keys are base names
#: as the checker reads them (\hat{y} is "yhat")
QUANTITY_KIND = {
    "x": "input", "y": "target", "v": "parameter", "gamma": "parameter",
    "w": "parameter", "theta": "parameter", "Theta": "parameter", "eta": "rate",
    "alpha": "derived", "b": "derived", "beta": "derived", "yhat": "derived",
    "g": "derived", "e": "derived", "E": "derived", "a": "derived", "z": "derived",
    "delta": "derived", "Delta": "derived",
}
#: letters that name indices and sizes (a condition such as k = l - 1 relates them)
INDEX_LETTERS = frozenset("ihjklnmdqpst")
