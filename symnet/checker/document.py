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
directive; an unknown key or value is an error (:class:`DocumentError`), never ignored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from symnet.checker.parse import BRACKETED_NUMBER, FULL_WIDTH, FULL_WIDTH_NUMBER

MAX_BYTES = 2_000_000

ENVIRONMENTS = ("equation", "equation*", "align", "align*", "gather", "gather*",
                "multline", "multline*", "displaymath", "eqnarray", "eqnarray*",
                "flalign", "flalign*", "alignat", "alignat*")
_ENV = "|".join(re.escape(e) for e in ENVIRONMENTS)
_DISPLAY = re.compile(
    r"\$\$(?P<dd>.+?)\$\$"
    r"|\\\[(?P<br>.+?)\\\]"
    rf"|\\begin\{{(?P<env>{_ENV})\}}(?:\{{\d+\}})?(?P<body>.+?)\\end\{{(?P=env)\}}"
    r"|\\\((?P<pa>.+?)\\\)"
    r"|(?<![\\$])\$(?P<d>[^$\n]+?)\$(?!\$)",
    re.DOTALL)
#: Markdown code: a fenced block (```math fences are formulas), a code span (`$..$` and
#: $`..`$ spans are formulas)
_FENCE = re.compile(r"^(?P<ind>[ \t]*)(?P<tick>```+|~~~+)[ \t]*(?P<info>[^\n`]*)\n"
                    r"(?P<code>.*?)^(?P=ind)?[ \t]*(?P=tick)[ \t]*$", re.DOTALL | re.MULTILINE)
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
#: Markdown: raw HTML code, and the marker that starts a list item
_HTML_CODE = re.compile(r"<(?P<tag>pre|code)\b[^>]*>.*?</(?P=tag)\s*>", re.DOTALL | re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
#: a comment that speaks to symnet; anything after "symnet" must be "KEY = VALUE"
_DIRECTIVE_MD = re.compile(r"<!--\s*symnet\b(?P<rest>.*?)-->", re.DOTALL | re.IGNORECASE)
_DIRECTIVE_TEX = re.compile(r"(?<!\\)%[ \t]*symnet\b(?P<rest>[^\n]*)", re.IGNORECASE)
_KEY_VALUE = re.compile(r"^\s*:\s*(?P<key>[A-Za-z\u0370-\u03ff]+)\s*=\s*(?P<value>\S(?:.*\S)?)\s*$", re.DOTALL)
#: a section starts: local definitions end there
_SECTION_MD = re.compile(r"^#{1,6}\s", re.MULTILINE)
_SECTION_TEX = re.compile(r"\\(?:chapter|section|subsection|subsubsection)\*?\s*\{")


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


def read_directive(rest: str, where: str) -> tuple[str, str]:
    """(key, value) of a directive's text after "symnet"; DocumentError naming the known
    keys or values otherwise (``where`` says which line)."""
    m = _KEY_VALUE.match(rest)
    if not m:
        raise DocumentError(f"{where}: a symnet directive is 'symnet: KEY = VALUE' "
                            f"(keys: {', '.join(directive_values())}), not {rest.strip()!r}")
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


class DocumentError(ValueError):
    """The file cannot be read as a document (missing, binary, too large), or one of its
    directives is not understood."""


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
    """Markdown escapes inside math, as docsify and hexo sources write them: \\_ -> _,
    \\* -> *, \\\\\\\\ (four) -> \\\\ (a row break); a formula whose every command is
    written with a doubled backslash (\\\\frac) gets single ones."""
    formula = re.sub(r"\\([_*#])", r"\1", formula)
    formula = formula.replace("\\\\\\\\", "\\\\")
    if re.search(r"\\\\[A-Za-z]", formula) and not re.search(r"(?<!\\)\\[A-Za-z]", formula):
        formula = formula.replace("\\\\", "\\")
    return formula


def _math_comments_blanked(formula: str) -> str:
    """Markdown math: a % comment (to the end of its line, as MathJax and KaTeX read it)
    blank, same length; one that reads like a symnet directive is kept, so that the
    formula stays unread rather than checked under the wrong f."""
    return re.sub(r"(?<!\\)%(?![ \t]*symnet\b)[^\n]*", _blank, formula, flags=re.IGNORECASE)


def _code_formulas(text: str):
    """Markdown code: (masked text, [(start, formula, whole)]): fenced ```math blocks and
    the spans `$..$` and $`..`$ are formulas; every other block and span is blanked."""
    found, out = [], list(text)

    def blank(start, end):
        out[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    for m in _FENCE.finditer(text):
        if m.group("info").strip().lower() == "math":
            found.append((m.start("code"), m.group("code"), True))
        blank(m.start(), m.end())
    masked = "".join(out)
    for m in _SPAN.finditer(masked):
        if m.group("gl") is not None:
            found.append((m.start("gl"), m.group("gl"), False))
        else:
            inner = _MATH_IN_SPAN.match(m.group("code"))
            if inner:
                found.append((m.start("code") + inner.start("m"), inner.group("m"), False))
        blank(m.start(), m.end())
    return "".join(out), found


def _comments_blanked(text: str) -> str:
    """LaTeX: every comment blank, directives kept; code (\\verb|..|, verbatim, listings)
    blank."""
    text = re.sub(r"(?<!\\)%[^\n]*", lambda m: m.group() if _DIRECTIVE_TEX.match(m.group())
                  else _blank(m), text)
    return _TEX_CODE.sub(_blank, text)


def _indented_code_blanked(text: str) -> str:
    """Markdown: an indented code block (lines indented by four spaces or a tab after a
    blank line, not inside a list item) blank."""
    lines, out, code, paragraph_start = text.split("\n"), [], False, ""
    for n, line in enumerate(lines):
        indented = re.match(r"^(?: {4}|\t)", line) is not None
        blank_before = n == 0 or not lines[n - 1].strip()
        if not line.strip():
            out.append(line)
            continue
        if indented and (code or (blank_before and not _LIST_ITEM.match(paragraph_start)
                                  and not paragraph_start.startswith((" ", "\t")))):
            code = True
            out.append(" " * len(line))
            continue
        code = False
        if blank_before:
            paragraph_start = line
        elif not paragraph_start:
            paragraph_start = line
        out.append(line)
    return "\n".join(out)


def formulas(text: str, kind: str = "md", with_start: bool = False):
    """(line, formula, context, environment) for every formula of the document, in order.
    ``context`` holds the directives in force ("f", "loss"), "level", the depth of the
    heading the formula is under (1 for # or \\chapter; none before the first), and
    "section", the number of
    the section the formula is in (local definitions end with their section).  With
    ``with_start``, (start, line, ...): ``start`` the formula's offset in ``text``."""
    events = []
    if kind == "md":
        masked, code = _code_formulas(_indented_code_blanked(text))
        events += [(start, "formula", (_math_comments_blanked(body), "", False))
                   for start, body, _ in code]
        masked = re.sub(r"<!--.*?-->", lambda m: m.group() if _DIRECTIVE_MD.match(m.group())
                        else _blank(m), masked, flags=re.DOTALL)
        masked = _HTML_CODE.sub(_blank, masked)      # after code spans and comments
        directives, sections = _DIRECTIVE_MD, _SECTION_MD
    else:
        masked = _comments_blanked(text)
        directives, sections = _DIRECTIVE_TEX, _SECTION_TEX
    events += [(m.start(), "directive", m) for m in directives.finditer(masked)]
    events += [(m.start(), "section", m) for m in sections.finditer(masked)]
    for m in _DISPLAY.finditer(masked):
        group = next(g for g in ("dd", "br", "body", "pa", "d") if m.group(g) is not None)
        body = m.group(group)
        events.append((m.start(group), "formula",
                       (_unescape_markdown(_math_comments_blanked(body)) if kind == "md"
                        else body,
                        m.group("env") or "", kind == "md")))
    context = {"section": 0}
    for start, what, item in sorted(events, key=lambda e: e[0]):
        line = masked.count("\n", 0, start) + 1
        if what == "directive":
            key, value = read_directive(item.group("rest"), f"line {line}")
            context = dict(context, **{key: value})
        elif what == "section":
            context = dict(context, section=context["section"] + 1, level=_level(item.group()))
        else:
            body, env, _ = item
            yield ((start,) if with_start else ()) + (line, body, dict(context), env)


_TEX_LEVELS = {"chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4}


def _level(heading: str) -> int:
    """The depth of a heading: the number of # in Markdown, 1 for \\chapter to 4 for
    \\subsubsection in LaTeX."""
    if heading.lstrip().startswith("#"):
        return len(heading.strip())
    return _TEX_LEVELS[re.match(r"\\([a-z]+)", heading).group(1)]


# --- equations inside one formula ---------------------------------------------------------

#: row environments inside a formula (also align/gather written inside $$..$$, as MathJax
#: allows): their markers removed, their rows split
_ALIGNED = re.compile(r"\\(begin|end)\{(aligned|split|gathered|alignedat|align\*?|gather\*?|"
                      r"eqnarray\*?|flalign\*?)\}(\{\d+\})?")
#: (\text{ } is spacing, \text{ and } a separator, \textrm{prod}(...) a function applied)
_SEPARATORS = re.compile(r"(?P<quad>\\qquad\b|\\quad\b)"
                         r"|\\(?:text(?:rm)?|mbox)\s*\{[^{}]*[^{}\s][^{}]*\}"
                         r"(?!\s*(?:\\left\s*|\\big\s*|\\Big\s*)?\()"
                         r"|(?P<row>\\\\)|[,;]")
_LABELS = re.compile(r"\\textcircled\s*\{[^{}]*\}|\\text\s*\{\s*\(?[0-9a-z]\)?\s*\}\s*(?=\S)")
#: （5.13） at the end of a statement: an equation number (Chinese notes), never a factor
_FULL_WIDTH_NUMBER = re.compile(rf"{FULL_WIDTH_NUMBER}(?=\s*(?:$|\\\\|&|,|;|\\q?quad\b))")
_FILLERS = re.compile(r"^\s*(\\dots|\\cdots|\\ldots|\\vdots|\.\.\.)\s*$")
#: what may end a formula without being part of it: punctuation and spacing
_TRAILING = re.compile(r"(?:\s|\\[,;:! ]|\\q?quad\b|~|[.,;])+$")
#: relations: "=" and the others, which are listed with their line but not checked;
#: as commands or as the Unicode characters that notes type for them (η∈(0,1), a ≤ b)
RELATIONS = re.compile(r"=|<|>|[≤≥≠∈∉⊂⊆≈∝→∼≃≡≜≔←↦⇒⇔≪≫]|\\(?:le|leq|ge|geq|ne|neq|in|notin|"
                       r"subset|subseteq|approx|propto|to|sim|simeq|equiv|triangleq|coloneqq|"
                       r"gets|mapsto|leftarrow|rightarrow|Rightarrow|iff|ll|gg)(?![A-Za-z])")


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
                found.append(m.group())
                i = m.end()
                continue
            if ch == "\\":                       # skip the rest of a command's name
                m = re.match(r"\\[A-Za-z]+", piece[i:])
                if m:
                    i += m.end()
                    continue
        i += 1
    return found


def equations(formula: str, environment: str = "") -> list[tuple[int, str]]:
    """The statements a formula makes, as (offset in the formula, text) pairs: rows of an
    aligned block joined into chains (a row starting with a relation continues the
    chain, one starting with + or - or without a relation the right side above),
    separate statements split
    apart, labels and trailing punctuation removed.  A multline is one equation.  Pieces
    without a relation (lone terms, labels, equation numbers) are not statements."""
    body = _ALIGNED.sub(lambda m: " " * len(m.group()), formula)
    body = _LABELS.sub(lambda m: " " * len(m.group()), body)
    body = _FULL_WIDTH_NUMBER.sub(lambda m: " " * len(m.group()), body)
    body = "".join(FULL_WIDTH.get(c, c) for c in body)       # one character for one
    out: list[list] = []
    multline = environment.startswith("multline")
    for offset, piece, before in _top_level_pieces(body, rows_separate=not multline):
        stripped = _TRAILING.sub("", _strip_alignment(piece)).strip()
        if not stripped or _FILLERS.match(stripped):
            continue
        if before == "quad" and (re.fullmatch(r"\((?:[^()]|\([^()]*\))*\)", stripped) and
                                 not top_level_relations(stripped.strip("()").replace(",", " "))
                                 .count("=") or re.fullmatch(BRACKETED_NUMBER, stripped)):
            continue            # \quad (5.11), \quad [5.11], \quad (1 \le h \le q): a label
        relations = top_level_relations(stripped)
        continues = out and (RELATIONS.match(stripped) or (before == "row" and (
            stripped[0] in "+-" or not relations)) or (before == "quad" and not relations
                                                       and not stripped.startswith("(")))
        if continues:
            out[-1][1] = out[-1][1] + " " + stripped       # the chain or the side goes on
            continue
        if not relations:
            continue                                   # a lone term, a label, a number
        out.append([offset + len(piece) - len(piece.lstrip()), stripped])
    return [(o, t) for o, t in out]


def document_equations(text: str, kind: str = "md") -> list[Equation]:
    """Every equation of the document with its line, its column and the directives in
    force."""
    found = []
    for start, line, formula, context, environment in formulas(text, kind, with_start=True):
        where = _positions(text, start, formula)
        for offset, eq in equations(formula, environment):
            skip = formula[offset:]
            at = where(offset + len(skip) - len(skip.lstrip(" \t&")))
            found.append(Equation(line + formula.count("\n", 0, offset), eq, formula, context,
                                  at - text.rfind("\n", 0, at)))
    return found


def _positions(text: str, start: int, formula: str):
    """offset in ``formula`` -> offset in ``text``, where the formula read at ``start``
    (Markdown escapes removed: only deletions, so the characters are matched in order)."""
    if text.startswith(formula, start):
        return lambda offset: start + offset
    spots, i = [], start
    for ch in formula:
        while i < len(text) and text[i] != ch:
            i += 1
        spots.append(min(i, len(text) - 1))
        i += 1
    return lambda offset: spots[offset] if offset < len(spots) else start + offset
