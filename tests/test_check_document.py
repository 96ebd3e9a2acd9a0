"""`symnet check FILE`: formulas found in Markdown and LaTeX documents, one verdict per
equation, the notes' own equations with their expected verdicts, and the command line."""
import functools
import json
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pytest

from notes_corpus import NOTES, NOTES_ERRORS
from symnet.checker.documents import check_document, check_equation, check_equations
from symnet.cli import main
from symnet.checker.document import Equation, document_equations, equations

BP_LINES = range(140, 462)        # section 5.3 of the notes, multi-layer BP included


@functools.lru_cache(maxsize=1)
def _notes_in_order() -> list:
    """The notes' equations read in order, as the document reads them (a value given to a
    letter above, u = 1, is in force below it)."""
    return check_equations([Equation(line, text, text, {"section": 0})
                            for line, text, _, _ in NOTES])


@pytest.mark.parametrize("index,line,text,verdict,reason", [(i,) + n for i, n in enumerate(NOTES)],
                         ids=[f"line{n[0]}-{i}" for i, n in enumerate(NOTES)])
def test_every_equation_of_the_notes_gets_its_verdict(index, line, text, verdict, reason):
    got = _notes_in_order()[index]
    assert got.status == verdict, got.detail
    assert reason in got.detail


def test_the_notes_errors_are_refuted_and_named():
    for line, what in NOTES_ERRORS:
        found = [check_equation(Equation(line, t, t, {})) for n, t, v, _ in NOTES if n == line]
        assert any(v.status == "refuted" and what in v.detail for v in found), (line, found)


def test_the_notes_bp_equations_are_read():
    """At least 90 % of the back-propagation equations (updates X = X + dX are not
    equations) are read: holds or refuted, none refused."""
    bp = [n for n in NOTES if n[0] in BP_LINES and "an update" not in n[3]
          and n[2] != "not a claim" and "relation" not in n[3]]
    read = [n for n in bp if n[2] in ("holds", "refuted")]
    assert len(read) >= 0.9 * len(bp), f"{len(read)} of {len(bp)}"


def _doc(*lines):
    return "\n".join(lines) + "\n"


def test_formulas_are_found_with_their_lines():
    text = _doc(
        "# Notes",                                                   # 1
        "Inline $\\Delta \\theta_j = -\\eta g_j$ and `$x = 1$` in code.",  # 2
        "",                                                          # 3
        "$$",                                                        # 4
        "\\begin{aligned} e_h &= b_h(1-b_h) \\sum_{j=1}^{l} w_{hj} g_j \\\\",  # 5
        "&= \\sum_{j=1}^{l} w_{hj} g_j b_h (1 - b_h) \\end{aligned}",   # 6
        "$$",                                                        # 7
        "```",                                                       # 8
        "$$ g_j = 0 $$",                                             # 9
        "```",                                                       # 10
        "\\[ \\Delta w_{hj} = \\eta g_j b_h, \\quad \\Delta v_{ih} = \\eta e_h x_i \\]",  # 11
    )
    eqs = document_equations(text, "md")
    assert [(e.line, e.text.split("=")[0].strip()) for e in eqs] == [
        (2, "\\Delta \\theta_j"), (2, "x"), (5, "e_h"), (11, "\\Delta w_{hj}"),
        (11, "\\Delta v_{ih}")]                     # `$x = 1$` is GitHub's inline math
    assert eqs[2].text.count(" = ") == 2                # the aligned rows make one chain


def test_latex_environments_comments_and_labels():
    text = _doc(
        "\\begin{align}",
        "  g_j &= \\hat{y}_j (1 - \\hat{y}_j)(y_j - \\hat{y}_j) \\label{eq:g} \\\\",
        "  \\Delta \\theta_j &= -\\eta g_j \\tag{5.11}",
        "\\end{align}",
        "% $$ x = 2 $$ is a comment",
        "\\begin{equation} \\Delta w_{hj} = \\eta g_j b_h \\quad (5.11) \\end{equation}",
    )
    verdicts = check_document(text, "tex")
    assert [(v.line, v.status) for v in verdicts] == [(2, "holds"), (3, "holds"), (6, "holds")]


def test_markdown_escapes_are_undone():
    eqs = document_equations("$\\\\Delta w\\_{hj} = \\\\eta g\\_j b\\_h$\n", "md")
    assert eqs[0].text == "\\Delta w_{hj} = \\eta g_j b_h"


def test_f_of_a_number_needs_the_documents_word():
    text = _doc("$f(0.5) = 1$",
                "<!-- symnet: f = step -->",
                "$f(0.5) = 1$, $f(-0.5) = 1$",
                "$y = f(1 \\cdot 1 + 1 \\cdot 1 - 1.5) = 1$")
    got = [(v.line, v.status) for v in check_document(text)]
    assert got == [(1, "not checked"), (3, "holds"), (3, "refuted"), (4, "holds")]
    wrong = check_document(_doc("<!-- symnet: f = step -->", "$y = f(1 - 1.5) = 1$"))
    assert wrong[0].status == "refuted"


