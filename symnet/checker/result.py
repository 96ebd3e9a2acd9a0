"""What a check answers: :class:`CheckResult` (the verdict and one :class:`Step` per "="),
and :class:`MeaningError`, the refusal of a formula the notation cannot read."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import sympy as sp


class MeaningError(ValueError):
    """The formula parses but names something the notation does not have (or misuses
    it); position and explanation."""

    def __init__(self, message: str, position: int = 0):
        super().__init__(f"at character {position + 1}: {message}")
        self.position = position


def refusal(message: str) -> MeaningError:
    """A MeaningError whose message already says where (a verdict's detail)."""
    error = MeaningError.__new__(MeaningError)
    ValueError.__init__(error, message)
    error.position = 0
    return error


class NotAClaim(MeaningError):
    """The statement is not an identity (a value, a condition, a definition)."""

    def __init__(self, message: str):
        ValueError.__init__(self, f"not a claim: {message}")
        self.position = 0


@dataclass
class Step:
    """One "=" of the chain."""

    left: str
    right: str
    holds: bool
    diagnosis: list = field(default_factory=list)
    counterexample: Optional[dict] = None


@dataclass
class CheckResult:
    """The verdict on a formula: ``holds`` (every "=" proved), one :class:`Step` per "=",
    the ``notation`` and ``sizes`` it was read in, and the formula's ``text``."""

    holds: bool
    steps: list
    notation: str
    sizes: str
    text: str = ""

    def _repr_latex_(self) -> str:
        verdict = r"\text{holds}" if self.holds else r"\text{refuted}"
        return f"$$ {self.text} \\qquad ({verdict}) $$" if self.text else None

    def _repr_html_(self) -> str:
        import html
        head = (f"<p><b style='color:{'green' if self.holds else 'red'}'>"
                f"{'holds' if self.holds else 'refuted'}</b> ({html.escape(self.notation)}; "
                f"sizes {html.escape(self.sizes)})</p>")
        bad = "".join(f"<li>step {n}: {html.escape('; '.join(s.diagnosis) or 'the sides differ')}"
                      f"</li>" for n, s in enumerate(self.steps, 1) if not s.holds)
        return head + (f"<ul>{bad}</ul>" if bad else "")

    def as_json(self) -> dict:
        return {"verdict": "holds" if self.holds else "refuted", "notation": self.notation,
                "sizes": self.sizes,
                "steps": [{"left": s.left, "right": s.right, "holds": s.holds,
                           "diagnosis": s.diagnosis, "counterexample": s.counterexample}
                          for s in self.steps]}


def defined(value, position: int = 0):
    """The value, or a MeaningError when it holds a division by zero (SymPy's zoo, nan or
    an infinity): such a side has no value, so it is neither equal nor unequal."""
    entries = value if isinstance(value, sp.MatrixBase) else [value]
    for entry in entries:
        if isinstance(entry, sp.Basic) and entry.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            raise MeaningError("a division by zero: a side has no value", position)
    return value
