"""``symnet check``: is a formula written in the notes' LaTeX right, and if not, what is
wrong with it?

The parser (:mod:`symnet.checker.parse`) gives a syntax tree; :class:`SingleLayerNotation`
gives it meaning in the notation of section 5.3 (symbolic sizes d, q, l), where every
derivative \\frac{\\partial E_k}{\\partial p} and every \\Delta p = -\\eta \\partial E_k /
\\partial p (5.6) is SymPy's own derivative of E_k.  Each "=" of a chain is proved with
the prover of :mod:`symnet.algebra`; a refuted one gets a counterexample (d = q = l = 2,
exact rational values) and a diagnosis from the wrong variants that would make it hold
(the one table of :mod:`symnet.checker.variants`, on the sides as written).
"""
from __future__ import annotations

import random
import time
from dataclasses import dataclass
from functools import lru_cache

import sympy as sp
from sympy import Indexed, Rational, Sum

from symnet.core.notation import FONT_MARKS, FUNCTIONS, SINGLE_LAYER
from symnet.core.registry import row_written
from symnet.prove.algebra import collapse_kronecker
from symnet.prove.model import index
from symnet.checker.equality import NO_VARIANT
from symnet.checker.evaluate import NUMBER_POWER, Evaluator
from symnet.checker.parse import Node
from symnet.checker.symbols import base_of, index_items, read_symbol
from symnet.checker.statements import exactly_equal
from symnet.checker.result import (CheckResult, MeaningError, NotAClaim, Step, defined, shown,
                                   printed)

__all__ = ["check_single_layer", "SingleLayerNotation", "diagnose", "counterexample"]


# ---------------------------------------------------------------------------------------
# the single-hidden-layer notation

FREE_X = sp.Symbol("x", real=True)
INDEXED = SINGLE_LAYER
LEVEL_OF = {"yhat": "yhat", "beta": "beta", "theta": "beta", "b": "b", "w": "b",
            "alpha": "alpha", "gamma": "alpha", "v": "x", "x": "x"}
PARAMETERS = {"v", "gamma", "w", "theta"}
#: the size each index of a section-5.3 quantity runs to (x_i: i = 1..d, w_hj: h = 1..q,
#: j = 1..l)
UNIT_SIZES = {"x": "d", "v": "dq", "alpha": "q", "gamma": "q", "b": "q", "w": "ql",
              "beta": "l", "theta": "l", "y": "l", "yhat": "l", "g": "l", "e": "q"}


@dataclass(frozen=True)
class Entries:
    """A vector of the single-layer notation: entry ``entry`` at the running index
    ``var`` = 1..``length`` (a size d, q or l), e.g. \\hat{\\mathbf{y}}_k = (\\hat{y}_1^k,
    \\dots, \\hat{y}_l^k) is the entry yhat[r] for r = 1..l."""

    var: sp.Symbol
    entry: sp.Expr
    length: sp.Symbol

    def at(self, index) -> sp.Expr:
        return self.entry.xreplace({self.var: index})


#: m, the number of examples, and E[k], the error of the k-th of them (5.16): only sums of
#: the examples' errors are read (each example's network is not modelled)
EXAMPLES = sp.Symbol("m", integer=True, positive=True)
ERROR_OF = sp.IndexedBase("E", nonnegative=True)


def _of_examples(value) -> bool:
    """Whether ``value`` holds the examples' errors E[k] or their number m."""
    return isinstance(value, sp.Basic) and (value.has(ERROR_OF) or value.has(EXAMPLES))


def _examples_only(value) -> bool:
    """Whether ``value`` is made of the examples' errors E[k], their number m and numbers
    alone (sum_k E_k / m, m E), with at least one E[k]."""
    return isinstance(value, sp.Basic) and value.has(ERROR_OF) and \
        all(a.base == ERROR_OF for a in value.atoms(Indexed)) and \
        {s for s in value.free_symbols if not (isinstance(s, Indexed) and s.base == ERROR_OF)
         } <= {EXAMPLES, ERROR_OF.label}


#: the sizes a statement of the examples' errors alone is decided at
OVER_EXAMPLES = "symbolic m (examples), each E_k >= 0 arbitrary"
#: why a statement of the examples' errors beside anything else is not checked
EXAMPLES_APART = ("the accumulated error E = 1/m sum_k E_k (5.16) and the number of "
                  "examples m are read only beside sums of the examples' errors E_k: each "
                  "example's network is not modelled")


def _marks(sub, sup) -> set:
    """The letters of a symbol's subscript and superscript (digits, letters; {} when it
    has neither or they are not plain indices)."""
    return {letter for part in (sub, sup) if part is not None
            for letter in (index_items(part) or ())}


#: bold letters of section 5.3 as vectors: the entry's symbol and its length's size letter
BOLD = {"x": ("x", "d"), "y": ("y", "l"), "yhat": ("yhat", "l")}


def _letters(node: Node) -> list:
    """Subscript indices: 'ih' is (i, h); 'i,h' too; digits are concrete indices."""
    items = index_items(node)
    if items is None:
        raise MeaningError("an index must be letters or digits, such as _{hj}", node.pos)
    return items


