"""``symnet report``: the derivation document, English (pdfLaTeX) and Chinese (XeLaTeX
with ctex), every formula printed from the SymPy expression that was verified.

Layout lives in ``reports/templates/chapter5.tex.j2`` (jinja2 with LaTeX-safe delimiters
``((* *))`` and ``((( )))``, StrictUndefined); the prose of each edition in
:mod:`symnet.report_text`; the mathematics comes from :mod:`symnet.latex`.  The `.tex`
is deterministic: no dates unless SOURCE_DATE_EPOCH is set, no timings.
"""
from __future__ import annotations

import io
import os
import platform
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sympy as sp

from symnet import __version__
from symnet.core.claims import Chain, Result
from symnet.runner import catalog, run_claims_parallel, select
from symnet.report.printer import NOTATIONS, folded, latex, lines
from symnet.core.files import template_environment, write_atomic
from symnet.report.diagrams import layered, single_layer, svg, tikz
from symnet.report.html import split
from symnet.report.text import ENGINE_REASONS_ZH, METHODS, SIZES, TEXT
from symnet.core.notation import NOTES_NETWORK

REPO_REPORTS = Path(__file__).resolve().parents[2] / "reports"
TEMPLATES = REPO_REPORTS / "templates"
LANGS = {"en": ("chapter5.tex", "pdf"), "zh": ("chapter5-zh.tex", "xelatex")}
TEX_PACKAGES = ("texlive-latex-recommended texlive-latex-extra latexmk texlive-xetex "
                "texlive-lang-chinese poppler-utils")
#: the width budget of a chain's lines, in printer.visible_width units (about one italic
#: letter each): the text block of the PDF, and what is left of it beside the reasons
WIDTH, WIDTH_BESIDE_REASON = 72, 46
#: the HTML page's pieces: at most this wide, so that a 400 px screen holds each one
HTML_PIECE = 26

