"""A :class:`~symnet.derive.derivation.Derivation` as text (one step per line, its reason
and verdict) or as one LaTeX ``aligned`` block (the main chain, then the factors and the
named derivatives, each row's reason beside it in ``\\text``)."""
from __future__ import annotations

from symnet.derive.proof import HOLDS

VERDICT_WORD = {HOLDS: "proved", "refuted": "REFUTED", "not checked": "NOT CHECKED"}


def as_text(derivation) -> str:
    """A header, then ``LATEX    [reason: proved]`` per step, then ``result: LATEX``."""
    d = derivation
    loss = "squared error (5.4)" if d.loss == "squared" else f"{d.loss} loss"
    header = getattr(d, "header", None) or (
        f"d{d.top.latex}/d{d.wrt.latex} for f = {d.activation}, {loss}, symbolic d, q, l; "
        "every step proved by symnet check:")
    lines = [header]
    for step in d.steps:
        word = VERDICT_WORD.get(step.verdict, step.verdict or "not proved")
        tail = "" if step.verdict == HOLDS else f" ({step.detail})" if step.detail else ""
        lines.append(f"  {step.latex}    [{step.reason}: {word}{tail}]")
    lines.append(f"result: {d.result}")
    return "\n".join(lines) + "\n"


def as_latex(derivation) -> str:
    """An ``aligned`` block: the definition given (if any), the main chain (chain rule,
    product, closed form) as one left side and rows of ``&= ...``, then the other steps,
    one row each, every row ending in ``&& \\text{reason}``."""
    steps = derivation.steps
    main = [s for s in steps if s.main]
    rows = [_row(s.left, s.right, s.reason) for s in steps if s.kind == "definition"]
    rows += [_row(s.left if n == 0 else "", s.right, s.reason) for n, s in enumerate(main)]
    rows += [_row(s.left, s.right, s.reason) for s in steps
             if not s.main and s.kind != "definition"]
    return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}\n"


def _row(left: str, right: str, reason: str) -> str:
    return f"{left} &= {right} && {reason_latex(reason)}"


def reason_latex(reason: str) -> str:
    """A reason (text with $math$) in LaTeX: the text in \\text{..}, the math as is."""
    parts = reason.split("$")
    out = []
    for n, part in enumerate(parts):
        if n % 2:
            out.append(part)
        elif part:
            out.append(rf"\text{{{part}}}")
    return " ".join(out)
