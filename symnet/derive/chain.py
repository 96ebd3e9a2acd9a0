"""The chain rule of section 5.3, worked by SymPy: every factor is SymPy's derivative of
one defining equation, and the closed form is their product, grouped by the book's named
derivatives.

For a path top = u_0 -> u_1 -> ... -> u_n = wrt down the network (quantities.py),

    d u_0 / d u_n = [sum_m] prod_k  d u_k / d u_{k+1}                 (the chain rule)

where m is the index of the intermediates that u_n feeds but that neither end carries
(b_h feeds every beta_j: dE_k/db_h = sum_j dE_k/dbeta_j w_hj).  Each factor
``d u_k / d u_{k+1}`` is ``sympy.diff`` of u_k's definition (the model of
:mod:`symnet.prove.single_layer`) with the unit outputs folded back (f(beta_j - theta_j)
-> yhat_j), so f' appears as the book writes it, yhat_j (1 - yhat_j) for the sigmoid.
Going down from E_k, the derivative reaching beta_j is named -g_j (5.10) and the one
reaching alpha_h is -e_h (5.15); a threshold beside a named input (theta_j beside beta_j,
gamma_h beside alpha_h) is reached through it: dE/dtheta_j = (dyhat_j/dtheta_j /
dyhat_j/dbeta_j) dE/dbeta_j, the ratio (-1) computed by SymPy.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from symnet.core.registry import ACTIVATIONS, ActivationBase
from symnet.derive.quantities import QUANTITIES, DeriveError, Quantity, path


@dataclass(frozen=True)
class Link:
    """One factor d upper / d lower of the chain, and its value (SymPy's derivative)."""

    upper: Quantity
    lower: Quantity
    value: sp.Expr


@dataclass
class Chain:
    """The derivative d ``top`` / d ``wrt``: the ``links`` of its chain rule, the index
    ``summed`` over (a letter, or ""), the named derivatives it uses (``named``: (g_j,
    its value) in order, g before e), and the closed ``result`` in the book's symbols."""

    top: Quantity
    wrt: Quantity
    links: list
    summed: str
    named: list = field(default_factory=list)
    result: sp.Expr = None
    model: object = None               # the SingleLayer it was derived in


class Symbols:
    """The model's SymPy symbols of a :class:`Quantity`: ``of(q)`` is w[h, j], ...;
    ``index[letter]`` an index symbol, ``sizes[letter]`` its range end (d, q or l)."""

    def __init__(self, model):
        self.model = model
        self.index = {"i": model.i, "h": model.h, "j": model.j}
        self.sizes = {"i": model.d, "h": model.q, "j": model.l}

    def of(self, q: Quantity):
        if q.name == "E":
            return sp.Symbol("E_k")
        return getattr(self.model, q.name)[tuple(self.index[c] for c in q.indices)]

    def letters(self, expr) -> set:
        """The free index letters of ``expr`` (the bound index of a sum is not free)."""
        return {c for c, s in self.index.items() if s in expr.free_symbols}


def local_derivative(symbols: Symbols, upper: Quantity, lower: Quantity) -> sp.Expr:
    """d upper / d lower: SymPy's ``diff`` of upper's definition, the unit outputs
    (yhat_j, b_h) and the sums (beta_j, alpha_h) folded back into their names.
    DeriveError when f' is not a function of the unit's output (ReLU's step)."""
    model = symbols.model
    if upper.name == "E":
        definition = model.E
    else:
        definition = model.rules[getattr(model, upper.name)](
            *(symbols.index[c] for c in upper.indices), ranges=model.ranges)
    value = model.D(definition, symbols.of(lower))
    for name in ("yhat", "b", "beta", "alpha"):
        value = model.fold(value, getattr(model, name))
    if value.atoms(ActivationBase, sp.Heaviside, sp.Derivative, sp.Subs):
        raise DeriveError(f"--activation {model.f.__name__}: d{upper.latex}/d{lower.latex} "
                          f"is {sp.sstr(value)}, not a function of the unit's output, so it "
                          f"has no closed form in the book's symbols; derive reads "
                          f"{', '.join(output_activations())}")
    return value


def output_activations() -> list:
    """The registry's activations whose f'(z) the registry writes in the output a = f(z)
    alone (sigmoid: a (1 - a)): the ones a closed form in yhat_j, b_h exists for."""
    a, z = sp.Symbol("a"), sp.Symbol("z")
    return [name for name, row in ACTIVATIONS.items()
            if z not in sp.sympify(row.fprime_closed(a, z)).free_symbols]


def tidy(expr: sp.Expr) -> sp.Expr:
    """The shortest of ``expr``, its factored and its cancelled form (ties keep
    ``expr``): the cross-entropy's (y/yhat - (1-y)/(1-yhat)) yhat (1-yhat) becomes y - yhat."""
    candidates = [expr, sp.factor_terms(expr)]
    if not expr.has(sp.Sum):
        candidates += [sp.cancel(expr), sp.factor(expr)]
    return _sign_inside(min(candidates, key=sp.count_ops))


def _sign_inside(expr: sp.Expr) -> sp.Expr:
    """-(yhat - y) yhat (1 - yhat) as (y - yhat) yhat (1 - yhat): a minus sign in front of
    a product goes into its first sum that begins with a minus."""
    coefficient, rest = expr.as_coeff_Mul()
    if coefficient >= 0:
        return expr
    factors = list(sp.Mul.make_args(rest))
    for n, factor in enumerate(factors):
        if factor.is_Add and factor.args[0].could_extract_minus_sign():
            factors[n] = -factor
            return sp.Mul(-coefficient, *factors)
    return expr


def summed_letter(symbols: Symbols, steps: list) -> str:
    """The index the chain sums over: carried by an intermediate of the path but by
    neither end ("" when none)."""
    ends = set(steps[0].indices) | set(steps[-1].indices)
    inner = set().union(*(set(q.indices) for q in steps[1:-1])) if len(steps) > 2 else set()
    extra = sorted(inner - ends)
    if len(extra) > 1:                                    # not in section 5.3's tree
        raise DeriveError(f"the chain sums over several indices {extra}")
    return extra[0] if extra else ""


def derive_chain(model, top: Quantity, wrt: Quantity) -> Chain:
    """d top / d wrt in ``model`` (a :class:`SingleLayer`): the links of the chain rule,
    then the closed form built from them (see the module's docstring)."""
    symbols = Symbols(model)
    steps = path(top, wrt)
    links = [Link(u, w, local_derivative(symbols, u, w)) for u, w in zip(steps, steps[1:])]
    chain = Chain(top, wrt, links, summed_letter(symbols, steps), model=model)
    chain.result = tidy(_named_product(symbols, chain))
    return chain


def _named_product(symbols: Symbols, chain: Chain) -> sp.Expr:
    """The product of the links from the top down, an index summed as soon as no lower
    quantity carries it, each named derivative (g_j, e_h) put in where it is reached."""
    adjoint = sp.Integer(1)
    named = chain.top.name == "E"
    for n, link in enumerate(chain.links):
        last = n == len(chain.links) - 1
        sibling = _named_sibling(link) if named and last else None
        if sibling is not None:
            through = local_derivative(symbols, link.upper, sibling)
            ratio = sp.cancel(link.value / through)
            if ratio.is_number:
                reached = _sum_gone(symbols, adjoint * through, sibling, chain.top)
                return ratio * _name(symbols, chain, sibling, reached)
        adjoint = _sum_gone(symbols, adjoint * link.value, link.lower, chain.top)
        if named and link.lower.named:
            adjoint = _name(symbols, chain, link.lower, adjoint)
    return adjoint


def _named_sibling(link: Link):
    """The input of ``link.upper`` beside ``link.lower`` that has a named derivative
    (beta_j beside theta_j), or None."""
    for name in link.upper.inputs:
        q = QUANTITIES[name]
        if q != link.lower and q.named:
            return q
    return None


def _sum_gone(symbols: Symbols, expr, lower: Quantity, top: Quantity):
    """``expr`` summed over the indices that neither ``lower`` nor ``top`` carries."""
    for letter in sorted(symbols.letters(expr) - set(lower.indices) - set(top.indices)):
        expr = sp.factor_terms(sp.Sum(expr, (symbols.index[letter], 1, symbols.sizes[letter])))
    return expr


def _name(symbols: Symbols, chain: Chain, at: Quantity, adjoint):
    """-N, the name of dE_k/d``at`` (N = g_j at beta_j, e_h at alpha_h), recorded with its
    value N = -``adjoint``."""
    quantity = QUANTITIES[at.named]
    chain.named.append((quantity, tidy(-adjoint)))
    return -symbols.of(quantity)
