"""The report: committed .tex up to date, notation of the printer, failing claims in red
with exit 1, exit 3 without TeX, and (where TeX is installed) both PDFs read back."""
import difflib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import sympy as sp

import derivations
from derivations import catalog, standard_bp
from symnet.core.claims import Chain
from symnet.cli import main
from symnet.report.printer import NOTATIONS, latex
from symnet.report.build import LANGS, REPO_REPORTS, build, tex_log_excerpt

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def texts():
    """{lang: tex} of a fresh build."""
    built = build()[0]
    return {lang: built[name] for lang, (name, _) in LANGS.items()}


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_committed_tex_is_current(texts, lang):
    name = LANGS[lang][0]
    committed = (REPO_REPORTS / name).read_text(encoding="utf-8")
    if texts[lang] != committed:
        diff = "".join(difflib.unified_diff(committed.splitlines(True),
                                            texts[lang].splitlines(True),
                                            f"committed/{name}", f"regenerated/{name}", n=1))
        pytest.fail(f"reports/{name} is stale; run `symnet report --update`\n{diff[:5000]}")


def test_tex_has_tags_statuses_and_no_dates(texts):
    en = texts["en"]
    for n in range(8, 16):
        assert rf"\tag{{5.{n}}}" in en
    assert r"\status{proved for all sizes}" in en and r"\odot" in en
    assert r"\tilde{\Theta}^{(kl)}" in en and r"\hat{y}^{k}_{j}" in en
    assert r"\date{}" in en                       # no date unless SOURCE_DATE_EPOCH is set
    assert "fontset=fandol" in texts["zh"] and "ctexart" in texts["zh"]


def test_printer_notation():
    m = standard_bp.model()
    assert latex(m.yhat[m.j], sample=True) == r"\hat{y}^{k}_{j}"
    assert latex(m.v[m.i, m.h]) == "v_{ih}"
    assert latex(m.yhat[m.j] ** 2, sample=True) == r"{\hat{y}^{k}_{j}}^{2}"
    from derivations.multilayer_bp import pair
    lp = pair()
    assert latex(lp.Theta[lp.r, lp.j]) == r"\tilde{\Theta}^{(kl)}_{rj}"
    assert latex(lp.delta_l[lp.j]) == r"\delta^{(l)}_{j}"
    assert latex(lp.a_k[lp.i], layers={"a": "k"}) == "a^{(k)}_{i}"


def test_matrix_views_print_through_the_printer():
    """The matrix view is a SymPy matrix expression printed by _print_<Class> methods."""
    from sympy import HadamardProduct, MatrixSymbol
    from derivations.multilayer_bp import bp_delta_recursion, bp_gradient
    settings = NOTATIONS["pair"]
    assert latex(bp_delta_recursion().matrix.expr, **settings) == \
        r"\left(\Theta^{(kl)} \delta^{(l)}\right) \odot f'\left(z^{(k)}\right)"
    assert latex(bp_gradient().matrix.expr) == r"\tilde{a}^{(k)} {\delta^{(l)}}^{\top}"
    s_k, s_l, eta = sp.Symbol("s_k"), sp.Symbol("s_l"), sp.Symbol("eta")
    a_tilde, delta = MatrixSymbol("a_tilde", s_k + 1, 1), MatrixSymbol("delta_l", s_l, 1)
    # a coefficient other than -1 keeps its digits (the old string surgery printed -2 eta)
    assert latex(-12 * eta * a_tilde * delta.T) == \
        r"- 12 \eta \tilde{a}^{(k)} {\delta^{(l)}}^{\top}"
    # a matrix-vector product prints its own matrix (the old one printed Theta for any)
    w, g = MatrixSymbol("w", s_k, s_l), MatrixSymbol("g", s_l, 1)
    b = MatrixSymbol("b", s_k, 1)
    text = latex(HadamardProduct(w * g, b))
    assert r"\Theta" not in text and text == r"\left(w g\right) \odot b"