def test_the_step_function_where_the_sigmoid_is_meant_is_named():
    (v,) = check_document(_doc("<!-- symnet: f = sigmoid -->", "$f(0.5) = 1$"))
    assert v.status == "refuted" and "the step function is used where the sigmoid" in v.detail
    (v,) = check_document(_doc("<!-- symnet: f = step -->", "$f(0) = \\frac{1}{2}$"))
    assert v.status == "refuted" and "the sigmoid function is used where the step" in v.detail
    (v,) = check_document(_doc("<!-- symnet: f = sigmoid -->", "$f(0.5) = 2$"))
    assert v.status == "refuted" and "used where" not in v.detail


def test_a_wrong_equation_in_a_document_is_refuted():
    text = _doc("$$ g_j = \\hat{y}_j (1 - \\hat{y}_j)(\\hat{y}_j - y_j) $$")
    (v,) = check_document(text)
    assert v.status == "refuted" and "sign" in v.detail


def test_whole_notes_corpus_as_a_document_is_fast(monkeypatch):
    """One process checks every equation of the notes well under a minute, and parses
    each equation at most once (relations other than '=' are not parsed at all)."""
    from lark import Lark
    parsed, parse = [], Lark.parse

    def counted(self, text, *args, **kwargs):
        parsed.append(text)
        return parse(self, text, *args, **kwargs)
    monkeypatch.setattr(Lark, "parse", counted)
    text = "".join(f"$${t}$$\n" for _, t, _, _ in NOTES)
    start = time.perf_counter()
    verdicts = check_document(text)
    assert time.perf_counter() - start < 60
    assert len(verdicts) >= len(NOTES)
    assert 0 < len(parsed) <= len(verdicts)


# --- the command line ---------------------------------------------------------------------

