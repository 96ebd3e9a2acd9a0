"""Running the claim catalog: every claim proved (on several processes when asked), and
each claim's own LaTeX, as the notes write it, read back by ``symnet check``.

This module sits above ``symnet.core`` (the claims), ``symnet.checker`` (the reader of the
notes' LaTeX) and ``derivations`` (the catalog): the claims know nothing of the checker.
"""
from __future__ import annotations

import time
from typing import Callable, Sequence

from symnet.core.claims import Chain, Result
from symnet.core.limits import stop_pool


def catalog():
    """Every claim of the notes, in order (``derivations.catalog``)."""
    from derivations import catalog as notes_catalog
    return notes_catalog()


def run_claim(claim) -> list[Result]:
    """One claim's rows, with its ``<id>/latex`` row when it carries the notes' LaTeX; a
    failing LaTeX row fails the claim's head row.  Every row says which engines proved
    it (:func:`second_engine`)."""
    rows = claim.run()
    second_engine(claim, rows)
    extra = notes_latex_row(claim) if isinstance(claim, Chain) else []
    if extra and extra[0].status != "proved" and rows[0].status == "proved":
        rows[0].status, rows[0].engines = "failed", []
        rows[0].detail = "a step of the chain fails: " + extra[0].id
    for row in extra:
        row.engines = ["sympy"] if row.status == "proved" else []
        row.symengine = NOT_REPLAYED_LATEX
    return rows + extra


#: why the ``<id>/latex`` rows are SymPy's only
NOT_REPLAYED_LATEX = "symnet check's proof of the notes' LaTeX: not replayed"


def second_engine(claim, rows) -> None:
    """SymEngine replays the chain's e_0 = e_m (the head row) and each "=" of it (the rows
    ``<id>/k``), see :mod:`symnet.prove.replay`.  A row SymPy proved is proved by both
    engines when SymEngine proves it too, by SymPy only (with SymEngine's reason) when
    SymEngine cannot decide it, and **failed** when SymEngine finds the two sides differ;
    a failed step fails the head row.  A custom check is run again with SymEngine deciding
    its comparisons where it has a ``replay``."""
    from symnet.prove.replay import DISAGREES, PROVED, replay_chain, replay_check, replay_step
    head = rows[0]
    if not isinstance(claim, Chain):
        verdicts = {claim.id: replay_check(claim)}
    else:
        d = claim.derivation()
        verdicts = {claim.id: replay_chain(d)}
        for k in range(1, len(d.chain)) if len(d.chain) > 2 else ():
            verdicts[f"{claim.id}/{k}"] = replay_step(d, k)
    by_id = {row.id: row for row in rows}
    for rid, verdict in verdicts.items():
        row = by_id[rid]
        row.symengine = verdict.method
        if verdict.status == DISAGREES and row.status == "proved":
            row.status, row.detail = "failed", f"{verdict.method}; residual {verdict.residual}"
        row.engines = [] if row.status != "proved" else (
            ["sympy", "symengine"] if verdict.status == PROVED else ["sympy"])
    for row in rows[1:]:
        if row.id not in verdicts:         # <id>/matrix: SymPy's entry-by-entry check
            row.engines = ["sympy"] if row.status == "proved" else []
            row.symengine = "the matrix view's entry-by-entry check: not replayed"
    broken = [r.id for r in rows[1:] if r.status != "proved"]
    if broken and head.status == "proved":
        head.status, head.engines = "failed", []
        head.detail = "a step of the chain fails: " + ", ".join(broken)


def notes_latex_row(claim) -> list:
    """The claim's own LaTeX (as the notes write it) parsed and checked by ``symnet
    check``: a row ``<id>/latex``, or none when the claim has no LaTeX."""
    if not claim.latex:
        return []
    from symnet.checker import documents
    from symnet.checker.document import Equation, starting_context
    start = time.perf_counter()
    # the front door every reader uses (symnet check, the API, documents): layers=None
    verdict = documents.check_equation(
        Equation(1, claim.latex, claim.latex, starting_context()), None)
    ok = verdict.status == documents.HOLDS
    if verdict.result is not None:
        detail = "" if ok else "; ".join(d for s in verdict.result.steps for d in s.diagnosis)
    else:
        detail = f"the notes' LaTeX is {verdict.status}: {verdict.detail}"
    sizes = verdict.sizes
    return [Result(f"{claim.id}/latex", claim.equation, "proved" if ok else "failed",
                   "the notes' LaTeX parsed (symnet check) and proved", sizes,
                   time.perf_counter() - start, detail)]


def run_claims(claims, progress: Callable[[int, int, str], None] = None) -> list[Result]:
    """Run each claim; an exception inside one becomes an ``error`` row, not a crash."""
    results = []
    for n, claim in enumerate(claims, 1):
        if progress:
            progress(n - 1, len(claims), claim.id)
        start = time.perf_counter()
        try:
            results.extend(run_claim(claim))
        except Exception as exc:   # a broken claim must not hide the others
            results.append(Result(claim.id, claim.equation, "error", "", "",
                                  time.perf_counter() - start, f"{type(exc).__name__}: {exc}"))
    if progress:
        progress(len(claims), len(claims), "")
    return results


_POOL: dict = {}


def _run_one(index: int):
    claim = _POOL["claims"][index]
    rows = _POOL["known"].get(claim.id) or run_claims([claim])
    extra = _POOL["extra"](claim, rows) if _POOL["extra"] else None
    return rows, extra


def run_claims_parallel(claims, workers: int = None,
                        progress: Callable[[int, int, str], None] = None,
                        extra: Callable = None, while_waiting: Callable[[], None] = None,
                        known: dict = None):
    """run_claims on several processes (fork; the claims are independent), rows in the
    catalog's order.  ``extra(claim, rows)`` runs in the worker after each claim (its
    results come back as a second list); ``while_waiting()`` runs in this process while
    the workers prove.  One process where fork is unavailable.  ``known``: {claim id:
    rows} already proved (:mod:`symnet.core.proofs`), taken instead of proving again.

    Returns (rows, extras)."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor, as_completed
    claims = list(claims)
    known = known or {}
    workers = workers or min(os.cpu_count() or 1, 8)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        if while_waiting:
            while_waiting()
        rows = [known.get(c.id) or run_claims([c]) for c in claims]
        extras = [extra(c, r) if extra else None for c, r in zip(claims, rows)]
        return [row for group in rows for row in group], extras
    _POOL.update(claims=claims, extra=extra, known=known)
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        try:
            futures = {pool.submit(_run_one, k): k for k in range(len(claims))}
            if while_waiting:
                while_waiting()
            out = [None] * len(futures)
            for done, future in enumerate(as_completed(futures), 1):
                out[futures[future]] = future.result()
                if progress:
                    progress(done, len(futures), claims[futures[future]].id)
        except BaseException:              # Ctrl-C: stop every worker now, not after the catalog
            stop_pool(pool)
            raise
        pool.shutdown()
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
