"""Formulas in a document: where they are, and the equations inside each.

``symnet check FILE`` reads a Markdown or LaTeX document, finds every formula and splits
each into the statements it makes.  Where formulas are found (:data:`LAYOUTS`):

- Markdown: ``$..$``, ``$$..$$``, ``\\(..\\)``, ``\\[..\\]``, fenced ```` ```math ````
  blocks, and the code spans ```$..$``` and ``$`..`$`` (GitHub's and GitLab's math);
  any other code block or span is code;
- both: the environments ``equation``, ``align``, ``gather``, ``multline`` (starred or
  not), with ``aligned`` and ``split`` inside.

How a formula is split (:func:`equations`):

- rows of an aligned block separated by ``\\\\``, the ``&`` removed; a row that begins
  with a relation continues the chain of the row above, a row that begins with ``+`` or
  ``-``, or has no relation at all (``& \\cdot b_h``), continues its right side; a
  ``multline`` is one equation;
- several statements in one display are separated at the top level by ``,``, ``;``,
  ``\\text{...}``, and by ``\\quad``/``\\qquad`` when a statement follows (between terms
  they are spacing);
- labels (``\\textcircled{1}``, ``\\tag``, ``\\label``, an equation number after
  ``\\quad``) are not part of an equation; a piece with a relation other than ``=``
  (``\\le``, ``\\in``, ``\\approx``, ...) is kept, so that it is listed, not dropped.

Directives in comments (``<!-- symnet: f = tanh -->`` in Markdown, ``% symnet: f = tanh``
in LaTeX) set the activation f and the loss for the formulas that follow, until the next
directive; an unknown key or value is an error (:class:`DocumentError`), never ignored,
and so is a comment that says "symnet:" anywhere but at its start, or one that reads as
a directive under a misspelt name (``<!-- symnt: f = tanh -->``).

Markdown as CommonMark reads it: a fence's language is its info string's first word
(```` ```math {#eq1} ````); a fence or a ``<!--`` never closed runs to the end of the
document (what follows is not read, and a warning says so); blockquote marks are no part
of a formula; HTML entities in math (``&lt;``, ``&amp;``) are decoded, in code they are
kept and the equation is not checked; ``$5 and $6`` are prices; a ``$`` left unpaired is
reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from symnet.checker.parse import BRACKETED_NUMBER, FULL_WIDTH, FULL_WIDTH_NUMBER, NUMBER, SPACING
from symnet.checker.relations import pattern as relation_pattern

MAX_BYTES = 2_000_000

ENVIRONMENTS = ("equation", "equation*", "align", "align*", "gather", "gather*",
                "multline", "multline*", "displaymath", "eqnarray", "eqnarray*",
                "flalign", "flalign*", "alignat", "alignat*")
_ENV = "|".join(re.escape(e) for e in ENVIRONMENTS)
_DISPLAY_TEX = (
    r"\$\$(?P<dd>.+?)\$\$"
    r"|(?<!\\)\\\[(?P<br>.+?)\\\]"
    rf"|\\begin\{{(?P<env>{_ENV})\}}(?:\{{\d+\}})?(?P<body>.+?)\\end\{{(?P=env)\}}"
    r"|(?<!\\)\\\((?P<pa>.+?)\\\)"
    # $..$, not from a price ($5 and $6: a $ before a digit whose next $ follows a space)
    r"|(?<![\\$])\$(?!\d[^$\n]*\s\$)(?P<d>[^$\n]+?)\$(?!\$)")
_DISPLAY = {
    "tex": re.compile(_DISPLAY_TEX, re.DOTALL),
    # Markdown also \\( .. \\) and \\[ .. \\], a backslash escaped (docsify, hexo)
    "md": re.compile(r"(?<!\\)\\\\\((?P<pa2>.+?)\\\\\)|(?<!\\)\\\\\[(?P<br2>.+?)\\\\\]|"
                     + _DISPLAY_TEX, re.DOTALL)}
#: Markdown code: a fence opens a block (```math fences are formulas), a code span (`$..$`
#: and $`..`$ spans are formulas); an HTML entity (&lt;, &#60;) as CommonMark reads one
_FENCE_OPEN = re.compile(r"[ \t]*(?P<tick>`{3,}(?=[^`\n]*$)|~{3,})(?P<info>[^\n]*)")
HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_SPAN = re.compile(r"\$`(?P<gl>[^`\n]+?)`\$|(?P<tick>`+)(?P<code>[^`\n]|[^`\n].*?[^`\n])(?P=tick)")
_MATH_IN_SPAN = re.compile(r"^\s*\$\$?(?P<m>[^$]+?)\$\$?\s*$")
#: LaTeX code: \\verb|..| (any delimiter) and the verbatim environments
_TEX_CODE = re.compile(r"\\(?:verb\*?|lstinline(?:\[[^\]]*\])?|mintinline\{[^{}]*\})"
                       r"(?:(?P<q>[^A-Za-z\s*{])[^\n]*?(?P=q)|\{[^{}\n]*\})"
                       r"|\\iffalse\b.*?\\fi\b"
                       r"|\\(?:re)?newcommand\*?\s*\{?\\[A-Za-z]+\}?\s*(?:\[\d\])?\s*"
                       r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
                       r"|\\begin\{(?P<env>verbatim\*?|Verbatim|lstlisting|minted|comment)\}"
                       r".*?\\end\{(?P=env)\}", re.DOTALL)
#: Markdown: raw HTML code
_HTML_CODE = re.compile(r"<(?P<tag>pre|code)\b[^>]*>.*?</(?P=tag)\s*>", re.DOTALL | re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"^[ ]{0,3}(?:>[ ]?)+", re.MULTILINE)
#: a math delimiter left over: $$, or $ before a command or a letter (not a price: $5)
_UNPAIRED = re.compile(r"(?<![\\$])\$\$(?!\$)|(?<![\\$])\$(?=[\\A-Za-z{])")
#: comments; one that speaks to symnet (opens with "symnet", or says "symnet:" anywhere)
#: is a directive, which must read "symnet: KEY = VALUE" from its start
_COMMENT_MD = re.compile(r"<!--(?P<body>.*?)-->", re.DOTALL)
_COMMENT_TEX = re.compile(r"(?<!\\)%(?P<body>[^\n]*)")
_SPEAKS_TO_SYMNET = re.compile(r"^[\s%]*symnet\b|\bsymnet\s*:", re.IGNORECASE)
#: a comment that reads like a directive under a misspelt name (symnt: f = tanh)
#: (the name may be cut by a separator: sym-net, sym net, sym_net)
_LIKE_A_DIRECTIVE = re.compile(r"^[\s%]*(?P<word>[A-Za-z](?:[A-Za-z]|[-_. ](?=[A-Za-z])){3,9})"
                               r"\s*:\s*(?P<key>[A-Za-z\u0370-\u03ff]+)\s*=")
_DIRECTIVE = re.compile(r"^[\s%]*symnet\b(?P<rest>.*)$", re.DOTALL | re.IGNORECASE)
_KEY_VALUE = re.compile(r"^\s*:\s*(?P<key>[A-Za-z\u0370-\u03ff]+)\s*=\s*"
                        r"(?P<value>\S(?:.*\S)?)\s*$", re.DOTALL)
#: a section starts: local definitions end there
#: (ATX: up to three blanks, then 1-6 #; setext: a line of = or - under a line of text)
_SECTION_MD = re.compile(r"^ {0,3}#{1,6}(?=[ \t\n]|$)|(?<=\S)[ \t]*\n {0,3}(?:=+|-+)[ \t]*$",
                         re.MULTILINE)
_SECTION_TEX = re.compile(r"\\(?:chapter|section|subsection|subsubsection)\*?\s*"
                          r"(?:\[[^\]\n]*\]\s*)?\{")
#: YAML front matter at a Markdown file's start (metadata, not text)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def speaks_to_symnet(body: str) -> bool:
    """A comment (``body``: its text) meant for symnet: it opens with "symnet" or says
    "symnet:", or it reads "NAME: KEY = ..." with a directive's key under a name close to
    "symnet" (a misspelt directive is an error, never a comment ignored)."""
    from difflib import SequenceMatcher
    if _SPEAKS_TO_SYMNET.search(body):
        return True
    m = _LIKE_A_DIRECTIVE.match(body)
    return bool(m) and m.group("key") in set(directive_values()) | activation_letters() \
        and SequenceMatcher(None, re.sub(r"[-_. ]", "", m.group("word").lower()),
                            "symnet").ratio() >= 0.75


def directive_values() -> dict:
    """The keys a directive may set and the values each accepts (the registry's
    activations, the perceptron's step function, the losses the checker reads)."""
    from symnet.core.registry import ACTIVATIONS
    activations = tuple(sorted(set(ACTIVATIONS) | {"step"}))
    losses = ("squared", "cross-entropy", "softmax-cross-entropy")
    from symnet.core.notation_files import shipped
    return {"f": activations, "activation": activations, "loss": losses,
            "notation": tuple(shipped()) + ("PATH.toml",)}


def activation_letters() -> set:
    """The letters the shipped notations write the activation with (sigma or σ, h, ...):
    each is a directive key with the meaning of ``f``."""
    from symnet.checker.parse import UNICODE_GREEK
    from symnet.core.notation_files import load, shipped
    letters = {c for name in shipped() for c in load(name).activation}
    return letters | {g for g, name in UNICODE_GREEK.items() if name in letters}


def read_directive(body: str, where: str) -> tuple[str, str]:
    """(key, value) of a comment that speaks to symnet (``body``: its text inside the
    comment marks); DocumentError naming the known keys or values otherwise (``where``
    says which line): a directive not at the start of its comment is not understood."""
    opening = _DIRECTIVE.match(body)
    m = _KEY_VALUE.match(opening.group("rest")) if opening else None
    if not m:
        said = " ".join(body.split())
        raise DocumentError(f"{where}: directive not understood: {said!r}; a symnet directive "
                            f"is 'symnet: KEY = VALUE' at the start of its comment (keys: "
                            f"{', '.join(directive_values())})")
    return directive(m.group("key"), m.group("value"), where)


def directive(key: str, value: str, where: str) -> tuple[str, str]:
    """(key, value) checked against :func:`directive_values` (``activation`` is ``f``);
    DocumentError naming the known keys or values otherwise."""
    known = directive_values()
    if key in activation_letters():
        key = "f"                     # the notation's own letter: h = tanh, sigma = relu
    if key == "notation":
        from symnet.core.notation_files import NotationError, load
        try:
            load(value)
        except NotationError as exc:
            raise DocumentError(f"{where}: {exc}") from None
        return key, value
    if key not in known:
        raise DocumentError(f"{where}: unknown directive key {key!r} (known: "
                            f"{', '.join(known)})")
    if value not in known[key]:
        raise DocumentError(f"{where}: unknown value {value!r} for {key} (known: "
                            f"{', '.join(known[key])})")
    return ("f" if key == "activation" else key), value


def starting_context(activation: str = None, loss: str = None, prefix: str = "",
                     notation: str = None) -> dict:
    """What holds before a document's first directive: the activation, the loss and the
    notation given as options (``--activation``, ``--loss``, ``--notation``, or the API's
    arguments), checked as directives are; ``prefix`` names them in errors ("--" for the
    command line)."""
    pairs = (("activation", activation), ("loss", loss), ("notation", notation))
    return dict(directive(key, value, prefix + key) for key, value in pairs if value is not None)


@dataclass
class Equation:
    """One equation (a chain a = b = ...) of a formula, or a piece with another relation,
    with the directives and local definitions in force (``context``)."""

    line: int
    text: str
    formula: str                        # the whole formula it came from
    context: dict = field(default_factory=dict)
    column: int = 0                     # where it starts in its line, from 1 (0: unknown)
    shown: str = ""                     # as written, where ``text`` adds to it (else text)


class DocumentError(ValueError):
    """The file cannot be read as a document (missing, binary, too large), or one of its
    directives is not understood."""


def read_document(path: str) -> tuple[str, str]:
    """(text, kind) of a .md / .tex file or '-' (standard input, read as Markdown)."""
    import sys
    from pathlib import Path
    if path == "-":
        text = sys.stdin.read(MAX_BYTES + 1).removeprefix("\ufeff")
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
            text = data.decode("utf-8-sig")          # a byte order mark is no character
        except UnicodeDecodeError:
            raise DocumentError(f"{path}: not UTF-8 text") from None
        kind = "tex" if p.suffix.lower() in (".tex", ".ltx", ".latex") else "md"
    if len(text) > MAX_BYTES:
        raise DocumentError(f"{path}: larger than {MAX_BYTES:,} bytes")
    return text, kind


def _blank(match) -> str:
    """Same length, newlines kept: positions and line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group())


def entities_decoded(text: str) -> str:
    """HTML entities (&lt; &amp; &le; &#60;) replaced by their characters, each padded with
    spaces to the entity's length (positions stay right); an unknown one is kept."""
    import html

    def one(m):
        char = html.unescape(m.group())
        if char == m.group():
            return char
        char = re.sub(r"\s", " ", char)
        return char + " " * (len(m.group()) - len(char))
    return HTML_ENTITY.sub(one, text)


def _unescape_markdown(formula: str) -> str:
    """Markdown escapes inside math, as docsify and hexo sources write them: \\_ -> _,
    \\* -> *, \\\\\\\\ (four) -> \\\\ (a row break); a formula whose every command is
    written with a doubled backslash (\\\\frac) gets single ones."""
    formula = re.sub(r"\\([_*#])", r"\1", formula)
    formula = formula.replace("\\\\\\\\", "\\\\")
    if re.search(r"\\\\[A-Za-z]", formula) and not re.search(r"(?<!\\)\\[A-Za-z]", formula):
        formula = formula.replace("\\\\", "\\")
    return formula


def markdown_math(body: str) -> str:
    """A math span of a Markdown document as MathJax reads it: HTML entities decoded, %
    comments blank, Markdown's escapes removed (:func:`_unescape_markdown`)."""
    return _unescape_markdown(_math_comments_blanked(entities_decoded(body)))


def _math_comments_blanked(formula: str) -> str:
    """Markdown math: a % comment (to the end of its line, as MathJax and KaTeX read it)
    blank, same length; one that speaks to symnet (a directive, which is no directive
    inside math) is kept, so that the formula stays unread rather than checked under the
    wrong f."""
    return _COMMENT_TEX.sub(lambda m: m.group() if speaks_to_symnet(m.group("body"))
                            else _blank(m), formula)


def _fences(text: str):
    """CommonMark's fenced code blocks: (start, end, code start, language, closed) each.  A
    fence is closed by a line of the same character, at least as long, and nothing else;
    one never closed runs to the end of the document.  The language is the first word of
    the info string (```math {#eq1}, ``` math) or a class ({.math})."""
    found, at, opened = [], 0, None
    for line in text.split("\n"):
        end = at + len(line)
        if opened is None:
            m = _FENCE_OPEN.fullmatch(line)
            if m:
                info = m.group("info").strip()
                word = re.match(r"\{?\s*\.?([^\s{}]*)", info).group(1).lower()
                opened = (at, m.group("tick"), word, min(end + 1, len(text)))
        elif re.fullmatch(rf"[ \t]*{re.escape(opened[1][0])}{{{len(opened[1])},}}\s*", line):
            found.append((opened[0], end, opened[3], opened[2], True))
            opened = None
        at = end + 1
    if opened is not None:
        found.append((opened[0], len(text), opened[3], opened[2], False))
    return found


def _code_formulas(text: str, warnings: list = None):
    """Markdown code: (masked text, [(start, formula, whole)]): fenced ```math blocks and
    the spans `$..$` and $`..`$ are formulas; every other block and span is blanked (a
    span of two or more backticks, ``$..$``, is code that shows how math is typed).  A
    fence never closed is code to the end (CommonMark), noted in ``warnings`` as (line,
    message)."""
    found, out = [], list(text)

    def blank(start, end):
        out[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    for start, end, code, language, closed in _fences(text):
        if not closed:
            (warnings if warnings is not None else []).append(
                (text.count("\n", 0, start) + 1, "a code fence that is never closed: the "
                 "rest of the document is code (CommonMark), no formula in it is read"))
        elif language == "math":
            body = text[code:text.rfind("\n", code, end) + 1] if end > code else ""
            found.append((code, body, True))
        blank(start, end)
    masked = "".join(out)
    for m in _SPAN.finditer(masked):
        if m.group("gl") is not None:
            found.append((m.start("gl"), m.group("gl"), False))
        else:
            inner = _MATH_IN_SPAN.match(m.group("code"))
            if inner and len(m.group("tick")) == 1:    # ``$..$`` shows how math is typed
                found.append((m.start("code") + inner.start("m"), inner.group("m"), False))
        blank(m.start(), m.end())
    return "".join(out), found


#: LaTeX: an address, in which % is a character (\\url{http://x.org/a%20b}), no comment
_ADDRESS_TEX = re.compile(r"\\(?:url|href)\s*\{[^{}\n]*\}")


def _comments_blanked(text: str) -> str:
    """LaTeX: every address blank (its % starts no comment), every comment blank,
    directives kept; code (\\verb|..|, verbatim, listings) blank."""
    text = _COMMENT_TEX.sub(lambda m: m.group() if speaks_to_symnet(m.group("body"))
                            else _blank(m), _ADDRESS_TEX.sub(_blank, text))
    return _TEX_CODE.sub(_blank, text)


#: Markdown: a list item's marker, and a line that is a block of its own, after which an
#: indented line opens code (an ATX heading, a thematic break, a setext underline)
_ITEM_MARKER = re.compile(r"^[ \t]*(?P<marker>[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_ONE_LINE_BLOCK = re.compile(r"^ {0,3}(?:#{1,6}(?:\s|$)|(?:[-*_][ \t]*){3,}$|=+[ \t]*$)")


def _columns(text: str) -> int:
    """The column the text after the leading blanks starts at (a tab stop every 4)."""
    return len(text[:len(text) - len(text.lstrip(" \t"))].expandtabs(4))


def _item_column(line: str):
    """The column of a list item's content where ``line`` opens one, else None: past the
    marker and the 1 to 4 blanks after it (one where more follow, or nothing)."""
    m = _ITEM_MARKER.match(line)
    if m is None or _ONE_LINE_BLOCK.match(line):
        return None
    end, rest = len(line[:m.end()].expandtabs(4)), line[m.end():]
    gap = _columns(rest)
    return end + (1 if not rest.strip() or gap > 4 else gap)


def _indented_code_blanked(text: str) -> str:
    """Markdown: an indented code block blank: lines indented by four columns past the
    list item they are in (none: the margin), where a block may open (after a blank line,
    a heading, a thematic break, an HTML comment's last line; not a paragraph's next
    line), and the blank lines between them (CommonMark)."""
    out, code, opens, items, html = [], False, True, [], False
    for line in text.split("\n"):
        bare = _QUOTE_MARKS.sub("", line)
        if not bare.strip():
            out.append(line)
            opens = opens or not html
            continue
        width = _columns(bare)
        while items and opens and width < items[-1]:
            items.pop()                      # a line left of the item's content ends it
        if not html and (code or opens) and width >= (items[-1] if items else 0) + 4:
            code = True
            out.append(" " * len(line))
            continue
        comment = html or re.match(r" {0,3}<!--", bare) is not None
        column = None if comment else _item_column(bare)
        if column is not None:
            items = [c for c in items if c <= width] + [column]
        code, html = False, comment and "-->" not in bare
        opens = comment and not html or _ONE_LINE_BLOCK.match(bare) is not None
        out.append(line)
    return "\n".join(out)


def _markdown_masked(text: str, warnings: list) -> tuple[str, list]:
    """Markdown: (the text with code, comments and blockquote marks blank, the formulas of
    code as events).  A comment never closed hides the rest (as a browser reads it)."""
    text = _FRONT_MATTER.sub(_blank, text)
    text = _QUOTE_MARKS.sub(_blank, _indented_code_blanked(text))
    masked, code = _code_formulas(text, warnings)
    events = [(start, "formula", (_math_comments_blanked(body), "", False))
              for start, body, _ in code]
    masked = _COMMENT_MD.sub(lambda m: m.group() if speaks_to_symnet(m.group("body"))
                             else _blank(m), masked)
    opened = masked.find("<!--")
    if opened >= 0 and not masked.startswith("<!--", opened + 4) and "-->" not in masked[opened:]:
        warnings.append((masked.count("\n", 0, opened) + 1, "a comment <!-- that is never "
                         "closed: the rest of the document is hidden, no formula in it is read"))
        masked = masked[:opened] + re.sub(r"[^\n]", " ", masked[opened:])
    return _HTML_CODE.sub(_blank, masked), events      # after code spans and comments


def _unpaired(masked: str, found: list, warnings: list) -> None:
    """A $$ or a $ before a command or a letter left over once the formulas are found: the
    delimiters may pair other than the author meant, so say where."""
    rest = list(masked)
    for start, end in found:
        rest[start:end] = " " * (end - start)
    m = _UNPAIRED.search("".join(rest))
    if m:
        warnings.append((masked.count("\n", 0, m.start()) + 1, f"an unpaired {m.group()!r}: "
                         "what follows it is not read as a formula (check the delimiters)"))


def formulas(text: str, kind: str = "md", with_start: bool = False, warnings: list = None):
    """(line, formula, context, environment) for every formula of the document, in order.
    ``context`` holds the directives in force ("f", "loss"), "level", the depth of the
    heading the formula is under (1 for # or \\chapter; none before the first), and
    "section", the number of the section the formula is in (local definitions end with
    their section).  With ``with_start``, (start, line, ...): ``start`` the formula's
    offset in ``text``.  What the reader should know (a fence never closed, an unpaired
    $) goes to ``warnings`` as (line, message).  Markdown math (not code) has its HTML
    entities decoded, as a browser does before MathJax reads the page."""
    warnings = [] if warnings is None else warnings
    if kind == "md":
        masked, events = _markdown_masked(text, warnings)
        directives, sections = _COMMENT_MD, _SECTION_MD
    else:
        masked, events = _comments_blanked(text), []
        directives, sections = _COMMENT_TEX, _SECTION_TEX
    events += [(m.start(), "directive", m) for m in directives.finditer(masked)]
    events += [(m.start(), "section", m) for m in sections.finditer(masked)]
    matches, inside = list(_DISPLAY[kind].finditer(masked)), {}
    for m in matches:
        group = next(g for g in ("dd", "br", "body", "pa", "d", "pa2", "br2")
                     if g in m.re.groupindex and m.group(g) is not None)
        body = m.group(group)
        inside[m.start(group)] = _directive_inside(masked, m.span(), events)
        events.append((m.start(group), "formula",
                       (markdown_math(body) if kind == "md" else body,
                        m.group("env") or "", kind == "md")))
    _unpaired(masked, [m.span() for m in matches], warnings)
    context = {"section": 0}
    for start, what, item in sorted(events, key=lambda e: e[0]):
        line = masked.count("\n", 0, start) + 1
        if what == "directive":
            key, value = read_directive(item.group("body"), f"line {line}")
            context = dict(context, **{key: value})
        elif what == "section":
            context = dict(context, section=context["section"] + 1, level=_level(item.group()))
        else:
            body, env, _ = item
            here = dict(context)
            if inside.get(start):
                here["directive_inside"] = inside[start]
            yield ((start,) if with_start else ()) + (line, body, here, env)


def _directive_inside(masked: str, span: tuple, events: list) -> int:
    """The line of a directive written inside the formula at ``span`` (0 if none): it is
    in force after the formula, so the formula's rows after it would be read without it."""
    at = [start for start, what, _ in events if what == "directive" and
          span[0] < start < span[1]]
    return masked.count("\n", 0, at[0]) + 1 if at else 0


_TEX_LEVELS = {"chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4}


def _level(heading: str) -> int:
    """The depth of a heading: the number of # in Markdown, 1 for \\chapter to 4 for
    \\subsubsection in LaTeX."""
    if heading.lstrip().startswith("#"):
        return len(heading.strip())
    if not heading.startswith("\\"):                   # setext: === is 1, --- is 2
        return 1 if "=" in heading else 2
    return _TEX_LEVELS[re.match(r"\\([a-z]+)", heading).group(1)]


# --- equations inside one formula ---------------------------------------------------------

#: row environments inside a formula (also align/gather written inside $$..$$, as MathJax
#: allows), and an equation around them there: their markers removed, their rows split
_ALIGNED = re.compile(r"\\(begin|end)\{(aligned|split|gathered|alignedat|align\*?|gather\*?|"
                      r"eqnarray\*?|flalign\*?|equation\*?)\}(\{\d+\})?")
#: (\text{ } is spacing, \text{ and } a separator, \text{ times } an operator (the word
#: first): the statement is not read; \textrm{prod}(...) a function applied)
_SEPARATORS = re.compile(r"(?P<quad>\\qquad\b|\\quad\b)"
                         r"|\\(?:text(?:rm)?|mbox)\s*\{(?!\s*(?:times|plus|minus|"
                         r"multiplied|divided|over)\b)[^{}]*[^{}\s][^{}]*\}"
                         r"(?!\s*(?:\\left\s*|\\big\s*|\\Big\s*)?\()"
                         r"|(?P<row>\\\\\*?(?:\s*\[\s*-?[\d.]+\s*(?:pt|em|ex|mm|cm|in|bp|mu|pc|"
                         r"sp|dd)\s*\])?)|[,;]")
#: words in \text{..} that only join the statements around them (or say which index
#: values they are for: "for all" j = ...); any other words may qualify what the formula
#: says ("for the cross-entropy cost", "when f = tanh", "suppose"), so it is not checked
CONNECTIVES = frozenset({
    "and", "where", "with", "so", "then", "hence", "thus", "therefore", "i e", "ie",
    "e g", "that is", "since", "because", "we get", "we have", "so that", "also",
    "and also", "or equivalently", "equivalently", "for", "for all", "for every",
    "for each", "for any", "by", "from", "using", "times", "plus", "minus",
    "multiplied by", "divided by", "over", "where we write", "here", "def",
    "其中", "且", "即", "所以", "因此", "故", "则", "有", "得", "和", "与", "以及", "这里",
    "式中", "又", "而", "并且", "于是", "可得", "得到", "对于", "对所有", "对任意"})
_TEXT_WORDS = re.compile(r"\\(?:text(?:rm)?|mbox)\s*\{([^{}]*)\}"
                         r"(?!\s*(?:\\left\s*|\\big\s*|\\Big\s*)?\()")


def text_words(formula: str) -> bool:
    """Whether ``formula`` has words in a \\text{..} between its statements."""
    return any(re.search(r"[A-Za-z]|[^\x00-\x7f]", m.group(1))
               for m in _TEXT_WORDS.finditer(formula))


#: words that make a remark in an alignment's remark column (after &&) qualify the row
#: beside it; any other remark there gives a reason ("chain rule", "by (5.3)")
QUALIFIERS = frozenset({"for", "when", "if", "suppose", "assume", "assuming", "given",
                        "provided", "unless", "only", "with", "where", "whenever", "let",
                        "当", "若", "如果", "假设", "假定", "对于", "其中", "设", "时"})


#: a remark's words: commands (\\ne), Latin words, runs of other letters (当j, 时)
_WORD = re.compile(r"\\?[A-Za-z]+|[^\x00-\x7f\s\d\W]+")


def _remark_words(text: str) -> list:
    """The words of a remark in \\text{..}, lower case, commands with their backslash."""
    return [w.lower() for w in _WORD.findall(text)]


def qualifying_words(formula: str) -> str:
    """The first \\text{..} of ``formula`` that may qualify it (a condition or an
    assumption in words), or "": between statements, words other than the
    :data:`CONNECTIVES`; in a remark column after &&, a remark with one of the
    :data:`QUALIFIERS`.  A function name applied to an argument (\\text{prod}(..)) and a
    label without words (\\text{(5.11)}) say nothing."""
    for m in _TEXT_WORDS.finditer(formula):
        words = [w.lstrip("\\") for w in _remark_words(m.group(1))]
        row = formula[:m.start()].rsplit("\\\\", 1)[-1]
        if "&&" in row and QUALIFIERS.isdisjoint(words) or _a_reason_at_row_end(m):
            continue                          # a reason beside a derivation's row
        if words and " ".join(words) not in CONNECTIVES:
            return m.group(1).strip()
    return ""


#: a remark wholly in brackets, \text{ (by (5.3))}, and the end of its row after it
_ASIDE = re.compile(r"\s*(?:\(.*\)|（.*）)\s*", re.DOTALL)
_AT_ROW_END = re.compile(r"\s*(?:\\\\|$|\\end\{)")


def _a_reason_at_row_end(m: re.Match) -> bool:
    """Whether the \\text{..} matched by ``m`` is an aside in brackets at the end of its
    row whose words state no condition (:func:`_qualifies`)."""
    return bool(_ASIDE.fullmatch(m.group(1)) and _AT_ROW_END.match(m.string, m.end())) and \
        not _qualifies(_remark_words(m.group(1)))


def _qualifies(words: list) -> bool:
    """Whether a remark's words may state a condition: one of the :data:`QUALIFIERS` (a
    Chinese one also inside a run of characters: 当j=h时, 仅当), or no word at all but
    letters, as a formula's symbols are ((j = h), (h \\ne j))."""
    return not QUALIFIERS.isdisjoint(words) or any(
        q in w for w in words for q in QUALIFIERS if not q.isascii()) or \
        all(len(w) == 1 and w.isascii() for w in words if not w.startswith("\\"))


#: an ellipsis, as notes type it (\\dots, \\ldots, \\cdots, ..., …)
DOTS = r"(?:\\[lc]?dots|\\ldots|\.\.\.|…)"
_LABELS = re.compile(r"\\textcircled\s*\{[^{}]*\}|\\text\s*\{\s*\(?[0-9a-z]\)?\s*\}\s*(?=\S)")
#: （5.13） at the end of a statement: an equation number (Chinese notes), never a factor
_FULL_WIDTH_NUMBER = re.compile(rf"{FULL_WIDTH_NUMBER}(?=\s*(?:$|\\\\|&|,|;|\\q?quad\b))")
#: a piece that begins with an operator goes on with what is before it
_OPERATOR = re.compile(r"[+\-*/×·−]|\\(?:cdot|times|div|pm|mp)(?![A-Za-z])")
#: an index's range written as its values (j = 1, 2, \dots, l): one item, and the list
_RANGE_ITEM = r"(?:\d+|[a-z](?:\s*[-+]\s*\d+)?|\\[lc]?dots|\\ldots|\.\.\.|…)"
_RANGE_SO_FAR = re.compile(rf"\(?\s*[a-z]\s*=\s*{_RANGE_ITEM}(?:\s*,\s*{_RANGE_ITEM})*")
#: (its whole range: dots, and a size letter last, or first going down to a number, as
#: a loop over the layers k = l, l-1, ..., 1; j = 1, 2 may be values for which alone the
#: formula is said)
INDEX_RANGE = re.compile(rf"\(?\s*[ihjk]\s*=\s*(?:(?:{_RANGE_ITEM}\s*,\s*)*{DOTS}\s*,\s*"
                         rf"[dqlmnst]|[dqlmnst]\s*,\s*(?:{_RANGE_ITEM}\s*,\s*)*{DOTS}\s*,\s*"
                         rf"\d+)\s*\)?")
_FILLERS = re.compile(r"^\s*(\\dots|\\cdots|\\ldots|\\vdots|\.\.\.)\s*$")
#: what may end a formula without being part of it: punctuation and spacing
_TRAILING = re.compile(r"(?:\s|\\[,;:! \n\t]|\\q?quad\b|~|[.,;])+$")
#: relations: "=" and the others, which are listed with their line but not checked;
#: as commands or as the Unicode characters that notes type for them (η∈(0,1), a ≤ b)
RELATIONS = re.compile(relation_pattern())


#: a comma between digits, no space on either side (0,5; 1,000): part of a number (a
#: decimal comma or a thousands' separator, which one is not known), no separator; an
#: index's values (j = 1,2,\dots,l) are read as a range all the same
_NUMBER_COMMA = re.compile(r"(?<![A-Za-z_^])\d,\d")


def _top_level_pieces(text: str, rows_separate: bool = True):
    """Split at separators that stand outside every brace, bracket, parenthesis and
    matrix environment: (offset, piece, separator before it: "", "quad", "row" or
    "other") triples; the separators themselves are dropped.  With ``rows_separate``
    false (a multline) a row break is spacing."""
    pieces, depth, env_depth, last, i, before = [], 0, 0, 0, 0, ""
    while i < len(text):
        ch = text[i]
        if text.startswith("\\begin{", i):
            env_depth += 1
        elif text.startswith("\\end{", i):
            env_depth -= 1
        entity = HTML_ENTITY.match(text, i) if ch == "&" else None
        if entity:
            i = entity.end()                 # &lt;: one token (its ; is no separator)
            continue
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in "{}":
            depth += 1 if text[i + 1] == "{" else -1          # \{ ... \}: a set
            i += 2
            continue
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in "()[]|,;:! ":
            i += 2                                   # \( \[ \| and spacing \, \; are no separators
            continue
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif depth == 0 and env_depth == 0:
            m = _SEPARATORS.match(text, i)
            if m and _NUMBER_COMMA.match(text, i - 1 if i else 0) and i:
                m = None                      # 0,5 and 1,000: a decimal comma, a thousands'
            if m and (rows_separate or not m.group("row")):
                pieces.append((last, text[last:i], before))
                before = "quad" if m.group("quad") else "row" if m.group("row") else "other"
                last = i = m.end()
                continue
        i += 1
    pieces.append((last, text[last:], before))
    return pieces


def _strip_alignment(piece: str) -> str:
    """The alignment marks & removed, except inside a matrix environment (columns); row
    breaks of a multline removed."""
    out, env_depth, i = [], 0, 0
    while i < len(piece):
        if piece.startswith("\\begin{", i):
            env_depth += 1
        elif piece.startswith("\\end{", i):
            env_depth -= 1
        entity = HTML_ENTITY.match(piece, i) if piece[i] == "&" else None
        if entity:
            out.append(entity.group())                 # &lt;: kept, to be listed
            i = entity.end()
            continue
        if env_depth == 0 and piece[i] == "&" and (i == 0 or piece[i - 1] != "\\"):
            out.append(" ")
        elif env_depth == 0 and piece.startswith("\\\\", i):
            out.append("  ")
            i += 1
        else:
            out.append(piece[i])
        i += 1
    return "".join(out)


def top_level_relations(piece: str) -> list:
    """The relations of ``piece`` outside braces, as written (sum limits such as _{j=1}
    do not count)."""
    return [relation for _, relation in relations_at(piece)]


def relations_at(piece: str) -> list:
    """(offset, relation) for each of :func:`top_level_relations`."""
    found, depth, i = [], 0, 0
    while i < len(piece):
        ch = piece[i]
        if ch == "\\" and piece[i + 1:i + 2] in ("{", "}"):
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0:
            m = RELATIONS.match(piece, i)
            if m and not (ch == "\\" and i > 0 and piece[i - 1] == "\\"):
                found.append((i, m.group()))
                i = m.end()
                continue
            if ch == "\\":                       # skip the rest of a command's name
                m = re.match(r"\\[A-Za-z]+", piece[i:])
                if m:
                    i += m.end()
                    continue
        i += 1
    return found


#: wrappers that draw a formula without changing what it says: \boxed{..},
#: \textcolor{red}{..}, \color{red}, a brace group around the whole formula; a system
#: \left\{ .. \right. ; cases or an array of statements that opens the formula
_WRAPPER = re.compile(r"\\(?:boxed|textcolor\s*\{[^{}]*\}|colorbox\s*\{[^{}]*\}|"
                      r"fcolorbox\s*\{[^{}]*\}\s*\{[^{}]*\})\s*\{|\\color\s*\{[^{}]*\}")
_SYSTEM = re.compile(r"^\s*\\left\s*\\\{(?P<inner>.*)\\right\s*\.", re.DOTALL)
_OPENING_ROWS = re.compile(r"^\s*\\begin\{(?P<env>cases|array)\}(?:\{[lcr|\s]*\})?"
                           r"(?P<inner>.*)\\end\{(?P=env)\}(?P<end>)\s*"
                           r"(?:\\(?:tag\*?|label)\s*\{[^{}]*\}\s*)*$", re.DOTALL)


def _closing_brace(text: str, start: int) -> int:
    """The offset of the } that closes the { at ``start`` (-1: none)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "\\":
            continue
        if text[i] == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "}" and (i == 0 or text[i - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return i
    return -1


def _unwrapped(formula: str) -> str:
    """The formula with its wrappers (:data:`_WRAPPER`) blank, same length: what they
    wrap is read as if written bare; rows of a system or of opening cases are rows."""
    text = list(formula)

    def blank(start, end):
        text[start:end] = " " * (end - start)
    for m in reversed(list(_WRAPPER.finditer(formula))):
        if m.group().endswith("{"):
            close = _closing_brace(formula, m.end() - 1)
            if close < 0:
                continue
            blank(close, close + 1)
        blank(m.start(), m.end())
    whole = re.fullmatch(r"\s*(\{).*(\})\s*", "".join(text), re.DOTALL)
    if whole and _closing_brace("".join(text), whole.start(1)) == whole.start(2):
        blank(whole.start(1), whole.end(1))
        blank(whole.start(2), whole.end(2))
    for pattern in (_SYSTEM, _OPENING_ROWS):
        m = pattern.match("".join(text))
        if m and top_level_relations(m.group("inner")):
            blank(m.start(), m.start("inner"))     # a \tag after the rows is kept: a label
            blank(m.end("inner"), m.end("end") if "end" in m.re.groupindex else m.end())
            if pattern is _OPENING_ROWS:
                text[m.start("inner"):m.end("inner")] = _cells_apart(m.group("inner"))
    return "".join(text)


def _cells_apart(inner: str) -> str:
    """The rows of an array or cases, same length, with its columns read as LaTeX sets
    them: an equation number in a column of its own at a row's end ((5.11)) blank; a
    column mark between two statements (a = b & c = d) a separator, never one chain; any
    other mark (e_h & = & b_h, 0, & i \\ne j) a space: columns, not align's pairs."""
    out, depth, marks = list(inner), 0, []
    for i, ch in enumerate(inner):
        depth += (ch in "{") - (ch in "}") + 2 * inner.startswith("\\begin{", i) \
            - 2 * inner.startswith("\\end{", i)
        if depth == 0 and ch == "&" and inner[i - 1:i] != "\\":
            marks.append(i)
        elif depth == 0 and (inner.startswith("\\\\", i) or i == len(inner) - 1):
            _columns_of_row(inner, marks, i + (i == len(inner) - 1), out)
            marks = []
    return "".join(out)


def _columns_of_row(inner: str, marks: list, end: int, out: list) -> None:
    """:func:`_cells_apart` on one row: ``marks`` its column marks, ``end`` where it ends."""
    for n, at in enumerate(marks):
        before = inner[(marks[n - 1] + 1 if n else inner.rfind("\\\\", 0, at) + 1):at]
        after = inner[at + 1:marks[n + 1] if n + 1 < len(marks) else end]
        if n + 1 == len(marks) and re.fullmatch(rf"\s*{BRACKETED_NUMBER}\s*", after):
            out[at:at + 1 + len(after)] = " " * (1 + len(after))      # & (5.11)
        elif top_level_relations(before) and top_level_relations(after) and \
                not RELATIONS.match(after.lstrip()):
            out[at] = ";"                                             # a = b & c = d
        else:
            out[at] = " "                  # e_h & = & b_h: columns, not align's pairs


def _without_trailing(piece: str) -> str:
    """Trailing punctuation and spacing removed (the ; that ends an HTML entity kept)."""
    cut = _TRAILING.search(piece)
    if cut is None:
        return piece
    kept = piece[:cut.start()]
    if piece[cut.start()] == ";" and re.search(r"&(?:[A-Za-z][A-Za-z0-9]*|#\w+)$", kept):
        kept += ";"
    return kept


def hidden_relation(piece: str) -> str:
    """A relation of ``piece`` inside a group that is no script (\\underbrace{a = b},
    \\text{..}{a = b}), when it has none outside; "" else.  Limits such as _{j=1} do not
    count."""
    if top_level_relations(piece):
        return ""
    text = piece
    for m in reversed(list(re.finditer(r"[_^]\s*\{", piece))):
        close = _closing_brace(text, m.end() - 1)
        if close > 0:
            text = text[:m.start()] + text[close + 1:]
    m = RELATIONS.search(re.sub(r"\\[A-Za-z]+", lambda c: c.group() if RELATIONS.fullmatch(
        c.group()) else " ", text))
    return m.group() if m else ""


#: an index between two bounds, 1 \\le h \\le q or 2 \\leq l \\leq n (one item of a list)
_BELOW = relation_pattern("less", "at most")
_BETWEEN_BOUNDS = re.compile(rf"\s*(?P<low>[\w\s+-]+?){_BELOW}\s*(?P<index>[A-Za-z])\s*"
                             rf"{_BELOW}(?P<high>[\w\s+-]+)")


def whole_range(item: str) -> bool:
    """Whether ``item`` bounds an index by its whole range, 1 \\le h \\le q: a unit's
    index from 1 (or 0, a bias unit) to a letter (a size), both bounds included; a
    layer's (k, l) from the inputs or the first computed layer (0, 1 or 2) to another
    bound (1 \\le k \\le 3 is every weight layer of the notes' network; which layers a
    formula is checked at, its verdict says), not one layer (4 \\le k \\le 4).  A
    narrower range of a unit's index (1 \\le h \\le 2, 2 \\le h \\le q, 1 \\le h \\le
    q - 1, 1 < h \\le q) is a condition: a claim false for some h may hold for those it
    leaves."""
    m = _BETWEEN_BOUNDS.fullmatch(item)
    if m and m["index"] in "kl":            # from the inputs or the first computed layer
        return m["low"].strip() in ("0", "1", "2") and m["low"].strip() != m["high"].strip()
    return bool(m) and m["low"].strip() in ("0", "1") and \
        bool(_SIZE_BOUND.fullmatch(m["high"])) and not re.search(r"<(?!=)", item)


#: a size as an upper bound: a letter, or one with its layer (s_k, s_{l})
_SIZE_BOUND = re.compile(r"\s*[A-Za-z](?:\s*_\s*(?:\{\s*\w\s*\}|\w))?\s*")


def narrower_range(item: str) -> bool:
    """Whether ``item`` bounds an index on both sides by less than its whole range."""
    return bool(_BETWEEN_BOUNDS.fullmatch(item)) and not whole_range(item)


def _is_label(piece: str) -> bool:
    """After \\quad: an equation number in brackets ((5.11), [5.11]), or an index's whole
    range ((j = 1, 2, \\dots, l), (1 \\le h \\le q), (1 \\le k \\le n, 1 \\le j \\le l)).
    Any other condition in parentheses ((j < 2), (h \\ne j), (x \\to \\infty), a narrower
    range (1 \\le h \\le 2)) is a statement of its own, which may qualify the one before it; a parenthesis without any
    relation, (1 - \\hat{y}_j), is a factor going on; a bare number is neither (the
    formula's reader refuses it)."""
    return bool(re.fullmatch(BRACKETED_NUMBER, piece) or INDEX_RANGE.fullmatch(piece) or
                re.fullmatch(r"\(.*\)", piece, re.DOTALL) and all(
                    whole_range(item) for item in piece[1:-1].split(",")))


#: a number in an alignment column of its own at the end of a row (a &= b & (5.11)):
#: the equation's number, as LaTeX sets it, not a factor
_NUMBER_COLUMN = re.compile(rf"(?:&\s*)+(?:{BRACKETED_NUMBER}|{NUMBER})\s*(?=$|\\\\)")


def _number_columns_blanked(body: str) -> str:
    """``body`` with each equation number in a column of its own blanked: after an
    alignment mark of a row that already has one (a &= b & (5.11)); a row that starts
    with & (2) goes on with the right side above (a factor, as LaTeX sets it).  A matrix's
    last column is no equation number."""
    for m in reversed(list(_NUMBER_COLUMN.finditer(body))):
        row = body[body.rfind("\\\\", 0, m.start()) + 1:m.start()]
        inside = body.count("\\begin{", 0, m.start()) > body.count("\\end{", 0, m.start())
        if "&" in row and not inside:                 # a matrix's column is no number
            body = body[:m.start()] + " " * len(m.group()) + body[m.end():]
    return body


def _column_pairs_apart(body: str) -> str:
    """``body`` with every second alignment mark of a row (outside braces and matrix
    environments) a separator: ``a &= b & c &= d`` sets two equations side by side
    (align's column pairs), never b times c.  A second mark right before a relation, with
    a \\quad and a term since the first (``a &= b \\quad c &= d``), aligns the second
    equation, whose pair began at the \\quad: it is kept, and counted as a first."""
    out, depth, marks, first = list(body), 0, 0, 0
    for i, ch in enumerate(body):
        depth += (ch in "{([") - (ch in "})]") + 2 * body.startswith("\\begin{", i) \
            - 2 * body.startswith("\\end{", i)
        if depth == 0 and body.startswith("\\\\", i):
            marks = 0
        elif depth == 0 and ch == "&" and body[i - 1:i] != "\\" \
                and not HTML_ENTITY.match(body, i):
            marks += 1
            if marks % 2 == 0 and RELATIONS.match(body[i + 1:].lstrip()) and \
                    _QUAD_AND_TERM.search(body, first, i):
                marks = 1
            first = i if marks % 2 else first
            out[i] = ";" if marks % 2 == 0 else ch
    return "".join(out)


#: a \quad with a term after it: a second equation set beside the first
_QUAD_AND_TERM = re.compile(r"\\q?quad(?![A-Za-z])\s*[^\s&]")


#: a justification in parentheses that ends a formula, "a = b \\; (\\because c = d)": a
#: claim of its own, read apart from the statement it supports
_BECAUSE_OPEN = re.compile(r"(?:\\left\s*)?\(\s*(?=\\because(?![A-Za-z])|∵)")


def _justification_apart(body: str) -> str:
    """``body`` with a parenthesised ``\\because`` clause at its end (outside braces and
    brackets) set apart as a statement of its own: its opening bracket a separator, its
    closing one blank; the \\because itself stays, for the reader to remove and report.
    Anywhere else the clause is left as written (and is not read)."""
    for m in _BECAUSE_OPEN.finditer(body):
        before = body[:m.start()]
        if any(before.count(o) != before.count(c) for o, c in ("{}", "()", "[]")):
            continue
        depth, close = 0, -1
        for i in range(m.end() - 1, len(body)):
            depth += (body[i] in "({[") - (body[i] in ")}]")
            if depth == 0:
                close = i
                break
        if close < 0 or _TRAILING.sub("", body[close + 1:]).strip():
            continue
        right = re.search(r"\\right\s*$", body[:close])
        start = right.start() if right else close
        return (body[:m.start()] + ";" + " " * (m.end() - m.start() - 1) + body[m.end():start]
                + " " * (close + 1 - start) + body[close + 1:])
    return body


#: a row with its own left side before its aligned relation (``- \\eta g_j &= ...``): a
#: statement of its own, though it begins with a sign
_OWN_LEFT_SIDE = re.compile(r"\s*[+-][^&]*?\S[^&]*&\s*" + relation_pattern(
    "equal", "approximately", "identical", "at most", "at least", "less", "greater"))


#: what may stand between one environment's end and the next one's beginning
_NEXT_ENVIRONMENT = re.compile(r"(?:\s|\\q?quad(?![A-Za-z])|[,;])*\\begin\{")


def _marker_blank(m: re.Match) -> str:
    """A row environment's marker blank, same length; its end a row break where another
    environment begins after it (two blocks side by side in one formula, or two equations
    in one $$: two statements, never one chain across them, and the next block's first
    row, even one that starts with + or -, no continuation of the last one's)."""
    if m.group(1) == "end" and _NEXT_ENVIRONMENT.match(m.string, m.end()):
        return "\\\\;" + " " * (len(m.group()) - 3)
    return " " * len(m.group())


#: gather's rows (gathered's too) are equations of their own, centred, never aligned: one
#: that begins with a sign and makes its own relation (- \eta g_j = \Delta\theta_j) is no
#: continuation of the row above
_GATHER = re.compile(r"\\begin\{gather")


def equations(formula: str, environment: str = "") -> list[tuple[int, str]]:
    """The statements a formula makes, as (offset in the formula, text) pairs: rows of an
    aligned block joined into chains (a row starting with a relation continues the
    chain, one starting with + or - or without a relation the right side above),
    separate statements split
    apart, labels and trailing punctuation removed.  A multline is one equation.  Pieces
    without a relation (lone terms, labels, equation numbers) are not statements."""
    body = _ALIGNED.sub(_marker_blank, _unwrapped(formula))
    body = _LABELS.sub(lambda m: " " * len(m.group()), body)
    body = _FULL_WIDTH_NUMBER.sub(lambda m: " " * len(m.group()), body)
    body = _column_pairs_apart(_number_columns_blanked(body))
    body = "".join(FULL_WIDTH.get(c, c) for c in body)       # one character for one
    body = _justification_apart(body)
    out: list[list] = []
    multline = environment.startswith("multline")
    gathered = environment.startswith("gather") or _GATHER.search(formula)
    end = 0                 # where the last statement's piece ends
    for offset, piece, before in _top_level_pieces(body, rows_separate=not multline):
        stripped = _without_trailing(_strip_alignment(piece)).strip()
        if out and before == "other" and re.fullmatch(_RANGE_ITEM, stripped) and \
                _RANGE_SO_FAR.fullmatch(out[-1][1]):
            out[-1][1] += f", {stripped}"          # j = 1, 2, \dots, l: one range
            continue
        if not stripped or _FILLERS.match(stripped):
            continue
        if before == "quad" and _is_label(stripped):
            continue            # \quad (5.11), \quad 5.11, \quad (1 \le h \le q): a label
        relations = top_level_relations(stripped)
        if out and before == "other" and not relations and _OPERATOR.match(stripped):
            out[-1][1] += f" {body[end:offset].strip()} {stripped}"    # = a, \cdot 2: unread
            continue
        continues = out and (RELATIONS.match(stripped) or (before == "row" and (
            stripped[0] in "+-" and not _OWN_LEFT_SIDE.match(piece) and not (
                gathered and relations) or not relations)) or
            (before == "quad" and not relations))
        end = offset + len(piece)
        if continues:                                  # the chain or the side goes on
            out[-1][1] += (" \\qquad " if before == "quad" else " ") + stripped
            continue
        if not (relations or HTML_ENTITY.search(stripped) or hidden_relation(stripped)):
            continue                                   # a lone term, a label, a number
        out.append([offset + len(piece) - len(piece.lstrip()), stripped])
    return [(o, t) for o, t in out]


#: a blank line: paragraphs end there
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def document_equations(text: str, kind: str = "md", warnings: list = None) -> list[Equation]:
    """Every equation of the document with its line, its column and the directives in
    force (``warnings``: see :func:`formulas`)."""
    from bisect import bisect
    found, blanks = [], [m.end() for m in _BLANK_LINE.finditer(text)]
    end, above = None, []               # where the last formula ends; its equations
    for start, line, formula, context, environment in formulas(text, kind, True, warnings):
        where = _positions(text, start, formula, kind)
        context = dict(context, paragraph=bisect(blanks, start))    # blank lines above
        mine = []
        for n, (offset, eq) in enumerate(equations(formula, environment)):
            skip = formula[offset:]
            at = where(offset + len(skip) - len(skip.lstrip(" \t&")))
            found.append(Equation(line + formula.count("\n", 0, offset), eq, formula, context,
                                  at - text.rfind("\n", 0, at)))
            chains = [e for e in above if not FULL_RANGE.fullmatch(e.text.strip())]
            if n == 0 and len(chains) == 1:         # one statement above: its chain
                _chain_continued(chains[0], found, text[end:start])
            mine.append(found[-1])
        end, above = (where(len(formula) - 1) + 1 if formula else start), mine
    return found


#: an index's whole range beside a chain (e_h = ..., \quad h = 1, \ldots, q): no statement
#: that a link below could continue
FULL_RANGE = re.compile(rf"(?=(?:{INDEX_RANGE.pattern})$).*[dqlm]\s*\)?", re.DOTALL)
#: what may stand between two formulas of one chain: blanks and their delimiters
_BETWEEN_LINKS = re.compile(r"[\s$]*|\s*(?:\\\]|\$\$)?\s*(?:\\\[|\$\$)?\s*")
#: what may stand before the relation a link begins with: blanks, spacing and style
#: commands (\quad, \displaystyle), an empty group ({} =), "therefore", "because"
_LINK_LEAD = re.compile(r"(?:\s|\{\s*\}|[∴∵]|\\(?:[,;:! ]|(?:" + "|".join(
    sorted(n for n in SPACING if n.isalpha())) + r"|therefore|because)(?![A-Za-z])))*")


def _chain_continued(last: Equation, found: list, between: str) -> None:
    """A formula that begins with a relation (``$= \\sum_j w_{hj} g_j$``; spacing, ``{}``
    or \\therefore before it) right below another that is one chain of '=' (``last``), on
    the next line with nothing but delimiters between, continues that chain: it is read
    with the chain's left side (``e_h``) before it, and shown as written.  Elsewhere (a
    formula of several statements above, a chain with another relation: a \\approx b = c
    says nothing of a = c) it stays unread: no left side is guessed."""
    eq = found[-1]
    lead, relations = _LINK_LEAD.match(eq.text).end(), relations_at(eq.text)
    if not relations or relations[0][0] != lead or between.count("\n") != 1 or \
            not _BETWEEN_LINKS.fullmatch(between) or \
            eq.context.get("paragraph") != last.context.get("paragraph"):
        return
    first = relations_at(last.text)
    left = last.text[_LINK_LEAD.match(last.text).end():first[0][0]].strip() if first else ""
    if not left or any(relation != "=" for _, relation in first):
        return
    found[-1] = Equation(eq.line, f"{left} {eq.text[lead:]}", eq.formula,
                         dict(eq.context, continues=(last.line, left), chain_above=last),
                         eq.column,
                         eq.shown or eq.text)


def _positions(text: str, start: int, formula: str, kind: str = "md"):
    """offset in ``formula`` -> offset in ``text``, where the formula read at ``start``
    (Markdown escapes removed: only deletions, so the characters are matched in order;
    HTML entities decoded: their length kept; in LaTeX, comments blank, as the formula was
    read: their length kept)."""
    if kind != "md":
        text = _comments_blanked(text)
    if text.startswith(formula, start):
        return lambda offset: start + offset
    if kind == "md":                    # blockquote marks blank, entities decoded
        text = entities_decoded(_QUOTE_MARKS.sub(_blank, text))
    spots, i = [], start
    for ch in formula:
        while i < len(text) and text[i] != ch:
            i += 1
        spots.append(min(i, len(text) - 1))
        i += 1
    return lambda offset: spots[offset] if offset < len(spots) else start + offset
