"""The relations a formula may state, one row each, with every way notes write them.

A row is ``meaning: (characters, commands)``: the characters typed for the relation
(Unicode signs, ASCII such as ``<=``) and the LaTeX commands, without their backslash,
that draw it.  Every regular expression of the checker that looks for a relation is built
from this table by :func:`pattern`, so a new spelling (``\\leqslant``) is one entry here.
Only "=" is checked; the others are listed with their line (an index range ``1 \\le h
\\le q`` beside a formula, a condition ``x \\in \\mathbb{R}^d``, an update ``g \\gets
..``)."""
from __future__ import annotations

import re

RELATIONS_BY_MEANING: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "equal": (("=",), ()),
    "less": (("<",), ("lt",)),
    "greater": ((">",), ("gt",)),
    "at most": (("≤", "<="), ("le", "leq", "leqslant", "leqq")),
    "at least": (("≥", ">="), ("ge", "geq", "geqslant", "geqq")),
    "not equal": (("≠",), ("ne", "neq")),
    "element of": (("∈",), ("in",)),
    "not element of": (("∉",), ("notin",)),
    "subset": (("⊂", "⊆"), ("subset", "subseteq")),
    "approximately": (("≈",), ("approx",)),
    "proportional": (("∝",), ("propto",)),
    "tends to": (("→",), ("to", "rightarrow", "longrightarrow")),
    "similar": (("∼", "≃"), ("sim", "simeq")),
    "identical": (("≡",), ("equiv",)),
    "defined as": (("≜", "≔"), ("triangleq", "coloneqq", "coloneq", "Coloneqq", "eqqcolon",
                                "eqcolon", "defeq", "eqdef", "doteq")),
    "assigned": (("←",), ("gets", "leftarrow")),
    "maps to": (("↦", "⟼"), ("mapsto", "longmapsto")),
    "implies": (("⇒",), ("Rightarrow",)),
    "if and only if": (("⇔",), ("iff",)),
    "much less": (("≪",), ("ll",)),
    "much greater": (("≫",), ("gg",)),
}

#: the relations between two numbers or index letters (h \le q, k = n, i \ne j)
ORDER = ("equal", "less", "greater", "at most", "at least", "not equal")


def pattern(*meanings: str, commands_only: bool = False) -> str:
    """A regular expression (no groups that capture) matching one spelling of any of
    ``meanings`` (every row when none is named): its characters, longest first, and its
    commands, each followed by no further letter (``\\le`` is not the start of
    ``\\left``)."""
    rows = [RELATIONS_BY_MEANING[m] for m in meanings or RELATIONS_BY_MEANING]
    characters = sorted({c for chars, _ in rows for c in chars}, key=lambda c: (-len(c), c))
    commands = sorted({c for _, cmds in rows for c in cmds}, key=lambda c: (-len(c), c))
    alternatives = [] if commands_only else [re.escape(c) for c in characters]
    if commands:
        alternatives.append(r"\\(?:" + "|".join(commands) + r")(?![A-Za-z])")
    return "(?:" + "|".join(alternatives) + ")"