class ReportError(Exception):
    """A report that cannot be built; ``code`` is the exit status (3: TeX missing)."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------------------------------

@dataclass
class Step:
    """One member of a chain as printed: ``rel`` ("" for the first, "=" or \\neq),
    ``lines`` for the PDF (each a list of LaTeX pieces within the column's width), the
    ``reason`` key, and ``pieces`` for the HTML page (smaller pieces that the browser
    wraps between on a narrow screen)."""

    rel: str
    lines: list
    reason: str
    pieces: list


@dataclass
class Shown:
    """One claim as the template shows it."""

    id: str
    equation: str
    status: str          # proved | failed | error
    scope: str           # symbolic | entrywise | numeric
    sizes: str
    method: str          # the method sentence (the appendix lists each kind once)
    detail: str
    steps: list          # Step: relation, lines, reason key, HTML pieces
    matrix: str          # the matrix form, or ""
    notes: str = ""      # the notes' own LaTeX of the claim, parsed and checked
    method_number: int = 0
    detail_text: str = ""    # the detail as plain text (the HTML edition escapes it)
    engines: str = ""        # "both" (SymPy and SymEngine), "sympy", or "" (not proved)

    @property
    def narrow(self) -> bool:
        """Some step has its reason beside it: every step leaves room for the reasons."""
        return any(step.reason for step in self.steps)


def _status(result: Result) -> str:
    return "symbolic" if result.sizes == "symbolic" else (
        "numeric" if "numeric" in result.method else "entrywise")


def _tex_escape(text: str) -> str:
    out = []
    for ch in text:
        out.append({"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                    "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                    "^": r"\textasciicircum{}"}.get(ch, ch))
    return "".join(out)


def _step(rel: str, expr, reason: str, settings: dict, narrow: bool) -> Step:
    """A chain member printed for both editions: lines within the width budget of its
    PDF column (narrower beside a reason), and the HTML page's pieces of the same
    expression (the same named intermediates folded in)."""
    width = WIDTH_BESIDE_REASON if narrow else WIDTH
    expr = folded(expr, width=width, **settings)
    plain = {k: v for k, v in settings.items() if k != "named"}
    pieces = [p for line in lines(expr, width=HTML_PIECE, **plain) for p in line]
    return Step(rel, lines(expr, width=width, **plain), reason, pieces)


def _canonical(expr):
    """``expr`` with the bound index of every sum renamed in order of appearance, written
    order kept: two chain members differ only by their dummies exactly when their
    canonical forms are equal."""
    if isinstance(expr, tuple):
        return tuple(_canonical(part) for part in expr)
    count = iter(range(10 ** 6))

    def walk(e):
        if isinstance(e, sp.Sum):
            bound = {var: sp.Symbol(f"bound{next(count)}", integer=True)
                     for var, *_ in e.limits}
            limits = [(bound[var], walk(lo), walk(hi)) for var, lo, hi in e.limits]
            return sp.Sum(walk(e.function).xreplace(bound), *limits)
        if not e.args or isinstance(e, sp.Indexed):
            return e
        args = [walk(a) for a in e.args]
        if isinstance(e, (sp.Add, sp.Mul, sp.Pow)):
            return e.func(*args, evaluate=False)
        return e.func(*args)
    return walk(expr)


def _shown(claim, rows) -> Shown:
    """How one claim appears: its left-hand side and chain, each "=" with its reason (and
    \\neq where that step failed), its matrix view, in the notation its derivation names
    (all from the claim's own data)."""
    result = rows[0]
    steps, matrix = [], ""
    if isinstance(claim, Chain):
        d = claim.derivation()
        settings = dict(NOTATIONS[d.shown_notation], named=getattr(d.model, "folds", list)())
        failed = {r.id for r in rows if r.status != "proved"}
        chain = list(d.chain)
        # a chain of two members is SymPy's derivative = the closed form: algebra proves it
        reasons = list(d.reasons) if d.reasons else (
            ["algebra"] if len(chain) == 2 else [""] * (len(chain) - 1))
        narrow = any(reasons) or len(chain) == 2
        if d.lhs is not None:
            steps.append(_step("", d.lhs, "", settings, narrow))
        for k, expr in enumerate(chain):
            broken = k > 0 and (f"{claim.id}/{k}" in failed or (
                len(chain) == 2 and result.status != "proved"))
            if k > 0 and not broken and _canonical(expr) == _canonical(chain[k - 1]):
                continue                  # the same member, at most its dummies renamed
            reason = reasons[k - 1] if k > 0 else "sympy"
            step = _step(r"\neq" if broken else "=", expr, reason, settings, narrow)
            if steps and steps[-1].lines == step.lines:
                continue
            if not steps:
                step.rel, step.reason = "", ""
            steps.append(step)
        if d.matrix is not None:
            matrix = latex(d.matrix.expr, **NOTATIONS[d.shown_notation])
    elif getattr(claim, "formula", ""):             # a Check: its statement, as the book
        steps.append(Step("", [[claim.formula]], "", split(claim.formula)))
    detail = result.detail if len(result.detail) <= 200 else result.detail[:200] + " ..."
    engines = "" if result.status != "proved" else (
        "both" if "symengine" in result.engines else "sympy")
    return Shown(claim.id, claim.equation, result.status, _status(result), result.sizes,
                 result.method, _tex_escape(detail), steps, matrix, getattr(claim, "latex", ""),
                 detail_text=detail, engines=engines)


def _figures(out_dir: Path, langs) -> dict:
    """Figure files beside the .tex, one set per language (matplotlib, Agg, fixed
    metadata): <stem>-<name>.png; {} without matplotlib."""
    try:
        import matplotlib
    except ImportError:
        return {}
    matplotlib.use("Agg")
    from symnet.report.figures import FIGURES
    made = {}
    for lang in langs:
        stem = LANGS[lang][0][:-len(".tex")]
        for name, draw in FIGURES.items():
            buf = io.BytesIO()
            draw(buf, lang)
            write_atomic(out_dir / f"{stem}-{name}.png", buf.getvalue())
            made[lang, name] = f"{stem}-{name}.png"
    return made


def _environment():
    return template_environment(TEMPLATES, ("((*", "*))"), ("(((", ")))"), ("((=", "=))"),
                                trim_blocks=True, lstrip_blocks=True)


def _date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return ""
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%d")


def _tables():
    from derivations.perceptron import GATES, INPUTS, XOR, farkas_certificate, perceptron_train
    gates = []
    for name, (table, w, theta) in GATES.items():
        found = perceptron_train(table)
        gates.append(dict(name=name.upper(), w=[sp.latex(sp.nsimplify(v)) for v in w],
                          theta=sp.latex(theta), rows=[(x, table[x]) for x in INPUTS],
                          line=(sp.latex(found[0][0]), sp.latex(found[0][1]),
                                sp.latex(found[1]), found[2])))
    return dict(gates=gates, xor_rows=[(x, XOR[x]) for x in INPUTS],
                farkas=", ".join(sp.latex(v) for v in farkas_certificate(XOR)))


def _number(value: float, digits: int = 3) -> str:
    """A measured number as a reader writes it: 5.82 \\times 10^{-6}, 0.25 (printed by
    the printer from a SymPy Float of ``digits`` significant digits)."""
    return latex(sp.Float(value, digits), mul_symbol="times")


def _example() -> dict:
    """The worked example (:mod:`symnet.report.example`) as the template shows it: the
    parameters and one row per quantity, numbers to 4 significant digits."""
    from symnet.report import example as ex

    def numbers(values):
        return ",\\ ".join(_number(v, 4) for v in values)

    def matrix(rows):
        return latex(sp.Matrix(rows).applyfunc(lambda v: sp.Float(v, 3)))
    rows = [dict(symbol=q.symbol, formula=q.formula, equation=q.equation,
                 numbers=[_number(v, 4) for v in q.values]) for q in ex.worked_example()]
    return dict(rows=rows, x=matrix([ex.X]), v=matrix(ex.V), gamma=matrix([ex.GAMMA]),
                w=matrix(ex.W), theta=numbers(ex.THETA), eta=numbers([ex.ETA]))


def _appendix():
    from symnet.prove.entrywise import check_entrywise
    r = check_entrywise(list(NOTES_NETWORK))
    from symnet.numeric.gradient_sizes import gradient_sizes
    sig = gradient_sizes(depth=10, width=32, activation="sigmoid")
    rel = gradient_sizes(depth=10, width=32, activation="relu")
    return dict(entries=r.gradient_entries, deltas=r.delta_entries, ok=r.ok,
                vanishing=[(k + 1, _number(s), _number(q))
                           for k, (s, q) in enumerate(zip(sig.norms, rel.norms))])


def _engines(claims, results) -> dict:
    """What the report says of the two engines: the counts, and the claims SymPy alone
    proved grouped by SymEngine's reason (symnet.prove.replay)."""
    from symnet.prove.replay import engine_counts, reason_keys, sympy_only
    counts = engine_counts(claims, results)
    grouped = []
    for reason, ids in sympy_only(claims, results).items():
        keys = reason_keys(reason)
        zh = "；".join(ENGINE_REASONS_ZH[k] for k in keys) if keys else reason
        grouped.append(dict(text=dict(en=reason, zh=zh),
                            tex=dict(en=_tex_escape(reason), zh=_tex_escape(zh)),
                            ids=[_tex_escape(i) for i in ids], plain_ids=ids))
    return dict(both=counts["sympy and symengine"], only=counts["sympy only"],
                total=len(claims), grouped=grouped)


def _method_text(method: str, lang: str) -> str:
    """A method sentence in the edition's language (text.METHODS); one not in the table
    (a user's claim) as code."""
    known = METHODS.get(method)
    if known is not None:
        return known[lang]
    return r"\texttt{" + _tex_escape(method) + "}"


def build(langs=("en", "zh"), only=(), progress=None, figures_to=None,
          html: bool = False, known: dict = None) -> tuple[dict, list]:
    """Run the catalog once (claims on worker processes, each also printing its own
    formulas; figures drawn meanwhile into ``figures_to``); return ({file name: text},
    results): the .tex of each language, and with ``html`` its HTML page.  ``known``:
    rows already proved by ``symnet verify`` for this exact code, printed as they are."""
    from derivations import catalog
    claims = select(catalog(), list(only))
    results, shown_list = run_claims_parallel(
        claims, progress=progress, extra=_shown, known=known,
        while_waiting=(lambda: _figures(Path(figures_to), langs)) if figures_to else None)
    shown = {s.id: s for s in shown_list}
    methods = list(dict.fromkeys(s.method for s in shown_list if s.method))
    for s in shown_list:
        s.method_number = methods.index(s.method) + 1 if s.method else 0
    keys = [sec["key"] for sec in TEXT["sections"]]
    sections = [dict(sec, shown=[s for c, s in zip(claims, shown_list) if c.section == sec["key"]])
                for sec in TEXT["sections"]]
    sections = [sec for sec in sections if sec["shown"] or sec.get("always")]
    rest = [s for c, s in zip(claims, shown_list) if c.section not in keys]   # a user's module
    if rest:
        sections.append(dict(key="other", shown=rest))
    context = dict(version=__version__, sympy=sp.__version__,
                   python=".".join(platform.python_version_tuple()[:2]), date=_date(),
                   sections=sections, tables=_tables(), appendix=_appendix(),
                   example=_example(),
                   methods=methods, shown=shown_list, engines=_engines(claims, results),
                   failed=[s for s in shown.values() if s.status != "proved"])
    env = _environment()
    texts = {}
    for lang in langs:
        helpers = dict(lang=lang, t=TEXT[lang], stem=LANGS[lang][0][:-len(".tex")],
                       method_text=lambda m, lang=lang: _method_text(m, lang),
                       size_text=lambda s, lang=lang: SIZES.get(s, {}).get(lang, s))
        pictures = dict(single=single_layer(TEXT[lang]["layer_words"]), layered=layered())
        texts[LANGS[lang][0]] = env.get_template("chapter5.tex.j2").render(
            **helpers, **context, diagrams={k: tikz(d) for k, d in pictures.items()})
        if html:
            from symnet.report import html as page
            folder = Path(figures_to) if figures_to else Path(".")
            stem = LANGS[lang][0][:-len(".tex")]
            figures = {name: page.image(folder / f"{stem}-{name}.png")
                       for name in ("separability", "vanishing", "training")}
            texts[LANGS[lang][0].replace(".tex", ".html")] = env.get_template(
                "chapter5.html.j2").render(**helpers, **context, math=page.math,
                                           diagrams={k: svg(d, page.math, page.prose)
                                                     for k, d in pictures.items()},
                                           prose=page.prose, plain=page.plain, split=page.split,
                                           figures=figures)
    return texts, results


def tex_log_excerpt(log: str, limit: int = 20) -> str:
    """The error lines of a LaTeX log ('!' lines and the line numbers after them)."""
    lines = log.splitlines()
    picked = []
    for n, line in enumerate(lines):
        if line.startswith("!") or re.match(r"^\S+\.tex:\d+: ", line):
            picked.extend(lines[n:n + 3])
    return "\n".join(picked[:limit]) or "\n".join(lines[-limit:])


def build_pdf(tex_path: Path, engine: str) -> Path:
    """latexmk -pdf (or -xelatex) in a private folder beside the .tex, then the finished
    PDF moved into place (one rename): the PDF is either the old one or the new one, never
    a 0-byte file; an interrupted or failed build leaves no state that a later build reads
    (latexmk's .fdb_latexmk, .aux), and two builds into the same folder do not collide.
    ReportError(code 3) without TeX."""
    if shutil.which("latexmk") is None:
        raise ReportError("TeX is not installed: apt-get install " + TEX_PACKAGES, code=3)
    folder = tex_path.parent
    work = Path(tempfile.mkdtemp(prefix=".symnet-build-", dir=folder))
    try:
        shutil.copy2(tex_path, work / tex_path.name)
        for figure in folder.glob(tex_path.stem + "-*.png"):
            shutil.copy2(figure, work / figure.name)
        cmd = ["latexmk", f"-{engine}", "-interaction=nonstopmode", "-halt-on-error",
               "-file-line-error", tex_path.name]
        env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "0"))
        proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env)
        built = work / tex_path.with_suffix(".pdf").name
        if proc.returncode != 0 or not built.exists() or built.stat().st_size == 0:
            log = work / tex_path.with_suffix(".log").name
            text = log.read_text(errors="replace") if log.exists() else proc.stdout + proc.stderr
            raise ReportError(f"LaTeX failed on {tex_path.name}:\n{tex_log_excerpt(text)}",
                              code=1)
        pdf = tex_path.with_suffix(".pdf")
        os.replace(work / tex_path.with_suffix(".log").name, tex_path.with_suffix(".log"))
        os.replace(built, pdf)
        return pdf
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(out_dir="reports", langs=("en", "zh"), pdf=False, only=(), progress=None,
           log=print, html: bool = False, reuse: bool = False) -> int:
    """Write the .tex files (and PDFs); exit status 0, 1 (a claim failed) or 3 (no TeX).
    ``reuse``: print the proofs that ``symnet verify`` stored for this exact code
    (:mod:`symnet.core.proofs`) and prove only the claims it did not."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if not TEMPLATES.is_dir():
        raise ReportError(f"report templates not found at {TEMPLATES} (symnet report runs "
                          "from a source checkout: pip install -e .)")
    start = time.perf_counter()
    from symnet.core import proofs
    known = proofs.load() if reuse else {}
    wanted = {c.id for c in select(catalog(), list(only))}
    reused = len(wanted & set(known))
    if reused:
        log(f"reusing the proofs that `symnet verify` stored in {proofs.folder()} for "
            f"{reused} of {len(wanted)} claims (--fresh proves them again)")
    what = "proving the rest and printing" if 0 < reused < len(wanted) else \
        "printing" if reused else "proving the catalog and printing"
    log(f"{what} {' and '.join(LANGS[lang][0] for lang in langs)}"
        f"{' (then the PDFs)' if pdf else ''} ...")
    try:
        texts, results = build(langs, only, progress, figures_to=out, html=html, known=known)
    except ValueError as exc:          # the HTML edition: latex2mathml missing or refusing
        if type(exc).__name__ == "HtmlError":
            raise ReportError(str(exc)) from None
        raise
    for name, text in texts.items():
        path = out / name
        write_atomic(path, text)
        log(f"wrote {path} in {time.perf_counter() - start:.1f} s")
    failed = [r for r in results if r.status != "proved"]
    if pdf:
        for lang in langs:
            t = time.perf_counter()
            made = build_pdf(out / LANGS[lang][0], LANGS[lang][1])
            log(f"wrote {made} in {time.perf_counter() - t:.1f} s")
    if failed:
        log(f"{len(failed)} claim rows failed; they are marked in red in the report")
        return 1
    return 0
