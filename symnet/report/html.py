"""The HTML edition of the report: one self-contained page per language.

Every formula is the same LaTeX the PDF prints, turned into MathML by ``latex2mathml``
(browsers draw MathML themselves: no script, no font and no network access at view time);
the prose's few LaTeX marks ($..$, \\emph, \\textbf, \\texttt, \\\\) become HTML; the figures
are embedded as data URIs.  The page has the same sections, claims, reasons, marks and
appendix as the PDF (``reports/templates/chapter5.html.j2``).
"""
from __future__ import annotations

import base64
import html
import re
from pathlib import Path


class HtmlError(ValueError):
    """The HTML edition cannot be written (latex2mathml missing, a formula it cannot read)."""


def _converter():
    try:
        from latex2mathml.converter import convert
    except ImportError:
        raise HtmlError("--html needs latex2mathml: pip install 'symnet[html]'") from None
    return convert


# LaTeX that latex2mathml does not read, written as what it does read (spacing commands)
_SPACES = re.compile(r"\\[:;!,](?![A-Za-z])")
_LIMITS = re.compile(r"\\sum(?=\s*[_^])")


def math(latex: str, display: bool = False) -> str:
    """MathML of one formula, set inline (``display``: in display style, sums with their
    limits, still inline so that the pieces of a long formula wrap like words);
    HtmlError naming the formula when it cannot be converted."""
    convert = _converter()
    source = _SPACES.sub(" ", latex)
    if display:         # limits under and over a sum, as the PDF sets them
        source = r"\displaystyle " + _LIMITS.sub(r"\\sum\\limits", source)
    try:
        return convert(source, display="inline")
    except Exception as exc:       # latex2mathml raises its own exception types
        raise HtmlError(f"cannot write {latex[:80]!r} as MathML ({type(exc).__name__})") from None


def split(latex: str) -> list[str]:
    """A formula as written (the notes' LaTeX, a statement's source) in pieces that a
    narrow screen may wrap between: before each "=", "+" and binary "-" outside braces
    and outside brackets."""
    pieces, depth, start, previous = [], 0, 0, ""
    for found in _TOKEN.finditer(latex):
        token = found.group()
        if token in ("{", r"\left") or (token in "([" and previous != r"\left"):
            depth += 1
        elif token in ("}", r"\right") or (token in ")]" and previous != r"\right"):
            depth -= 1
        elif depth == 0 and token in "=+-" and found.start() > start and (
                token == "=" or previous not in _OPERATORS):
            pieces.append(latex[start:found.start()].strip())
            start = found.start()
        if not token.isspace():
            previous = token
    pieces.append(latex[start:].strip())
    return [p for p in pieces if p]


_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\s+|.", re.S)
_OPERATORS = {"", "=", "+", "-", "(", "[", "{", ",", r"\left", r"\cdot", r"\times"}


_INLINE = re.compile(r"\$([^$]+)\$")
_MARKS = [(re.compile(r"\\emph\{([^{}]*)\}"), r"<em>\1</em>"),
          (re.compile(r"\\textbf\{([^{}]*)\}"), r"<strong>\1</strong>"),
          (re.compile(r"\\texttt\{([^{}]*)\}"), r"<code>\1</code>")]


def prose(text: str) -> str:
    """HTML of a prose string of the report (its inline math as MathML)."""
    pieces, last = [], 0
    for found in _INLINE.finditer(text):
        pieces.append(_words(text[last:found.start()]))
        pieces.append(math(found.group(1)))
        last = found.end()
    pieces.append(_words(text[last:]))
    return "".join(pieces)


#: TeX's ligatures of the prose as the characters they set
_TYPOGRAPHY = (("``", "\u201c"), ("''", "\u201d"), ("---", "\u2014"), ("--", "\u2013"))


def plain(text: str) -> str:
    """A prose string as plain text, escaped for an attribute (an image's alt text, the
    page title): its math as the characters MathML draws, no markup."""
    shown = html.unescape(re.sub(r"<[^>]+>", "", prose(text)))
    return html.escape(shown, quote=True)


def _words(text: str) -> str:
    out = html.escape(text, quote=False)
    for pattern, replacement in _MARKS:
        out = pattern.sub(replacement, out)
    out = out.replace("\\_", "_").replace("~", "\u00a0").replace("\\\\", "<br>")
    for tex, typographic in _TYPOGRAPHY:
        out = out.replace(tex, typographic)
    return re.sub(r"\\([%&#$])", r"\1", out)


def image(path: Path) -> str:
    """A data URI of a PNG figure, or "" when it does not exist."""
    if not path.exists():
        return ""
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
