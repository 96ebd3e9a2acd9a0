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
from sympy import Indexed, Sum
from sympy.printing.latex import LatexPrinter

GREEK = {"alpha", "beta", "gamma", "theta", "delta", "eta", "rho", "lambda", "Theta"}

# base name -> (kernel, layer key or None); layer keys are looked up in the settings
BASES = {
    "yhat": (r"\hat{y}", None), "Theta_tilde": (r"\tilde{\Theta}", "kl"),
    "Theta_tilde12": (r"\tilde{\Theta}", "12"), "Theta_tilde23": (r"\tilde{\Theta}", "23"),
    "a_tilde": (r"\tilde{a}", "k"), "a_tilde1": (r"\tilde{a}", "1"),
    "a_tilde2": (r"\tilde{a}", "2"), "a2": ("a", "2"), "z2": ("z", "2"), "z3": ("z", "3"),
    "z_l": ("z", "l"), "delta_l": (r"\delta", "l"), "delta_k": (r"\delta", "k"),
    "a": ("a", "a"), "z": ("z", "z"),
}


def _name(text: str) -> str:
    """'alpha' -> \\alpha, "j''" -> j'', 'v'' -> v'."""
    core = text.rstrip("'")
    primes = text[len(core):]
    return (f"\\{core}" if core in GREEK else core) + primes


class NotesLatexPrinter(LatexPrinter):
    """Settings (besides LatexPrinter's): ``layers`` maps the layer keys of a/z to their
    superscripts (e.g. {"a": "k", "z": "k"} in a layer pair, {"a": "n", "z": "n"} at the
    output); ``sample`` adds the example superscript k to y and yhat; ``sigmoid`` is the
    symbol printed for the sigmoid (f in the notes' single-layer section)."""

    _default_settings = dict(LatexPrinter._default_settings, layers=None, sample=False,
                             sigmoid=r"\sigma")

    def _print_Symbol(self, expr, style="plain"):
        return _name(expr.name) if expr.name.rstrip("'") in GREEK else super()._print_Symbol(expr)

    def _print_Indexed(self, expr):
        base = str(expr.base.label)
        kernel, layer = BASES.get(base, (_name(base), None))
        if layer is not None:
            layer = (self._settings["layers"] or {}).get(layer, layer)
        sub = "".join(self._print(i) for i in expr.indices)
        if len(expr.indices) > 1 and any(len(self._print(i)) > 1 for i in expr.indices):
            sub = ",".join(self._print(i) for i in expr.indices)
        sup = f"^{{({layer})}}" if layer else ""
        if self._settings["sample"] and base in ("y", "yhat"):
            sup = "^{k}"
        return f"{kernel}{sup}_{{{sub}}}"

    def _print_Pow(self, expr):
        if isinstance(expr.base, Indexed) and expr.exp.is_Integer and expr.exp > 0:
            return "{%s}^{%s}" % (self._print(expr.base), self._print(expr.exp))
        return super()._print_Pow(expr)

    def _print_sigmoid(self, expr, exp=None):
        head = self._settings["sigmoid"] + (f"^{{{exp}}}" if exp else "")
        return rf"{head}\left({self._print(expr.args[0])}\right)"

    def _unary(self, head, expr, exp=None):
        power = f"^{{{exp}}}" if exp else ""
        return rf"{head}{power}\left({self._print(expr.args[0])}\right)"

    def _print_tanh(self, expr, exp=None):
        return self._unary(r"\tanh", expr, exp)

    def _print_relu(self, expr, exp=None):
        return self._unary(r"\operatorname{ReLU}", expr, exp)

    def _print_softplus(self, expr, exp=None):
        return self._unary(r"\operatorname{softplus}", expr, exp)

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

    def _print_Derivative(self, expr):
        # d f / d x with the function written first, as the notes do
        (var, count), = expr.variable_count
        return (rf"\frac{{\partial {self._print(expr.expr)}}}"
                rf"{{\partial {self._print(var)}}}")


def latex(expr, **settings) -> str:
    """The notes' LaTeX of a SymPy expression (tuples joined by commas)."""
    printer = NotesLatexPrinter(settings)
    if isinstance(expr, tuple):
        return r",\quad ".join(printer.doprint(e) for e in expr)
    return printer.doprint(expr)


# ---------------------------------------------------------------------------------------
# matrix form

class MatrixFormError(ValueError):
    """The expression is not one of the shapes the matrix view knows."""


def _vector(expr, free, printer) -> str:
    """One factor that depends on the free index, as a vector."""
    if isinstance(expr, Indexed) and expr.indices == (free,):
        entry, suffix = printer.doprint(expr), "_{" + printer.doprint(free) + "}"
        return entry[: -len(suffix)] if entry.endswith(suffix) else entry
    if isinstance(expr, Sum) and len(expr.limits) == 1:
        var = expr.limits[0][0]
        factors = sp.Mul.make_args(expr.function)
        mats = [f for f in factors if isinstance(f, Indexed) and f.indices == (free, var)]
        vecs = [f for f in factors if isinstance(f, Indexed) and f.indices == (var,)]
        if len(mats) == 1 and len(vecs) == 1 and len(factors) == 2:
            return r"\Theta^{(kl)}" + _vector(vecs[0].func(vecs[0].base, free), free, printer)
    if isinstance(expr, sp.Function) and expr.args and free not in \
            set().union(*(a.free_symbols for a in expr.args[1:])):
        inner = _vector(expr.args[0], free, printer)
        placeholder = sp.Symbol("XPLACEHOLDER")
        text = printer.doprint(expr.func(placeholder, *expr.args[1:]))
        return text.replace("XPLACEHOLDER", inner)
    if expr.is_Number:
        return printer.doprint(expr)
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp > 0:
        return "{" + _vector(expr.base, free, printer) + "}^{" + str(expr.exp) + "}"
    if isinstance(expr, sp.Add):
        terms = sorted(expr.args, key=lambda t: t.could_extract_minus_sign())
        text = " + ".join(_vector(t, free, printer) for t in terms)
        return r"\left(" + text.replace("+ -", "- ") + r"\right)"
    if isinstance(expr, sp.Mul):
        if expr.args[0] == -1:
            return "-" + _vector(sp.Mul(*expr.args[1:]), free, printer)
        return r" \odot ".join(_vector(f, free, printer) for f in expr.args)
    raise MatrixFormError(f"no vector form for {expr}")


def matrix_form(expr, free, outer=None, **settings) -> str:
    """Print a statement about entry ``free`` (or entries (free, outer)) in vector form:
    scalar factors first, the vector factors joined by \\odot; with ``outer`` the product
    u_free v_outer is printed as u v^T."""
    printer = NotesLatexPrinter(settings)
    scalars, vectors, columns = [], [], []
    for factor in sp.Mul.make_args(sp.factor_terms(expr)):
        symbols = factor.free_symbols
        if outer is not None and outer in symbols and free not in symbols:
            columns.append(_vector(factor, outer, printer))
        elif free in symbols:
            vectors.append(_vector(factor, free, printer))
        else:
            scalars.append(printer.doprint(factor))
    if not vectors:
        raise MatrixFormError(f"no vector factor in {expr}")
    vectors.sort(key=lambda v: r"\Theta" not in v)       # Theta delta first, as the notes
    body = r" \odot ".join(vectors)
    if columns:
        body += " " + " ".join("{" + c + "}^{\\top}" for c in columns)
    head = " ".join(scalars).replace("-1", "-").replace("- ", "-")
    return (head + " " if head else "") + body
