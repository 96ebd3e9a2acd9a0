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
    holds: bool
    steps: list
    notation: str
    sizes: str

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
