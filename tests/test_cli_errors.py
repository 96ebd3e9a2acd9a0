"""Errors that name the option (issue "users v2"): bad input is ONE line on stderr naming
the option, exit 2, no traceback, found before the long run, and an output file that
exists already is left byte-identical (never destroyed, never half-written)."""
import errno
import os
import sys

import pytest

from symnet.cli import main

OLD = b"# the user's file: must survive every error\n"


def one_line(capsys, *needles):
    """stderr is exactly one line, holding every needle, and no traceback."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and ".symnet-" not in err, err
    for needle in needles:
        assert needle in err, (needle, err)
    return err


@pytest.fixture
def here(tmp_path, monkeypatch):
    """A folder with a file ``afile`` (a parent that is no folder) and the user's files."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_bytes(OLD)
    for name in ("kept.py", "kept.xml", "kept.png"):
        (tmp_path / name).write_bytes(OLD)
    return tmp_path


def untouched(folder, before):
    """Every file as it was; no file added (no hidden temporary left behind)."""
    assert sorted(p.name for p in folder.iterdir()) == sorted(before)
    for name in before:
        assert (folder / name).read_bytes() == OLD, name


# --- output paths whose parent is a file: "is a file, not a folder" ---------------------

PARENT_IS_A_FILE = [
    (["verify", "--only", "eq5.8", "--junit", "afile/r.xml"], "--junit"),
    (["verify", "--only", "eq5.8", "--junit", "afile/deeper/r.xml"], "--junit"),
    (["verify", "--layers", "2,2", "--junit", "afile/r.xml"], "--junit"),
    (["check", "notes.md", "--junit", "afile/c.xml"], "--junit"),
    (["codegen", "--layers", "2,2,1", "-o", "afile/k.py"], "-o"),
    (["codegen", "--layers", "2,2,1", "--output", "afile/k.py", "--force"], "-o"),
    (["train", "--epochs", "1", "--plot", "afile/e.png"], "--plot"),
    (["report", "--out", "afile/reports"], "--out"),
]


@pytest.mark.parametrize("argv, option", PARENT_IS_A_FILE,
                         ids=[" ".join(a) for a, _ in PARENT_IS_A_FILE])
def test_a_parent_that_is_a_file_is_said_so(here, capsys, argv, option):
    """Old code: "the folder .../afile does not exist" (it does: as a file)."""
    (here / "notes.md").write_bytes(OLD)
    before = [p.name for p in here.iterdir()]
    assert main(argv) == 2
    err = one_line(capsys, option, argv[-1] if argv[-1] != "--force" else argv[-2],
                   "afile' is a file, not a folder")
    assert "does not exist" not in err
    untouched(here, before)


# --- found before the long run ----------------------------------------------------------

def test_codegen_checks_its_output_before_proving_a_user_activation(here, capsys, monkeypatch):
    """Old code proved the user's activation (seconds to minutes) before looking at -o."""
    import symnet.define

    def no_work(*args, **kwargs):
        raise AssertionError("the work started before -o was checked")
    monkeypatch.setattr(symnet.define, "from_option", no_work)
    before = [p.name for p in here.iterdir()]
    assert main(["codegen", "--layers", "2,2,1", "--activation", "mine=x^2", "-o",
                 "no/such/k.py"]) == 2
    one_line(capsys, "-o 'no/such/k.py'", "does not exist")
    untouched(here, before)


def test_a_folder_that_takes_no_file_is_found_before_the_run(here, capsys, monkeypatch):
    """A read-only disk (or an ACL) that access() does not see: old code ran every claim,
    then failed naming the hidden temporary file of the atomic write."""
    import tempfile
    import symnet.runner

    def read_only(*args, dir=None, prefix="", suffix="", **kwargs):
        raise OSError(errno.EROFS, "Read-only file system",
                      os.path.join(dir or ".", f"{prefix}x1y2{suffix}"))

    def no_run(*args, **kwargs):
        raise AssertionError("the claims ran before --junit was checked")
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    monkeypatch.setattr(symnet.runner, "run_claims_parallel", no_run)
    before = [p.name for p in here.iterdir()]
    assert main(["verify", "--only", "eq5.8", "--junit", "kept.xml"]) == 2
    one_line(capsys, "--junit 'kept.xml'", "not writable", "Read-only file system")
    untouched(here, before)


def test_a_write_that_fails_at_the_end_names_the_option_not_the_temporary(here, capsys,
                                                                          monkeypatch):
    """The disk fills up during the write: one line naming -o and the path (old code:
    "No space left on device: .../.symnet-....tmp")."""
    import symnet.numeric.codegen as codegen

    def full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device",
                      os.path.join(os.path.dirname(os.path.abspath(path)), ".symnet-x1.tmp"))
    monkeypatch.setattr(codegen, "write_atomic", full)
    before = [p.name for p in here.iterdir()]
    assert main(["codegen", "--layers", "2,2,1", "-o", "kept.py", "--force"]) == 2
    one_line(capsys, "-o 'kept.py'", "No space left on device")
    untouched(here, before)


# --- --layers with a negative first size ------------------------------------------------

NEGATIVE_LAYERS = [
    ["verify", "--layers", "-3,3,1", "--junit", "kept.xml"],
    ["verify", "--layers", "-3,3,1", "--json"],
    ["codegen", "--layers", "-3,3,1", "-o", "kept.py", "--force"],
    ["train", "--layers", "-3,3,1", "--plot", "kept.png"],
    ["check", "--layers", "-3,4,4,3", "g_j = b_h"],
]


