"""Claims: what the notes state, and the machinery that proves or refutes them.

A :class:`Chain` claim is the notes' chain of equalities ``e_0 = e_1 = ... = e_m``:
``e_0`` is derived by SymPy (a derivative of a defining expression), the middle terms
are the notes' intermediate steps, ``e_m`` the closed form.  Every "=" is proved on its
own (result id ``<id>/<k>``) and so is ``e_0 = e_m`` (result id ``<id>``).

A :class:`Check` claim runs a custom exact check (a concrete network entry by entry,
a truth table) and returns an :class:`Outcome`.
"""
from __future__ import annotations

import fnmatch
import time
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

import sympy as sp

SYMBOLIC = "symbolic"

#: why SymEngine does not replay a custom check (a Check's default ``symengine``)
CUSTOM_CHECK = ("a custom exact check, not an equality of two expressions: nothing for "
                "a second engine to replay")


@dataclass
class Outcome:
    """A finished check: ``proved``, the method and sizes it covers, a detail line."""

    proved: bool
    method: str
    sizes: str
    detail: str = ""


@dataclass
class Result:
    """One row of ``symnet verify``."""

    id: str
    equation: str
    status: str          # proved | failed | error
    method: str
    sizes: str
    seconds: float
    detail: str = ""
    #: the engines that proved the row ("sympy", "symengine"; see symnet.prove.replay)
    engines: list = field(default_factory=list)
    #: SymEngine's part: how it replayed the proof, or why it could not
    symengine: str = ""

    def as_json(self) -> dict:
        return {"id": self.id, "equation": self.equation, "status": self.status,
                "method": self.method, "sizes": self.sizes,
                "seconds": round(self.seconds, 4), "detail": self.detail,
                "engines": list(self.engines), "symengine": self.symengine}


def written(*factors):
    """A product kept in the order the notes write it (y^(1-y)(y-y^), not SymPy's sorted
    order): an unevaluated Mul, equal to the evaluated one for every proof; the report
    prints it factor by factor.  Its Add factors keep their order too (y - y^)."""
    return sp.Mul(*factors, evaluate=False)


def in_order(*terms):
    """A sum kept in the order the notes write it (y^_j - y_j): an unevaluated Add."""
    return sp.Add(*terms, evaluate=False)


def partial(of, var, name: str = None):
    """The unevaluated derivative d(of)/d(var) that a left-hand side shows; ``name``: the
    symbol differentiated (E_k, E) when ``of`` is None."""
    return sp.Derivative(sp.Symbol(name) if of is None else of, var, evaluate=False)


class Name(sp.Symbol):
    """A left-hand side as the book writes it, when it is no expression of the model
    (\\delta^{(n)}_j = \\partial E / \\partial z^{(n)}_j, \\sigma'(x), \\Delta w_{ij}):
    printed as its LaTeX, never differentiated or compared (the chain's first member is
    what is proved)."""

    def _latex(self, printer):
        return self.name


def name(latex: str) -> Name:
    """The book's name of what a chain computes, as LaTeX (see :class:`Name`)."""
    return Name(latex)


@dataclass(frozen=True)
class Derivation:
    """What a chain claim's builder returns, proof and presentation together: the
    ``model`` that unfolds and proves, the ``chain`` e_0 = ... = e_m, and how the claim is
    shown: ``lhs`` (what e_0 is the derivative of, e.g. -dE_k/dbeta_j; None: no left-hand
    side), ``matrix`` (a :class:`symnet.prove.matrix_view.MatrixView` of e_m, proved
    entry by entry as the row ``<id>/matrix``), ``notation`` (the printer's notation:
    "single", "pair", "output"; None: the model's own), ``reasons`` (why each "=" of the
    chain holds, one key per "=": "chain" for the chain rule, "definition", "kronecker",
    "sigmoid", "notation", "algebra"; the report prints them beside the steps),
    ``source`` ((expression, variable): e_0 is SymPy's derivative of that expression, so
    that the second engine differentiates it on its own; None: it replays SymPy's e_0)."""

    model: object
    chain: Sequence[sp.Expr]
    lhs: Optional[sp.Expr] = None
    matrix: object = None
    notation: Optional[str] = None
    reasons: Sequence[str] = ()      # why each "=" holds: keys of report.text.REASONS
    source: Optional[tuple] = None

    def __post_init__(self):
        if self.reasons and len(self.reasons) != len(self.chain) - 1:
            raise ValueError(f"{len(self.reasons)} reasons for {len(self.chain) - 1} '=' "
                             "of the chain")

    @property
    def shown_notation(self) -> str:
        return self.notation if self.notation is not None else getattr(self.model, "notation", "")


