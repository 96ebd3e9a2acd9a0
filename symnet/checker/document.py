"""Formulas in a document: where they are, and the equations inside each.

``symnet check FILE`` reads a Markdown or LaTeX document, finds every formula
(``$..$``, ``$$..$$``, ``\\(..\\)``, ``\\[..\\]`` and the environments ``equation``,
``align``, ``align*``, ``gather``, ``multline``, with ``aligned`` and ``split`` inside),
and splits each into the equations it states:

- rows of an aligned block separated by ``\\\\``, the ``&`` removed; a row that begins
  with "=" continues the chain of the row above (``\\delta &= A \\\\ &= B``);
- several equations in one display separated at the top level by ``,``, ``;``,
  ``\\quad``, ``\\qquad`` or ``\\text{...}``;
- labels (``\\textcircled{1}``, ``\\tag``, equation numbers) are not part of an equation.

Directives in comments (``<!-- symnet: f = step -->`` in Markdown, ``% symnet: f = step``
in LaTeX) set what the document's f is from there on, until the next directive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_BYTES = 2_000_000

ENVIRONMENTS = ("equation", "equation*", "align", "align*", "gather", "gather*",
                "multline", "multline*", "displaymath", "eqnarray", "eqnarray*")
_ENV = "|".join(re.escape(e) for e in ENVIRONMENTS)
_DISPLAY = re.compile(
    r"\$\$(?P<dd>.+?)\$\$"
    r"|\\\[(?P<br>.+?)\\\]"
    rf"|\\begin\{{(?P<env>{_ENV})\}}(?P<body>.+?)\\end\{{(?P=env)\}}"
    r"|\\\((?P<pa>.+?)\\\)"
    r"|(?<![\\$])\$(?P<d>[^$\n]+?)\$(?!\$)",
    re.DOTALL)
_DIRECTIVE = re.compile(r"(?:<!--|%)\s*symnet:\s*(?P<key>[A-Za-z]+)\s*=\s*(?P<value>[A-Za-z_-]+)")
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
KNOWN_DIRECTIVES = {"f": ("sigmoid", "step")}


@dataclass
class Equation:
    """One equation (a chain a = b = ...) of a formula."""

    line: int
    text: str
    formula: str                        # the whole formula it came from
    context: dict = field(default_factory=dict)


class DocumentError(ValueError):
    """The file cannot be read as a document (missing, binary, too large)."""


def read_document(path: str) -> tuple[str, str]:
    """(text, kind) of a .md / .tex file or '-' (standard input, read as Markdown)."""
    import sys
    from pathlib import Path
    if path == "-":
        text = sys.stdin.read(MAX_BYTES + 1)
        kind = "md"
    else:
        p = Path(path)
        if not p.is_file():
            raise DocumentError(f"{path}: no such file")
        if p.stat().st_size > MAX_BYTES:
            raise DocumentError(f"{path}: larger than {MAX_BYTES:,} bytes")
        data = p.read_bytes()
        if b"\0" in data:
            raise DocumentError(f"{path}: a binary file, not a document")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise DocumentError(f"{path}: not UTF-8 text") from None
        kind = "tex" if p.suffix.lower() in (".tex", ".ltx", ".latex") else "md"
    if len(text) > MAX_BYTES:
        raise DocumentError(f"{path}: larger than {MAX_BYTES:,} bytes")
    return text, kind


def _blank(match) -> str:
    """Same length, newlines kept: positions and line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group())


def _unescape_markdown(formula: str) -> str:
    """Markdown escapes inside math: \\_ -> _, \\* -> *; a formula whose every command
    is written with a doubled backslash (\\\\frac) gets single ones."""
    formula = re.sub(r"\\([_*#])", r"\1", formula)
    if re.search(r"\\\\[A-Za-z]", formula) and not re.search(r"(?<!\\)\\[A-Za-z]", formula):
        formula = formula.replace("\\\\", "\\")
    return formula


def formulas(text: str, kind: str = "md"):
    """(line, formula, context) for every formula of the document, in order."""
    masked = _CODE.sub(_blank, text) if kind == "md" else text
    if kind == "tex":
        masked = re.sub(r"(?<!\\)%[^\n]*", lambda m: m.group() if _DIRECTIVE.match(m.group())
                        else _blank(m), masked)
    events = [(m.start(), "directive", m) for m in _DIRECTIVE.finditer(masked)]
    events += [(m.start(), "formula", m) for m in _DISPLAY.finditer(masked)]
    context = {}
    for start, what, m in sorted(events, key=lambda e: e[0]):
        if what == "directive":
            key, value = m.group("key"), m.group("value")
            if key in KNOWN_DIRECTIVES and value in KNOWN_DIRECTIVES[key]:
                context = dict(context, **{key: value})
            continue
        group = next(g for g in ("dd", "br", "body", "pa", "d") if m.group(g) is not None)
        body = m.group(group)
        if kind == "md":
            body = _unescape_markdown(body)
        line = masked.count("\n", 0, m.start(group)) + 1
        yield line, body, dict(context)


