"""LaTeX in the notes' notation, printed from the verified SymPy expressions.

:class:`NotesLatexPrinter` is SymPy's ``LatexPrinter`` with the notes' names:
``yhat[j]`` as \\hat{y}_j^k, ``Theta_tilde[i, j]`` as \\tilde{\\Theta}^{(kl)}_{ij},
``a_tilde[i]`` as \\tilde{a}^{(k)}_i, ``delta_l[j]`` as \\delta^{(l)}_j, the layer of
``a``/``z`` taken from the ``layers`` setting, the sigmoid as f where the notes write f,
sums with their bounds.  :func:`matrix_form` prints a statement with one free unit index
as the notes' vector formula (\\odot for the Hadamard product, \\Theta^{(kl)}\\delta^{(l)}
for a matrix-vector sum, \\tilde{a}^{(k)}\\delta^{(l)\\top} for an outer product).
"""
from __future__ import annotations

import re

import sympy as sp
from sympy import Indexed
from sympy.printing.latex import LatexPrinter

from sympy.matrices.expressions.applyfunc import ElementwiseApplyFunction

from symnet.core.notation import GREEK, MATRICES, PRINTED
from symnet.core.registry import ActivationBase, row_of

def _name(text: str) -> str:
    """'alpha' -> \\alpha, "j''" -> j'', 'v'' -> v'."""
    core = text.rstrip("'")
    primes = text[len(core):]
    return (f"\\{core}" if core in GREEK else core) + primes


class _Shown(sp.Symbol):
    """A placeholder that prints as the LaTeX it is named with (a vector inside an
    entrywise function)."""

    def _latex(self, printer):
        return self.name


