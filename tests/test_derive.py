"""``symnet derive``: the book's chains (5.11)-(5.14) derived and every step proved.

The oracles share no code with the derivation: ``symnet check`` on the closed form (it
differentiates the nested network itself), planted faults that the step prover must
refute, and the generated NumPy function against central finite differences of an
error function written here in plain NumPy."""
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from symnet.checker.documents import check_document
from symnet.cli import main
from symnet.derive import DeriveError, as_latex, derive
from symnet.derive import chain as chain_module
from symnet.derive.proof import prove
from symnet.derive.quantities import read_quantity
from symnet.prove.single_layer import notes_model

ROOT = Path(__file__).resolve().parents[1]
M = notes_model()
i, h, j = M.i, M.h, M.j

#: --wrt, the book's closed form (5.11)-(5.14) as dE_k/dX, and the chain rule's factors
BOOK = {
    "w_hj": (-M.g[j] * M.b[h], r"w_{hj}",
             [r"\hat{y}_{j}", r"\beta_{j}", r"w_{hj}"]),
    "theta_j": (M.g[j], r"\theta_{j}", [r"\hat{y}_{j}", r"\theta_{j}"]),
    "v_ih": (-M.e[h] * M.x[i], r"v_{ih}",
             [r"\hat{y}_{j}", r"\beta_{j}", r"b_{h}", r"\alpha_{h}", r"v_{ih}"]),
    "gamma_h": (M.e[h], r"\gamma_{h}", [r"\hat{y}_{j}", r"\beta_{j}", r"b_{h}", r"\gamma_{h}"]),
}
G = M.yhat[j] * (1 - M.yhat[j]) * (M.y[j] - M.yhat[j])                      # (5.10)
E_H = M.b[h] * (1 - M.b[h]) * sp.Sum(M.w[h, j] * M.g[j], (j, 1, M.l))       # (5.15)


@pytest.fixture(scope="module")
def derived():
    return {wrt: derive(wrt) for wrt in BOOK}


@pytest.mark.parametrize("wrt", sorted(BOOK))
def test_the_closed_forms_are_the_books(derived, wrt):
    d = derived[wrt]
    closed, _, _ = BOOK[wrt]
    assert sp.expand(d.chain.result - closed) == 0
    named = dict((q.name, value) for q, value in d.chain.named)
    assert sp.expand(named["g"] - G) == 0
    if "e" in named:
        assert sp.simplify(named["e"] - E_H) == 0
    assert d.holds and all(s.verdict == "holds" for s in d.steps)


@pytest.mark.parametrize("wrt", sorted(BOOK))
def test_the_chain_runs_through_the_named_intermediates_in_the_books_order(derived, wrt):
    _, symbol, through = BOOK[wrt]
    first = derived[wrt].steps[0]
    assert first.kind == "chain" and first.left == rf"\frac{{\partial E_k}}{{\partial {symbol}}}"
    uppers = [r"E_k"] + through[:-1]
    factors = [rf"\frac{{\partial {u}}}{{\partial {w}}}" for u, w in zip(uppers, through)]
    positions = [first.right.index(f) for f in factors]
    assert positions == sorted(positions)
    assert [s.kind for s in derived[wrt].steps][-1] == "closed"


