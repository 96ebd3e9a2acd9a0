"""Bad input gets one clear line naming the option, and a non-zero exit, before any work:
one table of command, input, expected message and exit code."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from symnet.cli import main

ROOT = Path(__file__).resolve().parents[1]

#: (arguments, environment, substring of the one stderr line, exit code)
BAD = [
    (["train", "--eta", "inf"], {}, "argument --eta: must be finite", 2),
    (["train", "--eta", "0"], {}, "argument --eta: must be greater than 0", 2),
    (["train", "--eta", "fast"], {}, "argument --eta: expected a number", 2),
    (["train", "--target", "nan"], {}, "argument --target: must be finite", 2),
    (["train", "--target", "-1"], {}, "argument --target: must be 0 or more", 2),
    (["train", "--target", "inf"], {}, "argument --target: must be finite", 2),
    (["train", "--seed", "-1"], {}, "argument --seed: must be between 0 and 2**32 - 1", 2),
    (["train", "--epochs", "0"], {}, "argument --epochs: must be at least 1", 2),
    (["train", "--mode", "fast"], {}, "known: standard, accumulated, both", 2),
    (["train", "--plot", "errors.jpg"], {}, "--plot should name a .png file", 2),
    (["codegen", "--layers", "3,4", "--backend", "cuda", "-o", "k.py"], {},
     "argument --backend: unknown value 'cuda'; known: numpy, jax, torch, numba", 2),
    (["codegen", "--layers", "3,4", "--dtype", "float16", "-o", "k.py"], {},
     "argument --dtype: unknown value 'float16'; known: float64, float32", 2),
    (["codegen", "--layers", "3,4", "-o", "no/such/folder/k.py"], {}, "does not exist", 2),
    (["codegen", "--layers", "3,4", "-o", "k.txt"], {}, "-o should name a .py file", 2),
    (["codegen", "--layers", "3,4", "-o", "exists.py"], {}, "exists; pass --force", 2),
    (["codegen", "--layers", "3,4", "--activation", "swish", "-o", "k.py"], {},
     "unknown activation 'swish'; known: sigmoid", 2),
    (["verify", "--junit", "no/such/folder/r.xml"], {}, "--junit 'no/such/folder/r.xml'", 2),
    (["verify", "--layers", "2,2", "--jobs", "0"], {}, "argument --jobs: must be at least 1", 2),
    (["verify", "--jobs", "2"], {}, "--jobs and --engine go with --layers", 2),
    (["verify", "--layers", "2,2", "--engines"], {}, "--engines lists the engines of a "
     "catalog run: not with --kernel, --layers or --list", 2),
    (["verify", "--list", "--engines"], {}, "--engines lists the engines", 2),
    (["verify", "--layers", "784,4096,10"], {}, "the exact checker handles", 2),
    (["verify", "--layers", "2,2", "--loss", "hinge"], {}, "unknown loss 'hinge'; known:", 2),
    (["report", "--lang", "fr"], {}, "argument --lang: unknown value 'fr'; known: en, zh, all", 2),
    (["report", "--out", "exists.py"], {}, "--out 'exists.py' is a file, not a folder", 2),
    (["report", "--out", "r"], {"SOURCE_DATE_EPOCH": "abc"},
     "SOURCE_DATE_EPOCH must be a whole number of seconds", 2),
    (["check", "\\frac{g_j}{0} = g_j"], {}, "a division by zero", 2),
    (["check", "notes.md", "--junit", "no/such/folder/c.xml"], {}, "does not exist", 2),
    (["bench", "--threads", "0"], {}, "argument --threads: must be at least 1", 2),
]


@pytest.mark.parametrize("argv, env, message, code", BAD, ids=[" ".join(b[0])[:50] for b in BAD])
def test_bad_input_is_one_line_naming_it(tmp_path, monkeypatch, capsys, argv, env, message, code):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exists.py").write_text("# a user's file\n")
    (tmp_path / "notes.md").write_text("$$g_j = b_h$$\n")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    start_files = sorted(p.name for p in tmp_path.iterdir())
    assert main(argv) == code
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1, err
    assert (tmp_path / "exists.py").read_text() == "# a user's file\n"      # never destroyed
    assert sorted(p.name for p in tmp_path.iterdir()) == start_files       # nothing half-written


def test_force_overwrites_and_says_so(tmp_path, capsys):
    out = tmp_path / "k.py"
    out.write_text("old\n")
    assert main(["codegen", "--layers", "2,2,1", "-o", str(out), "--force"]) == 0
    assert "def loss_and_grad" in out.read_text()


def test_help_lists_the_valid_values(capsys):
    with pytest.raises(SystemExit):
        main(["codegen", "--help"])
    text = capsys.readouterr().out
    for name in ("sigmoid", "leaky_relu", "cross-entropy", "numba", "float32"):
        assert name in text


def test_out_of_memory_is_one_line_and_its_own_exit_code(monkeypatch, capsys):
    import symnet.prove.entrywise as entrywise

    def exhausted(*args, **kwargs):
        raise MemoryError()
    monkeypatch.setattr(entrywise, "check_entrywise", exhausted)
    assert main(["verify", "--layers", "2,2"]) == 4
    err = capsys.readouterr().err
    assert "out of memory" in err and err.count("\n") == 1


def test_a_closed_pipe_ends_quietly():
    script = f"{sys.executable} -m symnet verify --list | head -1"
    out = subprocess.run(["bash", "-o", "pipefail", "-c", script], capture_output=True,
                         text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         timeout=120)
    assert out.returncode == 0 and out.stderr == "" and out.stdout.count("\n") == 1
