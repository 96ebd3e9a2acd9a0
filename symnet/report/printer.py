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
        row = row_of(expr)
        head = self._settings["sigmoid"] if row.name == "sigmoid" and self._settings["sigmoid"] \
            else row.head
        return self._unary(head, expr, exp)

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