class SingleLayerNotation(Evaluator):
    """Meaning of the notes' section-5.3 symbols, backed by :class:`SingleLayer`."""

    name = "single hidden layer (symbolic d, q, l)"

    def __init__(self, model=None):
        from symnet.prove.single_layer import notes_model
        self.m = model if model is not None else notes_model()
        m = self.m
        self.index = {"i": m.i, "h": m.h, "j": m.j}
        self.size = {"d": m.d, "q": m.q, "l": m.l}
        self.bound = {"i": m.d, "h": m.q, "j": m.l}
        self.fresh = 0
        self.examples = EXAMPLES
        self.example_indices = {}         # k of a sum over the examples: range written?
        self.error_of = ERROR_OF

    # -- names -----------------------------------------------------------------------
    def symbol(self, node: Node, env: dict):
        marked = read_symbol(node)
        base, accent, sub, sup, primes = (marked.base, marked.accent, marked.sub, marked.sup,
                                          marked.primes)
        if base is None:
            return None
        pos = node.pos
        if marked.transpose:
            raise MeaningError("a transpose has no meaning in this notation (use --layers)",
                               pos)
        if primes and base not in ("f", "sigma"):
            raise MeaningError(f"a prime on {base} has no meaning here (a derivative or a new "
                               f"value?): write f'(...) or the new value's own name", pos)
        if base == "y" and marked.hat:
            base = "yhat"
        elif accent:
            raise MeaningError(f"\\{accent} on {base} has no meaning in this notation", pos)
        self._refuse_example_mark(base, sub, sup, env, pos)
        if base in BOLD and (marked.bold or (sup is None and sub is not None
                                              and _letters(sub) == ["k"])):
            # bold, or the example's mark k alone (y_k: k is never a unit index here)
            return self._bold_vector(base, sub, sup, pos)
        if sup is not None and base in ("y", "yhat"):
            if not (sup.kind == "name" and sup.args[0] == "k"):
                raise MeaningError("the superscript of y is the example index k", sup.pos)
            sup = None
        if base == "E":
            return self._error(sub, sup, env, pos)
        if base == "m" and sub is None and sup is None:
            return self.examples
        if base in self.size and sub is None and sup is None:
            return self.size[base]
        if base == "x" and sub is None and sup is None and not accent:
            return FREE_X                     # f(x) with a free argument, as in (5.9)
        if base == "e" and sub is None and sup is not None and not accent:
            return sp.exp(self._scalar(sup, env))   # Euler's e; e_h has a subscript
        if base == "eta" and sub is None:
            if sup is not None:              # \eta^{-1}, \eta^{1+1}: no power is read here
                raise MeaningError("a superscript on eta is not read (a power of eta is "
                                   "written as a whole number, eta^2)", sup.pos)
            return self.m.eta
        if base in ("f", "sigma") and sub is None and sup is None:
            return ("f", primes)
        if base in INDEXED:
            return self._indexed(base, sub, sup, pos, env)
        raise MeaningError(f"unknown symbol {base!r} in the single-hidden-layer notation",
                           pos)

    def _refuse_example_mark(self, base, sub, sup, env, pos) -> None:
        """k bound by a sum, on a symbol: inside a sum over the examples only E_k is read
        (each example's network is not modelled); inside a sum over units (\\sum_{k=1}^{l})
        the example's mark k of E_k, y_j^k, x_k is not that running index."""
        if "k" not in env or "k" not in _marks(sub, sup):
            return
        if self._over_an_example(env) and base != "E":
            hint = "" if self.example_indices[env["k"]] else (
                " (\\sum_k runs over the examples; a sum over units is written with its "
                "range, \\sum_{k=1}^{l})")
            raise MeaningError(f"inside a sum over the examples k (1..m) only their errors "
                               f"E_k are read: each example's {base} is not modelled{hint}",
                               pos)
        if not self._over_an_example(env) and base in ("E", "x", "y", "yhat"):
            raise MeaningError(f"k is the running index of the sum over units around it, but "
                               f"on {base} it marks the example (E_k, y_j^k): not read", pos)

    def _error(self, sub, sup, env, pos):
        """E_k (5.4): the error of the example k, as ("E",); inside a sum over the examples,
        the k-th of the m examples' errors, E[k] (nothing known of it but E[k] >= 0); E
        alone: the accumulated error (5.16), E = 1/m sum_{k=1}^{m} E_k."""
        if sub is None and sup is None:
            k = index("k'")
            return Sum(self.error_of[k], (k, 1, self.examples)) / self.examples
        if sup is not None or _letters(sub) != ["k"]:
            raise MeaningError("the error is E_k, of one example k, or E = 1/m sum_k E_k "
                               "(5.16), over the m examples", pos)
        return self.error_of[env["k"]] if self._over_an_example(env) else ("E",)

    def _over_an_example(self, env) -> bool:
        """Whether k is bound by a sum over the examples (not by \\sum_{k=1}^{l})."""
        return env.get("k") in self.example_indices

    def _indexed(self, base, sub, sup, pos, env):
        """v_{ih}, b_h, g_j, ...: the entry of a section-5.3 quantity at its indices (bound
        by a sum in ``env``, free i, h, j, or numbers)."""
        if sub is None:
            raise MeaningError(f"{base} needs its index, e.g. {base}_{{{'ih'[:INDEXED[base]]}}}",
                               pos)
        letters = _letters(sub)
        if len(letters) != INDEXED[base]:
            digits = "" if not any(c.isdigit() for c in letters) else (
                " (a number of two or more digits, such as 12, is read digit by digit: "
                "write the unit with a letter index)")
            raise MeaningError(f"{base} takes {INDEXED[base]} index(es), got "
                               f"{len(letters)}{digits}", sub.pos)
        if sup is not None:
            raise MeaningError(f"unexpected superscript on {base}", sup.pos)
        idx = []
        for letter in letters:
            if letter in env:
                idx.append(env[letter])
            elif letter in self.index:
                idx.append(self.index[letter])
            elif letter.isdigit():
                idx.append(sp.Integer(int(letter)))
            else:
                raise MeaningError(f"unknown index {letter!r} (free indices: i, h, j)", sub.pos)
        return getattr(self.m, base)[tuple(idx)]

    def _bold_vector(self, base, sub, sup, pos) -> Entries:
        """\\mathbf{x}, \\mathbf{y}, \\hat{\\mathbf{y}} (optionally _k, the example): the
        vector of x_i (i = 1..d), y_j or \\hat{y}_j (j = 1..l)."""
        if sup is not None or (sub is not None and _letters(sub) != ["k"]):
            raise MeaningError(f"a bold {base} takes only the example's mark k", pos)
        entry, size = BOLD[base]
        self.fresh += 1
        var = index(f"r{self.fresh}'")
        return Entries(var, getattr(self.m, entry)[var], self.size[size])

    def on_vector_of(self, node: Node, env: dict) -> Entries:
        """(A_1, A_2, \\dots, A_L): the running letter bound to 1..L, L a size."""
        low, high, template = node.args
        letter = low.args[0].args[0]
        if low.args[1].args != ("1",):
            raise MeaningError("a vector written with \\dots starts at entry 1", low.pos)
        length = self._scalar(high, env)
        if length not in self.size.values():
            raise MeaningError("a vector written with \\dots runs to d, q or l", high.pos)
        self.fresh += 1
        var = index(f"{letter}{self.fresh}'")
        entry = self._scalar(template, {**env, letter: var})
        return Entries(var, entry, length)

    # -- derivatives -----------------------------------------------------------------
    def derivative(self, num, var, pos) -> sp.Expr:
        """d num / d var by SymPy, the chain rule through every intermediate: the numerator
        is unfolded down to the variable's own quantity (every definition except the
        variable's), then differentiated.  var is a named quantity (w_hj, b_h, ...) or an
        expression that the numerator contains as a whole, such as beta_j - theta_j in
        \\partial f(\\beta_j - \\theta_j) / \\partial (\\beta_j - \\theta_j)."""
        if _of_examples(num) or _of_examples(var):
            raise MeaningError("the accumulated error E = 1/m sum_k E_k (5.16) is not "
                               "differentiated here: each example's network is not modelled "
                               "(differentiate E_k, the error of one example)", pos)
        if num == ("E",):
            if isinstance(var, Indexed) and str(var.base) in LEVEL_OF:
                return self._D(self.m.E_at(LEVEL_OF[str(var.base)]), var)
            num = self.m.E_at("yhat")
        if isinstance(num, tuple):
            raise MeaningError("the numerator of a derivative is a value", pos)
        if isinstance(var, Indexed) and str(var.base) in LEVEL_OF:
            through = [base for base in self.m.rules if base != var.base]
            unfolded = self.m.unfold(num, only=through)
            self._refuse_dependent(unfolded, var, pos)
            return self._D(unfolded, var)
        if isinstance(var, (sp.Add, sp.Mul)) and var.free_symbols:
            t = sp.Dummy("u")
            replaced = num.xreplace({var: t})
            if not replaced.has(t) and _linear_in_quantities(var):
                return self._by_whole(num, var, pos)      # E_k by (beta_j - theta_j)
            if not replaced.has(t):
                raise MeaningError("the numerator does not contain the expression it is "
                                   "differentiated by", pos)
            leftover = replaced.xreplace({t: sp.Integer(0)})
            if any(s in leftover.free_symbols for s in var.free_symbols) or \
                    any(isinstance(e, Indexed) and e in _indexed(var) for e in _indexed(leftover)):
                raise MeaningError("the numerator depends on the pieces of the expression it "
                                   "is differentiated by, not only on the whole", pos)
            return sp.diff(replaced, t).xreplace({t: var})
        raise MeaningError("differentiate with respect to a quantity such as w_{hj} or an "
                           "expression such as (\\beta_j - \\theta_j)", pos)

    def _by_whole(self, num, var, pos) -> sp.Expr:
        """d num / d u for u = c_1 p_1 + c_2 p_2 + ... (the net input beta_j - theta_j) and a
        numerator that holds u only after unfolding (E_k): each d num / d p_i, by SymPy,
        divided by c_i; where they agree, num depends on the pieces through u alone and that
        is the derivative; where they do not, it has no meaning."""
        parts = [self.derivative(num, p, pos) / c for p, c in var.as_coefficients_dict().items()]
        if not all(_proved(self.m, parts[0], other) for other in parts[1:]):
            raise MeaningError("the numerator depends on the pieces of the expression it "
                               "is differentiated by, not only on the whole", pos)
        return parts[0]

    def _refuse_dependent(self, unfolded, var: Indexed, pos) -> None:
        """d N / d yhat_j has a meaning only where N, unfolded down to yhat, depends on
        nothing yhat_j is computed from (beta, theta, w, b, ...): g_j = yhat_j (1 - yhat_j)
        (y_j - yhat_j) does, under the sigmoid; under tanh g_j is written with
        f'(beta_j - theta_j), and holding beta_j fixed while yhat_j moves has no meaning."""
        feeds = {e.base for e in sp.sympify(self.m.unfold(var)).atoms(Indexed)} - {var.base}
        shared = sorted(str(b) for b in feeds & {e.base for e in unfolded.atoms(Indexed)})
        if shared:
            raise MeaningError(f"the numerator depends on {var.base} also through what it is "
                               f"computed from ({', '.join(shared)}), so a derivative by "
                               f"{var.base} alone is not defined here", pos)

    def _D(self, expr, var: Indexed) -> sp.Expr:
        """d expr / d var, Kronecker sums collapsed.  A unit named by a number (theta_7,
        v_{12}) is a unit the network has (the formula speaks of it): the derivative is
        taken at a fresh index in that unit's range, then the number put in its place."""
        numbers = {k: n for k, n in enumerate(var.indices) if n.is_Integer}
        if not numbers or any(n < 1 for n in numbers.values()):
            return self.m.D(expr, var)                  # theta_0: no such unit
        sizes = [getattr(self.m, s) for s in UNIT_SIZES[str(var.base)]]
        fresh = {k: index(f"u{k}'") for k in numbers}
        ranges = {**self.m.ranges, **{t: (1, sizes[k]) for k, t in fresh.items()}}
        at = var.base[tuple(fresh.get(k, n) for k, n in enumerate(var.indices))]
        derivative = collapse_kronecker(sp.diff(expr, at), ranges)
        return derivative.xreplace({t: numbers[k] for k, t in fresh.items()})

    # -- evaluation ------------------------------------------------------------------
    def is_power(self, node: Node) -> bool:
        """A power: of something that is not a symbol, of a bracketed expression, or of
        a symbol by a number (x_i^2); y_j^k is a symbol with its example's mark."""
        return node.op == "^" and (base_of(node) is None or node.args[0].kind == "group" or
                                   node.args[1].kind == "num" and base_of(node.args[0]))

    def on_neg(self, node: Node, env: dict):
        """-x; a vector's negative is the vector of its entries' negatives."""
        value = self.value(node.args[0], env)
        if isinstance(value, Entries):
            return Entries(value.var, -value.entry, value.length)
        return -self._number(value, node.args[0].pos)

    def on_add(self, node: Node, env: dict):
        return sp.Add(*(self._scalar(a, env) for a in node.args))

    def on_accent(self, node: Node, env: dict):
        if node.op in FONT_MARKS and node.args[0].kind not in ("name", "script", "accent"):
            return self.value(node.args[0], env)            # \mathbf{...}: a font only
        return self.on_script(node, env)

    def on_script(self, node: Node, env: dict):
        found = self.symbol(node, env)
        if found is None:
            raise MeaningError("cannot read this as a symbol of the notation", node.pos)
        return found

    on_name = on_script

    def on_func(self, node: Node, env: dict):
        """\\ln, \\exp, \\tanh, ... of a scalar; the model's own f where it is the one
        named (\\tanh under f = tanh is the registry's tanh, the f of b_h)."""
        self.refuse_max(node)
        row = row_written(node.op)
        fn = self.m.f if row is not None and row.function is self.m.f else FUNCTIONS[node.op]
        return fn(self._scalar(node.args[0], env))

    def on_partial(self, node: Node, env: dict):
        raise MeaningError("\\partial belongs in \\frac{\\partial E_k}{\\partial ...}",
                           node.pos)

    def on_frac(self, node, env):
        """\\frac{\\partial A}{\\partial B} (differentiated) or a quotient."""
        num, den = _total_derivative(node.args)
        if num.kind == "partial" and den.kind == "partial":
            top = self.value(num.args[0], env)
            bottom = self.value(den.args[0], env)
            return self.derivative(top, bottom, node.pos)
        return self._scalar(num, env) / self._scalar(den, env)

    def on_delta(self, node, env):
        """\\Delta w = -\\eta dE_k/dw: the book's update of a parameter."""
        var = self.value(node.args[0], env)
        if not isinstance(var, Indexed) or str(var.base) not in PARAMETERS:
            raise MeaningError("\\Delta goes with a parameter: w_{hj}, \\theta_j, v_{ih} "
                               "or \\gamma_h", node.pos)
        return -self.m.eta * self.derivative(("E",), var, node.pos)

    def on_call(self, node, env):
        """f(x), f'(x), f''(x): the activation (or its derivatives) at a scalar."""
        fn, arg = node.args
        head = self.value(fn, env)
        if not (isinstance(head, tuple) and head[0] == "f"):
            raise MeaningError("only f and f' are functions here", fn.pos)
        x = self._scalar(arg, env)
        if head[1] == 0:
            return self.m.f(x)
        if head[1] == 1:
            return self.m.fprime(x)
        t = sp.Symbol("t")
        return sp.diff(self.m.f(t), t, head[1]).subs(t, x)

    def power(self, node, env):
        base, exp = node.args
        e, b = self._scalar(exp, env), self._scalar(base, env)
        if not (e.is_Integer and (abs(e) <= 8 or b.is_Rational and abs(e) <= NUMBER_POWER)):
            raise MeaningError("only integer powers up to 8 are read (a number's power up "
                               "to 1000)", exp.pos)
        return b ** e

    def _scalar(self, node, env):
        return self._number(self.value(node, env), node.pos)

    def _number(self, v, pos: int):
        """The value ``v`` (read at ``pos``) as a number, or the MeaningError of what it
        is instead (E_k alone, f alone, a vector)."""
        if v == ("E",):
            return self.m.E_at("yhat")          # E_k = 1/2 sum_j (yhat_j - y_j)^2 (5.4)
        if isinstance(v, Entries):
            raise MeaningError("a vector inside an expression: this notation compares whole "
                               "vectors only (use --layers for vector algebra)", pos)
        if isinstance(v, tuple):
            what = "E_k alone" if v == ("E",) else "f without an argument"
            raise MeaningError(f"{what} is not a value here", pos)
        return v

    def on_mul(self, node, env):
        left, right = node.args
        if node.op == "odot":
            raise MeaningError("\\odot is the matrix notation's product; use --layers",
                               node.pos)
        lv = self.value(left, env)
        if isinstance(lv, tuple) and lv[0] == "f":
            raise MeaningError("write f(...) or f'(...) with the argument in parentheses "
                               "right after it", right.pos)
        if isinstance(lv, tuple):
            raise MeaningError("E_k alone is not a value here", left.pos)
        return lv * self._scalar(right, env)

    def on_sum(self, node, env):
        """\\sum_{j=1}^{l}, \\sum_j (the range follows from the index: i 1..d, h 1..q,
        j 1..l), or any letter with both bounds given (\\sum_{p=1}^{q})."""
        low, high, body = node.args
        if _letter_of(low) == "k" and (high is None or high.kind == "name" and
                                       high.args[0] == "m"):
            return self._over_examples(node, env)
        if low.kind == "assign" and low.args[0].kind == "name":
            letter, start_node = low.args[0].args[0], low.args[1]
        elif low.kind == "name":
            letter, start_node = low.args[0], None
        else:
            raise MeaningError("write the summation index as \\sum_{j=1}^{l} or \\sum_j",
                               low.pos)
        if start_node is None or high is None:
            if letter not in self.bound:
                raise MeaningError(f"the range of the sum over {letter!r} is not given: write "
                                   f"\\sum_{{{letter}=1}}^{{q}} (i, h, j have 1..d, 1..q, 1..l)",
                                   low.pos)
        start = self._scalar(start_node, env) if start_node is not None else sp.Integer(1)
        end = self._end(letter, high, env) if high is not None else self.bound[letter]
        if start != 1 or end not in self.size.values():
            raise MeaningError(f"the sum over {letter} runs from 1 to d, q or l", low.pos)
        if letter in self.bound and end != self.bound[letter]:
            raise MeaningError(f"the sum over {letter} runs from 1 to {self.bound[letter]}",
                               low.pos)
        self.fresh += 1
        var = index(f"{letter}{chr(96 + min(self.fresh, 26))}'")
        inner = dict(env)
        inner[letter] = var
        return Sum(self._scalar(body, inner), (var, 1, end))

    def _over_examples(self, node, env):
        """\\sum_{k=1}^{m} (or \\sum_k): a sum over the m examples (5.16)."""
        low, high, body = node.args
        start = low.args[1] if low.kind == "assign" else None
        if start is not None and self._scalar(start, env) != 1 or high is not None and \
                self._scalar(high, env) != self.examples:
            raise MeaningError("the sum over the examples k runs from 1 to m", low.pos)
        k = index(f"k{chr(96 + min(self.fresh + 1, 26))}'")
        self.fresh += 1
        self.example_indices[k] = high is not None
        return Sum(self._scalar(body, {**env, "k": k}), (k, 1, self.examples))

    def _end(self, letter, high, env):
        """A sum's upper limit; an unknown letter there (\\sum_{h=1}^{c}: sizes renamed), or
        m (the examples' number) over a unit index, is refused with a hint naming the book's
        size of that index."""
        renamed = high.kind == "name" and letter in self.bound
        try:
            end = self._scalar(high, env)
        except MeaningError as exc:
            if not (renamed and "unknown symbol" in str(exc)):
                raise
            end = None
        if end is not None and not (renamed and end == self.examples):
            return end
        size = str(self.bound[letter])
        raise MeaningError(f"the sum over {letter} runs to {high.args[0]!r}, which this "
                           f"notation does not know: {letter} counts {_COUNTS[size]}, "
                           f"written {size} (sizes d, q, l; not guessed)", high.pos)


