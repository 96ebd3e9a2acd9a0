"""symnet in a notebook: dir(symnet) lists the public API, print() of a check result is a
few short lines in the book's names, print() of a verification is a table, the Jupyter
displays show the same (the counterexample included), and the README's session prints
what it says."""
import contextlib
import io
import re
from pathlib import Path

import pytest

import symnet
from symnet.checker.result import CheckResult, Step, book_name
from symnet.define import unregister

README = Path(__file__).resolve().parents[1] / "README.md"
WRONG_G = r"g_j = \hat{y}_j(1-\hat{y}_j)(\hat{y}_j - y_j)"


def test_dir_lists_the_public_api_before_it_is_imported():
    names = dir(symnet)
    assert set(symnet.__all__) <= set(names) and "__version__" in names
    assert {"check", "verify", "kernels", "codegen", "activation", "loss"} <= set(names)
    assert names == sorted(names) and "_API" not in names
    for name in symnet.__all__:
        assert getattr(symnet, name) is not None


@pytest.fixture(scope="module")
def wrong_g():
    return symnet.check(WRONG_G)


def test_print_of_a_refutation_is_short_and_in_the_books_names(wrong_g):
    text = str(wrong_g)
    lines = text.splitlines()
    assert lines[0] == WRONG_G and lines[1] == "refuted: the sign is flipped"
    assert len(lines) <= 8 and max(map(len, lines)) <= 92
    assert "γ_1 = 2/5" in text and "v_12 = -1/3" in text and "x_1 = 1/3" in text
    assert "left side 0.0217929239666, right side -0.0217929239666" in text
    for internal in ("gamma[", "v[1, 2]", "Sum(", "yhat", "Step("):
        assert internal not in text
    assert repr(wrong_g) == f"<CheckResult refuted: {WRONG_G}>"


def test_print_of_a_proof_is_the_formula_the_verdict_and_the_sizes():
    good = symnet.check(r"e_h = b_h(1-b_h) \sum_{j=1}^{l} w_{hj} g_j")
    lines = str(good).splitlines()
    assert lines[1] == "holds" and lines[2].startswith("  sizes: symbolic d, q, l") \
        and len(lines) == 3
    assert "Sum(" not in str(good) and "jb'" not in str(good)


def test_a_long_counterexample_says_where_the_rest_is():
    swapped = symnet.check(r"e_h = b_h(1-b_h) \sum_{j=1}^{l} w_{jh} g_j")
    lines = str(swapped).splitlines()
    assert len(lines) <= 8
    assert "32 values in all: result.steps[0].counterexample['values']" in str(swapped)
    assert len(swapped.steps[0].counterexample["values"]) == 32


def test_matrix_notation_names_each_refuted_case_and_the_drawn_network():
    r = symnet.check(r"\delta^{(k)} = \Theta^{(kl)} \delta^{(l)}")
    text = str(r)
    assert "refuted: step 1: a factor is missing" in text and "step 2:" in text
    assert "drawn with seed 0" in text and "entry 1: left side" in text
    assert "Matrix(" not in text and len(text.splitlines()) <= 8
    assert r"\^{}" in r._repr_latex_()          # f'(z^(2)) inside \text{..}, escaped


def test_the_jupyter_displays_show_the_counterexample(wrong_g):
    latex = wrong_g._repr_latex_()
    assert latex.startswith("$$") and latex.endswith("$$") and r"\text{refuted}" in latex
    assert r"\gamma_{1} = \frac{2}{5}" in latex and r"v_{12} = -\frac{1}{3}" in latex
    assert r"\text{left side 0.0217929239666, right side -0.0217929239666}" in latex
    page = wrong_g._repr_html_()
    assert "the sign is flipped" in page and "γ<sub>1</sub> = 2/5" in page
    assert "\\(g_j = \\hat{y}_j" in page and "color:red" in page


def test_a_result_without_text_or_steps_still_shows():
    bare = CheckResult(False, [Step("a", "b", False)], "test", "none")
    assert str(bare).splitlines() == ["refuted: the two sides differ", "  sizes: none"]
    assert "refuted" in bare._repr_html_() and "refuted" in bare._repr_latex_()


@pytest.mark.parametrize("key, text, latex", [
    ("gamma[1]", "γ_1", r"\gamma_{1}"), ("v[1, 2]", "v_12", "v_{12}"),
    ("yhat[3]", "ŷ_3", r"\hat{y}_{3}"), ("eta", "η", r"\eta"), ("x", "x", "x"),
    ("w[10, 2]", "w_{10,2}", "w_{10,2}"), ("theta[4]", "θ_4", r"\theta_{4}"),
])
def test_book_names(key, text, latex):
    assert book_name(key) == text and book_name(key, latex=True) == latex


def test_print_of_a_verification_is_a_short_table():
    result = symnet.verify("eq5.12", workers=1)
    lines = str(result).splitlines()
    assert lines[0].split() == ["claim", "eq.", "status", "time", "sizes"]
    assert lines[-1] == "5 proved, 0 failed, 0 errors" and len(lines) == 7
    assert all(len(line) < 90 for line in lines)
    assert repr(result) == "<Verification: 5 proved, 0 failed, 0 errors>"


# --- the README's session ----------------------------------------------------------------

def _session():
    """(command, expected output) pairs of the README's ```pycon block."""
    block = re.search(r"### In a notebook.*?```pycon\n(.*?)```", README.read_text("utf-8"),
                      re.S).group(1)
    pairs = []
    for line in block.splitlines():
        if line.startswith(">>> "):
            pairs.append([line[4:], []])
        else:
            pairs[-1][1].append(line)
    return [(command, "\n".join(out)) for command, out in pairs]


def _untimed(text: str) -> str:
    return re.sub(r"\d+\.\d+s\b", "T", text)


def test_the_readmes_session_prints_what_it_says(monkeypatch):
    import symnet.api
    verify = symnet.api.verify        # in one process: no fork once jax's threads may run
    monkeypatch.setattr(symnet.api, "verify", lambda only=(): verify(only, workers=1))
    scope = {}
    try:
        for command, expected in _session():
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                try:
                    value = eval(compile(command, "README.md", "eval"), scope)
                except SyntaxError:
                    exec(compile(command, "README.md", "exec"), scope)
                    value = None
                if value is not None:
                    print(repr(value))
            assert _untimed(out.getvalue().rstrip("\n")) == _untimed(expected), command
    finally:
        unregister("gelu")
