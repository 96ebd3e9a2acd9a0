"""The Python API for notebooks and scripts: ``symnet.check``, ``symnet.verify``,
``symnet.kernels``, ``symnet.codegen`` (imported from the top level).  Results display as
formulas and tables in Jupyter (``_repr_latex_``, ``_repr_html_``).

    >>> import symnet
    >>> symnet.check(r"e_h = b_h(1-b_h) \\sum_{j=1}^{l} w_{hj} g_j").holds
    True
"""
from __future__ import annotations

import html
from dataclasses import dataclass


def check(latex: str, layers=None, activation: str = None, loss: str = None,
          notation: str = None):
    """Check one formula written in the notes' LaTeX: the same verdict as ``symnet check``
    (one front door, :func:`symnet.checker.equation.check_formula`).

    ``layers``: a list of layer sizes for the matrix notation (default: the notes' 3-4-4-3
    when the formula is in that notation, else the single-hidden-layer notation with
    symbolic d, q, l).  ``activation``, ``loss``: as the directives ``f = ...`` and
    ``loss = ...``; ``notation``: a shipped notation's name (``"nielsen"``) or a path to a
    notation file, as the directive ``notation = ...``.  Returns a :class:`symnet.checker.result.CheckResult` (``holds``,
    ``steps`` with diagnoses and counterexamples); raises ``ParseError`` or
    ``MeaningError`` (both ValueError) for what it cannot read, and ``NotAClaim`` (a
    MeaningError) for a statement that is not an identity (``x_1 = 1``).
    """
    from symnet.checker import documents
    from symnet.checker.document import starting_context
    from symnet.checker.equation import check_formula
    from symnet.checker.result import CheckResult, NotAClaim, refusal
    context = starting_context(activation, loss, notation=notation)
    verdict = check_formula(latex, context, layers)
    if verdict.status == documents.NOT_A_CLAIM:
        raise NotAClaim(verdict.detail)
    if verdict.status == documents.NOT_CHECKED:
        raise refusal(verdict.detail)
    result = verdict.result or CheckResult(verdict.status == documents.HOLDS, [],
                                           verdict.notation, verdict.sizes)
    result.sizes = verdict.sizes
    result.notation = verdict.notation or result.notation
    result.text = latex
    return result


@dataclass
class Verification:
    """The rows of a catalog run: ``results`` (one per claim and per step), ``summary``."""

    results: list

    @property
    def summary(self) -> dict:
        return {s: sum(r.status == s for r in self.results) for s in ("proved", "failed", "error")}

    @property
    def ok(self) -> bool:
        return self.summary["failed"] == self.summary["error"] == 0

    def as_json(self) -> dict:
        return {"claims": [r.as_json() for r in self.results], "summary": self.summary}

    def _summary_line(self) -> str:
        s = self.summary
        return f"{s['proved']} proved, {s['failed']} failed, {s['error']} errors"

    def __str__(self) -> str:
        """One line per row (claim, equation, status, sizes, seconds), the detail of a
        row that is not proved under it, and the summary; the methods are in
        ``results[n].method`` and the HTML table."""
        ids = max([len("claim")] + [len(r.id) for r in self.results])
        lines = [f"{'claim':<{ids}}  {'eq.':<5} {'status':<7} {'time':>7}  sizes"]
        for r in self.results:
            sizes = r.sizes if len(r.sizes) <= 40 else r.sizes.split("; ")[0][:40]
            lines.append(f"{r.id:<{ids}}  {r.equation:<5} {r.status:<7} {r.seconds:6.2f}s  "
                         f"{sizes}")
            if r.status != "proved" and r.detail:
                lines.append(" " * (ids + 2) + r.detail.splitlines()[0][:80])
        return "\n".join(lines + [self._summary_line()])

    def __repr__(self) -> str:
        return f"<Verification: {self._summary_line()}>"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td><code>{html.escape(r.id)}</code></td><td>{html.escape(r.equation)}</td>"
            f"<td style='color:{'green' if r.status == 'proved' else 'red'}'>{r.status}</td>"
            f"<td>{html.escape(r.sizes)}</td><td>{r.seconds:.2f} s</td>"
            f"<td>{html.escape(r.method)}</td></tr>" for r in self.results)
        s = self.summary
        return (f"<p>{s['proved']} proved, {s['failed']} failed, {s['error']} errors</p>"
                "<table><tr><th>claim</th><th>eq.</th><th>status</th><th>sizes</th>"
                f"<th>time</th><th>method</th></tr>{rows}</table>")


def verify(only=(), workers: int = None) -> Verification:
    """Prove the claim catalog (or the claims matching the glob patterns ``only``) on
    ``workers`` processes (default: every core, at most 8)."""
    from symnet.runner import catalog, run_claims_parallel, select
    claims = select(catalog(), list(only) if not isinstance(only, str) else [only])
    rows, _ = run_claims_parallel(claims, workers=workers)
    return Verification(rows)


def kernels(sizes, activation: str = "sigmoid", loss: str = "squared", dtype: str = "float64"):
    """In-memory NumPy kernels for these layer sizes: a module with ``init_params``,
    ``forward``, ``loss``, ``loss_and_grad``, ``backward`` and ``step`` (the generated
    module, loaded from its text)."""
    from symnet.numeric.kernels import kernels as load
    return load(sizes, activation, loss, dtype)


def codegen(sizes, activation: str = "sigmoid", loss: str = "squared", backend: str = "numpy",
            dtype: str = "float64", path=None) -> str:
    """The source of a standalone kernel module (``symnet codegen``); written atomically
    to ``path`` when given."""
    from symnet.numeric.codegen import generate, write_module
    if path is not None:
        return write_module(path, sizes, activation, loss, backend, dtype)
    return generate(sizes, activation, loss, backend, dtype)
