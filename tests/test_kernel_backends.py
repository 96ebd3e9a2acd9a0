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


@pytest.mark.parametrize("backend", BACKENDS)
def test_what_cannot_run_on_symbols_is_refused_with_the_reason(backend):
    with pytest.raises(Unsupported, match="compare arrays|has no symbolic version"):
        prove_module(generate([1, 2, 2], "sigmoid", "softmax-cross-entropy", backend),
                     batches=(1,))


@pytest.mark.parametrize("backend,library", [("jax", "jax.scipy"), ("torch", "torch.special")])
def test_a_library_function_without_a_shim_is_named(backend, library):
    """GELU's normal CDF (ndtr) has no shim: the refusal names the library's attribute."""
    from symnet.define import activation, unregister
    activation("gelu_k", r"x\Phi(x)")
    try:
        with pytest.raises(Unsupported, match=f"calls {library.rpartition('.')[0]}"
                                              f"\\.{library.rpartition('.')[2]}"):
            prove_module(generate([1, 1], "gelu_k", backend=backend), batches=(1,))
    finally:
        unregister("gelu_k")


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
