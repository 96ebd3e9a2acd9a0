"""`symnet codegen` and `symnet train` on the command line; the watermelon data."""
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from symnet.cli import main
from symnet.numeric.train import load_watermelon3, train

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=ROOT):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "symnet", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


def test_codegen_writes_an_importable_module(tmp_path, capsys):
    out = tmp_path / "k.py"
    assert main(["codegen", "--layers", "4,3,2", "--activation", "tanh", "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    spec = importlib.util.spec_from_file_location("k", out)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.SIZES == (4, 3, 2) and mod.ACTIVATION == "tanh"
    assert mod.forward(mod.init_params(0), np.zeros((7, 4))).shape == (7, 2)


@pytest.mark.parametrize("args,needle", [
    (["--layers", "3,x", "-o", "k.py"], "--layers"),
    (["--layers", "3,2", "--backend", "cuda", "-o", "k.py"], "unknown value 'cuda'"),
    (["--layers", "3,2", "--activation", "swish", "-o", "k.py"], "unknown activation"),
    (["--layers", "3,2", "--activation", "tanh", "--loss", "cross-entropy", "-o", "k.py"],
     "cross-entropy"),
    (["--layers", "3,2", "-o", "k.txt"], ".py"),
    (["--layers", "3,2"], "required"),
])
def test_codegen_bad_input_is_one_line_and_keeps_the_old_file(tmp_path, args, needle):
    target = tmp_path / "k.py"
    target.write_text("old")
    args = [str(tmp_path / a) if a in ("k.py", "k.txt") else a for a in args]
    r = run("codegen", *args)
    assert r.returncode == 2 and needle in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert target.read_text() == "old"


def test_codegen_into_missing_folder_is_one_line(tmp_path):
    r = run("codegen", "--layers", "3,2", "-o", str(tmp_path / "no" / "k.py"))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1


def test_watermelon_encoding():
    X, y, names = load_watermelon3()
    assert X.shape == (17, 19) and y.shape == (17, 1) and y.sum() == 8
    assert names[-2:] == ["density", "sugar"] and names[0] == "color=青绿"
    assert (X[:, :17].sum(axis=1) == 6).all()          # one value per categorical attribute
    assert X[0, -2] == pytest.approx(0.697)


def test_training_is_reproducible_and_modes_differ():
    a = train("xor", "standard", epochs=50, seed=3)
    b = train("xor", "standard", epochs=50, seed=3)
    c = train("xor", "accumulated", epochs=50, seed=3)
    assert a.errors == b.errors
    assert a.updates == 50 * 4 and c.updates == 50
    assert a.errors != c.errors


def test_train_cli_reports_both_modes():
    r = run("train", "--data", "xor", "--epochs", "3000", "--eta", "1")
    assert r.returncode == 0, r.stderr
    assert "standard" in r.stdout and "accumulated" in r.stdout
    assert "final E" in r.stdout and "accuracy 100%" in r.stdout and "reached after" in r.stdout


@pytest.mark.parametrize("args,needle", [
    (["--data", "iris"], "unknown data set"),
    (["--mode", "online"], "argument --mode: unknown value"),
    (["--data", "xor", "--layers", "3,2,1"], "must start with 2"),
    (["--epochs", "0"], "--epochs"),
    (["--eta", "-1"], "--eta"),
    (["--plot", "out.pdf"], ".png"),
])
def test_train_bad_input_is_one_line(args, needle):
    r = run("train", *args)
    assert r.returncode == 2 and needle in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_train_plot(tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "e.png"
    r = run("train", "--epochs", "20", "--plot", str(out))
    assert r.returncode == 0 and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _csv(tmp_path, text, name="d.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_train_on_a_users_csv(tmp_path, capsys):
    from symnet.numeric.train import load_csv
    path = _csv(tmp_path, "id,colour,size,label\n1,red,1.5,yes\n2,blue,2.5,no\n"
                          "3,red,0.5,yes\n4,green,3.0,no\n")
    X, Y, names = load_csv(path, ignore=("id",))
    assert names == ["colour=red", "colour=blue", "colour=green", "size"]
    assert X.shape == (4, 4) and Y.ravel().tolist() == [1, 0, 1, 0]
    assert abs(X[:, 3].mean()) < 1e-12 and abs(X[:, 3].std() - 1) < 1e-12     # standardised
    assert main(["train", "--data", path, "--ignore", "id", "--epochs", "200", "--json"]) == 0
    import json
    run = json.loads(capsys.readouterr().out)
    assert run["layers"] == [4, 10, 1]


@pytest.mark.parametrize("text, args, message", [
    ("", [], "needs a header row"),
    ("a,b\n", [], "needs a header row"),
    ("a,b\n1,2\n3\n", [], "line 3: 1 values for 2 columns"),
    ("a,b\n1,0\nx,1\n2,1\n", [], "non-numeric value 'x' in the numeric column 'a'"),
    ("a,b\n1,0\n2,1\n", ["--target-column", "c"], "no column 'c'"),
    ("a,b\n1,3\n2,5\n", [], "must lie in [0, 1]"),
])
def test_csv_errors_are_one_line(tmp_path, text, args, message):
    path = _csv(tmp_path, text)
    r = run("train", "--data", path, *args)
    assert r.returncode == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_missing_csv_is_one_line(tmp_path):
    r = run("train", "--data", str(tmp_path / "none.csv"))
    assert r.returncode == 2 and "no such file" in r.stderr
