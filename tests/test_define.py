"""Bring your own activation and loss: given only by a formula, the derivative is SymPy's,
the catalog's claims are proved for it, and it works in verify --layers, codegen (every
backend) and train; a wrong hand-written derivative cannot be registered."""

import numpy as np
import pytest
import sympy as sp

import symnet
from kernel_checks import AVAILABLE, data, load, rel_err, to_backend, as_numpy
from symnet.cli import main
from symnet.core.registry import ACTIVATIONS, LOSSES
from symnet.define import unregister
from symnet.numeric.codegen import BACKENDS, generate
from symnet.prove.entrywise import check_entrywise

X = sp.Symbol("x", real=True)


@pytest.fixture
def softsign():
    row = symnet.activation("softsign", r"\frac{x}{1+|x|}")
    yield row
    unregister("softsign")
    assert "softsign" not in ACTIVATIONS


def test_definition_derivative_and_claims(softsign):
    assert softsign.function(X).diff(X) == sp.diff(X / (1 + sp.Abs(X)), X)
    assert check_entrywise([2, 3, 2], "softsign").ok
    from symnet.report.printer import latex
    assert latex(softsign.function(X)) == r"\operatorname{softsign}\left(x\right)"


def test_a_wrong_hand_written_derivative_is_refused():
    with pytest.raises(ValueError, match="not SymPy's derivative"):
        symnet.activation("softsign_bad", X / (1 + sp.Abs(X)), derivative=1 / (1 + sp.Abs(X)))
    assert "softsign_bad" not in ACTIVATIONS
    with pytest.raises(ValueError, match="not SymPy's derivative"):
        symnet.loss("half_bad", r"\frac12 (a-y)^2", derivative=r"y - a")
    assert "half_bad" not in LOSSES


@pytest.mark.parametrize("bad, message", [
    (r"x + z", "unknown symbol 'z'"), (r"\frac{x}{0}", "division by zero"),
    (r"f(x)", "only \\sigma"), (r"3", "does not depend on x"),
])
def test_unreadable_definitions_are_refused(bad, message):
    with pytest.raises(ValueError, match=message.replace("\\", "\\\\")):
        symnet.activation("mine", bad)
    assert "mine" not in ACTIVATIONS


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b != "jax"])   # jax: jax_checks.py
def test_every_backend_computes_the_user_activation(tmp_path, softsign, backend):
    """Each backend's generated gradient against central differences of its own loss in
    float64 (softsign has no kink, so finite differences are derivatives here) and the
    numpy module's gradient."""
    if not AVAILABLE[backend]:
        pytest.skip(f"{backend} not installed")
    sizes = [3, 4, 2]
    mod = load(generate(sizes, "softsign", backend=backend), tmp_path, f"ss_{backend}")
    ref = load(generate(sizes, "softsign"), tmp_path, "ss_ref")
    params = [as_numpy(p) for p in ref.init_params(2)]
    Xs, Ys = data(sizes, 5)
    _, g = mod.loss_and_grad(to_backend(backend, params), *to_backend(backend, [Xs, Ys]))
    _, g_ref = ref.loss_and_grad(params, Xs, Ys)
    assert rel_err([as_numpy(x) for x in g], g_ref) < 1e-12
    h, k, idx = 1e-6, 1, (2, 1)
    up = [p.copy() for p in params]
    up[k][idx] += h
    down = [p.copy() for p in params]
    down[k][idx] -= h
    fd = (ref.loss(up, Xs, Ys) - ref.loss(down, Xs, Ys)) / (2 * h)
    assert abs(fd - g_ref[k][idx]) < 1e-7


def test_a_user_loss_is_proved_and_used(tmp_path):
    symnet.loss("quartic", r"\frac14 (a - y)^4")
    try:
        assert check_entrywise([2, 2, 1], "sigmoid", "quartic").ok
        mod = load(generate([2, 2, 1], loss="quartic"), tmp_path, "quartic")
        E, grads = mod.loss_and_grad(mod.init_params(0), np.ones((1, 2)), np.zeros((1, 1)))
        assert np.isfinite(E)
    finally:
        unregister("quartic")


def test_the_command_line_defines_it_for_the_run(tmp_path, capsys):
    spec = r"softsign=\frac{x}{1+|x|}"
    try:
        assert main(["verify", "--layers", "2,3,2", "--activation", spec, "--jobs", "1"]) == 0
        assert "softsign" in capsys.readouterr().out
    finally:
        unregister("softsign")
    try:
        out = tmp_path / "k.py"
        assert main(["codegen", "--layers", "2,3,1", "--activation", spec, "-o", str(out)]) == 0
        assert "def _softsign(Z)" in out.read_text()
    finally:
        unregister("softsign")
    try:
        assert main(["train", "--activation", spec, "--epochs", "20", "--json"]) == 0
    finally:
        unregister("softsign")
    capsys.readouterr()
    assert main(["verify", "--layers", "2,2", "--activation", r"bad=\frac{x}{1+|z|}"]) == 2
    err = capsys.readouterr().err
    assert "unknown symbol 'z'" in err and err.count("\n") == 1