def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_document_lines_and_exit_codes(tmp_path, capsys):
    good = _write(tmp_path, "good.md", _doc("$\\Delta \\theta_j = -\\eta g_j$",
                                            "$\\breve{x} = 1$"))
    assert main(["check", good]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{good}:1:2: holds: \\Delta \\theta_j = -\\eta g_j -- ")
    assert "sizes symbolic d, q, l" in out[0]          # what the proof covers is said
    assert out[1].startswith(f"{good}:2:2: not checked: \\breve{{x}} = 1 -- ")
    assert main(["check", "--strict", good]) == 1
    capsys.readouterr()
    bad = _write(tmp_path, "bad.md", _doc("$\\Delta \\theta_j = \\eta g_j$"))
    assert main(["check", bad]) == 1
    assert capsys.readouterr().out.startswith(f"{bad}:1:2: refuted: ")


def test_cli_document_json_and_junit(tmp_path, capsys):
    doc = _write(tmp_path, "notes.md", _doc("$\\Delta \\theta_j = -\\eta g_j$",
                                           "$\\Delta \\theta_j = \\eta g_j$", "$f(1) = 1$"))
    junit = tmp_path / "out" / "check.xml"
    junit.parent.mkdir()
    assert main(["check", "--json", "--junit", str(junit), doc]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"holds": 1, "refuted": 1, "not_a_claim": 0, "not_checked": 1}
    assert [e["verdict"] for e in data["equations"]] == ["holds", "refuted", "not checked"]
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite.get("tests") == "3" and suite.get("failures") == "1" and suite.get("skipped") == "1"


@pytest.mark.parametrize("content,message", [
    (None, "no such file"),
    (b"\x00\x01binary", "binary"),
    (b"\xff\xfe not utf-8", "UTF-8"),
])
def test_cli_bad_documents_are_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "doc.md"
    if content is not None:
        path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_cli_reads_standard_input():
    out = subprocess.run([sys.executable, "-m", "symnet", "check", "-"],
                         input="$\\Delta \\gamma_h = -\\eta e_h$\n", capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.startswith("<stdin>:1:2: holds")


def test_separators_split_statements_but_not_sums():
    got = [t for _, t in equations(r"E_k = \frac{1}{2} \sum_{j=1}^l (\hat{y}_j^k - y_j^k)^2, "
                                   r"\quad \hat{y}_j^k = f(\beta_j - \theta_j)")]
    assert len(got) == 2 and got[0].startswith("E_k") and got[1].startswith("\\hat{y}")
    assert [t for _, t in equations(r"\Delta w = 1 \quad (1 \le h \le q)")] == [r"\Delta w = 1"]


def test_cli_several_documents(tmp_path, capsys):
    one = _write(tmp_path, "one.md", _doc("$\\Delta \\theta_j = -\\eta g_j$"))
    two = _write(tmp_path, "two.tex", _doc("\\[ \\Delta \\gamma_h = \\eta e_h \\]"))
    assert main(["check", one, two]) == 1
    out = capsys.readouterr().out
    assert f"{one}:1:2: holds" in out and f"{two}:1:4: refuted" in out
    assert main(["check", one, "g_j = 1"]) == 2


def _slow_check_that_swallows_errors(text, layers=None, diagnose_steps=True, **options):
    """A check whose prover catches every Exception (as the real one does around an
    expression it cannot handle) and then answers "refuted": a time limit that were an
    Exception would be swallowed here and come out as a verdict."""
    from symnet.checker.result import CheckResult, Step
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            sum(range(10000))
        except Exception:
            break
    return CheckResult(False, [Step("a", "b", False)], "test", "none")


def test_a_time_limit_is_not_checked_never_refuted(monkeypatch):
    import symnet.checker.equation as equation
    monkeypatch.setattr(equation, "SECONDS_PER_EQUATION", 1)
    monkeypatch.setattr(equation, "check", _slow_check_that_swallows_errors)
    verdict = check_equation(Equation(1, "g_j = b_h", "g_j = b_h"))
    assert verdict.status == "not checked" and "time limit" in verdict.detail


def test_cli_time_limit_exits_2_not_refuted(monkeypatch, capsys):
    import symnet.checker.equation as equation
    import symnet.cli as cli
    monkeypatch.setattr(cli, "CHECK_SECONDS", 1)
    monkeypatch.setattr(equation, "check", _slow_check_that_swallows_errors)
    assert main(["check", "g_j = b_h"]) == 2
    err = capsys.readouterr().err
    assert "not checked: time limit" in err and err.count("\n") == 1


def test_a_holds_line_names_the_sizes_a_concrete_proof_covers(tmp_path, capsys):
    """A formula proved only on one concrete network says which, on its line (never a bare
    "holds" for fewer sizes than the formula ranges over)."""
    doc = _write(tmp_path, "concrete.md", _doc(
        r"$\frac{\partial E}{\partial \mathbf{z}^{(2)}} = \frac{\partial E}"
        r"{\partial \mathbf{a}^{(2)}} \odot f'(\mathbf{z}^{(2)})$"))
    assert main(["check", doc]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert ": holds: " in line and " -- matrix (" in line and "sizes " in line, line


G_J = r"g_j = \hat y_j (1-\hat y_j)(y_j - \hat y_j)"


@pytest.mark.parametrize("doc,expected", [
    # an index's whole range after the formula is no statement of its own, and no value
    (f"$${G_J} \\quad (j = 1, 2, \\dots, l)$$", ["holds"]),
    (f"$${G_J}, \\quad j = 1, 2, \\dots, l$$", ["holds", "not a claim"]),
    (r"$$\Delta \theta_j = \eta g_j, \quad j = 1, 2, \ldots, l$$", ["refuted", "not a claim"]),
    # a condition in brackets that is not read may make a refuted claim true (x = 1, 2
    # are the roots): not checked; a proved claim stays proved
    (r"$$x^2 = 3x - 2 \quad (x = 1, 2)$$", ["not checked", "not checked"]),
    (r"$$x^2 = 3x - 2$$", ["refuted"]),
    (f"$${G_J} \\quad (j = 1, \\dots, 3)$$", ["holds", "not checked"]),
])
def test_index_ranges_and_conditions_in_brackets(doc, expected):
    assert [v.status for v in check_document(doc, "md")] == expected


@pytest.mark.parametrize("definition", [r"f = \sin", r"f(x) = \sin(x)"])
def test_an_activation_named_by_a_function_not_read_leaves_what_follows_not_checked(
        definition):
    """f = \\sin is f(x) = \\sin(x): not read, so the sigmoid's g_j after it is not
    proved (it held, read with the sigmoid: a false "holds")."""
    doc = f"Here ${definition}$.\n\n$${G_J}$$\n"
    assert [v.status for v in check_document(doc, "md")] == ["not checked", "not checked"]


@pytest.mark.parametrize("comment,misspelt", [
    ("<!-- symnt: f = tanh -->", True), ("<!-- synmet: loss = squared -->", True),
    ("% smynet: f = tanh", True), ("<!-- note: f = tanh -->", False),
    ("% sympy: f = x", False), ("<!-- TODO: check this -->", False)])
def test_a_misspelt_directive_is_an_error_not_a_comment(comment, misspelt):
    """A directive under a misspelt name was ignored (the formulas after it read with the
    sigmoid); a comment that only looks alike is still a comment."""
    from symnet.checker.document import DocumentError
    kind = "tex" if comment.startswith("%") else "md"
    doc = f"{comment}\n\n$\\Delta \\theta_j = -\\eta g_j$\n"
    if misspelt:
        with pytest.raises(DocumentError, match="directive not understood"):
            check_document(doc, kind)
    else:
        assert [v.status for v in check_document(doc, kind)] == ["holds"]
