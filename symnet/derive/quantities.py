"""The quantities of section 5.3's network that ``symnet derive`` knows, as one table, and
how a quantity typed on the command line (``w_hj``, ``w_{hj}``, ``\\theta_j``, ``ŷ_j``) is
read into one of them.

    alpha_h = sum_i v_ih x_i        b_h    = f(alpha_h - gamma_h)
    beta_j  = sum_h w_hj b_h        yhat_j = f(beta_j - theta_j)          (5.3)
    E_k     = sum_j loss(yhat_j, y_j), 1/2 sum_j (yhat_j - y_j)^2 in the book   (5.4)
    g_j     = -dE_k/dbeta_j  (5.10)         e_h = -dE_k/dalpha_h  (5.15)

Each row names the quantities it is computed from (``inputs``), so the network is a tree
with E_k at the top and the parameters and data at the leaves; the chain rule runs down
its one path from the quantity differentiated to the one it is differentiated by.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


class DeriveError(ValueError):
    """What ``symnet derive`` cannot do, with the reason (one line; exit 2)."""


@dataclass(frozen=True)
class Quantity:
    """One symbol of the book: ``name`` is its IndexedBase in the SymPy model
    (:class:`symnet.prove.single_layer.SingleLayer`), ``head`` its LaTeX head,
    ``indices`` the book's index letters (E_k's sample mark k is not an index), ``kind``
    one of error / intermediate / parameter / data / named, ``inputs`` what it is
    computed from, ``defined`` the book equation that defines it, and ``named`` the
    named derivative of E_k at it (beta_j: g_j = -dE_k/dbeta_j)."""

    name: str
    head: str
    indices: str
    kind: str
    inputs: tuple = ()
    defined: str = ""
    named: str = ""

    @property
    def latex(self) -> str:
        """The symbol with its indices, as the book writes it: ``w_{hj}``, ``E_k``."""
        if self.name == "E":
            return "E_k"
        return f"{self.head}_{{{self.indices}}}"


QUANTITIES = {q.name: q for q in (
    Quantity("E", "E", "", "error", ("yhat",), "(5.4)"),
    Quantity("yhat", r"\hat{y}", "j", "intermediate", ("beta", "theta"), "(5.3)"),
    Quantity("beta", r"\beta", "j", "intermediate", ("w", "b"), "(5.3)", named="g"),
    Quantity("b", "b", "h", "intermediate", ("alpha", "gamma"), "(5.3)"),
    Quantity("alpha", r"\alpha", "h", "intermediate", ("v", "x"), "(5.3)", named="e"),
    Quantity("w", "w", "hj", "parameter"),
    Quantity("theta", r"\theta", "j", "parameter"),
    Quantity("v", "v", "ih", "parameter"),
    Quantity("gamma", r"\gamma", "h", "parameter"),
    Quantity("x", "x", "i", "data"),
    Quantity("y", "y", "j", "data"),
    Quantity("g", "g", "j", "named", defined="(5.10)"),
    Quantity("e", "e", "h", "named", defined="(5.15)"),
)}

#: how a head may be typed (after the spaces and backslashes are dropped)
_HEADS = {"E": "E", "yhat": "yhat", "beta": "beta", "b": "b", "alpha": "alpha",
          "w": "w", "theta": "theta", "v": "v", "gamma": "gamma", "x": "x", "y": "y",
          "g": "g", "e": "e"}
_GREEK = {"ŷ": "yhat", "β": "beta", "α": "alpha", "θ": "theta", "γ": "gamma"}
_HAT_Y = re.compile(r"\\(?:wide)?hat\s*(?:\{\s*y\s*\}|y)|\\hat\{\s*y\s*\}")
_SYMBOL = re.compile(r"^(?P<head>[A-Za-z]+)(?:_(?:\{(?P<braced>[^{}]*)\}|(?P<bare>[A-Za-z0-9]+)))?$")
#: the matrix notation's symbols: a layer superscript ^{(kl)}, Theta, delta, z, a
_MATRIX = re.compile(r"\^\s*\{?\s*\(|\\(?:tilde|widetilde)|Theta|\\delta|\\mathbf")

KNOWN = r"E_k, \hat{y}_j, \beta_j, b_h, \alpha_h, w_{hj}, \theta_j, v_{ih}, \gamma_h"


def read_quantity(text: str, option: str = "--wrt") -> Quantity:
    """The quantity ``text`` names (``w_hj``, ``w_{hj}``, ``\\theta_j``, ``\\hat{y}_j``,
    ``ŷ_j``, ``E_k``); DeriveError saying why otherwise (an unknown symbol, the wrong
    index letters, the matrix notation)."""
    raw = text.strip().strip("$").strip()
    if _MATRIX.search(raw):
        raise DeriveError(matrix_refusal(raw, option))
    plain = _HAT_Y.sub("yhat", raw)
    for letter, name in _GREEK.items():
        plain = plain.replace(letter, name)
    plain = re.sub(r"\s+", "", plain.replace("\\", ""))
    m = _SYMBOL.match(plain)
    if not m or m.group("head") not in _HEADS:
        raise DeriveError(f"{option} '{text}': unknown symbol; derive knows section 5.3's "
                          f"{KNOWN}")
    quantity = QUANTITIES[_HEADS[m.group("head")]]
    written = (m.group("braced") if m.group("braced") is not None else m.group("bare")) or ""
    written = written.replace(",", "")
    if quantity.name == "E":
        if written not in ("", "k"):
            raise DeriveError(f"{option} '{text}': the error of one example is E_k")
        return quantity
    if written != quantity.indices:
        raise DeriveError(f"{option} '{text}': {quantity.head} takes the book's index "
                          f"letters {', '.join(quantity.indices)} ({quantity.latex}), not "
                          f"{written or 'none'!r}")
    return quantity


def matrix_refusal(text: str, option: str) -> str:
    """Why a symbol of the matrix notation is refused where section 5.3's are read."""
    return (f"{option} '{text}': in the matrix notation derive differentiates the error E by "
            r"a weight matrix: --wrt '\tilde{\Theta}^{(kl)}' (or \Theta^{(23)} with "
            "--layers)")


