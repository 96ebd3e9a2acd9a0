"""The compositional kernel proof (symnet.prove.compose): each backend's module structure
proved with an undefined activation f and loss term l, its helpers proved per activation
and loss; planted faults in the structure (a delta's sign, a transpose, a threshold's
sign, the A of another layer) and in the helpers (a wrong derivative, a wrong activation)
each fail, naming the entry or the helper; the skeleton shared only by modules whose
structure is the same text; `verify --kernel-grid` over every row."""
import pytest
import sympy as sp

from symnet.cli import main
from symnet.numeric.codegen import BACKENDS, generate
from symnet.prove.compose import (Atoms, prove_composed, prove_helpers, prove_structure,
                                  skeleton)
from symnet.prove.shims import Unsupported

SHIPPED = ("sigmoid", "tanh", "relu", "identity", "softplus", "leaky_relu")


def _weights(sizes):
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_structure_of_every_backend_is_proved_for_any_f_and_l(backend):
    for sizes in ([1, 1], [2, 3, 2], [2, 1, 3, 2]):
        entries, first = prove_structure(generate(sizes, "sigmoid", "squared", backend))
        assert first is None and entries == 2 * _weights(sizes), first
    # the identity's module calls no _fprime: its structure holds with f' = 1 only
    text = generate([2, 2, 2], "identity", "squared", backend)
    assert prove_structure(text, (1,), fprime_one=True) == (12, None)
    assert prove_structure(text, (1,))[1].startswith("grads[0]")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_softmax_structure_is_proved_for_any_hidden_f(backend):
    text = generate([1, 2, 2], "tanh", "softmax-cross-entropy", backend)
    assert prove_structure(text, (1, 2), softmax=True) == (20, None)
    # one output: the softmax is 1 and the loss ln e^z - y z is 0 with y = 1
    one = generate([2, 1], "tanh", "softmax-cross-entropy", backend)
    assert prove_structure(one, (1, 2), softmax=True) == (6, None)
    wrong = text.replace("    return A - Y\n", "    return Y - A\n")
    assert prove_structure(wrong, (1,), softmax=True)[1].startswith("grads[")


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_activation_helper_is_proved_on_every_backend(backend):
    from symnet.define import activation, unregister
    activation("gelu_c", r"x\Phi(x)")
    try:
        for act in SHIPPED + ("gelu_c",):
            names, first = prove_helpers(generate([1, 1], act, "squared", backend))
            assert first is None, (act, first)
            kink = ["f'(0)"] if act in ("relu", "leaky_relu") else []
            assert names[-4 - len(kink):] == ["_f", "_fprime", "_loss_terms",
                                              "_output_delta"] + kink, (act, names)
            assert act == "identity" or f"_{act}" in names
        names, first = prove_helpers(generate([1, 1], "sigmoid", "cross-entropy", backend))
        assert first is None and "_softplus" in names
        names, first = prove_helpers(generate([1, 2], "relu", "softmax-cross-entropy",
                                              backend))
        assert first is None and names == ["_relu", "_f", "_fprime", "f'(0)"]
    finally:
        unregister("gelu_c")


#: per backend: a delta's sign, a dropped transpose, a threshold's sign (structure)
STRUCTURE_FAULTS = {
    "numpy": [("    D2 /= m\n", "    D2 /= -m\n"), ("D2 @ W1[1:].T", "D2 @ W1[1:]"),
              ("    Z1 -= W0[0]\n", "    Z1 += W0[0]\n")],
    "jax": [("_output_delta(A2, Z2, Y) / m", "_output_delta(A2, Z2, Y) / -m"),
            ("D2 @ W1[1:].T", "D2 @ W1[1:]"),
            ("Z1 = A0 @ W0[1:] - W0[0]", "Z1 = A0 @ W0[1:] + W0[0]")],
    "torch": [("_output_delta(A2, Z2, Y) / m", "_output_delta(A2, Z2, Y) / -m"),
              ("D2 @ W1[1:].T", "D2 @ W1[1:]"),
              ("Z1 = A0 @ W0[1:] - W0[0]", "Z1 = A0 @ W0[1:] + W0[0]")],
    "numba": [("Y[r, j]) / m", "Y[r, j]) / -m"),
              ("D2[r, j] * W1[i + 1, j]", "D2[r, j] * W1[j + 1, i]"),
              ("z = -W0[0, j]", "z = W0[0, j]")],
}