# --- equations inside one formula ---------------------------------------------------------

_ALIGNED = re.compile(r"\\(begin|end)\{(aligned|split|gathered|alignedat)\}(\{\d+\})?")
_SEPARATORS = re.compile(r"\\qquad\b|\\quad\b|\\text\s*\{[^{}]*\}|\\mbox\s*\{[^{}]*\}|[,;]|\\\\")
_LABELS = re.compile(r"\\textcircled\s*\{[^{}]*\}|\\text\s*\{\s*\(?[0-9a-z]\)?\s*\}\s*(?=\S)")
_FILLERS = re.compile(r"^\s*(\\dots|\\cdots|\\ldots|\\vdots|\.\.\.)\s*$")


def _top_level_pieces(text: str):
    """Split at separators that stand outside every brace, bracket, parenthesis and
    matrix environment: (offset, piece) pairs; the separators themselves are dropped."""
    pieces, depth, env_depth, last, i = [], 0, 0, 0, 0
    while i < len(text):
        ch = text[i]
        if text.startswith("\\begin{", i):
            env_depth += 1
        elif text.startswith("\\end{", i):
            env_depth -= 1
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in "{}":
            depth += 1 if text[i + 1] == "{" else -1          # \{ ... \}: a set
            i += 2
            continue
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in "()[]|":
            i += 2
            continue
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif depth == 0 and env_depth == 0:
            m = _SEPARATORS.match(text, i)
            if m:
                pieces.append((last, text[last:i]))
                last = i = m.end()
                continue
        i += 1
    pieces.append((last, text[last:]))
    return pieces


def _strip_alignment(piece: str) -> str:
    """The alignment marks & removed, except inside a matrix environment (columns)."""
    out, env_depth, i = [], 0, 0
    while i < len(piece):
        if piece.startswith("\\begin{", i):
            env_depth += 1
        elif piece.startswith("\\end{", i):
            env_depth -= 1
        if piece[i] == "&" and env_depth == 0 and (i == 0 or piece[i - 1] != "\\"):
            out.append(" ")
        else:
            out.append(piece[i])
        i += 1
    return "".join(out)


_CONDITION = re.compile(r"^\s*[a-z]\s*=\s*[a-z0-9+\-\s]+$")
_INEQUALITY = re.compile(r"\\(?:le|leq|ge|geq|ne|neq|in|notin|subset)\b|[<>]")


def _has_relation(piece: str) -> bool:
    """An '=' outside braces (sum limits such as _{j=1} do not count)."""
    depth = 0
    for ch in piece:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "=" and depth == 0:
            return True
    return False


def equations(formula: str) -> list[tuple[int, str]]:
    """The equations a formula states, as (offset in the formula, text) pairs: rows of an
    aligned block joined into chains, separate statements split apart, labels removed.
    Pieces without '=' (conditions, prose, lone terms) are not equations."""
    body = _ALIGNED.sub(lambda m: " " * len(m.group()), formula)
    body = _LABELS.sub(lambda m: " " * len(m.group()), body)
    out: list[list] = []
    for offset, piece in _top_level_pieces(body):
        stripped = _strip_alignment(piece)
        if not stripped.strip() or _FILLERS.match(stripped):
            continue
        if stripped.lstrip().startswith("=") and out:
            out[-1][1] = out[-1][1].rstrip() + " " + stripped.strip()     # continues the chain
            continue
        if not _has_relation(stripped) or _CONDITION.match(stripped) or _INEQUALITY.search(stripped):
            continue                          # no equation, or a condition such as k = l - 1
        out.append([offset + len(stripped) - len(stripped.lstrip()), stripped.strip()])
    return [(o, t) for o, t in out]


def document_equations(text: str, kind: str = "md") -> list[Equation]:
    """Every equation of the document with its line and the directives in force."""
    found = []
    for line, formula, context in formulas(text, kind):
        for offset, eq in equations(formula):
            found.append(Equation(line + formula.count("\n", 0, offset), eq, formula, context))
    return found
