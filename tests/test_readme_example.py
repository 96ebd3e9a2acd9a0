"""What the README promises a newcomer: the shipped example notes give the counts its quick
start quotes (the one formula marked wrong is the one refuted), and the README's two
commands are the lines .ci/run runs, the main job with the `report` extra only."""
import json
import re
from pathlib import Path

import pytest

from symnet.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "chapter5-example.md"
README = (ROOT / "README.md").read_text("utf-8")


@pytest.fixture(scope="module")
def checked():
    """``symnet check examples/chapter5-example.md --json``: (exit status, its JSON)."""
    return _run(["check", str(EXAMPLE), "--json"])


def _run(argv):
    import contextlib
    import io
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        status = main(argv)
    return status, json.loads(buffer.getvalue())


def test_the_readme_quotes_the_examples_counts(checked):
    status, report = checked
    m = re.search(r"`symnet check`\s+prints one line per equation and finds (\d+) equations: "
                  r"(\d+) hold, (\d+) refuted, (\d+) not a claim,\s+(\d+) not checked", README)
    assert m, "the README's sentence on examples/chapter5-example.md"
    s = report["summary"]
    assert tuple(map(int, m.groups())) == (
        len(report["equations"]), s["holds"], s["refuted"], s["not_a_claim"], s["not_checked"])
    assert status == 1                                    # the README: "exits 1"


def test_the_refuted_formula_is_the_one_marked_wrong_on_purpose(checked):
    _, report = checked
    lines = EXAMPLE.read_text("utf-8").splitlines()
    refuted = [e for e in report["equations"] if e["verdict"] == "refuted"]
    assert len(refuted) == 1 and "the sign is flipped" in refuted[0]["detail"]
    before = "\n".join(lines[refuted[0]["line"] - 4:refuted[0]["line"] - 1])
    assert "wrong on purpose" in before
    verdicts = {e["equation"]: e["verdict"] for e in report["equations"]}
    assert verdicts["x_1 = 1"] == verdicts["f(x) = x^2"] == "not a claim"
    assert verdicts["f(2) = 4"] == "holds"
    assert verdicts["f'(x) = f(x)(1 - f(x))"] == "holds"
    numbers = set(re.findall(r"\\quad \((5\.\d+)\)", EXAMPLE.read_text("utf-8")))
    assert {f"5.{n}" for n in range(10, 16)} <= numbers       # (5.10)-(5.15) are there


def _readme_command(after: str) -> str:
    m = re.search(re.escape(after) + r".*?\n\n    (python3 -m venv .*?)\n", README, re.S)
    assert m, after
    return m.group(1)


def test_the_readmes_two_commands_are_what_ci_runs():
    main_job = _readme_command("Run the main job")
    tests = _readme_command("Run the tests:")
    ci = [line for line in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
          if line.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install -q -e")]
    assert main_job in ci and tests in ci
    assert ci.index(tests) < ci.index(main_job)                  # the tests first
    assert "pip install -q -e '.[report]' && symnet verify" in main_job
    assert tests.endswith("pip install -q -e '.[test,plot]' && python -m pytest")


def test_the_report_extra_holds_what_the_report_needs():
    text = (ROOT / "pyproject.toml").read_text("utf-8")       # (tomllib: Python 3.11+)

    def names(extra):
        listed = re.search(rf"^{extra} = \[(.*?)\]", text, re.S | re.M).group(1)
        return {re.split(r"[<>=\[ ]", r)[0] for r in re.findall(r'"([^"]+)"', listed)}
    assert names("plot") | names("html") <= names("report")
    assert not names("report") & {"pytest", "hypothesis", "jax", "numba", "playwright"}


def test_the_nielsen_example_gives_what_the_readme_prints():
    """examples/bp-nielsen.md: 7 equations, 5 hold, 2 refuted (the swapped indices named,
    the sigmoid's derivative under tanh decided with tanh), as the README quotes."""
    status, report = _run(["check", str(ROOT / "examples" / "bp-nielsen.md"), "--json"])
    s = report["summary"]
    quoted = re.search(r"bp-nielsen\.md: (\d+) equations: (\d+) hold, (\d+) refuted, "
                       r"(\d+) not a claim, (\d+) not checked", README)
    assert quoted and tuple(map(int, quoted.groups())) == (
        len(report["equations"]), s["holds"], s["refuted"], s["not_a_claim"], s["not_checked"])
    refuted = [e for e in report["equations"] if e["verdict"] == "refuted"]
    assert [e["line"] for e in refuted] == [13, 23] and status == 1
    assert "the indices j and k are swapped on the right side" in refuted[0]["detail"]
    assert "decided with tanh" in refuted[1]["detail"]
    assert "it holds for the sigmoid activation, not for the one here (tanh)" in \
        refuted[1]["detail"]