class NotesLatexPrinter(LatexPrinter):
    """Settings (besides LatexPrinter's): ``layers`` maps the layer keys of a/z to their
    superscripts (e.g. {"a": "k", "z": "k"} in a layer pair, {"a": "n", "z": "n"} at the
    output); ``sample`` adds the example superscript k to y and yhat; ``sigmoid`` is the
    symbol printed for the sigmoid (f in the notes' single-layer section).

    Every registry activation prints as its row's ``head`` (``_print_ActivationBase``), so a
    new row, a user's too, needs no printer code."""

    _default_settings = dict(LatexPrinter._default_settings, layers=None, sample=False,
                             sigmoid=None)

    def _print_Symbol(self, expr, style="plain"):
        return _name(expr.name) if expr.name.rstrip("'") in GREEK else super()._print_Symbol(expr)

    def _print_Indexed(self, expr):
        base = str(expr.base.label)
        kernel, layer = PRINTED.get(base, (_name(base), None))
        if layer is not None:
            layer = (self._settings["layers"] or {}).get(layer, layer)
        sub = "".join(self._print(i) for i in expr.indices)
        if len(expr.indices) > 1 and any(len(self._print(i)) > 1 for i in expr.indices):
            sub = ",".join(self._print(i) for i in expr.indices)
        sup = f"^{{({layer})}}" if layer else ""
        if self._settings["sample"] and base in ("y", "yhat"):
            sup = "^{k}"
        return f"{kernel}{sup}_{{{sub}}}"

    def _print_Mul(self, expr):
        """A product the notes write in their own order (claims.written) keeps it."""
        if sp.Mul(*expr.args) == expr:
            return super()._print_Mul(expr)
        args, head = list(expr.args), ""
        if args and args[0] == -1:
            args, head = args[1:], "- "
        parts = []
        for factor in args:
            text = self._print(factor)
            parts.append(r"\left(%s\right)" % text if isinstance(factor, sp.Add) else text)
        return head + " ".join(parts)

    def _print_Add(self, expr, order=None):
        """A sum the notes write in their own order (claims.in_order) keeps it."""
        if sp.Add(*expr.args) == expr:
            return super()._print_Add(expr, order)
        text = self._print(expr.args[0])
        for term in expr.args[1:]:
            printed = self._print(term)
            text += (" - " + printed[1:].lstrip()) if printed.startswith("-") else " + " + printed
        return text

    def _print_Pow(self, expr):
        if isinstance(expr.base, (Indexed, _Shown)) and expr.exp.is_Integer and expr.exp > 0:
            return "{%s}^{%s}" % (self._print(expr.base), self._print(expr.exp))
        return super()._print_Pow(expr)

    def _unary(self, head, expr, exp=None):
        power = f"^{{{exp}}}" if exp else ""
        return rf"{head}{power}\left({self._print(expr.args[0])}\right)"

    def _print(self, expr, **kwargs):
        # a registry row named like a SymPy function (tanh) must not reach _print_tanh
        if isinstance(expr, ActivationBase):
            return self._print_ActivationBase(expr, **kwargs)
        return super()._print(expr, **kwargs)

    def _print_ActivationBase(self, expr, exp=None):
        """Any registry activation, a user's too (SymPy tries ``_print_<class>`` along the
        MRO): its row's LaTeX head; the sigmoid as the ``sigmoid`` setting when set."""
        return self._unary(self.head(expr), expr, exp)

    def head(self, expr):
        """The LaTeX name of an activation applied to one argument (f, \\sigma, \\tanh,
        a registry row's head), or None for any other expression."""
        if isinstance(expr, ActivationBase):
            row = row_of(expr)
            return self._settings["sigmoid"] if row.name == "sigmoid" and \
                self._settings["sigmoid"] else row.head
        return "f" if type(expr).__name__ == "f" else None

    def _print_f(self, expr, exp=None):
        return rf"f{'^{' + exp + '}' if exp else ''}\left({self._print(expr.args[0])}\right)"

    def _print_fprime(self, expr, exp=None):
        return rf"f'\left({self._print(expr.args[0])}\right)" + (f"^{{{exp}}}" if exp else "")

    def _print_Phi(self, expr, exp=None):
        return rf"\Phi_{{{self._print(expr.args[0])}}}\left({self._print(expr.args[1])}\right)"

    def _print_PhiPrime(self, expr, exp=None):
        return (rf"\Phi'_{{{self._print(expr.args[0])}}}\left({self._print(expr.args[1])}\right)"
                + (f"^{{{exp}}}" if exp else ""))

    def _print_Ek(self, expr, exp=None):
        return rf"E_{{{self._print(expr.args[0])}}}\left({self._print(expr.args[1])}\right)"

    def _print_dEk(self, expr, exp=None):
        return (rf"\frac{{\partial E_{{{self._print(expr.args[0])}}}}}"
                rf"{{\partial {self._print(expr.args[1])}}}")

    def _print_Heaviside(self, expr, exp=None):
        return rf"H\left({self._print(expr.args[0])}\right)"

    # -- matrix expressions (a claim's matrix view) --------------------------------------
    def _print_MatrixSymbol(self, expr):
        return MATRICES.get(expr.name) or super()._print_MatrixSymbol(expr)

    def _print_Transpose(self, expr):
        return r"{%s}^{\top}" % self._print(expr.arg)

    def _matrix_factor(self, expr):
        text = self._print(expr)
        if isinstance(expr, (sp.MatAdd, sp.MatMul, sp.HadamardProduct)) or (
                isinstance(expr, ElementwiseApplyFunction) and expr.function.expr.is_Add):
            return r"\left(%s\right)" % text
        return text

    def _print_MatMul(self, expr):
        coeff, matrices = expr.as_coeff_matrices()
        head = {1: "", -1: "-"}.get(coeff)
        if head is None:
            head = self._print(coeff) + " "
        parts = [self._print(m) if not isinstance(m, (sp.MatAdd, sp.HadamardProduct))
                 else self._matrix_factor(m) for m in matrices]
        return head + " ".join(parts)

    def _print_HadamardProduct(self, expr):
        return r" \odot ".join(self._matrix_factor(arg) for arg in expr.args)

    def _print_ElementwiseApplyFunction(self, expr):
        """fn applied entrywise: fn's body with its variable replaced by the vector, every
        product in it an entrywise product (\\odot)."""
        fn = expr.function
        settings = {k: v for k, v in self._settings.items() if k in self._default_settings}
        inner = _EntrywisePrinter(settings)
        return inner.doprint(fn.expr.xreplace({fn.variables[0]: _Shown(self._print(expr.expr))}))

    def _print_Derivative(self, expr):
        # d f / d x with the function written first, as the notes do
        (var, count), = expr.variable_count
        return (rf"\frac{{\partial {self._print(expr.expr)}}}"
                rf"{{\partial {self._print(var)}}}")


class _EntrywisePrinter(NotesLatexPrinter):
    """Inside an entrywise function: a product of two or more vectors is \\odot, a
    number times a vector stays a plain product."""

    def _print_Mul(self, expr):
        factors = expr.as_ordered_factors()
        vectors = [f for f in factors if f.atoms(_Shown)]
        if len(vectors) < 2:
            return super()._print_Mul(expr)
        coeff = sp.Mul(*[f for f in factors if not f.atoms(_Shown)])
        head = {1: "", -1: "-"}.get(coeff)
        if head is None:
            head = self._print(coeff) + " "
        return head + r" \odot ".join(
            r"\left(%s\right)" % self._print(v) if v.is_Add else self._print(v) for v in vectors)




