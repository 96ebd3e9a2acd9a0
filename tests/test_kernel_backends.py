"""The bridge for every backend: the generated jax, torch and numba modules (float64 and
float32) run on symbols through the shims of symnet.prove.shims (their imports answered
by SymPy versions of the libraries, the text run as written) and proved equal, entry by
entry, to sp.diff of the nested loss; planted faults (a threshold's sign, a missing
transpose, a wrong activation derivative, a flipped ReLU mask) caught with the entry
named; `codegen --prove` for every backend, `verify --kernel` reading the backend from
the module's imports."""
import itertools
import json

import pytest

from symnet.cli import main
from symnet.numeric.codegen import BACKENDS, generate
from symnet.prove.kernel import Unsupported, prove_module
from symnet.prove.shims import load
from symnet.prove.shims.numba_shim import Jitted, SymbolicMath, summary

import sympy as sp


def _weights(sizes):
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


def _proved(sizes, activation="sigmoid", loss="squared", backend="numpy", dtype="float64",
            batches=(1, 2)):
    proof = prove_module(generate(sizes, activation, loss, backend, dtype), batches=batches)
    assert proof.backend == backend
    assert proof.ok and proof.entries == len(batches) * _weights(sizes), proof.first
    return proof


#: every shipped activation that is fast on symbols, both losses, across the backends and
#: both dtypes (tanh: one small case per backend, its exponentials are slow to cancel)
SAMPLE = [([2, 3, 2], "sigmoid", "squared"), ([2, 2, 1], "sigmoid", "cross-entropy"),
          ([1, 2, 2, 1], "relu", "squared"), ([2, 3, 1], "leaky_relu", "squared"),
          ([2, 2, 2], "softplus", "squared"), ([3, 2, 2], "identity", "squared"),
          ([1, 1], "tanh", "squared")]


#: (backend, dtype, sizes, activation, loss): tanh in float64 only (one dtype per backend:
#: the code path is the same, and tanh is slow on symbols)
CASES = [(b, d, *case) for b in BACKENDS if b != "numpy" for d in ("float64", "float32")
         for case in SAMPLE if not (case[1] == "tanh" and d == "float32")]


@pytest.mark.parametrize("backend,dtype,sizes,activation,loss", CASES)
def test_every_backend_computes_sympys_gradient(backend, dtype, sizes, activation, loss):
    _proved(sizes, activation, loss, backend, dtype)


@pytest.mark.parametrize("backend,activation", [("numpy", "sigmoid"), ("jax", "relu"),
                                                ("torch", "softplus"), ("numba", "relu")])
def test_the_depth_2_grid_widths_1_to_4(backend, activation):
    """Every width pair of 1-4 units, batch sizes 1 and 2."""
    for sizes in itertools.product(range(1, 5), repeat=2):
        _proved(list(sizes), activation, backend=backend)


@pytest.mark.parametrize("widths", [(1, 3), (2, 4)])
def test_a_depth_3_sample_of_the_grid(widths):
    """Every depth-3 tuple of these widths, numpy sigmoid (the whole depth-3 grid, 64
    tuples, takes about 8 minutes on 2 cores: outside the test suite's budget)."""
    for sizes in itertools.product(widths, repeat=3):
        _proved(list(sizes))


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_depth_4_module_per_backend(backend):
    _proved([2, 1, 3, 2], "relu" if backend in ("jax", "numba") else "sigmoid",
            backend=backend)


def test_a_user_defined_activation_on_every_backend():
    from symnet.define import activation, unregister
    activation("swish_k", r"\frac{x}{1+e^{-x}}")
    try:
        for backend in BACKENDS:
            _proved([1, 1], "swish_k", backend=backend)
    finally:
        unregister("swish_k")


#: per backend, a threshold's sign flipped and a transpose dropped, as the template writes
#: them for that backend
FAULTS = {
    "numpy": [("    Z1 -= W0[0]\n", "    Z1 += W0[0]\n"), ("D2 @ W1[1:].T", "D2 @ W1[1:]")],
    "jax": [("Z1 = A0 @ W0[1:] - W0[0]", "Z1 = A0 @ W0[1:] + W0[0]"),
            ("D2 @ W1[1:].T", "D2 @ W1[1:]")],
    "torch": [("Z1 = A0 @ W0[1:] - W0[0]", "Z1 = A0 @ W0[1:] + W0[0]"),
              ("D2 @ W1[1:].T", "D2 @ W1[1:]")],
    "numba": [("z = -W0[0, j]", "z = W0[0, j]"),
              ("D2[r, j] * W1[i + 1, j]", "D2[r, j] * W1[j + 1, i]")],
}
WRONG_FPRIME = ("    return A*(1 - A)\n", "    return A*(1 + A)\n")


@pytest.mark.parametrize("backend,before,after",
                         [(b, *f) for b, fs in FAULTS.items() for f in fs + [WRONG_FPRIME]])