def test_a_wrong_matrix_view_is_caught_entry_by_entry():
    from sympy import HadamardProduct, MatrixSymbol
    from derivations.multilayer_bp import bp_delta_recursion
    d = bp_delta_recursion()
    view = d.matrix
    assert view.check(d.chain[-1])[0]
    m = d.model
    wrong_expr = HadamardProduct(MatrixSymbol("Theta", m.s_k, m.s_l) * MatrixSymbol("delta_l", m.s_l, 1),
                                 MatrixSymbol("a_k", m.s_k, 1))      # a where f'(z) is meant
    wrong = type(view)(wrong_expr, view.entries, view.rows, view.columns, view.sizes)
    ok, what = wrong.check(d.chain[-1])
    assert not ok and "entry (0, 0)" in what
    # the transpose of the outer product has the wrong shape and entries
    from derivations.multilayer_bp import bp_gradient
    g = bp_gradient()
    v = g.matrix
    swapped = type(v)(v.expr * 2, v.entries, v.rows, v.columns, v.sizes)
    assert not swapped.check(g.chain[-1])[0]


def _wrong_claim():
    def wrong():
        d = standard_bp.eq5_10()
        return type(d)(d.model, [d.chain[0], -d.chain[-1]])
    return Chain("eq5.10-wrong", "5.10", "a wrong g_j", "g_j with the sign flipped",
                 "test", build=wrong)


def test_failing_claim_is_red_and_exits_1(tmp_path, monkeypatch, capsys):
    extra = _wrong_claim()
    monkeypatch.setattr(derivations, "catalog", lambda: catalog() + [extra])
    code = main(["report", "--lang", "en", "--out", str(tmp_path), "--only", "eq5.10*"])
    assert code == 1
    tex = (tmp_path / "chapter5.tex").read_text()
    assert r"\claimhead{eq5.10-wrong (5.10)}{\failed{FAILED}" in tex
    assert r"\textcolor{red}{\texttt{residual" in tex
    assert r"& \neq " in tex                    # the failing "=" is printed as \neq
    assert "failed" in capsys.readouterr().out