@pytest.mark.parametrize("backend,before,after",
                         [(b, *f) for b, fs in STRUCTURE_FAULTS.items() for f in fs])
def test_a_planted_structural_fault_fails_with_the_entry_named(backend, before, after):
    text = generate([2, 2, 2], "tanh", "squared", backend)
    assert text.count(before) == 1, before
    proof = prove_composed(text.replace(before, after), batches=(1,))
    assert not proof.ok and proof.first.startswith("grads[") and "batch size 1" in proof.first
    assert "the module computes" in proof.first
    assert prove_composed(text, batches=(1,)).ok


@pytest.mark.parametrize("backend", ["numpy", "torch"])
def test_the_derivative_of_another_layer_is_not_read_as_f_prime(backend):
    """_fprime(A, Z) means f'(Z) only when A = f(Z): the A of the next layer stays
    opaque and the entry differs."""
    text = generate([2, 2, 2], "sigmoid", "squared", backend)
    assert text.count("_fprime(A1, Z1)") == 1
    proof = prove_composed(text.replace("_fprime(A1, Z1)", "_fprime(A2, Z1)"), (1,))
    assert not proof.ok and proof.first.startswith("grads[0]"), proof.first


#: how each backend's tanh helper is written
TANH = {"numpy": "np.tanh", "jax": "jnp.tanh", "torch": "torch.tanh", "numba": "np.tanh"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_wrong_helper_fails_with_the_helper_named(backend):
    text = generate([2, 2, 2], "sigmoid", "squared", backend)
    assert text.count("    return A*(1 - A)\n") == 1
    proof = prove_composed(text.replace("    return A*(1 - A)\n", "    return A*(1 + A)\n"),
                           (1,))
    assert not proof.ok and proof.first.startswith("helper _fprime: the module computes")
    text = generate([2, 2, 2], "tanh", "squared", backend)
    before = f"    return {TANH[backend]}(Z)\n"
    assert text.count(before) == 1
    proof = prove_composed(text.replace(before, before.replace("(Z)", "(2*Z)")), (1,))
    assert not proof.ok and proof.first.startswith("helper _tanh(Z): the module computes")
    text = generate([2, 2], "sigmoid", "cross-entropy", backend)
    assert text.count("    return A - Y\n") == 1
    proof = prove_composed(text.replace("    return A - Y\n", "    return Y - A\n"), (1,))
    assert not proof.ok and proof.first.startswith("helper _output_delta")


def test_a_wrong_relu_convention_at_the_kink_is_named():
    text = generate([2, 1], "relu", "squared", "numpy")
    before = "(Z > 0).astype"
    assert text.count(before) == 1
    proof = prove_composed(text.replace(before, "(Z >= 0).astype"), (1,))
    assert proof.first == ("f'(0): the module's _fprime gives 1.0 at z = 0, the registry's "
                           "convention for relu is 0")


def test_the_skeleton_is_shared_by_activations_and_losses_and_nothing_else():
    a = generate([2, 3, 2], "sigmoid", "squared", "numba")
    b = generate([2, 3, 2], "relu", "squared", "numba")
    c = generate([2, 3, 2], "sigmoid", "cross-entropy", "numba")
    assert skeleton(a) == skeleton(b) == skeleton(c)
    assert skeleton(a) != skeleton(generate([2, 3, 1], "sigmoid", "squared", "numba"))
    assert skeleton(a) != skeleton(a.replace("z = -W0[0, j]", "z = W0[0, j]"))
    assert skeleton(a) != skeleton(generate([2, 3, 2], "identity", "squared", "numba"))


def test_a_structure_calling_a_helper_directly_is_refused():
    text = generate([2, 2, 1], "sigmoid", "squared", "numpy")
    before = "    A1 = _f(Z1)\n"
    assert text.count(before) == 2                    # _loss and _backward
    with pytest.raises(Unsupported, match="calls the helper _sigmoid directly"):
        prove_structure(text.replace(before, "    A1 = _sigmoid(Z1)\n"), (1,))


def test_atoms_decide_polynomials_and_rational_functions_exactly():
    x, y, t = sp.symbols("x y t", real=True)
    f = sp.Function("g")
    atoms = Atoms()
    assert atoms.zero((f(x + y) * 2, f(y + x) + f(x + y)))
    assert not atoms.zero((f(x) * (x + 1), f(x) * x))
    # e^(x - t) / (e^(x - t) + e^(y - t)) = e^x / (e^x + e^y), a shift cancelled
    shifted = sp.exp(x - t) / (sp.exp(x - t) + sp.exp(y - t))
    assert atoms.rational_zero((shifted, sp.exp(x) / (sp.exp(x) + sp.exp(y))))
    assert not atoms.rational_zero((sp.exp(x - t) / (sp.exp(x) + sp.exp(y)),
                                    sp.exp(x) / (sp.exp(x) + sp.exp(y))))


def test_the_grid_over_every_activation_on_one_backend(capsys):
    """`--activation all`: every registry row and the user-defined ones, each module's
    structure shared, its helpers listed."""
    assert main(["verify", "--kernel-grid", "--backend", "numba", "--depth", "2",
                 "--activation", "all"]) == 0
    out = capsys.readouterr().out
    assert "numba  4-4       proved  40 entries" in out and "(8 activation/loss rows)" in out
    assert "numba depth 2: 16/16 tuples proved in" in out
    assert "numba  user_gelu/squared: _user_gelu _f _fprime _loss_terms _output_delta  proved" \
        in out
    assert "16 proved, 0 failed, 0 not run, in" in out
    assert "method composed:" in out
    assert main(["verify", "--method", "composed"]) == 2


def test_a_planted_fault_fails_the_grid(monkeypatch, capsys):
    from symnet.numeric import codegen
    real = codegen.generate

    def planted(sizes, *args, **kwargs):
        text = real(sizes, *args, **kwargs)
        return text.replace("    Z1 -= W0[0]\n", "    Z1 += W0[0]\n") \
            if list(sizes) == [3, 2] else text
    monkeypatch.setattr(codegen, "generate", planted)
    assert main(["verify", "--kernel-grid", "--backend", "numpy", "--depth", "2",
                 "--activation", "relu"]) == 1
    out = capsys.readouterr().out
    assert "numpy  3-2       failed  first: relu/squared: grads[0][" in out
    assert "15 proved, 1 failed, 0 not run" in out


@pytest.mark.parametrize("backend", ["numpy", "numba"])
def test_codegen_prove_and_verify_kernel_by_the_composed_method(backend, tmp_path, capsys):
    module = tmp_path / f"{backend}.py"
    assert main(["codegen", "--layers", "2,2,1", "--backend", backend, "-o", str(module),
                 "--prove", "--method", "composed"]) == 0
    out = capsys.readouterr().out
    assert (f"proved: all 18 gradient entries of the 2-2-1 (sigmoid, squared) {backend} "
            "module at batch sizes 1, 2") in out
    assert f"method: {backend} module: symbolic execution in two parts" in out
    module.write_text(module.read_text().replace("    return A*(1 - A)\n",
                                                 "    return A*(1 + A)\n"))
    assert main(["verify", "--kernel", str(module), "--method", "composed"]) == 1
    assert "FAILED: helper _fprime: the module computes" in capsys.readouterr().out
    assert main(["codegen", "--layers", "2,1", "-o", str(tmp_path / "x.py"), "--method",
                 "composed"]) == 2
    assert "--method goes with --prove" in capsys.readouterr().err


def test_a_module_over_the_whole_module_limit_is_proved_composed():
    """8-5-3 has 45 + 18 = 63 weights, over the concrete method's 60: composed."""
    from symnet.prove.compose import ComposedProof
    from symnet.prove.methods import prove_text
    proof = prove_text(generate([8, 5, 3], "leaky_relu", "squared", "jax"))
    assert isinstance(proof, ComposedProof) and proof.ok and proof.entries == 2 * 63
    with pytest.raises(Unsupported, match="at most 150"):
        prove_text(generate([20, 10], "sigmoid", "squared", "numpy"), "composed")


def test_the_helper_proof_is_shared_only_by_the_same_helpers_and_imports():
    from symnet.prove.compose import helper_key
    a = generate([2, 3, 2], "tanh", "squared", "numpy")
    assert helper_key(a) == helper_key(generate([1, 4], "tanh", "squared", "numpy"))
    assert helper_key(a) != helper_key(generate([2, 3, 2], "tanh", "squared", "numba"))
    assert helper_key(a) != helper_key(a.replace("import numpy as np",
                                                 "import numpy as np\nimport math"))
    assert helper_key(a) != helper_key(a.replace("np.tanh(Z)", "np.tanh(-Z)"))
