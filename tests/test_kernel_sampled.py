"""The sampled kernel proof of wide modules (symnet.prove.sampled): the composed run at
the module's own sizes, a seeded sample of gradient entries (corners always) compared
with sp.diff of the nested loss; the held-subtree differentiation equal to sp.diff's; a
planted sign or transpose fails naming the entry; the CLI reports how many of how many
entries were compared, never "all"."""
import json

import numpy as np
import pytest
import sympy as sp

from symnet.cli import main
from symnet.numeric.codegen import generate
from symnet.prove.compose import nested_loss
from symnet.prove.kernel import _symbols
from symnet.prove.methods import prove_text
from symnet.prove.sampled import Held, SampledProof, picks, prove_sampled


def test_picks_hold_the_corners_and_a_seeded_random_rest():
    chosen = picks((785, 128), 40, np.random.default_rng(0))
    assert len(chosen) == len(set(chosen)) == 40
    for corner in [(0, 0), (0, 127), (1, 0), (1, 127), (784, 0), (784, 127)]:
        assert corner in chosen
    assert chosen == picks((785, 128), 40, np.random.default_rng(0))
    assert chosen != picks((785, 128), 40, np.random.default_rng(1))
    assert picks((3, 2), 40, np.random.default_rng(0)) == [(r, c) for r in range(3)
                                                          for c in range(2)]


@pytest.mark.parametrize("softmax", [False, True])
def test_held_differentiation_is_sympys(softmax):
    """Every entry of a small nested loss: Held(E).diff(w) is sp.diff(E, w) exactly."""
    params, X, Y = _symbols((3, 2, 2), 2)
    E = nested_loss(params, X, Y, softmax)
    held = Held(E)
    for W in params:
        for w in W.flat:
            assert held.diff(w) == sp.diff(E, w), w


def test_a_wide_module_is_proved_on_its_sample():
    proof = prove_text(generate([40, 6, 3], "tanh", "squared", "numpy"), sample=12)
    assert isinstance(proof, SampledProof) and proof.ok, proof.first
    assert (proof.entries, proof.total) == (2 * (12 + 12), 2 * (41 * 6 + 7 * 3))


#: per backend: a delta's sign flipped in the template text
SIGN = {"numpy": ("    D2 /= m\n", "    D2 /= -m\n"),
        "numba": ("Y[r, j]) / m", "Y[r, j]) / -m"),
        "torch": ("_output_delta(A2, Z2, Y) / m", "_output_delta(A2, Z2, Y) / -m")}


@pytest.mark.parametrize("backend", sorted(SIGN))
def test_a_planted_sign_in_a_wide_module_fails_with_the_entry_named(backend):
    text = generate([40, 6, 3], "sigmoid", "squared", backend)
    before, after = SIGN[backend]
    assert text.count(before) == 1
    proof = prove_sampled(text.replace(before, after), (1,), count=6, seed=3)
    assert not proof.ok and proof.first.startswith("grads[0][0, 0] at batch size 1: the "
                                                   "module computes"), proof.first


def test_a_planted_transpose_in_a_wide_module_fails_with_the_entry_named():
    """W1[1:] is square (6 x 6): dropping its transpose keeps every shape."""
    text = generate([40, 6, 6, 3], "sigmoid", "squared", "numpy")
    assert text.count("D2 @ W1[1:].T") == 1
    proof = prove_sampled(text.replace("D2 @ W1[1:].T", "D2 @ W1[1:]"), (1,), count=6)
    assert not proof.ok and proof.first.startswith("grads[0][0, 0] at batch size 1")
    assert prove_sampled(text, (1,), count=6).ok


def test_codegen_prove_of_a_wide_module_reports_the_sample(tmp_path, capsys):
    module = tmp_path / "wide.py"
    assert main(["codegen", "--layers", "40,6,3", "-o", str(module), "--prove",
                 "--sample", "8", "--seed", "5"]) == 0
    out = capsys.readouterr().out
    assert ("sampled: 32 of 534 gradient entries of the 40-6-3 (sigmoid, squared) "
            "numpy module at batch sizes 1, 2 (seeded 5, 8 per parameter array") in out
    assert "the other 502 are not compared" in out and "proved: all" not in out
    module.write_text(module.read_text().replace("    D2 /= m\n", "    D2 /= -m\n"))
    assert main(["verify", "--kernel", str(module), "--sample", "8"]) == 1
    assert "FAILED: grads[0][0, 0] at batch size 1: the module computes" in \
        capsys.readouterr().out
    assert main(["verify", "--kernel", str(module), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "failed" and report["first_difference"].startswith("grads[0]")
    module.write_text(module.read_text().replace("    D2 /= -m\n", "    D2 /= m\n"))
    assert main(["verify", "--kernel", str(module), "--json", "--sample", "2"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["status"], report["entries"], report["entries_in_all"]) == ("sampled", 24,
                                                                               534)
    assert main(["verify", "--kernel", str(module), "--method", "composed",
                 "--sample", "8"]) == 2
    assert "--sample and --seed go with --method sampled" in capsys.readouterr().err


def test_a_wide_softmax_module_is_proved_on_its_sample_and_a_flipped_delta_fails():
    text = generate([40, 6, 3], "relu", "softmax-cross-entropy", "numpy")
    assert prove_sampled(text, (1,), count=6).ok
    assert text.count("    return A - Y\n") == 1
    proof = prove_sampled(text.replace("    return A - Y\n", "    return Y - A\n"), (1,),
                          count=6)
    assert not proof.ok and proof.first.startswith("grads[0][0, 0] at batch size 1")


def test_a_flipped_sign_in_a_784_wide_module_fails_naming_the_entry(tmp_path, capsys):
    """The real size (101,770 weights): the fault is met at the first corner (about 20 s
    of one core)."""
    module = tmp_path / "wide784.py"
    text = generate([784, 128, 10], "sigmoid", "squared", "numpy")
    assert text.count("    D2 /= m\n") == 1
    module.write_text(text.replace("    D2 /= m\n", "    D2 /= -m\n"))
    assert main(["verify", "--kernel", str(module)]) == 1
    out = capsys.readouterr().out
    assert "FAILED: grads[0][0, 0] at batch size 1: the module computes" in out
    assert "method: numpy module: sampled entries, not every entry" in out