def _letter_of(low) -> str:
    """The running letter of a sum's subscript (j in \\sum_{j=1} or \\sum_j), or ""."""
    if low is not None and low.kind == "assign" and low.args[0].kind == "name":
        return low.args[0].args[0]
    return low.args[0] if low is not None and low.kind == "name" else ""


_COUNTS = {"d": "the inputs", "q": "the hidden units", "l": "the outputs"}


def _linear_in_quantities(var) -> bool:
    """Whether ``var`` is a sum of two or more named quantities with number coefficients
    (beta_j - theta_j, alpha_h - gamma_h)."""
    terms = var.as_coefficients_dict() if isinstance(var, sp.Add) else {}
    return len(terms) >= 2 and all(isinstance(p, Indexed) and str(p.base) in LEVEL_OF and
                                   c.is_number and c != 0 for p, c in terms.items())


def _indexed(expr) -> set:
    return {e for e in sp.preorder_traversal(expr) if isinstance(e, Indexed)}


def _is_d(node: Node) -> bool:
    """The differential d: \\mathrm{d} (or a bare d) leading a numerator/denominator."""
    if node.kind == "accent" and node.op in ("mathrm", "operatorname"):
        node = node.args[0]
    return node.kind == "name" and node.args[0] == "d"


def _total_derivative(parts):
    """\\frac{\\mathrm{d} X}{\\mathrm{d} Y} (or d X / d Y) read as \\frac{\\partial X}
    {\\partial Y}: the d is the differential, never the size d."""
    num, den = parts
    if all(p.kind == "mul" and p.op == "cdot" and _is_d(p.args[0]) for p in (num, den)):
        return (Node("partial", (num.args[1],), num.pos),
                Node("partial", (den.args[1],), den.pos))
    for p in (num, den):
        if p.kind == "mul" and _is_d(p.args[0]):
            raise MeaningError("a derivative is written d X / d Y (or with \\partial) on "
                               "both sides of the fraction", p.pos)
    return num, den


