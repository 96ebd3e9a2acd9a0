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


def math(latex: str, display: bool = False) -> str:
    """MathML of one formula; HtmlError naming the formula when it cannot be converted."""
    convert = _converter()
    source = _SPACES.sub(" ", latex)
    try:
        return convert(source, display="block" if display else "inline")
    except Exception as exc:       # latex2mathml raises its own exception types
        raise HtmlError(f"cannot write {latex[:80]!r} as MathML ({type(exc).__name__})") from None


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


def _words(text: str) -> str:
    out = html.escape(text, quote=False)
    for pattern, replacement in _MARKS:
        out = pattern.sub(replacement, out)
    out = out.replace("\\_", "_").replace("~", "\u00a0").replace("\\\\", "<br>")
    return re.sub(r"\\([%&#$])", r"\1", out)


def image(path: Path) -> str:
    """A data URI of a PNG figure, or "" when it does not exist."""
    if not path.exists():
        return ""
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
