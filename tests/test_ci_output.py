"""symnet check in CI: FILE:LINE:COL lines, GitHub Actions annotations (--format github),
the column in JSON, and the pre-commit hook run on a git repository's staged files."""
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from symnet.checker.document import document_equations
from symnet.cli import _github_data, _github_property, main

ROOT = Path(__file__).resolve().parent.parent

#: one refuted equation (line 3), one that cannot be read (line 5), one that holds (line 7)
DOCUMENT = ("# Notes\n\n"
            "One and one: $1 + 1 = 3$.\n\n"
            "$$a = b^ + 50\\%$$\n\n"
            "And $\\Delta \\theta_j = -\\eta g_j$ holds.\n")
NAME = "ch5:notes,v1.md"          # a ':' and a ',' that the file= property must escape
REFUTED = ("::error file=ch5%3Anotes%2Cv1.md,line=3,col=15,title=symnet check::"
           "refuted: 1 + 1 = 3%0Astep 1: 2 =/= 3")
UNREAD = ("file=ch5%3Anotes%2Cv1.md,line=5,col=3,title=symnet check::not checked: "
          "a = b^ + 50\\%25%0Acannot read it: at character 8: expected an argument ({...} "
          "or one symbol), found '+'")


@pytest.fixture
def document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / NAME).write_text(DOCUMENT, encoding="utf-8")
    return NAME


def test_github_annotations_are_exact(document, capsys):
    assert main(["check", "--format", "github", document]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [REFUTED, "::notice " + UNREAD]        # holds: no annotation
    assert out[2].startswith(f"{NAME}: 3 equations: 1 hold, 1 refuted")
    assert len(out) == 3


def test_github_strict_makes_not_checked_a_warning(document, capsys):
    assert main(["check", "--format", "github", "--strict", document]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [REFUTED, "::warning " + UNREAD]


def test_github_no_equations(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("empty.md").write_text("# Nothing to check\n", encoding="utf-8")
    assert main(["check", "--format", "github", "empty.md"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "::notice file=empty.md,title=symnet check::no equations found in empty.md"]
    assert main(["check", "--format", "github", "--strict", "empty.md"]) == 1
    assert capsys.readouterr().out.startswith("::error file=empty.md,title=symnet check::")


def test_escaping_as_github_requires():
    assert _github_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert _github_property("100% a\r\nb: c, d") == "100%25 a%0D%0Ab%3A c%2C d"
    assert _github_data("%0A") == "%250A"          # escaped once, never decoded back


def test_text_lines_have_the_column_the_formula_and_the_detail(document, capsys):
    assert main(["check", document]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{NAME}:3:15: refuted: 1 + 1 = 3 -- step 1: 2 =/= 3"
    assert out[1].startswith(f"{NAME}:5:3: not checked: a = b^ + 50\\% -- cannot read it")
    assert out[2].startswith(f"{NAME}:7:6: holds: \\Delta \\theta_j = -\\eta g_j -- single "
                             "hidden layer (symbolic d, q, l); sizes symbolic d, q, l")


def test_long_formulas_are_shortened_in_text_lines(tmp_path, capsys):
    long = " + ".join(f"x_{i}" for i in range(1, 40))
    path = tmp_path / "long.md"
    path.write_text(f"$$y = {long}$$\n", encoding="utf-8")
    main(["check", str(path)])
    line = capsys.readouterr().out.splitlines()[0]
    formula = line.split(": ", 2)[2].split(" -- ")[0]
    assert formula.endswith("...") and len(formula) <= 60


def test_json_has_the_column(document, capsys):
    assert main(["check", "--json", document]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(e["line"], e["column"]) for e in data["equations"]] == [(3, 15), (5, 3), (7, 6)]
    assert list(data["equations"][0])[:2] == ["line", "column"]


def test_columns_point_at_each_equation():
    """Every column points at the equation's first character, also after Markdown escapes
    (\\_ read as _), in an align environment and for several statements in a line."""
    text = ("Text $a = b$ and $$c = d, \\quad e = f$$\n"
            "\\begin{align}\nx &= y \\\\\n  u &= v\n\\end{align}\n"
            "Esc: $\\Delta w\\_{hj} = \\eta g\\_j b\\_h$ and $p_1 = q$\n")
    lines = text.split("\n")
    got = [(e.line, e.column, lines[e.line - 1][e.column - 1:e.column + 2])
           for e in document_equations(text, "md")]
    assert got == [(1, 7, "a ="), (1, 20, "c ="), (1, 33, "e ="), (3, 1, "x &"),
                   (4, 3, "u &"), (6, 7, "\\De"), (6, 45, "p_1")]


def test_bad_combinations_are_one_line(document, capsys):
    assert main(["check", "--json", "--format", "github", document]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "choose one" in captured.err
    assert main(["check", "--format", "github", "g_j = 1"]) == 2
    assert "go with a document" in capsys.readouterr().err
    assert main(["check", "--format", "xml", document]) == 2
    assert "unknown value 'xml'" in capsys.readouterr().err


def test_junit_still_written_with_github_format(document, capsys, tmp_path):
    junit = tmp_path / "check.xml"
    assert main(["check", "--format", "github", "--junit", str(junit), document]) == 1
    assert 'failures="1"' in junit.read_text()


# --- the pre-commit hook ---------------------------------------------------------------

def _hook() -> dict:
    """The one hook of .pre-commit-hooks.yaml, read as its flat YAML mapping (no YAML
    library needed)."""
    fields = {}
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text().splitlines():
        m = re.match(r"^(?:- |  )(\w+): (.*)$", line)
        if m:
            fields[m.group(1)] = m.group(2).strip()
    return fields


def test_the_hook_is_declared_as_documented():
    hook = _hook()
    assert hook["id"] == "symnet-check" and hook["language"] == "python"
    assert hook["entry"] == "symnet check --strict" and hook["files"] == r"\.(md|tex)$"


def _entry_command(entry: str) -> list:
    """The hook's entry as pre-commit runs it, with this environment's console script."""
    words = shlex.split(entry)
    script = Path(sys.executable).with_name("symnet")
    head = [str(script)] if script.exists() else [sys.executable, "-m", "symnet"]
    return head + words[1:]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_on_staged_files(tmp_path):
    """What pre-commit does: the staged files that match ``files``, as arguments of the
    entry, run in the repository; the commit fails when one is refuted."""
    repo = tmp_path / "notes"
    repo.mkdir()
    (repo / "good.md").write_text("$\\Delta \\theta_j = -\\eta g_j$\n", encoding="utf-8")
    (repo / "bad.md").write_text("# BP\n\n$\\Delta \\theta_j = \\eta g_j$\n", encoding="utf-8")
    (repo / "data.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run(git + ["init", "-q"], cwd=repo, check=True)
    subprocess.run(git + ["add", "good.md", "bad.md", "data.csv"], cwd=repo, check=True)
    staged = subprocess.run(git + ["diff", "--cached", "--name-only"], cwd=repo, check=True,
                            capture_output=True, text=True).stdout.split()
    hook = _hook()
    files = [f for f in staged if re.search(hook["files"], f)]
    assert sorted(files) == ["bad.md", "good.md"]
    run = subprocess.run(_entry_command(hook["entry"]) + files, cwd=repo, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 1, run.stderr
    assert "bad.md:3:2: refuted: \\Delta \\theta_j = \\eta g_j -- step 1:" in run.stdout
    assert "good.md:1:2: holds" in run.stdout
    fixed = subprocess.run(_entry_command(hook["entry"]) + ["good.md"], cwd=repo,
                           capture_output=True, text=True, timeout=600)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
