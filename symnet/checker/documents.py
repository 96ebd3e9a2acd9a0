"""``symnet check FILE``: every equation of a document, one verdict each.

A verdict is ``holds`` (every "=" proved), ``refuted`` (some "=" is false: the diagnosis
names what is wrong, the counterexample shows values where the sides differ) or ``not
checked`` (the tool does not fully understand the equation, and says why).  Nothing is
guessed: an equation the notation table cannot give one meaning is "not checked".
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import sympy as sp

from symnet.checker.notations import MeaningError, ParseError, check, default_layers
from symnet.core.limits import TimeLimitExceeded, time_limit
from symnet.core.registry import sigmoid, step as step_function
from symnet.checker.document import Equation, document_equations
from symnet.checker.parse import Node, parse

HOLDS, REFUTED, NOT_CHECKED = "holds", "refuted", "not checked"
SECONDS_PER_EQUATION = 30


@dataclass
class Verdict:
    line: int
    equation: str
    status: str
    detail: str = ""
    notation: str = ""
    sizes: str = ""
    seconds: float = 0.0

    def as_json(self) -> dict:
        return {"line": self.line, "equation": self.equation, "verdict": self.status,
                "detail": self.detail, "notation": self.notation, "sizes": self.sizes,
                "seconds": round(self.seconds, 3)}

    def line_text(self, name: str) -> str:
        """``FILE:LINE: holds | refuted: diagnosis | not checked: reason``."""
        tail = f": {self.detail}" if self.detail and self.status != HOLDS else ""
        return f"{name}:{self.line}: {self.status}{tail}"


# --- f of a number: only with the document's own word on what f is -----------------------

STEP = "step"


def _numbers_only(node: Node) -> bool:
    """Numbers, arithmetic and f(...) of them: nothing else."""
    if node.kind == "num":
        return True
    if node.kind == "call":
        fn, arg = node.args
        return fn.kind == "name" and fn.args[0] == "f" and _numbers_only(arg)
    if node.kind in ("add", "neg", "group", "frac", "chain"):
        return all(_numbers_only(a) for a in node.args if isinstance(a, Node))
    if node.kind == "mul":
        return node.op in ("cdot", "") and all(_numbers_only(a) for a in node.args)
    return False


def _has_f_of_number(node: Node) -> bool:
    if node.kind == "call" and node.args[0].kind == "name" and node.args[0].args[0] == "f" \
            and _numbers_only(node.args[1]):
        return True
    return any(_has_f_of_number(a) for a in node.args if isinstance(a, Node))


def _evaluate(node: Node, f):
    k = node.kind
    if k == "num":
        return sp.Rational(node.args[0])
    if k == "group":
        return _evaluate(node.args[0], f)
    if k == "neg":
        return -_evaluate(node.args[0], f)
    if k == "add":
        return sp.Add(*(_evaluate(a, f) for a in node.args))
    if k == "mul":
        return _evaluate(node.args[0], f) * _evaluate(node.args[1], f)
    if k == "frac":
        return _evaluate(node.args[0], f) / _evaluate(node.args[1], f)
    if k == "call":
        return f(_evaluate(node.args[1], f))
    raise MeaningError(f"cannot evaluate {k}", node.pos)


def _values(tree: Node, f_name: str) -> list:
    f = step_function.definition if f_name == STEP else sigmoid.definition
    return [sp.nsimplify(_evaluate(side, f)) for side in tree.args]


def _first_wrong(values) -> int:
    """The number of the first "=" whose sides differ (1-based), or 0."""
    for n, (a, b) in enumerate(zip(values, values[1:]), 1):
        if sp.simplify(a - b) != 0:
            return n
    return 0


def _check_numbers(tree: Node, f_name: str) -> Verdict:
    values = _values(tree, f_name)
    n = _first_wrong(values)
    if not n:
        return Verdict(0, "", HOLDS, "", f"numbers, f = {f_name}", "exact")
    detail = f"step {n}: {values[n - 1]} =/= {values[n]} with f = {f_name}"
    other = "sigmoid" if f_name == STEP else STEP
    if not _first_wrong(_values(tree, other)):
        detail += (f"; it holds with f = {other}: the {other} function is used where the "
                   f"{f_name} is meant")
    return Verdict(0, "", REFUTED, detail, f"numbers, f = {f_name}", "exact")


# --- one equation ------------------------------------------------------------------------

def check_equation(eq: Equation, layers=None) -> Verdict:
    """The verdict on one equation of a document."""
    start = time.perf_counter()
    verdict = _check_equation(eq, layers)
    verdict.line, verdict.equation = eq.line, eq.text
    verdict.seconds = time.perf_counter() - start
    return verdict


def _check_equation(eq: Equation, layers) -> Verdict:
    try:
        tree = parse(eq.text)
    except ParseError as exc:
        return Verdict(0, "", NOT_CHECKED, f"cannot read it: {exc}")
    if len(tree.args) < 2:
        return Verdict(0, "", NOT_CHECKED, "no '=' to check")
    if _has_f_of_number(tree):
        f_name = eq.context.get("f")
        if f_name is None:
            return Verdict(0, "", NOT_CHECKED, "f of a number: the document does not say "
                           "what f is here (add <!-- symnet: f = step --> or "
                           "% symnet: f = sigmoid)")
        if not _numbers_only(tree):
            named = tree.args[0].kind in ("name", "script")
            rest = Node("chain", tree.args[1:], tree.pos)
            if not (named and len(rest.args) >= 2 and _numbers_only(rest)):
                return Verdict(0, "", NOT_CHECKED, f"f of a number beside symbols (f = {f_name})")
            tree = rest               # y = f(0.5) = 1: the name is a label, the rest numbers
        try:
            return _check_numbers(tree, f_name)
        except (MeaningError, TypeError, ZeroDivisionError) as exc:
            return Verdict(0, "", NOT_CHECKED, f"cannot evaluate it: {exc}")
    if eq.context.get("f") == STEP:
        return Verdict(0, "", NOT_CHECKED, "f is the step function here (a directive says "
                       "so); its derivative is not the notes' f'")
    try:
        with time_limit(SECONDS_PER_EQUATION):
            use = layers if layers is not None else default_layers(eq.text)
            result = check(eq.text, use)
    except (ParseError, MeaningError) as exc:
        return Verdict(0, "", NOT_CHECKED, str(exc))
    except TimeLimitExceeded:
        return Verdict(0, "", NOT_CHECKED, f"time limit: checking took longer than "
                       f"{SECONDS_PER_EQUATION} s")
    except RecursionError:
        return Verdict(0, "", NOT_CHECKED, "nested too deeply")
    except ValueError as exc:
        return Verdict(0, "", NOT_CHECKED, str(exc))
    if result.holds:
        return Verdict(0, "", HOLDS, "", result.notation, result.sizes)
    parts, seen = [], set()
    for n, step in enumerate(result.steps, 1):
        if step.holds:
            continue
        what = "; ".join(step.diagnosis) or "the sides differ"
        label = step.left.split(":", 1)[0] + ": " if step.left.startswith("k = ") else ""
        if what in seen:
            continue
        seen.add(what)
        ce = step.counterexample
        if ce:
            what += f" (at {ce['sizes']}: left {ce['left']}, right {ce['right']})"
        parts.append(f"{label}step {_step_number(result.steps, n)}: {what}")
    return Verdict(0, "", REFUTED, "; ".join(parts), result.notation, result.sizes)


def _step_number(steps, n: int) -> int:
    """The "=" number within its own k (steps of several k are listed one k after another)."""
    label = steps[n - 1].left.split(":", 1)[0] if steps[n - 1].left.startswith("k = ") else None
    if label is None:
        return n
    same = [i for i, s in enumerate(steps, 1) if s.left.startswith(label + ":")]
    return same.index(n) + 1


def check_document(text: str, kind: str = "md", layers=None, progress=None) -> list[Verdict]:
    """A verdict for every equation of the document, in order."""
    eqs = document_equations(text, kind)
    out = []
    for n, eq in enumerate(eqs, 1):
        if progress:
            progress(n - 1, len(eqs))
        out.append(check_equation(eq, layers))
    if progress:
        progress(len(eqs), len(eqs))
    return out


def summary(verdicts) -> dict:
    return {"holds": sum(v.status == HOLDS for v in verdicts),
            "refuted": sum(v.status == REFUTED for v in verdicts),
            "not_checked": sum(v.status == NOT_CHECKED for v in verdicts)}


def junit(name: str, verdicts, strict: bool) -> str:
    """A JUnit XML report: one test case per equation; refuted -> failure, not checked ->
    skipped (an error with --strict)."""
    from xml.sax.saxutils import escape, quoteattr
    s = summary(verdicts)
    failures = s["refuted"]
    errors = s["not_checked"] if strict else 0
    skipped = 0 if strict else s["not_checked"]
    rows = ['<?xml version="1.0" encoding="UTF-8"?>',
            f'<testsuite name={quoteattr("symnet check " + name)} tests="{len(verdicts)}" '
            f'failures="{failures}" errors="{errors}" skipped="{skipped}" '
            f'time="{sum(v.seconds for v in verdicts):.3f}">']
    for v in verdicts:
        case = (f'  <testcase classname={quoteattr(name)} name={quoteattr(f"line {v.line}: {v.equation[:120]}")} '
                f'time="{v.seconds:.3f}"')
        if v.status == HOLDS:
            rows.append(case + "/>")
        elif v.status == REFUTED:
            rows.append(case + f'><failure message={quoteattr(v.detail[:500])}>'
                        f'{escape(v.equation)}</failure></testcase>')
        elif strict:
            rows.append(case + f'><error message={quoteattr(v.detail[:500])}/></testcase>')
        else:
            rows.append(case + f'><skipped message={quoteattr(v.detail[:500])}/></testcase>')
    rows.append("</testsuite>")
    return "\n".join(rows) + "\n"