def test_missing_tex_exits_3_and_still_writes(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    code = main(["report", "--lang", "en", "--pdf", "--out", str(tmp_path), "--only", "eq5.8"])
    err = capsys.readouterr().err
    assert code == 3 and "apt-get install" in err and "texlive-xetex" in err
    assert len(err.strip().splitlines()) == 1
    assert (tmp_path / "chapter5.tex").exists()


@pytest.mark.parametrize("args,needle", [(["--lang", "fr"], "unknown value 'fr'"),
                                         (["--out", __file__], "is a file, not a folder"),
                                         (["--only", "nothing*"], "matches no claim"),
                                         (["--update", "--only", "eq5.8"], "--update")])
def test_report_bad_input_is_one_line(args, needle, capsys):
    assert main(["report", *args]) == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1


def test_log_excerpt_keeps_the_error_lines():
    log = "\n".join(["noise"] * 50 + ["./chapter5.tex:12: Undefined control sequence.",
                                      "l.12 \\foo", ""] + ["more noise"] * 50)
    excerpt = tex_log_excerpt(log)
    assert "chapter5.tex:12" in excerpt and "l.12" in excerpt and "noise" not in excerpt


@pytest.mark.skipif(shutil.which("latexmk") is None or shutil.which("pdftotext") is None,
                    reason="TeX (latexmk) or poppler-utils (pdftotext) not installed")
@pytest.mark.parametrize("lang", sorted(LANGS))
def test_pdf_builds_and_reads_back(tmp_path, lang):
    from symnet.report.build import report
    assert report(tmp_path, (lang,), pdf=True, log=lambda line: None) == 0
    pdf = tmp_path / LANGS[lang][0].replace(".tex", ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    numbers = {c.equation for c in catalog() if c.equation}
    missing = [n for n in sorted(numbers) if f"({n})" not in text]
    assert not missing, f"equation numbers not in the {lang} PDF: {missing}"
    assert "??" not in text and "too wide" not in text
    if lang == "zh":       # no English sentence outside formulas, code and the software line
        prose = "\n".join(line for line in text.splitlines()
                           if not re.search(r"symnet|SymPy|Python", line))
        english = re.findall(r"\b[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}\b", prose)
        assert not english, english[:5]
    log = pdf.with_suffix(".log").read_text(errors="replace")
    assert "Overfull \\hbox" not in log and "Missing character" not in log
    # numbers as a reader writes them (5.82 x 10^-6, never 5.82e-06); a running header;
    # no last page holding a few stray lines
    assert not re.search(r"\de\s*[−-]\s*\d", text) and "× 10" in text
    from symnet.report.text import TEXT
    pages = text.split("\f")
    assert TEXT[lang]["running_head"] in pages[1] and TEXT[lang]["running_head"] in pages[-2]
    last = [line for line in (pages[-1] or pages[-2]).splitlines() if line.strip()]
    assert len(last) >= 8, f"the last page of the {lang} PDF holds {len(last)} lines"
    small = _small_words(pdf)
    assert not small, f"{len(small)} words under 3.5 pt high in the {lang} PDF: {small[:10]}"


def _small_words(pdf: Path, limit: float = 3.5) -> list:
    """Words of the PDF set under ``limit`` pt high (pdftotext -bbox): what a reader
    cannot read in print."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                       r'yMax="([\d.]+)">([^<]*)</word>', out)
    return [(text, round(float(bottom) - float(top), 2)) for top, bottom, text in words
            if float(bottom) - float(top) < limit]


def test_template_never_scales_mathematics_down():
    """Long steps are broken over lines by the printer, never shrunk to fit."""
    template = (REPO_REPORTS / "templates" / "chapter5.tex.j2").read_text(encoding="utf-8")
    for command in ("resizebox", "scalebox", "adjustbox", "tiny", "scriptsize"):
        assert "\\" + command not in template and command + "}" not in template


def test_long_steps_are_broken_within_the_width_and_folded_honestly():
    """(5.13)'s derivative is printed on lines no wider than the budget, through b_h (a
    named intermediate folded back in), and the folded expression unfolds to exactly
    SymPy's derivative."""
    from symnet.report.printer import LinePrinter, visible_width
    d = standard_bp.eq5_13()
    settings = dict(NOTATIONS["single"], width=46, named=d.model.folds())
    printer = LinePrinter(settings)
    printed = printer.lines(d.chain[0])
    assert 1 < len(printed) <= 2
    assert all(visible_width(" ".join(line)) <= 46 for line in printed)
    assert "b_{h}" in " ".join(printed[0] + printed[1])
    folded = printer.folded(d.chain[0])
    assert folded != d.chain[0] and d.model.equal(folded, d.chain[0])[0]
    # a short expression is one line of one piece; without a budget nothing is broken
    assert printer.lines(d.chain[-1]) == [[r"\eta e_{h} x_{i}"]]
    assert LinePrinter(NOTATIONS["single"]).lines(d.chain[0]) == [[latex(d.chain[0], **NOTATIONS["single"])]]


@pytest.mark.skipif(shutil.which("latexmk") is None, reason="TeX (latexmk) not installed")
def test_pdf_builds_survive_a_broken_earlier_build_and_each_other(tmp_path):
    """A 0-byte PDF and a stale latexmk database left by an interrupted build do not
    break the next build; two builds into one folder at once both finish."""
    import threading
    from symnet.report.build import build_pdf, report
    assert report(tmp_path, ("en",), only=("eq5.8",), log=lambda line: None) == 0
    tex = tmp_path / "chapter5.tex"
    (tmp_path / "chapter5.pdf").write_bytes(b"")
    (tmp_path / "chapter5.fdb_latexmk").write_text("# Fdb version 4\n[\"pdflatex\"] broken\n")
    errors = []

    def build():
        try:
            build_pdf(tex, "pdf")
        except Exception as exc:          # pragma: no cover - the assertion shows it
            errors.append(exc)
    threads = [threading.Thread(target=build) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert (tmp_path / "chapter5.pdf").read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".symnet-build-*"))          # private folders removed


