"""The command line: exit codes, JSON contract, JUnit, and one-line errors."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from symnet.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "symnet", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def test_verify_json_contract(capsys):
    assert main(["verify", "--json", "--only", "eq5.1*", "--only", "bp-*"]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = {c["id"] for c in data["claims"]}
    assert {"eq5.10", "eq5.15", "bp-delta-recursion", "bp-example-3443"} <= ids
    for c in data["claims"]:
        assert set(c) >= {"id", "equation", "status", "method", "sizes", "seconds"}
        assert c["status"] == "proved"
    by_id = {c["id"]: c for c in data["claims"]}
    assert by_id["eq5.15"]["sizes"] == "symbolic" and by_id["eq5.15"]["equation"] == "5.15"
    assert by_id["bp-example-3443"]["sizes"] == "3,4,4,3"
    assert data["summary"] == {"proved": len(data["claims"]), "failed": 0, "error": 0}


def test_junit_written(tmp_path, capsys):
    out = tmp_path / "r.xml"
    assert main(["verify", "--only", "eq5.8", "--junit", str(out)]) == 0
    text = out.read_text()
    assert '<testsuite name="symnet.verify" tests="2" failures="0"' in text   # + its LaTeX row
    assert 'name="eq5.8/latex"' in text


def test_failing_claim_exits_1(monkeypatch, capsys):
    from derivations import standard_bp
    from symnet.core.claims import Chain, Derivation

    def wrong():
        m = standard_bp.model()
        return Derivation(m, [m.D(m.E_at("b"), m.w[m.h, m.j]), m.eta * m.g[m.j] * m.b[m.h]])

    bad = Chain("wrong-5.11", "5.11", "t", "s", "x", build=wrong)
    monkeypatch.setattr("derivations.catalog", lambda: [bad])
    assert main(["verify"]) == 1
    assert "failed" in capsys.readouterr().out


def test_layers_exact(capsys):
    assert main(["verify", "--layers", "3,4,4,3"]) == 0
    assert "51 gradient entries" in capsys.readouterr().out


@pytest.mark.parametrize("args", [
    ["verify", "--layers", ""], ["verify", "--layers", "3,a"], ["verify", "--layers", "3"],
    ["verify", "--layers", "3,0,2"], ["verify", "--layers", "3,-4"],
    ["verify", "--layers", "100000,100000"], ["verify", "--layers", "3,3", "--activation", "foo"],
    ["verify", "--layers", "3,3", "--loss", "bar"], ["verify", "--only", "no-such-claim"],
    ["verify", "--bogus"], ["frobnicate"],
])
def test_bad_input_one_line_exit_2(args):
    proc = run(*args)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("symnet: error:"), proc.stderr
    assert "Traceback" not in proc.stderr


def test_junit_into_missing_folder_is_one_line(tmp_path):
    proc = run("verify", "--only", "eq5.8", "--junit", str(tmp_path / "no" / "r.xml"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_list(capsys):
    assert main(["verify", "--list"]) == 0
    assert "eq5.15" in capsys.readouterr().out


def test_each_command_applies_its_own_layer_limit(tmp_path, capsys):
    """The exact checker's entry limit is the exact checker's: codegen has none."""
    out = tmp_path / "big.py"
    assert main(["codegen", "--layers", "784,4096,10", "-o", str(out)]) == 0
    assert "SIZES = (784, 4096, 10)" in out.read_text()
    capsys.readouterr()
    assert main(["verify", "--layers", "784,4096,10"]) == 2
    err = capsys.readouterr().err
    assert "the exact checker handles" in err and err.count("\n") == 1
    assert main(["codegen", "--layers", "3,,4", "-o", str(tmp_path / "k.py")]) == 2
    assert "comma-separated widths" in capsys.readouterr().err


def test_every_command_speaks_json(tmp_path, capsys):
    """One JSON style: an object with "command" and "status" (verify: "claims" and
    "summary", as always); the JUnit file of verify --layers is written too."""
    junit = tmp_path / "layers.xml"
    assert main(["verify", "--layers", "2,3,2", "--json", "--junit", str(junit), "--jobs", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"proved": 1, "failed": 0, "error": 0}
    assert data["claims"][0]["sizes"] == "2,3,2" and "<testcase" in junit.read_text()
    assert main(["verify", "--list", "--json", "--only", "bp-*"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["command"] == "verify --list" and {"id", "title", "section"} <= set(listed["claims"][0])
    assert main(["codegen", "--layers", "2,2,1", "-o", str(tmp_path / "k.py"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["backend"] == "numpy"
    assert main(["train", "--epochs", "50", "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)["runs"]
    assert [r["mode"] for r in runs] == ["standard", "accumulated"]
    assert main(["report", "--only", "eq5.8", "--out", str(tmp_path / "r"), "--lang", "en",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "ok" and any("chapter5.tex" in m for m in out["messages"])


def test_softmax_cross_entropy_everywhere(tmp_path, capsys):
    """The catalog's softmax with cross-entropy works in verify --layers and codegen."""
    assert main(["verify", "--layers", "3,4,3", "--loss", "softmax-cross-entropy",
                 "--activation", "tanh", "--jobs", "1"]) == 0
    assert "all exact" in capsys.readouterr().out
    out = tmp_path / "k.py"
    assert main(["codegen", "--layers", "3,4,3", "--loss", "softmax-cross-entropy",
                 "-o", str(out)]) == 0
    assert "def _softmax(Z)" in out.read_text()


def test_bench_speaks_json_with_the_table_on_stderr(monkeypatch, capsys):
    import symnet.bench.kernels as kernels_bench

    def fake(quick, threads, record):
        print("a table line", file=sys.stderr)
        record.update(threads=threads, cases=[{"sizes": [3, 4, 4, 3], "times": {}}])
        return 0
    monkeypatch.setattr(kernels_bench, "bench_kernels", fake)
    assert main(["bench", "kernels", "--quick", "--json", "--threads", "2"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["command"] == "bench kernels" and data["threads"] == 2 and data["quick"]
    assert "a table line" in captured.err
