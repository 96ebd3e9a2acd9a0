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
    error.position = None                 # its message says where
    return error


class NotAClaim(MeaningError):
    """The statement is not an identity (a value, a condition, a definition)."""

    def __init__(self, message: str):
        ValueError.__init__(self, f"not a claim: {message}")
        self.position = None


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


def shown(left, right, digits: int = 12) -> tuple:
    """Two differing numbers printed with ``digits`` significant digits, or more (up to 60)
    when that many would print them alike (1 + 10^-19 against 1)."""
    for n in (digits, 20, 30, 45, 60):
        a, b = str(sp.N(left, n)), str(sp.N(right, n))
        if a != b:
            break
    return a, b


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

    # --- how a result shows itself: print(), the REPL, Jupyter --------------------------

    def _refuted(self) -> list:
        return [(n, s) for n, s in enumerate(self.steps, 1) if not s.holds]

    def _verdict_lines(self) -> list:
        """'holds', or 'refuted: DIAGNOSIS' (with 'step n: ' in a chain; at most three
        steps)."""
        if self.holds:
            return ["holds"]
        bad = self._refuted()
        lines = [(f"step {n}: " if len(self.steps) > 1 else "")
                 + ("; ".join(s.diagnosis) or "the two sides differ") for n, s in bad[:3]]
        if len(bad) > 3:
            lines.append(f"... and {len(bad) - 3} more refuted steps (result.steps)")
        if not lines:
            return ["refuted"]
        return ["refuted: " + lines[0]] + ["         " + line for line in lines[1:]]

    def _counterexample(self):
        """(index in ``steps``, counterexample) of the first refuted step that has one."""
        return next(((n - 1, s.counterexample) for n, s in self._refuted()
                     if s.counterexample), (None, None))

    def __str__(self) -> str:
        """A few short lines: the formula, the verdict, the sizes and, for a refutation,
        the counterexample in the book's names (γ_1, v_12, ŷ_3)."""
        lines = ([self.text] if self.text else []) + self._verdict_lines()
        lines.append(f"  sizes: {self.sizes}")
        n, ce = self._counterexample()
        if ce:
            where, values, sides = _counterexample_parts(ce)
            lines.append(f"  counterexample at {where}:")
            items = [f"{book_name(k)} = {v}" for k, v in values.items()]
            lines += ["    " + line for line in _wrapped(
                items, f"result.steps[{n}].counterexample['values']")]
            lines.append(f"    {sides}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        verdict = "holds" if self.holds else "refuted"
        return f"<CheckResult {verdict}: {self.text or self.notation}>"

    def _repr_latex_(self) -> str:
        """What print() shows, typeset: the formula, the verdict, the sizes and the
        counterexample with the book's symbols (\\gamma_{1}, \\hat{y}_{3})."""
        verdict = r"\text{holds}" if self.holds else r"\text{refuted}"
        rows = [f"{self.text} \\qquad ({verdict})" if self.text else verdict]
        rows += [r"\text{%s}" % _latex_text(line.strip()) for line in self._verdict_lines()
                 if line != "holds"]
        rows.append(r"\text{sizes: %s}" % _latex_text(self.sizes))
        _, ce = self._counterexample()
        if ce:
            where, values, sides = _counterexample_parts(ce)
            rows.append(r"\text{counterexample at %s:}" % _latex_text(where))
            items = [f"{book_name(k, latex=True)} = {_latex_number(v)}"
                     for k, v in values.items()]
            rows += [r",\ ".join(items[i:i + 6]) for i in range(0, len(items), 6)]
            rows.append(r"\text{%s}" % _latex_text(sides))
        return "$$\\begin{array}{l}" + r" \\ ".join(rows) + "\\end{array}$$"

    def _repr_html_(self) -> str:
        """What print() shows, as HTML (the formula for MathJax, subscripts as <sub>)."""
        import html
        color = "green" if self.holds else "red"
        lines = [html.escape(line.strip()) for line in self._verdict_lines()]
        formula = f"\\({html.escape(self.text)}\\)<br>" if self.text else ""
        items = [f"<b style='color:{color}'>{lines[0]}</b>"] + lines[1:]
        items.append(f"sizes: {html.escape(self.sizes)} <small>({html.escape(self.notation)})"
                     "</small>")
        _, ce = self._counterexample()
        if ce:
            where, values, sides = _counterexample_parts(ce)
            shown = ", ".join(f"{book_name(k, html=True)} = {html.escape(str(v))}"
                              for k, v in values.items())
            items.append(f"counterexample at {html.escape(where)}:"
                         + (f" {shown};" if shown else "") + f" {html.escape(sides)}")
        return f"<div>{formula}" + "<br>".join(items) + "</div>"

    def as_json(self) -> dict:
        return {"verdict": "holds" if self.holds else "refuted", "notation": self.notation,
                "sizes": self.sizes,
                "steps": [{"left": s.left, "right": s.right, "holds": s.holds,
                           "diagnosis": s.diagnosis, "counterexample": s.counterexample}
                          for s in self.steps]}


def book_name(key: str, latex: bool = False, html: bool = False) -> str:
    """A counterexample's variable in the book's notation: ``gamma[1]`` is γ_1,
    ``v[1, 2]`` v_12, ``yhat[3]`` ŷ_3, ``eta`` η (as LaTeX: \\gamma_{1}, v_{12},
    \\hat{y}_{3}; as HTML with <sub>); other keys are returned as they are."""
    import re
    from symnet.checker.parse import UNICODE_GREEK
    from symnet.core.notation import GREEK
    m = re.fullmatch(r"([A-Za-z]+)(?:\[([0-9, ]+)\])?", key)
    if not m:
        return key
    name, indices = m.group(1), (m.group(2) or "").replace(" ", "").split(",")
    hat = name == "yhat"
    name = "y" if hat else name
    if latex:
        head = "\\" + name if name in GREEK else name
        head = r"\hat{%s}" % head if hat else head
    else:
        greek = {command: letter for letter, command in UNICODE_GREEK.items()}
        head = "ŷ" if hat else greek.get(name, name)
    if indices == [""]:
        return head
    sub = ("" if all(len(i) == 1 for i in indices) else ",").join(indices)
    if latex:
        return f"{head}_{{{sub}}}"
    if html:
        return f"{head}<sub>{sub}</sub>"
    return f"{head}_{sub}" if "," not in sub else f"{head}_{{{sub}}}"


def _counterexample_parts(ce: dict) -> tuple:
    """(where, values, sides) of a counterexample: where the sides differ (the sizes and
    indices; for a network drawn at random, its seed), the values given to the
    variables, and both sides' values."""
    values = dict(ce.get("values", {}))
    where = ce.get("sizes", "")
    if set(values) == {"seed"}:
        where += f" (x, the weights and y drawn with seed {values.pop('seed')})"
    left, right = str(ce.get("left")), str(ce.get("right"))
    entry, colon, value = left.partition(": ")
    if colon and entry.startswith("entry "):
        return where, values, f"{entry}: left side {value}, right side {right}"
    return where, values, f"left side {left}, right side {right}"


def _wrapped(items: list, rest: str, width: int = 84, most: int = 3) -> list:
    """``items`` joined by ', ' into lines of at most ``width`` characters, at most
    ``most`` lines; when some are left out, the last line says how many and where."""
    lines, line = [], ""
    for item in items:
        if line and len(line) + 2 + len(item) > width:
            lines.append(line + ",")
            line = item
        else:
            line = f"{line}, {item}" if line else item
    if line:
        lines.append(line)
    if len(lines) <= most:
        return lines
    shown = " ".join(lines[:most - 1]).count(" = ")
    return lines[:most - 1] + [f"... {len(items) - shown} more ({len(items)} values in all: "
                               f"{rest})"]


def _latex_text(text: str) -> str:
    """Plain text made safe inside \\text{..}."""
    for a, b in (("\\", r"\backslash "), ("{", r"\{"), ("}", r"\}"), ("_", r"\_"),
                 ("^", r"\^{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#")):
        text = text.replace(a, b)
    return text


def _latex_number(value) -> str:
    """An exact value as a counterexample writes it (3/4, -1/3, 2), in LaTeX."""
    text = str(value)
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    top, slash, bottom = digits.partition("/")
    return sign + (r"\frac{%s}{%s}" % (top, bottom) if slash else digits)


def defined(value, position: int = 0):
    """The value, or a MeaningError when it holds a division by zero (SymPy's zoo, nan or
    an infinity): such a side has no value, so it is neither equal nor unequal."""
    entries = value if isinstance(value, sp.MatrixBase) else [value]
    for entry in entries:
        if isinstance(entry, sp.Basic) and entry.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            raise MeaningError("a division by zero: a side has no value", position)
    return value