@dataclass
class Claim:
    """Common fields: stable ``id``, book ``equation`` (e.g. "5.10"), ``title``,
    ``statement`` (one sentence), the notes' ``section``."""

    id: str
    equation: str
    title: str
    statement: str
    section: str

    def matches(self, pattern: str) -> bool:
        return fnmatch.fnmatchcase(self.id, pattern) or fnmatch.fnmatchcase(self.id, pattern + "/*")


@dataclass
class Chain(Claim):
    build: Callable[[], Derivation] = None
    method: str = "exact: SymPy diff of the defining expression, Kronecker sums collapsed, " \
                  "difference expanded to 0"
    sizes: str = SYMBOLIC
    latex: str = ""          # the notes' own LaTeX of the statement, checked by symnet check
    _cached: Optional[Derivation] = field(default=None, repr=False)

    def derivation(self) -> Derivation:
        if self._cached is None:
            self._cached = self.build()
        return self._cached

    def holds_for(self, closed_form) -> tuple[bool, sp.Expr]:
        """Is the derived side e_0 equal to ``closed_form``?  (Used to show that wrong
        variants are rejected.)"""
        d = self.derivation()
        return d.model.equal(d.chain[0], closed_form)

    def run(self) -> list[Result]:
        start = time.perf_counter()
        d = self.derivation()
        rows, chain = [], list(d.chain)
        pairs = [(k, chain[k - 1], chain[k]) for k in range(1, len(chain))]
        for k, lhs, rhs in pairs if len(chain) > 2 else []:
            t = time.perf_counter()
            ok, residual = d.model.equal(lhs, rhs)
            rows.append(self._row(f"{self.id}/{k}", ok, residual, time.perf_counter() - t))
        ok, residual = d.model.equal(chain[0], chain[-1])
        if d.matrix is not None:
            t = time.perf_counter()
            same, what = d.matrix.check(chain[-1])
            sizes = ", ".join(f"{k} = {v}" for k, v in d.matrix.sizes.items())
            rows.append(Result(f"{self.id}/matrix", self.equation,
                               "proved" if same else "failed",
                               "exact: the matrix form made explicit and compared with the "
                               "claim entry by entry", sizes, time.perf_counter() - t, what))
        all_ok = ok and all(r.status == "proved" for r in rows)
        head = self._row(self.id, all_ok, residual, time.perf_counter() - start)
        if ok and not all_ok:
            head.detail = "a step of the chain fails: " + ", ".join(
                r.id for r in rows if r.status != "proved")
        return [head] + rows

    def _row(self, rid, ok, residual, seconds) -> Result:
        detail = "" if ok else f"residual {sp.sstr(residual)[:300]}"
        return Result(rid, self.equation, "proved" if ok else "failed", self.method,
                      self.sizes, seconds, detail)


@dataclass
class Check(Claim):
    """A claim decided by a custom exact check.  ``formula``: the statement in LaTeX, for
    the report only (the check, not this text, is what is verified).  ``replay``: the same
    check with SymEngine deciding each comparison (its Outcome); None: ``symengine`` says
    why the second engine does not replay it."""

    check: Callable[[], Outcome] = None
    latex: str = ""
    formula: str = ""
    replay: Optional[Callable[[], Outcome]] = None
    symengine: str = CUSTOM_CHECK

    def run(self) -> list[Result]:
        start = time.perf_counter()
        out = self.check()
        return [Result(self.id, self.equation, "proved" if out.proved else "failed",
                       out.method, out.sizes, time.perf_counter() - start, out.detail)]