# ---------------------------------------------------------------------------------------
# proving and diagnosing one "="

#: seconds the search for a wrong variant may take per formula: a refutation is decided
#: before it, so a slow search never turns "refuted" into "not checked"
DIAGNOSIS_SECONDS = 10
NO_DIAGNOSIS_IN_TIME = (f"no simple variant found in {DIAGNOSIS_SECONDS} s (the search for "
                        "one stopped)")


def _free_indices(expr, notation):
    return {s for s in expr.free_symbols if s in notation.index.values()}


def _exact_ratio(notation, lhs, rhs):
    """The ratio lhs / rhs when it is the same number at two exact points (any value,
    proved exactly only by the mutant that uses it), else None."""
    try:
        ratios = []
        for seed in (0, 1):
            _, left, right = _exact_sides(notation, lhs, rhs, seed)
            lv, rv = sp.N(left, 60), sp.N(right, 60)
            if rv == 0:
                return None
            guess = sp.Rational(str(lv / rv)).limit_denominator(10 ** 24)
            ratios.append(guess if abs(lv / rv - guess) < sp.Float("1e-40", 60) else None)
    except Exception:       # no numbers for this statement: the usual constants only
        return None
    same = ratios[0] is not None and ratios[0] == ratios[1]
    return ratios[0] if same and ratios[0] not in (0, 1, -1) else None


