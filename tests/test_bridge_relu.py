"""The bridge for units with a kink: a generated ReLU (or leaky ReLU) NumPy kernel run on
symbols (symnet.prove.kernel) is proved equal, entry by entry, to sp.diff of the nested
loss built from the row's Piecewise definition, on every sign region of the
pre-activations (every input with all z != 0); at z = 0 the module's f'(0) must be the
registry's convention.  Planted faults (the mask's sign, a missing mask, a wrong slope,
f'(0) = 1) are caught, the first differing entry named."""
import pytest

from symnet.cli import main
from symnet.numeric.codegen import generate
from symnet.prove.kernel import Unsupported, prove_module

STEP = "    return (Z > 0).astype(Z.dtype)\n"


def _weights(sizes):
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


@pytest.mark.parametrize("sizes", [[2, 3, 1], [2, 2, 2, 1]])
def test_a_generated_relu_kernel_is_proved_at_batch_sizes_1_and_2(sizes):
    proof = prove_module(generate(sizes, "relu"), batches=(1, 2))
    assert proof.ok and proof.entries == 2 * _weights(sizes), proof.first
    assert "for every input with all pre-activations z != 0" in proof.method
    assert "at z = 0 the module's f'(0) = 0" in proof.method


def test_a_generated_leaky_relu_kernel_is_proved():
    proof = prove_module(generate([2, 3, 1], "leaky_relu"), batches=(1, 2))
    assert proof.ok and proof.entries == 2 * _weights([2, 3, 1]), proof.first
    assert "f'(0) = 1/100" in proof.method


@pytest.mark.parametrize("activation,before,after", [
    ("relu", STEP, STEP.replace("Z > 0", "Z < 0")),             # the mask's sign flipped
    ("relu", "    D1 *= _fprime(A1, Z1)\n", ""),                  # a hidden mask missing
    ("relu", "    return (A - Y)*_step(Z)\n", "    return (A - Y)\n"),   # output mask missing
    ("relu", "np.maximum(Z, 0)", "np.maximum(Z, -1.0)"),          # the kink moved
    ("leaky_relu", "(1/100)*Z", "(2/100)*Z"),                     # the forward slope
])
def test_a_planted_fault_is_caught_and_the_first_entry_named(activation, before, after):
    text = generate([2, 2, 2, 1], activation)
    assert text.count(before) == 1
    proof = prove_module(text.replace(before, after), batches=(1, 2))
    assert not proof.ok and proof.first.startswith("grads[") and "batch size 1" in proof.first
    assert "the module computes" in proof.first


def test_the_derivative_at_the_kink_is_the_registrys_convention():
    """Z >= 0 agrees with Z > 0 wherever z != 0 (so the region proof alone cannot see it)
    but makes ReLU'(0) = 1: the module's _fprime at 0 is compared with the registry's."""
    text = generate([2, 2, 1], "relu").replace(STEP, STEP.replace("Z > 0", "Z >= 0"))
    proof = prove_module(text, batches=(1,))
    assert not proof.ok
    assert proof.first == ("f'(0): the module's _fprime gives 1.0 at z = 0, the registry's "
                           "convention for relu is 0")


def test_a_relu_softmax_module_is_proved_with_its_shift_a_symbol():
    proof = prove_module(generate([1, 1, 2], "relu", "softmax-cross-entropy"), batches=(1,))
    assert proof.ok and "arbitrary shift" in proof.method, proof.first


def test_command_line(tmp_path, capsys):
    module = tmp_path / "relu.py"
    assert main(["codegen", "--layers", "2,3,1", "--activation", "relu", "-o", str(module),
                 "--prove"]) == 0
    out = capsys.readouterr().out
    assert "proved: all 26 gradient entries of the 2-3-1 (relu, squared)" in out
    assert "z != 0" in out
    module.write_text(module.read_text().replace(STEP, STEP.replace("Z > 0", "Z < 0")))
    assert main(["verify", "--kernel", str(module)]) == 1
    assert "FAILED: grads[" in capsys.readouterr().out