@pytest.mark.skipif(shutil.which("kpsewhich") is None, reason="TeX (kpsewhich) not installed")
def test_figures_per_language(tmp_path):
    """Each edition gets its own figures (the Chinese one with Chinese words), including the
    exercise 5.5 training curves; the .tex names the edition's files."""
    pytest.importorskip("matplotlib", reason="matplotlib not installed (the plot extra)")
    from symnet.report.build import _figures
    made = _figures(tmp_path, ("en", "zh"))
    assert set(made.values()) == {f"{stem}-{name}.png" for stem in ("chapter5", "chapter5-zh")
                                  for name in ("separability", "vanishing", "training")}
    en, zh = (tmp_path / "chapter5-training.png").read_bytes(), \
        (tmp_path / "chapter5-zh-training.png").read_bytes()
    assert en.startswith(b"\x89PNG") and zh.startswith(b"\x89PNG") and en != zh
    tex = (REPO_REPORTS / "chapter5-zh.tex").read_text(encoding="utf-8")
    assert "chapter5-zh-training.png" in tex and r"\begin{tikzpicture}" in tex


def test_closed_forms_print_in_the_notes_order():
    """(5.10) as the notes write it, y^(1-y^)(y-y^), not SymPy's sorted order; the written
    order changes nothing in the proof."""
    from derivations.standard_bp import eq5_10, eq5_15
    d = eq5_10()
    assert latex(d.chain[-1], **NOTATIONS["single"]) == \
        r"\hat{y}^{k}_{j} \left(1 - \hat{y}^{k}_{j}\right) \left(y^{k}_{j} - \hat{y}^{k}_{j}\right)"
    assert d.model.equal(d.chain[-1], d.chain[0])[0]
    assert latex(eq5_15().chain[-1], **NOTATIONS["single"]).startswith(
        r"b_{h} \left(1 - b_{h}\right) \sum")


def test_report_prints_what_verify_proved_without_proving_again(tmp_path, monkeypatch, capsys):
    """`symnet verify` stores its rows under a key of the code; `symnet report` run after
    it proves none of them again and says so; a stored failure prints as a failure;
    --fresh, or another key (changed code), proves again."""
    from symnet.core import proofs
    monkeypatch.setenv("SYMNET_CACHE", str(tmp_path / "cache"))
    assert main(["verify", "--only", "eq5.8"]) == 0
    stored = proofs.load()
    assert stored["eq5.8"][0].id == "eq5.8" and "eq5.10" not in stored

    def proved_again(self):
        raise RuntimeError("proved again")
    monkeypatch.setattr(Chain, "run", proved_again)      # forked workers inherit it
    capsys.readouterr()
    assert main(["report", "--lang", "en", "--out", str(tmp_path / "a"), "--only", "eq5.8"]) == 0
    assert "reusing the proofs that `symnet verify` stored" in capsys.readouterr().out
    assert r"\claimhead{eq5.8 (5.8)}{\status{" in (tmp_path / "a" / "chapter5.tex").read_text()
    assert main(["report", "--lang", "en", "--out", str(tmp_path / "b"), "--only", "eq5.8",
                 "--fresh"]) == 1
    assert "proved again" in (tmp_path / "b" / "chapter5.tex").read_text()
    monkeypatch.setattr(proofs, "key", lambda: "0" * 64)
    assert proofs.load() == {}
    assert main(["report", "--lang", "en", "--out", str(tmp_path / "c"), "--only", "eq5.8"]) == 1
    monkeypatch.undo()
    monkeypatch.setenv("SYMNET_CACHE", str(tmp_path / "cache"))
    rows = proofs.load()["eq5.8"]
    rows[0].status, rows[0].detail = "failed", "stored failure"
    monkeypatch.setattr(proofs, "load", lambda: {"eq5.8": rows})
    assert main(["report", "--lang", "en", "--out", str(tmp_path / "d"), "--only", "eq5.8"]) == 1
    assert "stored failure" in (tmp_path / "d" / "chapter5.tex").read_text()


def test_every_chain_has_a_left_side_and_no_renaming_step():
    """Each chain is printed from a left side as the book states it (sigma'(x) = ...,
    delta^(n)_j = dE/dz^(n)_j = ...); a member that only renames a dummy index, or
    repeats the one before, is not printed again."""
    from symnet.report.build import _shown
    from symnet.core.claims import Result
    chains = [c for c in catalog() if isinstance(c, Chain)]
    assert chains and all(c.derivation().lhs is not None for c in chains)
    by_id = {c.id: c for c in chains}

    def printed(cid):
        row = Result(cid, "", "proved", "m", "symbolic", 0.0)
        return _shown(by_id[cid], [row]).steps
    identity = printed("act-identity-derivative")
    assert [s.rel for s in identity] == ["", "="] and identity[1].lines == [["1"]]
    assert "'" in identity[0].lines[0][0]                     # identity'(x) = 1
    logit = printed("eq5.23-logit")
    assert len(logit) == 2 and r"\partial h_{j}" in logit[0].lines[0][0]
    assert printed("bp-delta-output")[0].lines[0][0].startswith(r"\delta^{(n)}_{j} =")