@pytest.mark.parametrize("wrt", sorted(BOOK))
def test_check_says_the_result_holds(derived, wrt, capsys):
    """The JSON result put into symnet check, which proves it on its own."""
    assert main(["derive", "--wrt", wrt, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["result"]
    assert result == derived[wrt].result
    formula = rf"\frac{{\partial E_k}}{{\partial {BOOK[wrt][1]}}} = {result}"
    assert main(["check", formula]) == 0
    assert capsys.readouterr().out.startswith("HOLDS")


@pytest.mark.parametrize("wrong", [
    r"\frac{\partial E_k}{\partial w_{hj}} = b_h g_j",                         # sign
    r"\frac{\partial E_k}{\partial w_{hj}} = (\hat{y}_j - y_j) b_h",            # f' missing
    r"\frac{\partial E_k}{\partial \theta_j} = -g_j",                           # threshold sign
    r"\frac{\partial E_k}{\partial v_{ih}} = -e_h x_h",                         # index
    r"\frac{\partial E_k}{\partial \gamma_h} = -e_h",
    r"\frac{\partial E_k}{\partial b_h} = -w_{hj} g_j",                         # sum over j missing
])
def test_the_step_prover_refutes_a_wrong_closed_form(wrong):
    assert prove(wrong).status == "refuted"


def test_a_planted_wrong_factor_is_refuted_and_fails_the_run(monkeypatch, capsys):
    """d yhat_j / d beta_j with its sign flipped: derive's own steps must catch it."""
    real = chain_module.local_derivative

    def planted(symbols, upper, lower):
        value = real(symbols, upper, lower)
        return -value if (upper.name, lower.name) == ("yhat", "beta") else value

    monkeypatch.setattr(chain_module, "local_derivative", planted)
    d = derive("w_hj")
    assert not d.holds
    bad = {s.kind for s in d.steps if s.verdict != "holds"}
    assert bad == {"factor", "product", "named"}     # g_j's value is the planted one
    assert main(["derive", "--wrt", "w_hj"]) == 1
    assert "REFUTED" in capsys.readouterr().out
    assert main(["derive", "--wrt", "w_hj", "--code", "numpy"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "no code is written" in captured.err


def test_the_json_shape(capsys):
    assert main(["derive", r"E_k = \frac12 \sum_j (\hat{y}_j - y_j)^2", "--wrt", "w_{hj}",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"steps", "result"} and isinstance(data["result"], str)
    assert data["result"] == "- b_{h} g_{j}"
    for step in data["steps"]:
        assert set(step) >= {"latex", "reason"} and step["verdict"] == "holds"
        assert isinstance(step["latex"], str) and step["reason"]
    assert data["steps"][0]["latex"].startswith("E_k =")
    assert data["loss"] == "squared"


def test_the_aligned_latex_is_checked_again_as_a_document(derived):
    text = as_latex(derived["v_ih"])
    assert text.startswith("\\begin{aligned}") and "&= - e_{h} x_{i}" in text
    verdicts = check_document(f"$$\n{text}$$\n", "md")
    rows = [row for row in text.splitlines() if not row.startswith("\\")
            or row.startswith("\\frac")]
    assert verdicts and all(v.status == "holds" for v in verdicts)
    assert len(verdicts) == len([r for r in rows if not r.startswith(" &=")])


def _error(x, v, gamma, w, theta, y, f):
    """E_k = 1/2 sum_j (yhat_j - y_j)^2 of the network (5.3), in plain NumPy."""
    b = f(x @ v - gamma)
    return 0.5 * np.sum((f(b @ w - theta) - y) ** 2)


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("wrt, activation", [("w_hj", "sigmoid"), ("theta_j", "sigmoid"),
                                             ("v_ih", "sigmoid"), ("gamma_h", "sigmoid"),
                                             ("v_ih", "tanh")])
def test_the_generated_numpy_function_matches_finite_differences(tmp_path, capsys, wrt,
                                                                 activation):
    out = tmp_path / f"grad_{wrt}_{activation}.py"
    assert main(["derive", "--wrt", wrt, "--code", "numpy", "--activation", activation,
                 "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    module = _load(out, out.stem)
    name = read_quantity(wrt).name
    function = getattr(module, f"dE_d{name}")
    rng = np.random.default_rng(5)
    d, q, l = 3, 4, 2
    point = {"x": rng.normal(size=d), "v": rng.normal(size=(d, q)), "gamma": rng.normal(size=q),
             "w": rng.normal(size=(q, l)), "theta": rng.normal(size=l), "y": rng.uniform(size=l)}
    f = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh}[activation]
    got = function(**point)
    assert got.shape == point[name].shape
    step = 1e-6
    want = np.zeros_like(point[name])
    for index in np.ndindex(*point[name].shape):
        up, down = ({k: a.copy() for k, a in point.items()} for _ in range(2))
        up[name][index] += step
        down[name][index] -= step
        want[index] = (_error(**up, f=f) - _error(**down, f=f)) / (2 * step)
    assert np.allclose(got, want, rtol=1e-6, atol=1e-9), (got, want)


def test_the_code_is_printed_by_sympy_from_the_derivation(capsys):
    assert main(["derive", "--wrt", "gamma_h", "--code", "numpy"]) == 0
    code = capsys.readouterr().out
    compile(code, "<derive>", "exec")
    assert "def dE_dgamma(x, v, gamma, w, theta, y):" in code
    assert "np.sum(g*w, axis=2, keepdims=True)" in code          # e_h's sum over j
    assert "Returns the array of shape (q,)" in code


def test_the_cross_entropy_is_read_from_the_definition(capsys):
    d = derive("w_hj", r"E_k = -\sum_{j=1}^{l} (y_j \ln \hat{y}_j + (1-y_j)\ln(1-\hat{y}_j))")
    assert d.loss == "cross-entropy" and d.holds
    g = dict((q.name, value) for q, value in d.chain.named)["g"]
    assert sp.expand(g - (M.y[j] - M.yhat[j])) == 0


@pytest.mark.parametrize("spelling, name", [
    ("w_hj", "w"), ("w_{hj}", "w"), ("w_{h j}", "w"), (r"\theta_j", "theta"),
    ("theta_j", "theta"), ("θ_j", "theta"), ("v_{ih}", "v"), (r"\gamma_h", "gamma"),
    ("b_h", "b"), (r"\hat{y}_j", "yhat"), (r"\hat y_j", "yhat"), ("ŷ_j", "yhat"),
    ("yhat_j", "yhat"), (r"\beta_j", "beta"), (r"\alpha_{h}", "alpha"), ("E_k", "E"),
])
def test_spellings(spelling, name):
    assert read_quantity(spelling).name == name


@pytest.mark.parametrize("argv, says", [
    (["--wrt", "u_h"], "unknown symbol"),
    (["--wrt", "w_{jh}"], "index letters h, j"),
    (["--wrt", "x_i"], "data"),
    (["--wrt", "g_j"], "name for a derivative"),
    (["--wrt", "E_k"], "by itself"),
    (["b_h", "--wrt", "w_hj"], "does not depend on"),
    (["w_hj", "--wrt", "v_ih"], "a parameter"),
    (["--wrt", r"\Theta^{(24)}"], "not next to each other"),
    (["--wrt", r"\Theta^{(45)}"], "no layer 5"),
    (["--wrt", r"\delta^{(3)}"], "a weight matrix"),
    (["--wrt", r"\Theta^{(kl)}", "--activation", "tanh"], "sigmoid and the squared error"),
    (["--wrt", r"\Theta^{(kl)}", "--code", "numpy"], "symnet codegen"),
    ([r"\delta^{(3)}", "--wrt", "w_hj"], "by a weight matrix"),
    (["--wrt", "w_hj", "--activation", "relu"], "not a function of the unit's output"),
    (["--wrt", "w_hj", "--activation", "nope"], "unknown"),
    (["--wrt", "w_hj", "--activation", "step"], "step function"),
    (["--wrt", "w_hj", "--activation", "tanh", "--loss", "cross-entropy"], "cross-entropy"),
    (["--wrt", "v_ih", "--loss", "cross-entropy"], "time limit"),
    (["--wrt", "w_hj", "--loss", "softmax-cross-entropy"], "derive reads"),
    ([r"E_k = \sum_j (\hat{y}_j - y_j)^2", "--wrt", "w_hj"], "not the network's E_k"),
    (["--wrt", "w_hj", "--code", "jax"], "unknown value"),
    (["--wrt", "w_hj", "--code", "numpy", "-o", "grad.txt"], ".py"),
])
def test_refusals_are_one_line_and_exit_2(argv, says, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["derive", *argv]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("symnet: error: ") and says in lines[0]
    assert captured.out == "" and not list(tmp_path.iterdir())


def test_an_error_never_ends_in_a_traceback_and_json_says_it():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "symnet", "derive", "--wrt", r"\delta^{(3)}",
                           "--json"], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["exit"] == 2


def test_derive_error_is_a_value_error():
    with pytest.raises(DeriveError):
        derive("w_hj", "b_h")
    assert issubclass(DeriveError, ValueError)


# --- the matrix notation ------------------------------------------------------------------

@pytest.mark.parametrize("wrt, layers, result", [
    (r"\tilde{\Theta}^{(kl)}", None, r"\tilde{\mathbf{a}}^{(k)} [\delta^{(l)}]^\top"),
    (r"\Theta^{(kl)}", None, r"\mathbf{a}^{(k)} [\delta^{(l)}]^\top"),
    (r"\tilde{\Theta}^{(12)}", [2, 3, 2], r"\tilde{\mathbf{a}}^{(1)} [\delta^{(2)}]^\top"),
])
def test_the_matrix_form_and_the_delta_recursion(wrt, layers, result):
    d = derive(wrt, layers=layers)
    assert d.holds and d.result == result
    kinds = [s.kind for s in d.steps]
    assert kinds[:3] == ["chain", "named", "closed"] and len(d.steps) >= 4
    assert any(r"\odot f'" in s.right and r"\Theta" in s.right for s in d.steps)  # recursion
    assert d.steps[-1].right.startswith(r"(\mathbf{a}^{(")                          # output
    letters = layers is None
    assert ("symbolic widths" in d.steps[0].detail) == letters
    left = r"\frac{\partial E}{\partial " + (r"\tilde{\Theta}" if "tilde" in wrt else r"\Theta")
    check_layers = ",".join(map(str, layers)) if layers else None
    argv = ["check"] + (["--layers", check_layers] if check_layers else []) + [
        "--", left + "^{(" + ("kl" if letters else "12") + ")}} = " + d.result]
    assert main(argv) == 0


def test_a_wrong_matrix_form_is_refuted_by_the_same_prover():
    from symnet.derive.matrix import derive_matrix
    d = derive_matrix(r"\tilde{\Theta}^{(23)}", proved=False)
    d.steps[2].right = r"\mathbf{a}^{(2)} [\delta^{(3)}]^\top"       # the tilde dropped
    d.steps[3].right = d.steps[3].right.replace(r"\odot", "+")
    from symnet.derive.proof import prove
    assert prove(d.steps[2].latex).status != "holds"
    from symnet.checker.documents import check_equation
    from symnet.checker.document import Equation, starting_context
    verdict = check_equation(Equation(1, d.steps[3].latex, d.steps[3].latex, starting_context()),
                             [3, 4, 4, 3])
    assert verdict.status == "refuted"


def test_matrix_json_and_text(capsys):
    assert main(["derive", "--wrt", r"\tilde{\Theta}^{(kl)}", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["result"] == r"\tilde{\mathbf{a}}^{(k)} [\delta^{(l)}]^\top"
    assert all(s["verdict"] == "holds" for s in data["steps"])
    assert main(["derive", "--wrt", r"\Theta^{(23)}", "--layers", "3,4,4,3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(r"dE/d\Theta^{(23)} in the notes' matrix notation")
    assert "$4 \\times 1$ times $1 \\times 4$" in out and "result: " in out