@pytest.mark.parametrize("argv", NEGATIVE_LAYERS, ids=[" ".join(a) for a in NEGATIVE_LAYERS])
def test_negative_layer_sizes_are_about_the_sizes(here, capsys, argv):
    """Old code: argparse's "argument --layers: expected one argument"."""
    before = [p.name for p in here.iterdir()]
    assert main(argv) == 2
    err = one_line(capsys, "--layers", "positive integers, got -3")
    assert "expected one argument" not in err
    untouched(here, before)


def test_the_joined_form_says_the_same(here, capsys):
    """--layers=-3,3,1 (argparse took that one already): the message names --layers now."""
    assert main(["codegen", "--layers=-3,3,1", "-o", "kept.py", "--force"]) == 2
    one_line(capsys, "--layers '-3,3,1'", "positive integers, got -3")
    assert (here / "kept.py").read_bytes() == OLD


# --- a bad formula in --activation / --loss -----------------------------------------------

BAD_FORMULAS = [
    (["verify", "--layers", "2,2", "--activation", "name=1/(1+exp(-x", "--junit", "kept.xml"],
     "--activation"),
    (["codegen", "--layers", "2,2,1", "--activation", "name=1/(1+exp(-x", "-o", "kept.py",
      "--force"], "--activation"),
    (["train", "--activation", "name=1/(1+exp(-x", "--plot", "kept.png"], "--activation"),
    (["verify", "--layers", "2,2", "--loss", "q=\\frac12 (a-y", "--junit", "kept.xml"],
     "--loss"),
    (["codegen", "--layers", "2,2,1", "--activation", "Bad=x", "-o", "kept.py", "--force"],
     "--activation"),
]


@pytest.mark.parametrize("argv, option", BAD_FORMULAS,
                         ids=[" ".join(a[:5]) for a, _ in BAD_FORMULAS])
def test_a_bad_formula_names_its_option(here, capsys, argv, option):
    """Old code: "at character 12: expected ')', found the end", from nowhere."""
    before = [p.name for p in here.iterdir()]
    assert main(argv) == 2
    value = argv[argv.index(option) + 1]
    one_line(capsys, f"{option} {value!r}: ")
    untouched(here, before)


# --- codegen for a backend that is not installed here ------------------------------------

@pytest.mark.parametrize("backend", ["torch", "jax", "numba"])
def test_codegen_for_a_missing_backend_warns_in_one_line(tmp_path, capsys, monkeypatch,
                                                         backend):
    """The module is standalone text made for wherever the library is (DESIGN.md: the
    backends stay optional), so it is written, exit 0, and one warning line on stderr says
    it cannot be imported here.  Old code: silence."""
    monkeypatch.setitem(sys.modules, backend, None)      # `import torch` fails here
    out = tmp_path / "k.py"
    assert main(["codegen", "--layers", "2,2,1", "--backend", backend, "-o", str(out)]) == 0
    err = one_line(capsys, "warning", f"--backend {backend}", f"{backend} is not installed",
                   str(out))
    assert "cannot be imported" in err
    assert f"import {backend}" in out.read_text()


def test_codegen_json_carries_the_warning(tmp_path, capsys, monkeypatch):
    import json
    monkeypatch.setitem(sys.modules, "torch", None)
    out = tmp_path / "k.py"
    assert main(["codegen", "--layers", "2,2,1", "--backend", "torch", "-o", str(out),
                 "--json"]) == 0
    captured = capsys.readouterr()
    assert "torch is not installed" in json.loads(captured.out)["warning"]
    assert captured.err.count("\n") == 1



def test_json_errors_survive_a_gone_reader_closed_stdout_and_odd_bytes():
    """A third bad-input pass: the JSON error line is ASCII (valid for any input bytes),
    a reader that went away or a closed standard output never gives a traceback, and
    bench check's errors are {"error", "exit"} like every command's."""
    import json as _json
    import os
    import subprocess
    import sys
    env = dict(os.environ, PYTHONIOENCODING="utf-8:surrogateescape")
    run_ = lambda *a, **k: subprocess.run([sys.executable, "-m", "symnet", *a],
                                          capture_output=True, timeout=300, env=env, **k)
    odd = run_("derive", "--wrt", os.fsdecode(b"w_\xff"), "--json")
    assert odd.returncode == 2 and _json.loads(odd.stdout.decode("utf-8"))["exit"] == 2
    closed = subprocess.run(f"{sys.executable} -m symnet derive --wrt w_hj --json >&-",
                            shell=True, capture_output=True, timeout=300, env=env)
    assert closed.returncode == 2 and b"Traceback" not in closed.stderr
    assert b"standard output is closed" in closed.stderr
    gone = subprocess.run(f"{sys.executable} -m symnet derive --wrt bogus --json | head -c 0",
                          shell=True, capture_output=True, timeout=300, env=env)
    assert b"Traceback" not in gone.stderr and gone.stderr.count(b"symnet: error:") == 1
    for args in (["bench", "check", "--json"], ["bench", "check", "nope.md", "--json"]):
        r = run_(*args)
        assert r.returncode == 2 and set(_json.loads(r.stdout)) == {"error", "exit"}
    empty = run_("derive", "--wrt", r"\Theta^{(23)}", "--layers", "")
    assert empty.returncode == 2 and b"--layers" in empty.stderr