#: the factors a formula of section 5.3 may have lost (as written in its symbols)
VOCABULARY = (r"f'(\alpha_h - \gamma_h)", r"f'(\beta_j - \theta_j)", "b_h", "x_i", r"\eta",
              "g_j", "e_h", "w_{hj}", r"\hat{y}_j", "(1 - b_h)", r"(1 - \hat{y}_j)")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple:
    """:data:`VOCABULARY` as trees, parsed once."""
    from symnet.checker.parse import parse
    return tuple(parse(f"X = {text}").args[1] for text in VOCABULARY)


def diagnose(notation, lhs, rhs, deadline=None, pair=None) -> list:
    """Names of the wrong variants that explain a refuted lhs = rhs: the table of
    mutations (:mod:`symnet.checker.variants`) on ``pair``, the two sides as written,
    tried until ``deadline`` (a time.monotonic() value, when one is given); else an index
    free on the right only, or no variant."""
    named = _mutant_named(notation, lhs, rhs, pair, deadline)
    if named:
        return [named]
    if deadline is not None and time.monotonic() > deadline:
        return [NO_DIAGNOSIS_IN_TIME]
    extra = _free_indices(rhs, notation) - _free_indices(lhs, notation)
    if extra:
        return [f"index {', '.join(map(str, sorted(extra, key=str)))} is free on the right "
                "but not on the left (a sum is missing?)"]
    return [NO_VARIANT]