def path(top: Quantity, bottom: Quantity) -> list:
    """The quantities from ``top`` down to ``bottom`` (both included) through the inputs;
    DeriveError when ``top`` is not computed from ``bottom``."""
    if top == bottom:
        raise DeriveError(f"{top.latex} differentiated by itself is 1: name another quantity")
    if top.kind not in ("error", "intermediate"):
        raise DeriveError(f"{top.latex} is {_what(top)}: derive differentiates E_k or an "
                          "intermediate (\\hat{y}_j, \\beta_j, b_h, \\alpha_h)")
    if bottom.kind in ("data", "named", "error"):
        raise DeriveError(f"--wrt {bottom.latex} is {_what(bottom)}: differentiate by a "
                          f"parameter (w_hj, theta_j, v_ih, gamma_h) or an intermediate "
                          f"(yhat_j, beta_j, b_h, alpha_h)")
    found = _down(top, bottom)
    if found is None:
        raise DeriveError(f"{top.latex} does not depend on {bottom.latex}: {top.latex} is "
                          f"not computed from it (5.3)")
    return found


def _down(top: Quantity, bottom: Quantity):
    if top == bottom:
        return [top]
    for name in top.inputs:
        rest = _down(QUANTITIES[name], bottom)
        if rest is not None:
            return [top] + rest
    return None


def _what(q: Quantity) -> str:
    return {"data": "data (an input or target of the example), not a quantity the network "
                    "computes or learns",
            "named": f"the book's name for a derivative {q.defined}, not a quantity of the "
                     "network",
            "error": "the error E_k, which nothing in the network is computed from",
            "parameter": "a parameter (a leaf of the network)"}.get(q.kind, q.kind)
