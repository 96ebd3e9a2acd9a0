"""The bridge: a generated NumPy kernel run on symbols (symnet.prove.kernel) is proved
equal, entry by entry, to SymPy's gradient of the nested loss; a fault planted in the
module's text (a sign, a transpose, an activation derivative) is caught and the first
differing entry named; `symnet verify --kernel` and `symnet codegen --prove`."""
import pytest

from symnet.cli import main
from symnet.numeric.codegen import generate
from symnet.prove.kernel import Unsupported, prove_module


@pytest.mark.parametrize("sizes,activation,loss", [
    ([2, 3, 2], "sigmoid", "squared"), ([1, 2, 1], "tanh", "squared"),
    ([2, 2, 1], "sigmoid", "cross-entropy"), ([1, 2, 1], "softplus", "squared"),
    ([2, 2, 2], "identity", "squared"), ([1, 1, 1, 1], "sigmoid", "squared")])
def test_generated_modules_compute_sympys_gradient(sizes, activation, loss):
    proof = prove_module(generate(sizes, activation, loss), batches=(1, 2))
    weights = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
    assert proof.ok and proof.entries == 2 * weights, proof.first


@pytest.mark.parametrize("before,after", [
    ("    Z1 -= W0[0]\n", "    Z1 += W0[0]\n"),                       # a threshold's sign
    ("D2 @ W1[1:].T", "D2 @ W1[1:]"),                                  # a missing transpose
    ("    return A*(1 - A)\n", "    return A*(1 + A)\n"),               # f' of the sigmoid
])
def test_a_planted_fault_is_caught_and_named(before, after):
    text = generate([2, 2, 2])
    assert text.count(before) == 1
    proof = prove_module(text.replace(before, after), batches=(1,))
    assert not proof.ok and proof.first.startswith("grads[") and "batch size 1" in proof.first


def test_what_cannot_run_on_symbols_is_refused_with_the_reason():
    with pytest.raises(Unsupported, match="too many to run on symbols"):
        prove_module(generate([784, 10]))


def test_command_line(tmp_path, capsys):
    module = tmp_path / "k.py"
    assert main(["codegen", "--layers", "1,2,1", "-o", str(module), "--prove"]) == 0
    assert "proved: all 14 gradient entries of the 1-2-1" in capsys.readouterr().out
    assert main(["verify", "--kernel", str(module)]) == 0
    module.write_text(module.read_text().replace("    return A*(1 - A)\n",
                                                 "    return A*(1 + A)\n"))
    assert main(["verify", "--kernel", str(module)]) == 1
    assert "FAILED: grads[" in capsys.readouterr().out
    assert main(["verify", "--kernel", str(tmp_path / "missing.py")]) == 2
    capsys.readouterr()
    assert main(["codegen", "--layers", "1,1", "--backend", "jax", "-o",
                 str(tmp_path / "j.py"), "--prove"]) == 0          # every backend is proved
    assert "proved: all 4 gradient entries of the 1-1 (sigmoid, squared) jax module" \
        in capsys.readouterr().out