def latex(expr, **settings) -> str:
    """The notes' LaTeX of a SymPy expression (tuples joined by commas)."""
    printer = NotesLatexPrinter(settings)
    if isinstance(expr, tuple):
        return r",\quad ".join(printer.doprint(e) for e in expr)
    return printer.doprint(expr)


# ---------------------------------------------------------------------------------------
# how each notation prints (a claim's Derivation names its notation)

NOTATIONS = {
    "": {},
    "single": dict(sample=True, sigmoid="f"),       # section 5.3: y^k_j, f for the sigmoid
    "pair": dict(layers={"a": "k", "z": "k"}),      # layers k and l = k + 1
    "output": dict(layers={"a": "n", "z": "n"}),    # the output layer n
}


# ---------------------------------------------------------------------------------------
# line breaking: a long chain member is printed as several lines, never scaled down

_COMMAND = r"\\([A-Za-z]+|.)"
_NARROW = {",": 0.2, ";": 0.3, ":": 0.25, "!": -0.2, " ": 0.3, "quad": 1.8, "qquad": 3.6,
           "left": 0.0, "right": 0.0, "cdot": 1.2, "odot": 1.8, "top": 0.8, "prime": 0.3}
_OPERATORS = {"sum": 2.0, "partial": 1.0, "ln": 1.6, "log": 2.0, "exp": 2.2, "tanh": 3.2,
              "neq": 2.0, "leq": 2.0, "geq": 2.0}


def _group(tex: str, start: int) -> tuple[str, int]:
    """The braced group (or single token) that starts at ``start``: (content, end)."""
    while start < len(tex) and tex[start] == " ":
        start += 1
    if start >= len(tex):
        return "", start
    if tex[start] != "{":
        if tex[start] == "\\":
            end = start + 1
            while end < len(tex) and tex[end].isalpha():
                end += 1
            return tex[start:max(end, start + 2)], max(end, start + 2)
        return tex[start], start + 1
    depth = 0
    for end in range(start, len(tex)):
        depth += {"{": 1, "}": -1}.get(tex[end], 0)
        if depth == 0:
            return tex[start + 1:end], end + 1
    return tex[start + 1:], len(tex)


def visible_width(tex: str) -> float:
    """About how wide ``tex`` is set in display style, in units of one italic letter:
    a fraction is as wide as its wider part, scripts count 0.7, \\left and \\right
    nothing, a relation or binary operator with its spacing 1.8, a sum's limits below
    it.  The line breaker's measure (the PDF log and the browser test check the result)."""
    width, pos = 0.0, 0
    while pos < len(tex):
        ch = tex[pos]
        if ch == "\\":
            name = re.match(_COMMAND, tex[pos:]).group(1)
            pos += 1 + len(name)
            if name in ("frac", "dfrac", "tfrac"):
                top, pos = _group(tex, pos)
                bottom, pos = _group(tex, pos)
                width += max(visible_width(top), visible_width(bottom)) + 0.4
            elif name in ("hat", "tilde", "bar", "mathrm", "text", "operatorname", "mathbf"):
                body, pos = _group(tex, pos)
                width += visible_width(body)
            elif name == "sum":
                limits = 0.0
                while pos < len(tex) and tex[pos] in "_^":
                    body, pos = _group(tex, pos + 1)
                    limits = max(limits, 0.7 * visible_width(body))
                width += max(_OPERATORS["sum"], limits) + 0.3
            else:
                width += _NARROW.get(name, _OPERATORS.get(name, 1.0))
        elif ch in "_^":
            body, pos = _group(tex, pos + 1)
            width += 0.7 * visible_width(body)
        elif ch in "{} ":
            pos += 1
        else:
            width += 1.8 if ch in "+-=<>" else (0.5 if ch in "()[],.'|" else 1.0)
            pos += 1
    return width