def _mutant_named(notation, lhs, rhs, pair, deadline) -> str:
    """The table of mutations (:mod:`symnet.checker.variants`) on the two sides as
    written, each mutant checked as a formula of section 5.3; "" when none holds."""
    from symnet.checker.variants import Written, name_error
    if pair is None or deadline is not None and time.monotonic() > deadline:
        return ""

    def holds(tree, spec):             # proved as the verdict proves it (no values)
        try:
            sides = _read_sides(notation, tree.args)
            return not any(isinstance(v, MeaningError) for v in sides) and all(
                _sides_equal(notation, a, b) for a, b in zip(sides, sides[1:]))
        except Exception:    # a mutant that cannot be read or decided does not hold
            return False
    seconds = DIAGNOSIS_SECONDS if deadline is None else deadline - time.monotonic()
    w = Written(Node("chain", tuple(pair)), "", frozenset({"f"}),
                ("sigmoid", "squared", None, True, False),
                ratio=_exact_ratio(notation, lhs, rhs), vocabulary=_vocabulary(),
                accents=(("hat", ("y",)),),
                bounds=tuple((k, str(v)) for k, v in notation.bound.items()))
    return name_error(w, holds, seconds)


def _sides_equal(notation, a, b) -> bool:
    """Two sides proved equal as the verdict proves them: numbers, or vectors of one
    length whose entries are equal at a symbolic index."""
    if isinstance(a, Entries) or isinstance(b, Entries):
        if not (isinstance(a, Entries) and isinstance(b, Entries)) or a.length != b.length:
            return False
        a, b = a.at(notation.m.j), b.at(notation.m.j)
    return _proved(notation.m, a, b)


def _exact_sides(notation, lhs, rhs, seed=0):
    """(point, left, right): both sides at d = 2, q = 3, l = 4, i = 1, h = 2, j = 3, every
    parameter and input an exact random rational (seeded); computed once per step."""
    memo = notation.__dict__.setdefault("_sides_memo", {})
    key = (lhs, rhs, seed)
    if key not in memo:
        memo[key] = _exact_sides_uncached(notation, lhs, rhs, seed)
    return memo[key]


def _sizes_for(lhs, rhs) -> tuple:
    """d, q, l for a counterexample: 2, 3, 4 (distinct, so a wrong bound shows), raised
    together until every unit the formula names (theta_5, g_7) exists."""
    named = [int(i) for t in sp.preorder_traversal(sp.Tuple(lhs, rhs))
             if isinstance(t, (Indexed, sp.KroneckerDelta))
             for i in (t.indices if isinstance(t, Indexed) else t.args) if i.is_Integer]
    extra = max([0] + [n - 2 for n in named])
    return 2 + extra, 3 + extra, 4 + extra


def _exact_sides_uncached(notation, lhs, rhs, seed):
    m = notation.m
    small = {**dict(zip((m.d, m.q, m.l), _sizes_for(lhs, rhs))), EXAMPLES: 3 + seed}
    subs_idx = {m.i: 1, m.h: 2, m.j: 3}
    rng = random.Random(seed)

    def concrete(expr):
        e = m.unfold(expr).xreplace(small).xreplace(subs_idx).doit()
        return e.replace(lambda t: hasattr(t, "definition") and isinstance(t, sp.Function),
                         lambda t: type(t).definition(t.args[0]))
    left, right = concrete(lhs), concrete(rhs)
    point = {}
    symbols = left.free_symbols | right.free_symbols | {
        t for t in sp.preorder_traversal(left + right) if isinstance(t, Indexed)}
    for s in sorted(symbols, key=str):
        if isinstance(s, Indexed) and s.base == ERROR_OF:        # an error is >= 0
            point[s] = Rational(rng.randint(0, 8), rng.randint(1, 5))
        elif isinstance(s, Indexed) or s in (m.eta, FREE_X):
            point[s] = Rational(rng.randint(-4, 4), rng.randint(2, 5))
    return point, left.xreplace(point), right.xreplace(point)


