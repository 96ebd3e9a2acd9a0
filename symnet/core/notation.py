"""The notes' vocabulary, one table for the report's printer and for ``symnet check``.

- ``GREEK``: the Greek letters the notes use (LaTeX command names);
- ``ACCENTS``: the marks a symbol can carry (``\\hat y``, ``\\tilde{\\Theta}``, fonts);
- ``FUNCTION_LETTERS``: letters written as functions, f(x), \\sigma(x), \\varphi(x);
- ``FUNCTIONS``: the functions named by command, \\ln \\exp \\tanh \\sqrt |x|, in SymPy;
- ``PRINTED``: how the report prints each SymPy base name (LaTeX kernel, layer key; the
  key is looked up in the printer's ``layers`` setting, e.g. "kl" -> (23));
- ``SINGLE_LAYER``: the indexed symbols of section 5.3 and their number of indices;
- ``MATRIX_NAMES``: names that exist only in the multilayer (matrix) notation;
- ``NOTES_NETWORK``: the notes' example network, 3-4-4-3 (layer 1 is the input).
"""
from __future__ import annotations

import sympy as sp

GREEK = frozenset({"alpha", "beta", "gamma", "delta", "theta", "eta", "lambda", "rho",
                   "sigma", "varphi", "phi", "Theta", "Phi", "epsilon"})

ACCENTS = frozenset({"hat", "tilde", "widetilde", "widehat", "bar", "boldsymbol", "mathbf",
                     "bm", "mathrm", "operatorname", "vec"})

FUNCTION_LETTERS = frozenset({"f", "sigma", "varphi", "phi"})

#: the functions a formula names by command (\ln x, \sqrt{x}, |x|) and their SymPy meaning
FUNCTIONS = {"ln": sp.log, "log": sp.log, "exp": sp.exp, "tanh": sp.tanh, "sqrt": sp.sqrt,
             "abs": sp.Abs}

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