class LinePrinter(NotesLatexPrinter):
    """The notes' printer with a width budget: :meth:`lines` prints an expression as
    lines of pieces (a sum broken between its terms, a product between its factors, a
    sum over an index between its limits and its summand), each line at most ``width``
    units of :func:`visible_width` wide where the structure allows; ``named`` is a list of
    rewritings, each folding one more named intermediate (alpha_h, b_h, beta_j, yhat_j)
    back in, tried in turn while the expression needs more than ``max_lines`` lines.
    The PDF joins a line's pieces with spaces; the HTML page sets each piece as one
    ``<math>`` so that a narrow screen wraps between them."""

    _default_settings = dict(NotesLatexPrinter._default_settings, width=None, named=(),
                             max_lines=2)

    def lines(self, expr) -> list[list[str]]:
        width = self._settings["width"]
        if width is None:
            return [[self.doprint(expr)]]
        if isinstance(expr, tuple):           # the cases of one statement: one after another
            found = [self.lines(part) for part in expr]
            for part in found[:-1]:
                part[-1][-1] += ","
            return [line for part in found for line in part]
        return self._packed(self._pieces(self.folded(expr)), width)

    def folded(self, expr):
        """``expr`` with as few of the ``named`` intermediates folded in as it takes to
        print it on at most ``max_lines`` lines (all of them, if it never fits)."""
        if isinstance(expr, tuple):
            return tuple(self.folded(part) for part in expr)
        width, best, fewest = self._settings["width"], expr, None
        for fold in (None, *self._settings["named"]):
            if fold is not None:
                expr = fold(expr)
            count = len(self._packed(self._pieces(expr), width))
            if fewest is None or count < fewest:
                best, fewest = expr, count
            if fewest <= self._settings["max_lines"]:
                break
        return best

    def _fits(self, tex: str) -> bool:
        return visible_width(tex) <= self._settings["width"]

    def _bracketed(self, expr, sign: str = "", exp: str = "") -> list[str]:
        """``(expr)`` (to the power ``exp``), broken inside when too wide: fixed-size
        brackets \\Bigl( ... \\Bigr), which may stand on different lines."""
        power = f"^{{{exp}}}" if exp else ""
        whole = sign + r"\left(" + self._print(expr) + r"\right)" + power
        if self._fits(whole):
            return [whole]
        inner = self._pieces(expr)
        if len(inner) == 1:
            return [whole]
        return [sign + r"\Bigl(" + inner[0], *inner[1:-1], inner[-1] + r"\Bigr)" + power]

    def _pieces(self, expr, sign: str = "") -> list[str]:
        """The pieces an expression may be broken between (the first carries ``sign``)."""
        whole = self._print(expr)
        if self._fits(sign + whole):
            return [sign + whole]
        if isinstance(expr, sp.Add):
            pieces = []
            terms = list(expr.args) if sp.Add(*expr.args) != expr else expr.as_ordered_terms()
            for n, term in enumerate(terms):
                negative = term.could_extract_minus_sign()
                head = "- " if negative else ("+ " if n else "")
                pieces += self._pieces(-term if negative else term, (sign if not n else "") + head)
            return pieces
        if isinstance(expr, sp.Mul):
            return self._factor_pieces(expr, sign)
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp > 1 and \
                isinstance(expr.base, (sp.Add, sp.Sum, sp.Mul)):
            return self._bracketed(expr.base, sign, self._print(expr.exp))
        head = self.head(expr)
        if head is not None:               # f(argument): broken inside the argument
            inner = self._pieces(expr.args[0])
            if len(inner) > 1:
                return [sign + head + r"\Bigl(" + inner[0], *inner[1:-1], inner[-1] + r"\Bigr)"]
        if isinstance(expr, sp.Sum):
            head = " ".join(r"\sum_{%s=%s}^{%s}" % (self._print(var), self._print(lo),
                                                    self._print(hi))
                            for var, lo, hi in reversed(expr.limits))
            body = expr.function
            inner = self._pieces(body) if isinstance(body, sp.Mul) else self._bracketed(body)
            first = sign + head + " " + inner[0]
            return [first, *inner[1:]] if self._fits(first) else [sign + head, *inner]
        return [sign + whole]

    def _factor_pieces(self, expr, sign: str) -> list[str]:
        """A product broken between its factors (in the order written, when it has one);
        a sum over an index as the last factor also between its own factors."""
        written = sp.Mul(*expr.args) != expr
        factors = list(expr.args) if written else list(expr.as_ordered_factors())
        if factors[0] == -1:
            factors, sign = factors[1:], sign + "- "
        elif factors[0].is_Rational and factors[0] < 0:
            factors[0], sign = -factors[0], sign + "- "
        pieces = []
        for n, factor in enumerate(factors):
            head = sign if n == 0 else ""
            if isinstance(factor, sp.Add):
                pieces += self._bracketed(factor, head)
            elif isinstance(factor, sp.Sum) and n == len(factors) - 1:
                pieces += self._pieces(factor, head)
            else:
                pieces += self._pieces(factor, head)
        return pieces

    def _packed(self, pieces: list[str], width: float) -> list[list[str]]:
        lines, current = [], []
        for piece in pieces:
            if current and visible_width(" ".join(current + [piece])) > width:
                lines.append(current)
                current = []
            current.append(piece)
        lines.append(current)
        return lines


def lines(expr, **settings) -> list[list[str]]:
    """:meth:`LinePrinter.lines` of ``expr`` with these settings (width, named, ...)."""
    return LinePrinter(settings).lines(expr)


def folded(expr, **settings):
    """:meth:`LinePrinter.folded`: ``expr`` through as many named intermediates as its
    lines need."""
    return LinePrinter(settings).folded(expr)