def test_a_planted_fault_is_caught_and_named(backend, before, after):
    text = generate([2, 2, 2], backend=backend, dtype="float32")
    assert text.count(before) == 1
    proof = prove_module(text.replace(before, after), batches=(1,))
    assert not proof.ok and proof.first.startswith("grads[") and "batch size 1" in proof.first
    assert "the module computes" in proof.first


#: the ReLU mask as each backend's helper writes it
STEP = {"numpy": "(Z > 0).astype", "jax": "(Z > 0).astype", "torch": "(Z > 0).to",
        "numba": "1.0 if Z > 0.0 else 0.0"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_flipped_relu_mask_and_a_wrong_kink_value_are_caught(backend):
    text = generate([2, 2, 1], "relu", backend=backend)
    before = STEP[backend]
    assert text.count(before) == 1
    proof = prove_module(text.replace(before, before.replace(">", "<")), batches=(1,))
    assert not proof.ok and proof.first.startswith("grads[0]")
    proof = prove_module(text.replace(before, before.replace(">", ">=")), batches=(1,))
    assert proof.first == ("f'(0): the module's _fprime gives 1.0 at z = 0, the registry's "
                           "convention for relu is 0")


def test_the_backend_is_read_from_the_imports_never_from_the_text():
    for backend in BACKENDS:
        module, found = load(generate([1, 1], backend=backend))
        assert found == backend and module.SIZES == (1, 1)
    with pytest.raises(Unsupported, match="imports none of"):
        load("import contextlib\nSIZES = (1, 1)\n")


def test_a_numba_scalar_function_is_summarised_over_its_branches():
    """ReLU's max(z, 0.0) has two paths and becomes z H(z); the stabilised softplus's
    paths are the same function and become one of them; the overflow clip is inactive."""
    math = SymbolicMath()
    relu = summary(lambda z: max(z, 0.0), 1)
    z = relu[0][0]
    assert sp.simplify(relu[1] - z * sp.Heaviside(z, 0)) == 0
    softplus = summary(lambda z: max(z, 0.0) + math.log1p(math.exp(-abs(z))), 1)
    assert softplus[1] == sp.log(1 + sp.exp(softplus[0][0]))
    clip = summary(lambda z: 1.0 / (1.0 + math.exp(-max(z, -700.0))), 1)
    assert clip[1] == 1 / (1 + sp.exp(-clip[0][0]))
    assert Jitted(lambda z: 1.0 if z > 0.0 else 0.0)(sp.S.Zero) == 0


#: per backend, the softmax module proved (the hidden activation varied across backends)
SOFTMAX = {"numpy": "relu", "jax": "sigmoid", "torch": "sigmoid", "numba": "relu"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_softmax_module_is_proved_for_an_arbitrary_shift(backend):
    """The row maximum the numpy and numba modules subtract is a fresh symbol: proved for
    an arbitrary shift, hence for the maximum; the loss value is proved too."""
    proof = prove_module(generate([1, 2, 2], SOFTMAX[backend], "softmax-cross-entropy",
                                  backend), batches=(1,))
    assert proof.ok and proof.entries == 10, proof.first
    assert "arbitrary shift t" in proof.method and "row maximum" in proof.method


#: planted faults of a softmax module: the shift forgotten in one place (the loss then
#: depends on it), a wrong sign of the softmax's gradient a - y
SOFTMAX_FAULTS = [
    ("numpy", "np.exp(Z - M)", "np.exp(Z)", "the loss at batch size 1 depends on the shift"),
    ("numpy", "return M[:, 0] + np.log", "return np.log", "the loss at batch size 1 depends"),
    ("numba", "E += top + math.log(total)", "E += math.log(total)",
     "the loss at batch size 1 depends on the shift"),
] + [(b, "    return A - Y\n", "    return Y - A\n", "grads[") for b in BACKENDS]


@pytest.mark.parametrize("backend,before,after,named", SOFTMAX_FAULTS)
def test_a_planted_fault_in_a_softmax_module_is_caught_and_named(backend, before, after,
                                                                   named):
    text = generate([1, 1, 2], "sigmoid", "softmax-cross-entropy", backend)
    assert text.count(before) == 1, before
    proof = prove_module(text.replace(before, after), batches=(1,))
    assert not proof.ok and proof.first.startswith(named), proof.first
    assert "batch size 1" in proof.first and "the module computes" in proof.first


def test_forgetting_the_shift_in_the_softmax_itself_is_no_fault():
    """exp(z - t) / sum exp(z_i - t) and exp(z) / sum exp(z_i) are the same function: a
    numpy softmax without the shift is still proved (it is only less stable in floats)."""
    text = generate([1, 1, 2], "sigmoid", "softmax-cross-entropy")
    before = "T = Z - Z.max(axis=1, keepdims=True)"
    assert text.count(before) == 1
    assert prove_module(text.replace(before, "T = Z + 0.0"), batches=(1,)).ok


@pytest.mark.parametrize("backend", ["numpy", "jax", "torch"])
def test_gelu_is_proved_through_an_exact_normal_cdf_and_a_wrong_one_fails(backend):
    """GELU's Phi: jax's and torch's ndtr as (1 + erf(x/sqrt 2))/2, NumPy's vectorized
    math.erfc through the math shim, the printed 1/sqrt(2 pi) and 1/sqrt(2) read as those
    constants; a wrong sign in f' fails with the entry named."""
    from symnet.define import activation, unregister
    activation("gelu_k", r"x\Phi(x)")
    try:
        text = generate([1, 2, 1], "gelu_k", backend=backend)
        assert prove_module(text, batches=(1,)).ok
        before = "Z*(0.3989422804014327*"
        assert text.count(before) == 2            # _fprime and _output_delta
        proof = prove_module(text.replace(before, "-Z*(0.3989422804014327*", 1),
                             batches=(1,))
        assert not proof.ok and proof.first.startswith("grads[0]"), proof.first
    finally:
        unregister("gelu_k")


def test_torch_clamp_with_an_upper_bound():
    """min(Z, c) as c + (Z - c) H(c - Z): a ReLU clamped above at 1 is another function
    (its entries differ); a clamp at the overflow limit is inactive, as below."""
    text = generate([2, 2, 1], "relu", backend="torch")
    before = "torch.clamp(Z, min=0)"
    assert text.count(before) == 1
    proof = prove_module(text.replace(before, "torch.clamp(Z, min=0, max=1.0)"), batches=(1,))
    assert not proof.ok and proof.first.startswith("grads["), proof.first
    assert prove_module(text.replace(before, "torch.clamp(Z, min=0, max=700.0)"),
                        batches=(1,)).ok


@pytest.mark.parametrize("backend", BACKENDS)
def test_codegen_prove_and_verify_kernel(backend, tmp_path, capsys):
    module = tmp_path / f"{backend}.py"
    assert main(["codegen", "--layers", "2,2,1", "--backend", backend, "--dtype", "float32",
                 "-o", str(module), "--prove"]) == 0
    out = capsys.readouterr().out
    assert (f"proved: all 18 gradient entries of the 2-2-1 (sigmoid, squared) {backend} "
            "module at batch sizes 1, 2") in out
    assert f"method: {backend} module: symbolic execution" in out
    assert main(["verify", "--kernel", str(module), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["backend"] == backend and report["entries"] == 18
    module.write_text(module.read_text().replace(*WRONG_FPRIME))
    assert main(["verify", "--kernel", str(module)]) == 1
    out = capsys.readouterr().out
    assert "FAILED: grads[0][" in out and "at batch size 1" in out


def test_a_module_of_a_users_row_needs_the_row(tmp_path, capsys):
    from symnet.define import unregister
    module = tmp_path / "swish.py"
    try:
        assert main(["codegen", "--layers", "1,1", "--activation",
                     r"swish_v=\frac{x}{1+e^{-x}}", "--backend", "numba", "-o", str(module),
                     "--prove"]) == 0
    finally:
        unregister("swish_v")
    capsys.readouterr()
    assert main(["verify", "--kernel", str(module)]) == 2
    assert "unknown activation 'swish_v'" in capsys.readouterr().err
    try:
        assert main(["verify", "--kernel", str(module), "--activation",
                     r"swish_v=\frac{x}{1+e^{-x}}"]) == 0
    finally:
        unregister("swish_v")


def test_verify_lists_a_row_per_backend_and_fails_on_a_wrong_module(monkeypatch, capsys):
    """A catalog run's kernel rows: each backend's module proved; a planted sign in one
    backend's module makes its row fail, naming the entry, and the run exit 1."""
    from symnet import cli
    from symnet.numeric import codegen
    rows = cli._kernel_rows()
    assert [r["backend"] for r in rows] == list(codegen.BACKENDS)
    assert all(r["status"] == "proved" and r["entries"] == 34 for r in rows), rows
    real = codegen.generate

    def planted(*args, backend="numpy", **kwargs):
        text = real(*args, backend=backend, **kwargs)
        return text.replace("W0[0]", "(-W0[0])", 1) if backend == "torch" else text
    monkeypatch.setattr(codegen, "generate", planted)
    rows = {r["backend"]: r for r in cli._kernel_rows()}
    assert rows["torch"]["status"] == "failed" and rows["torch"]["first"].startswith("grads[")
    assert rows["numpy"]["status"] == "proved"
    cli._print_kernel_rows(list(rows.values()))
    assert "torch   failed" in capsys.readouterr().out


def test_verify_kernel_grid_runs_every_tuple_of_a_depth(capsys):
    """`verify --kernel-grid`: a line per width tuple and a summary (the full grid, depths
    2-4 on every backend, is run by hand: too long for CI)."""
    assert main(["verify", "--kernel-grid", "--backend", "numpy", "--depth", "2"]) == 0
    out = capsys.readouterr().out
    assert "numpy  4-4       proved  40 entries" in out
    assert "numpy depth 2: 16/16 tuples proved in" in out
    assert "16 proved, 0 failed, 0 not run, in" in out
    assert main(["verify", "--backend", "numpy"]) == 2
    assert main(["verify", "--kernel-grid", "--depth", "1"]) == 2
