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


class Step:
    """One "=" of the chain: its two sides as text, whether it holds, the diagnosis and a
    counterexample.  A side may be given as a function that prints it: it is printed only
    when read (a verdict on a document never reads the sides of a step that holds)."""

    def __init__(self, left, right, holds: bool, diagnosis: Optional[list] = None,
                 counterexample: Optional[dict] = None):
        self._left, self._right, self.holds = left, right, holds
        self.diagnosis = diagnosis if diagnosis is not None else []
        self.counterexample = counterexample

    @property
    def left(self) -> str:
        if callable(self._left):
            self._left = self._left()
        return self._left

    @property
    def right(self) -> str:
        if callable(self._right):
            self._right = self._right()
        return self._right

    def __eq__(self, other) -> bool:
        return isinstance(other, Step) and (self.left, self.right, self.holds, self.diagnosis,
                                            self.counterexample) == (
            other.left, other.right, other.holds, other.diagnosis, other.counterexample)

    def __repr__(self) -> str:
        return (f"Step({self.left!r}, {self.right!r}, {self.holds}, {self.diagnosis!r}, "
                f"{self.counterexample!r})")


def printed(label: str, value, limit: int = 200):
    """A side of a :class:`Step`, printed (``label`` + at most ``limit`` characters of
    SymPy's string form) only when it is read."""
    return lambda: label + sp.sstr(value)[:limit]


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