def counterexample(notation, lhs, rhs, seed=0) -> dict:
    """Both sides at d = 2, q = 3, l = 4 (distinct, so a wrong bound shows; larger when the
    formula names a unit beyond them) with distinct indices i = 1, h = 2, j = 3 (so a
    wrong index shows), parameters and inputs exact rationals."""
    point, lv, rv = _exact_sides(notation, lhs, rhs, seed)
    d, q, l = _sizes_for(lhs, rhs)
    left, right = shown(lv, rv)
    sizes = f"m = {3 + seed}" if _of_examples(lhs) else \
        f"d = {d}, q = {q}, l = {l}, i = 1, h = 2, j = 3"
    return {"sizes": sizes,
            "values": {str(k): str(v) for k, v in point.items()},
            "left": left, "right": right,
            "differ": exactly_equal(lv, rv) is False}


def _differing_values(notation, left, right, seeds=(0, 1, 2)):
    """A counterexample whose two sides really differ (decided exactly, never by
    rounding), or None."""
    for seed in seeds:
        try:
            found = counterexample(notation, left, right, seed)
        except Exception:      # this point cannot be evaluated; try the next
            continue
        if found.pop("differ"):
            return found
    return None


def _side(notation, node: Node):
    """A side's value: a scalar, or a vector (:class:`Entries`) standing alone."""
    value = notation.value(node, {})
    if isinstance(value, Entries):
        return Entries(value.var, defined(value.entry, node.pos), value.length)
    return defined(notation._scalar(node, {}), node.pos)


def _equal_written_out(model, left, right) -> bool:
    """lhs == rhs once every activation is written as its definition (f(x) = 1/(1 + e^-x)):
    for a side that writes the sigmoid out.  Tried only when the first proof fails."""
    from symnet.core.registry import ActivationBase
    if not any(side.has(sp.exp) for side in (left, right)):
        return False

    def written(expr):
        return model.unfold(expr).replace(lambda t: isinstance(t, ActivationBase),
                                          lambda t: type(t).definition(t.args[0]))
    return model.equal(written(left), written(right))[0]


def _vector_step(notation, left, right, pair=None) -> Step:
    """Two vectors are equal when their lengths are the same size and their entries are
    equal at one symbolic running index; a vector is never equal to a scalar (``pair``:
    the two sides as written, for the diagnosis)."""
    shown = [f"vector of {v.length} entries {sp.sstr(v.entry)}" if isinstance(v, Entries)
             else sp.sstr(v)[:300] for v in (left, right)]
    if not (isinstance(left, Entries) and isinstance(right, Entries)):
        vector = left if isinstance(left, Entries) else right
        step = Step(*shown, False, ["a scalar is set equal to a vector (an index is "
                                     "missing on the vector's side, or a bold mark extra)"])
        step.counterexample = {"sizes": "any", "left": shown[0], "right": shown[1],
                               "values": {"length": str(vector.length)}}
        return step
    if left.length != right.length:
        step = Step(*shown, False, [f"the vectors have different lengths: {left.length} "
                                     f"and {right.length}"])
        step.counterexample = {"sizes": "d = 2, q = 3, l = 4", "left": f"{left.length}",
                               "right": f"{right.length}", "values": {}}
        return step
    j = notation.m.j
    if j in left.entry.free_symbols | right.entry.free_symbols:
        raise MeaningError("a vector's entries depend on the index j itself", 0)
    a, b = left.at(j), right.at(j)
    step = Step(f"entry j: {sp.sstr(a)[:300]}", f"entry j: {sp.sstr(b)[:300]}",
                notation.m.equal(a, b)[0])
    if not step.holds:
        step.counterexample = _differing_values(notation, a, b)
        if step.counterexample is None:
            raise MeaningError("the prover could not decide this '=' (no proof, and "
                               "the sides agree at the values tried)", 0)
        step.diagnosis = [f"entry j differs: {d}" for d in diagnose(notation, a, b, None,
                                                                     pair)]
    return step