def test_worked_example_against_the_kernel_and_high_precision_derivatives(texts, monkeypatch):
    """The worked example's numbers: the kernel's, equal to mpmath's derivatives of the
    nested E_k at 30 digits (an oracle that shares nothing with the closed forms or the
    kernel), and printed to 4 significant digits in both editions; a kernel that
    disagrees with the closed forms stops the report."""
    import mpmath
    from symnet.report import example as ex
    mpmath.mp.dps = 30
    rows = {r.equation + r.symbol: r.values for r in ex.worked_example()}
    f = lambda t: 1 / (1 + mpmath.exp(-t))                                  # noqa: E731

    def E(v11, v12, v21, v22, g1, g2, w1, w2, th):
        x = [mpmath.mpf(str(t)) for t in ex.X]
        b = [f(v11 * x[0] + v21 * x[1] - g1), f(v12 * x[0] + v22 * x[1] - g2)]
        return (f(w1 * b[0] + w2 * b[1] - th) - 1) ** 2 / 2
    point = [mpmath.mpf(str(t)) for t in (ex.V[0][0], ex.V[0][1], ex.V[1][0], ex.V[1][1],
                                          *ex.GAMMA, ex.W[0][0], ex.W[1][0], *ex.THETA)]
    grad = [mpmath.diff(E, point, tuple(int(k == n) for k in range(9))) for n in range(9)]
    eta = mpmath.mpf("0.1")
    expected = {"5.13": [-eta * grad[0], -eta * grad[1], -eta * grad[2], -eta * grad[3]],
                "5.14": [-eta * grad[4], -eta * grad[5]], "5.11": [-eta * grad[6], -eta * grad[7]],
                "5.12": [-eta * grad[8]], "5.4": [E(*point)]}
    got = {"5.13": rows["5.13\\Delta v_{11},\\ \\Delta v_{12}"] + rows["5.13\\Delta v_{21},\\ \\Delta v_{22}"],
           "5.14": rows["5.14\\Delta \\gamma_1,\\ \\Delta \\gamma_2"],
           "5.11": rows["5.11\\Delta w_{11},\\ \\Delta w_{21}"],
           "5.12": rows["5.12\\Delta \\theta_1"], "5.4": rows["5.4E_k"]}
    for key, values in expected.items():
        for want, have in zip(values, got[key]):
            assert abs(have - float(want)) <= 1e-12 * max(1.0, abs(float(want))), key
    for lang in LANGS:
        assert "0.001181" in texts[lang] and "-0.0009566" in texts[lang]  # 4 significant digits
    real = ex.by_kernel
    monkeypatch.setattr(ex, "by_kernel", lambda: dict(real(), g=[0.5]))
    with pytest.raises(ValueError, match="kernel's g"):
        ex.worked_example()


def test_network_figures_in_both_editions_from_one_diagram(texts):
    """Figure 5.7 and the 3-4-4-3 network: the same units in the PDF's TikZ and in the
    HTML page's SVG, with the weights the formulas name."""
    from symnet.report.diagrams import layered, single_layer, svg, tikz
    from symnet.report.html import math
    words = dict(input="in", hidden="hid", output="out")
    for diagram in (single_layer(words), layered()):
        drawn = tikz(diagram)
        picture = svg(diagram, math)
        assert drawn.count(r"\node[") == len(diagram.units) + len(diagram.notes)
        assert drawn.count(r"\draw[") == picture.count("<line ") == len(diagram.links)
    assert len(layered().units) == 3 + 4 + 4 + 3 + 3            # and one -1 unit per layer
    for lang in LANGS:
        assert r"{\small $v_{ih}$}" in texts[lang] and r"$\tilde{\Theta}^{(23)}$" in texts[lang]
