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

    def as_json(self) -> dict:
        return {"id": self.id, "equation": self.equation, "status": self.status,
                "method": self.method, "sizes": self.sizes,
                "seconds": round(self.seconds, 4), "detail": self.detail}


@dataclass(frozen=True)
class Derivation:
    """What a chain claim's builder returns: the model that unfolds and proves, the
    expressions of the chain and a caption for each step."""

    model: object
    chain: Sequence[sp.Expr]
    captions: Sequence[str] = ()


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


def notes_latex_row(claim) -> list:
    """The claim's own LaTeX (as the notes write it) parsed and checked by ``symnet
    check``: a row ``<id>/latex``, or none when the claim has no LaTeX."""
    if not claim.latex:
        return []
    from .check import check, default_layers
    start = time.perf_counter()
    try:
        result = check(claim.latex, default_layers(claim.latex))
        ok = result.holds
        detail = "" if ok else "; ".join(d for s in result.steps for d in s.diagnosis)
        sizes = result.sizes
    except ValueError as exc:
        ok, detail, sizes = False, f"the notes' LaTeX does not parse: {exc}", ""
    return [Result(f"{claim.id}/latex", claim.equation, "proved" if ok else "failed",
                   "the notes' LaTeX parsed (symnet check) and proved", sizes,
                   time.perf_counter() - start, detail)]


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
        rows += notes_latex_row(self)
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
    check: Callable[[], Outcome] = None
    latex: str = ""

    def run(self) -> list[Result]:
        start = time.perf_counter()
        out = self.check()
        return [Result(self.id, self.equation, "proved" if out.proved else "failed",
                       out.method, out.sizes, time.perf_counter() - start, out.detail)]


def run_claims(claims, progress: Callable[[int, int, str], None] = None) -> list[Result]:
    """Run each claim; an exception inside one becomes an ``error`` row, not a crash."""
    results = []
    for n, claim in enumerate(claims, 1):
        if progress:
            progress(n - 1, len(claims), claim.id)
        start = time.perf_counter()
        try:
            results.extend(claim.run())
        except Exception as exc:   # a broken claim must not hide the others
            results.append(Result(claim.id, claim.equation, "error", "", "",
                                  time.perf_counter() - start, f"{type(exc).__name__}: {exc}"))
    if progress:
        progress(len(claims), len(claims), "")
    return results


_POOL: dict = {}


def _run_one(index: int):
    claim = _POOL["claims"][index]
    rows = run_claims([claim])
    extra = _POOL["extra"](claim, rows) if _POOL["extra"] else None
    return rows, extra


def run_claims_parallel(claims, workers: int = None,
                        progress: Callable[[int, int, str], None] = None,
                        extra: Callable = None, while_waiting: Callable[[], None] = None):
    """run_claims on several processes (fork; the claims are independent), rows in the
    catalog's order.  ``extra(claim, rows)`` runs in the worker after each claim (its
    results come back as a second list); ``while_waiting()`` runs in this process while
    the workers prove.  One process where fork is unavailable.

    Returns (rows, extras)."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor, as_completed
    claims = list(claims)
    workers = workers or min(os.cpu_count() or 1, 8)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        if while_waiting:
            while_waiting()
        rows = [run_claims([c]) for c in claims]
        extras = [extra(c, r) if extra else None for c, r in zip(claims, rows)]
        return [row for group in rows for row in group], extras
    _POOL.update(claims=claims, extra=extra)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {pool.submit(_run_one, k): k for k in range(len(claims))}
            if while_waiting:
                while_waiting()
            out = [None] * len(futures)
            for done, future in enumerate(as_completed(futures), 1):
                out[futures[future]] = future.result()
                if progress:
                    progress(done, len(futures), claims[futures[future]].id)
    finally:
        _POOL.clear()
    return [row for rows, _ in out for row in rows], [e for _, e in out]


def select(claims, patterns: Sequence[str]):
    """Claims matching any glob pattern; ValueError naming a pattern that matches none."""
    if not patterns:
        return list(claims)
    chosen = []
    for pattern in patterns:
        hits = [c for c in claims if c.matches(pattern)]
        if not hits:
            raise ValueError(f"--only {pattern!r} matches no claim; "
                             "`symnet verify --list` shows the ids")
        chosen.extend(c for c in hits if c.id not in {d.id for d in chosen})
    return chosen
