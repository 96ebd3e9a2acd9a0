"""The book's LaTeX for a derivation: :class:`BookPrinter` prints SymPy expressions of the
model in section 5.3's symbols (yhat[j] -> \\hat{y}_{j}, w[h, j] -> w_{hj}), and
:func:`chain_product` lays out a chain of factors, the summed ones in one bracket:

    dE_k/dv_ih = (sum_{j=1}^{l} dE_k/dyhat_j . dyhat_j/dbeta_j . dbeta_j/db_h) . db_h/dalpha_h . dalpha_h/dv_ih
"""
from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter

from symnet.derive.quantities import QUANTITIES, Quantity

#: the size each index runs to (alpha_h = sum_{i=1}^{d} ...)
SIZES = {"i": "d", "h": "q", "j": "l"}


class BookPrinter(LatexPrinter):
    """SymPy's LaTeX printer in the book's symbols; sums print their positive terms first
    (yhat_j - y_j, not -y_j + yhat_j) and products their plain factors before brackets
    (yhat_j (1 - yhat_j), not (1 - yhat_j) yhat_j)."""

    def __init__(self):
        super().__init__({"order": "none"})

    def _print_Indexed(self, expr):
        head = QUANTITIES[expr.base.name].head
        return f"{head}_{{{''.join(self._print(i) for i in expr.indices)}}}"

    def _print_Add(self, expr, order=None):
        terms = sorted(expr.args, key=lambda t: t.could_extract_minus_sign())
        return super()._print_Add(sp.Add(*terms, evaluate=False), order="none")

    def _print_Mul(self, expr):
        coefficient, rest = expr.as_coeff_Mul()
        factors = sorted(sp.Mul.make_args(rest), key=lambda f: 2 if isinstance(f, sp.Sum)
                         else int(f.is_Add))
        if len(factors) == 1 and coefficient in (1, -1):
            text = self._print(factors[0])
            if factors[0].is_Add and coefficient == -1:
                text = rf"\left({text}\right)"
            return text if coefficient == 1 else f"- {text}"
        ordered = ([] if coefficient == 1 else [coefficient]) + factors
        return super()._print_Mul(sp.Mul(*ordered, evaluate=False))


def latex(expr) -> str:
    """``expr`` in the book's symbols."""
    return BookPrinter().doprint(expr)


def partial(upper: Quantity, lower: Quantity) -> str:
    """\\frac{\\partial upper}{\\partial lower}."""
    return rf"\frac{{\partial {upper.latex}}}{{\partial {lower.latex}}}"


def factor(expr, first: bool) -> str:
    """A factor of a product written with \\cdot: a sum, or a negative factor after the
    first, in brackets."""
    text = latex(expr)
    if expr.is_Add or (not first and expr.could_extract_minus_sign()):
        return rf"\left({text}\right)"
    return text


def chain_product(links, summed: str, piece) -> str:
    """The factors ``piece(link)`` of ``links`` joined by \\cdot; those that carry the
    index ``summed`` inside one \\sum over it, in brackets."""
    inside = [link for link in links if summed and summed in link.upper.indices + link.lower.indices]
    outside = [link for link in links if link not in inside]
    parts = []
    if inside:
        body = r" \cdot ".join(piece(link, n == 0) for n, link in enumerate(inside))
        total = rf"\sum_{{{summed}=1}}^{{{SIZES[summed]}}} {body}"
        parts.append(rf"\left({total}\right)" if outside else total)
    parts += [piece(link, not parts and n == 0) for n, link in enumerate(outside)]
    return r" \cdot ".join(parts)
