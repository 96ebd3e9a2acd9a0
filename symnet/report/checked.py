"""``symnet check --html OUT.html DOC``: a checked document to look at.

One self-contained page: a summary bar (the counts, a link to each refuted equation),
then the document's own lines, each followed by the verdicts of the equations that start
on it: the equation drawn as MathML (as the report's HTML edition draws formulas), its
mark (holds, with the sizes the proof covers; refuted, with the diagnosis and the
counterexample; not a claim; not checked, with the reason and the hint).

The document is untrusted input.  Its text is escaped, never passed through as HTML, so a
note holding ``<script>`` or an ``onerror=`` attribute shows them as text.  The MathML that
``latex2mathml`` makes of an equation is parsed again and rebuilt from a list of MathML
elements and attributes (anything else, and any formula it cannot convert, is shown as
its escaped LaTeX source).  The page has no script and loads nothing from the network.
"""
from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from symnet.checker.documents import HOLDS, NOT_A_CLAIM, NOT_CHECKED, REFUTED
from symnet.report.html import HtmlError, math

MATHML = "http://www.w3.org/1998/Math/MathML"

#: the presentation MathML elements a formula may use; nothing else is rebuilt
ELEMENTS = frozenset("""math mrow mi mn mo ms mtext mspace msub msup msubsup mfrac msqrt
    mroot mstyle merror mpadded mphantom mfenced menclose munder mover munderover mtable mtr
    mtd mlabeledtr semantics""".split())
#: their attributes that only set how a formula looks (no link, no event, no style)
ATTRIBUTES = frozenset("""display mathvariant stretchy fence separator lspace rspace width
    height depth columnalign rowalign columnspacing rowspacing columnlines rowlines frame
    displaystyle scriptlevel accent accentunder movablelimits form linethickness open close
    separators notation minsize maxsize largeop symmetric align side equalrows
    equalcolumns""".split())

#: per verdict: the CSS class, the mark a reader sees and the label of the summary bar
MARKS = {HOLDS: ("holds", "\u2713 holds", "hold"),
         REFUTED: ("refuted", "\u2717 refuted", "refuted"),
         NOT_A_CLAIM: ("not-a-claim", "\u2013 not a claim", "not a claim"),
         NOT_CHECKED: ("not-checked", "? not checked", "not checked")}

STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #222; }
header { position: sticky; top: 0; background: #f6f6f6; border-bottom: 1px solid #ccc;
         padding: .5em 1em; }
header h1 { font-size: 1.1em; margin: 0 0 .3em; overflow-wrap: anywhere; }
.count { margin-right: 1em; white-space: nowrap; }
main { padding: .5em 1em; max-width: 60em; }
.line { display: flex; white-space: pre-wrap; overflow-wrap: anywhere; font: 13px/1.45 monospace; }
.no { color: #999; min-width: 3.5em; text-align: right; padding-right: 1em; user-select: none; }
.verdict { margin: .3em 0 .6em 4.5em; padding: .3em .6em; border-left: 4px solid;
           scroll-margin-top: 8em; }
.verdict math { font-size: 1.15em; }
.verdict .formula { overflow-x: auto; overflow-y: hidden; padding: .25em 0; }
.verdict .mark { font-weight: bold; }
.verdict p { margin: .2em 0; overflow-wrap: anywhere; }
.holds { border-color: #2a7; background: #eef9f2; } .holds .mark { color: #185; }
.refuted { border-color: #c33; background: #fdeeee; } .refuted .mark { color: #a11; }
.not-a-claim { border-color: #999; background: #f4f4f4; } .not-a-claim .mark { color: #555; }
.not-checked { border-color: #d90; background: #fdf6e6; } .not-checked .mark { color: #940; }
code { font-size: 13px; }
"""


def _rebuilt(node: ET.Element) -> ET.Element:
    """A copy of a MathML tree with only :data:`ELEMENTS` and :data:`ATTRIBUTES`;
    ValueError at anything else."""
    name = node.tag.split("}", 1)[-1]
    if name not in ELEMENTS:
        raise ValueError(f"element {name!r}")
    copy = ET.Element(f"{{{MATHML}}}{name}")
    for key, value in node.attrib.items():
        if key not in ATTRIBUTES:
            raise ValueError(f"attribute {key!r}")
        copy.set(key, value)
    copy.text, copy.tail = node.text, node.tail
    copy.extend([_rebuilt(child) for child in node])
    return copy


def formula(latex: str) -> str:
    """The equation as MathML rebuilt from the allowed elements, or its escaped source
    in ``<code>`` when latex2mathml cannot read it or writes anything else."""
    try:
        tree = ET.fromstring(math(latex, display=True))
        ET.register_namespace("", MATHML)
        return ET.tostring(_rebuilt(tree), encoding="unicode")
    except (HtmlError, ET.ParseError, ValueError):
        return f"<code>{html.escape(latex)}</code>"


def _card(n: int, verdict) -> str:
    css, mark, _ = MARKS[verdict.status]
    words = verdict.sizes if verdict.status == HOLDS else verdict.detail
    details = [f"<p>{html.escape(words)}</p>"] if words else []
    if verdict.status == HOLDS and verdict.detail:
        details.append(f"<p>{html.escape(verdict.detail)}</p>")
    return (f'<div class="verdict {css}" id="eq-{n}"><span class="mark">{mark}</span> '
            f'<span class="where">line {verdict.line}</span>'
            f'<div class="formula">{formula(verdict.equation)}</div>{"".join(details)}</div>')


def _summary(name: str, verdicts) -> str:
    counts = " ".join(
        f'<span class="count {css}-count">{sum(v.status == status for v in verdicts)} {label}'
        f"</span>" for status, (css, _, label) in MARKS.items())
    refuted = [f'<a href="#eq-{n}">line {v.line}</a>'
               for n, v in enumerate(verdicts, 1) if v.status == REFUTED]
    links = f'<div class="refuted-links">refuted: {", ".join(refuted)}</div>' if refuted else ""
    found = f"{len(verdicts)} equations: " if verdicts else f"no equations found in {name}: "
    return (f"<header><h1>symnet check: {html.escape(name)}</h1>"
            f"<div>{html.escape(found)}{counts}</div>{links}</header>")


def page(name: str, text: str, verdicts) -> str:
    """The whole page for the document ``name`` with source ``text`` and its verdicts."""
    by_line: dict = {}
    for n, verdict in enumerate(verdicts, 1):
        by_line.setdefault(verdict.line, []).append(_card(n, verdict))
    rows = []
    for number, line in enumerate(text.splitlines() or [""], 1):
        rows.append(f'<div class="line" id="L{number}"><span class="no">{number}</span>'
                    f"<span>{html.escape(line)}</span></div>")
        rows.extend(by_line.pop(number, []))
    for cards in by_line.values():           # a line past the end (never, but not lost)
        rows.extend(cards)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>symnet check: {html.escape(name)}</title><style>{STYLE}</style></head>"
            f"<body>{_summary(name, verdicts)}<main>{''.join(rows)}</main></body></html>\n")