def check_single_layer(tree: Node, diagnose_steps: bool = True, model=None) -> CheckResult:
    """Check every "=" of a parsed formula in the notation of section 5.3 (symbolic d, q,
    l): each side's meaning from :class:`SingleLayerNotation`, each "=" proved by the
    prover or refuted with exact values at which the sides differ.  Vectors
    (\\hat{\\mathbf{y}}_k, (a_1, \\dots, a_l)) are compared entry by entry at a symbolic
    index.  A chain with a side that cannot be read is refuted only by two readable sides
    that differ (a = b = c claims a = c); else it is not checked."""
    if len(tree.args) < 2:
        raise MeaningError("a formula to check needs an '='", 0)
    notation = SingleLayerNotation(model)
    sides = _read_sides(notation, tree.args)
    refused = next((v for v in sides if isinstance(v, MeaningError)), None)
    if refused is not None:
        return _readable_sides_differ(notation, sides, diagnose_steps, tree.args)
    steps, deadline = [], time.monotonic() + DIAGNOSIS_SECONDS
    for n, (left, right) in enumerate(zip(sides, sides[1:])):
        if isinstance(left, Entries) or isinstance(right, Entries):
            steps.append(_vector_step(notation, left, right, tree.args[n:n + 2]))
            continue
        try:
            holds = _proved(notation.m, left, right)
        except Exception as exc:     # the prover met something it cannot handle
            raise MeaningError(f"the prover cannot decide this '=': {type(exc).__name__}",
                               0) from None
        step = Step(printed("", left, 300), printed("", right, 300), holds)
        if not holds:
            step.counterexample = _differing_values(notation, left, right)
            if step.counterexample is None:
                # no proof, and no values at which the sides differ: not a refutation
                raise MeaningError("the prover could not decide this '=' (no proof, and "
                                   "the sides agree at the values tried)", 0)
            if diagnose_steps:
                step.diagnosis = diagnose(notation, left, right, deadline, tree.args[n:n + 2])
                if step.diagnosis == [NO_VARIANT] and _holds_with_step(tree.args[n:n + 2]):
                    step.diagnosis = [STEP_MEANT]
        steps.append(step)
    return CheckResult(all(s.holds for s in steps), steps, notation.name, _sizes_of(sides))


def _sizes_of(sides) -> str:
    """The sizes a chain with these side values is decided at."""
    return OVER_EXAMPLES if any(_of_examples(v) for v in sides) else "symbolic d, q, l"


def _proved(model, left, right) -> bool:
    """left = right proved, as written or with every activation written out."""
    return model.equal(left, right)[0] or _equal_written_out(model, left, right)


def _read_sides(notation, args) -> list:
    """Each side's value, or the MeaningError that refuses it.  A side that is f', f'', ...
    alone, in a chain whose other sides are functions of x, is that derivative at x
    (f' = e^{-x}/(1 + e^{-x})^2: two functions are equal when they are equal at every x;
    f alone stays refused: f = ... may define f)."""
    values = []
    for side in args:
        try:
            values.append(_side(notation, side))
        except NotAClaim:
            raise
        except MeaningError as exc:
            values.append(exc)
    read = [v for v in values if not isinstance(v, MeaningError)]
    if any(_of_examples(v) for v in read) and not all(_examples_only(v) for v in read):
        raise MeaningError(EXAMPLES_APART, 0)
    if not any(not isinstance(v, (MeaningError, Entries)) and FREE_X in v.free_symbols
               for v in values):
        return values
    return [_at_x(notation, side) if isinstance(v, MeaningError) and _bare_function(
        notation, side) else v for side, v in zip(args, values)]


def _bare_function(notation, node: Node) -> bool:
    """Is the side f', f'', ... with no argument?"""
    try:
        value = notation.value(node, {})
    except MeaningError:
        return False
    return isinstance(value, tuple) and value[0] == "f" and value[1] >= 1


def _at_x(notation, node: Node):
    """The derivative ``node`` (f', f'', ...) at the free argument x."""
    return _side(notation, Node("call", (node, Node("name", ("x",), node.pos)), node.pos))


def _readable_sides_differ(notation, sides, diagnose_steps: bool, args=()) -> CheckResult:
    """A chain with unread sides: refuted when two readable sides next to each other
    (once the unread ones between them are left out) differ at exact values; the step
    says which sides and why the ones between were not read (``args``: the sides as
    written, for the diagnosis).  Else the first refusal."""
    read = [(n, v) for n, v in enumerate(sides, 1)
            if not isinstance(v, (MeaningError, Entries))]
    steps, deadline = [], time.monotonic() + DIAGNOSIS_SECONDS
    for (p, left), (r, right) in zip(read, read[1:]):
        try:
            if _proved(notation.m, left, right):
                continue
        except Exception:    # the prover cannot handle it: this pair refutes nothing
            continue
        ce = _differing_values(notation, left, right)
        if ce is None:
            continue
        skipped = [f"side {n} is not read ({sides[n - 1]})" for n in range(p + 1, r)]
        what = [f"side {p} and side {r} differ" + (f"; {'; '.join(skipped)}" if skipped
                                                    else "")]
        if diagnose_steps:
            what += diagnose(notation, left, right, deadline, (args[p - 1], args[r - 1]))
        steps.append(Step(printed("", left, 300), printed("", right, 300), False, what, ce))
    if not steps:
        raise next(v for v in sides if isinstance(v, MeaningError))
    return CheckResult(False, steps, notation.name, _sizes_of(sides))


STEP_MEANT = ("it holds when f is the step function (whose derivative is 0): the step "
              "function is used where the sigmoid is meant")


@lru_cache(maxsize=1)
def _step_model():
    """The figure-5.7 network with the perceptron's step function, built once."""
    from symnet.core.registry import step
    from symnet.prove.single_layer import SingleLayer
    return SingleLayer(step)


def _holds_with_step(pair) -> bool:
    """Do the two sides agree at three exact points when f is the perceptron's step
    function?  A diagnosis only: the verdict is the sigmoid's.  Not where both sides are
    0 there and neither is written 0 (every g_j and e_h is 0 with the step function: that
    Delta w_{12} = eta g_1 b_2 then holds says nothing of what was meant)."""
    notation = SingleLayerNotation(_step_model())
    try:
        left, right = (notation._scalar(side, {}) for side in pair)
        values = [_exact_sides(notation, left, right, seed)[1:] for seed in (0, 1, 2)]
        zero_written = any(side.kind == "num" and side.args[0] in ("0", "0.0") for side in pair)
        return all(sp.simplify(lv - rv) == 0 for lv, rv in values) and (
            zero_written or any(sp.simplify(lv) != 0 for lv, _ in values))
    except Exception:         # not evaluable with the step function: no such diagnosis
        return False
