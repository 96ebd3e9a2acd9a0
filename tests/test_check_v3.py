"""check v3: the soundness classes of the adversarial pass (each failed on the code before
it), the layouts people write, statements that are not claims, f of a number, directives
and the command line.  Every test shows a wrong verdict is not given: a false formula is
never "holds", a true one or a non-claim never "refuted"."""
import json

import pytest
import sympy as sp

from symnet.checker.document import DocumentError, document_equations, equations
from symnet.checker.documents import check_document, check_equation
from symnet.checker.document import Equation
from symnet.checker.statements import exactly_equal
from symnet.cli import main


def verdict(text, context=None, layers=None):
    return check_equation(Equation(1, text, text, dict(context or {})), layers)


def statuses(text, kind="md"):
    return [(v.line, v.status) for v in check_document(text, kind)]


# --- soundness: each class of the adversarial pass ---------------------------------------

@pytest.mark.parametrize("text,status", [
    (r"\Delta w_{hj} = \eta g_j b_h (2)", "refuted"),           # a product by 2, not a number
    (r"2 \Delta w_{hj} = \eta g_j b_h (2)", "holds"),
    (r"\Delta w_{hj} = \eta g_j b_h \quad (2)", "holds"),        # an equation number
    (r"\Delta w_{hj} = \eta g_j b_h \tag{5.11}", "holds"),
])
def test_a_trailing_number_is_a_factor_unless_set_off(text, status):
    assert verdict(text).status == status


def test_a_mixed_formula_never_holds_for_fewer_sizes_than_it_ranges_over():
    v = verdict(r"\sum_{h=1}^{q} b_h = a_1^{(2)} + a_2^{(2)} + a_3^{(2)}")
    assert v.status == "not checked" and "every size" in v.detail
    # without a size letter it is read at 2-3-2 and the sizes say "only"
    v = verdict(r"b_2 = a_2^{(2)}")
    assert v.status == "holds" and "only" in v.sizes
    # and a false one is still refuted
    assert verdict(r"b_2 = a_3^{(2)}").status == "refuted"


@pytest.mark.parametrize("f,text,status", [
    ("sigmoid", "f(40) = 1", "refuted"),            # 1/(1 + e^-40) is not 1
    ("sigmoid", r"f(0) = \frac{1}{2}", "holds"),
    ("sigmoid", "f(0) = 0.5", "holds"),              # decimals are exact
    ("sigmoid", "f(0) = 0.5000000001", "refuted"),
    ("step", "f(0.5) = 1", "holds"),
    ("step", "f(-0.5) = 1", "refuted"),
])
def test_values_of_f_are_compared_exactly(f, text, status):
    assert verdict(text, {"f": f}).status == status


def test_exact_comparison_never_rounds():
    big = sp.Integer(10) ** 20
    assert exactly_equal(big + 1, big) is False
    assert exactly_equal(1 / (1 + sp.exp(-40)), 1) is False
    assert exactly_equal(sp.Rational(1, 2), sp.Float(0.5)) is True


def test_rows_and_spacing_do_not_cut_an_equation():
    # a multline is one equation
    doc = ("\\begin{multline} e_h = b_h(1-b_h) \\\\ \\sum_{j=1}^{l} w_{hj} g_j "
           "\\end{multline}\n")
    assert statuses(doc, "tex") == [(1, "holds")]
    # an aligned row that starts with + or - continues the right side above
    eqs = [t for _, t in equations(r"E_k &= \frac{1}{2}(\hat{y}_1 - y_1)^2 \\ "
                                   r"&\quad + \frac{1}{2}(\hat{y}_2 - y_2)^2")]
    assert len(eqs) == 1 and eqs[0].count("frac") == 2
    # \quad between terms is spacing; between statements a separator
    assert len(equations(r"\Delta w_{hj} = \eta \quad g_j b_h")) == 1
    assert len(equations(r"x_1 = 1 \quad x_2 = 0")) == 2
    # a false equation broken over rows is refuted, not read as two pieces that hold
    doc = "$$\\begin{aligned} \\Delta w_{hj} &= \\eta g_j \\\\ &\\quad \\cdot 2 b_h \\end{aligned}$$\n"
    assert [s for _, s in statuses(doc)] in (["refuted"], ["not checked"])


def test_counterexamples_contain_every_unit_named():
    from symnet.checker.formula import _sizes_for
    from symnet.prove.single_layer import notes_model
    m = notes_model()
    assert _sizes_for(m.theta[5], m.g[5]) == (5, 6, 7)
    assert _sizes_for(m.theta[m.j], m.g[m.j]) == (2, 3, 4)


def test_percent_in_markdown_prose_is_not_a_directive():
    doc = "About 50% symnet: f = step of the time.\n\n$f(0.5) = 1$\n"
    assert statuses(doc) == [(3, "not checked")]
    doc = "`<!-- symnet: f = step -->`\n\n$f(0.5) = 1$\n"       # in a code span: ignored
    assert statuses(doc) == [(3, "not checked")]
    doc = "<!-- symnet: f = step -->\n\n$f(0.5) = 1$\n"
    assert statuses(doc) == [(3, "holds")]


# --- layouts -------------------------------------------------------------------------------

def test_the_layouts_people_use_are_found():
    doc = "\n".join([
        "```math",                                                      # 1
        r"\Delta \theta_j = -\eta g_j",                                 # 2
        "```",                                                          # 3
        r"Inline `$\Delta \gamma_h = -\eta e_h$` and $`\Delta w_{hj} = \eta g_j b_h`$.",  # 4
        "```python",                                                    # 5
        "x = 1  # $g_j = 0$ is code",                                   # 6
        "```",                                                          # 7
        r"$$\Delta v_{ih} = \eta e_h x_i.$$",                           # 8
        r"$\Delta \theta_j = -\eta g_j\;$, $\Delta \theta_j = -\eta \cdot g_j,$",  # 9
        r"$\Delta w\_{hj} = \eta g\_j b\_h$",                           # 10
        r"$e_h = b_h(1-b_h)\sum_{j=1}^{l} w_{hj} g_j \nonumber$",      # 11
    ]) + "\n"
    found = [(v.line, v.status) for v in check_document(doc, "md")]
    assert found == [(2, "holds"), (4, "holds"), (4, "holds"), (8, "holds"), (9, "holds"),
                     (9, "holds"), (10, "holds"), (11, "holds")]


def test_starred_environments_and_labels_in_latex():
    doc = ("\\begin{align*}\n g_j &= \\hat{y}_j (1 - \\hat{y}_j)(y_j - \\hat{y}_j) \\nonumber \\\\\n"
           " \\Delta \\theta_j &= -\\eta g_j \\label{x}\n\\end{align*}\n"
           "\\begin{gather*} \\Delta \\gamma_h = -\\eta e_h \\end{gather*}\n")
    assert statuses(doc, "tex") == [(2, "holds"), (3, "holds"), (5, "holds")]


@pytest.mark.parametrize("text", [
    r"\Delta w_{hj} = \eta \cdot g_j \cdot b_h",
    r"Δw_{hj} = η g_j b_h",                                           # Unicode letters
    r"\frac{∂E_k}{∂θ_j} = g_j",
    r"\frac{\partial E_k}{\partial \theta_j} = \cfrac{\partial E_k}{\partial \theta_j}",
    r"f^{'}(x) = f(x)(1-f(x))",
    r"\hat{\mathbf{y}}_k = (\hat{y}_1^k, \hat{y}_2^k, ..., \hat{y}_l^k)",
    r"\boldsymbol{\hat{y}_k} = (\hat{y}_1^k, \hat{y}_2^k, \dots, \hat{y}_l^k)",
    r"\hat{y}_k = (\hat{y}_1^k, \hat{y}_2^k, ..., \hat{y}_l^k)",        # example k's vector
])
def test_spelling_variants_are_read(text):
    assert verdict(text).status == "holds", verdict(text).detail


@pytest.mark.parametrize("text", [
    r"\triangle w_{hj} = \eta g_j b_h",          # \triangle is not \Delta: never guessed
    r"\Delta w_{hj} = \eta g_j a_h",              # a_h is not alpha_h
    r"\beta{j} = \sum_{h=1}^{q} w_{hj} b_h",
])
def test_misspellings_are_not_guessed(text):
    assert verdict(text).status in ("not checked", "refuted")
    assert verdict(text).status != "holds"


# --- not a claim -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "x_1 = 1", "y_i = 0", r"\theta = 2", "w_1 = w_2 = 1", "f(x) = x^2",
    r"\sigma(z) = \frac{1}{1+e^{-z}}", "k = l - 1", r"1 \le h \le q",
    r"D = \{(0, 0, 0), (1, 1, 1)\}", r"P(t) = \frac{1}{1+e^{-t}}",
])
def test_statements_that_are_not_claims(text):
    v = verdict(text)
    assert v.status == "not a claim", v.detail


@pytest.mark.parametrize("text,status", [
    (r"e_h = b_h(1-b_h) \sum_{j=1}^{l} w_{hj} g_j", "holds"),
    (r"e_h = 0", "not checked"),                  # a defined quantity set to a number
    (r"g_j = y_j - \hat{y}_j", "refuted"),        # a defined symbol is never "defined"
])
def test_symbols_the_notation_defines_are_always_claims(text, status):
    assert verdict(text).status == status


def test_other_relations_are_listed_not_dropped():
    doc = r"$\mathbf{x}_k \in \mathbb{R}^d$ and $\eta \approx 0.1$" + "\n"
    got = check_document(doc, "md")
    assert [v.status for v in got] == ["not checked", "not checked"]
    assert "\\in" in got[0].detail and "only '='" in got[0].detail


def test_a_local_definition_is_in_force_in_its_section():
    doc = "\n".join([
        "$f(x) = x^2$",                                                   # 1
        "$f(2) = 4$",                                                     # 2
        r"$\begin{bmatrix} f(2) \\ f(3) \end{bmatrix} = \begin{bmatrix} 4 \\ 9 \end{bmatrix}$",  # 3
        "$f(3) = 10$",                                                    # 4
        "# Next section",                                                 # 5
        "$f(2) = 4$",                                                     # 6
    ]) + "\n"
    assert statuses(doc) == [(1, "not a claim"), (2, "holds"), (3, "holds"),
                             (4, "refuted"), (6, "not checked")]


def test_f_of_a_number_needs_the_documents_word_everywhere():
    for text in ["f(2) = 4", r"\begin{bmatrix} f(2) \end{bmatrix} = \begin{bmatrix} 4 \end{bmatrix}",
                 "(f(0); f(1)) = (0; 1)"]:
        v = verdict(text)
        assert v.status == "not checked" and "f of a number" in v.detail, (text, v.detail)


def test_a_local_definition_of_f_is_used_in_the_network():
    doc = "\n".join([
        r"$f(x) = \tanh(x)$",
        r"$g_j = (1 - (\hat{y}_j)^2)(y_j - \hat{y}_j)$",
        r"$g_j = \hat{y}_j(1 - \hat{y}_j)(y_j - \hat{y}_j)$",
    ]) + "\n"
    got = check_document(doc, "md")
    assert [v.status for v in got] == ["not a claim", "holds", "refuted"]
    assert "as defined above" in got[2].detail or "tanh" in got[2].detail


# --- directives ------------------------------------------------------------------------------

def test_directives_set_the_activation_and_the_loss():
    doc = "\n".join([
        "<!-- symnet: f = tanh -->",
        r"$g_j = (1 - (\hat{y}_j)^2)(y_j - \hat{y}_j)$",
        r"$g_j = \hat{y}_j(1 - \hat{y}_j)(y_j - \hat{y}_j)$",
        "<!-- symnet: f = sigmoid -->",
        "<!-- symnet: loss = cross-entropy -->",
        r"$g_j = y_j - \hat{y}_j$",
        r"$g_j = \hat{y}_j(1 - \hat{y}_j)(y_j - \hat{y}_j)$",
    ]) + "\n"
    got = check_document(doc, "md")
    assert [v.status for v in got] == ["holds", "refuted", "holds", "refuted"]
    assert "f = tanh" in got[1].detail and "cross-entropy" in got[3].detail


@pytest.mark.parametrize("directive,message", [
    ("<!-- symnet: f = stepp -->", "unknown value 'stepp'"),
    ("<!-- symnet: activaton = tanh -->", "unknown directive key 'activaton'"),
    ("<!-- symnet f = step -->", "KEY = VALUE"),
])
def test_a_misspelt_directive_is_an_error(directive, message, tmp_path, capsys):
    with pytest.raises(DocumentError, match=message):
        document_equations(directive + "\n$f(0.5) = 1$\n", "md")
    path = tmp_path / "d.md"
    path.write_text(directive + "\n$f(0.5) = 1$\n")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


# --- command line ----------------------------------------------------------------------------

def test_a_long_formula_is_a_formula_not_a_file_name(capsys):
    long = r"\Delta w_{hj} = \eta g_j b_h" + r" + 0 \cdot \eta" * 30
    assert len(long.encode()) > 255
    assert main(["check", long]) == 0
    assert "File name too long" not in capsys.readouterr().err


def test_a_document_without_equations_says_so(tmp_path, capsys):
    path = tmp_path / "empty.md"
    path.write_text("no math here\n")
    assert main(["check", str(path)]) == 0
    assert "no equations found" in capsys.readouterr().out
    assert main(["check", "--strict", str(path)]) == 1


def test_json_on_every_path(tmp_path, capsys):
    assert main(["check", "--json", "f(2) = 4"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert "f of a number" in out["error"] and out["exit"] == 2
    assert main(["check", "--json", "x_1 = 1"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "not a claim"
    assert main(["check", "--json", str(tmp_path / "missing.md")]) == 2
    assert "no such file" in json.loads(capsys.readouterr().out)["error"]


def test_not_a_claim_never_fails_strict(tmp_path, capsys):
    path = tmp_path / "d.md"
    path.write_text("$x_1 = 1$\n\n$\\Delta \\theta_j = -\\eta g_j$\n")
    assert main(["check", "--strict", str(path), "--junit", str(tmp_path / "j.xml")]) == 0
    out = capsys.readouterr().out
    assert f"{path}:1:2: not a claim: x_1 = 1 -- assigns a value" in out
    assert "system-out" in (tmp_path / "j.xml").read_text()


def test_command_line_activation_and_loss(capsys):
    assert main(["check", "--activation", "tanh",
                 r"g_j = (1 - (\hat{y}_j)^2)(y_j - \hat{y}_j)"]) == 0
    assert main(["check", "--loss", "cross-entropy", r"g_j = y_j - \hat{y}_j"]) == 0
    assert main(["check", "--activation", "tanhh", "g_j = 1"]) == 2
    assert "tanhh" in capsys.readouterr().err


def test_the_readmes_figures_on_the_notes_are_the_corpus_verdicts():
    """The README's counts are those of the notes' corpus, whose every verdict the test
    of the notes checks one by one."""
    import re
    from collections import Counter
    from pathlib import Path
    from notes_corpus import NOTES
    readme = Path(__file__).resolve().parents[1].joinpath("README.md").read_text()
    m = re.search(r"On the annotated chapter-5 notes: (\d+) statements, (\d+) hold, (\d+) "
                  r"refuted .*?, (\d+) not a claim, (\d+) not checked \((\d+) of them", readme,
                  re.DOTALL)
    assert m, "the README's figures on the notes"
    counts = Counter(v for _, _, v, _ in NOTES)
    relations = sum(v == "not checked" and "relation" in r for _, _, v, r in NOTES)
    assert tuple(map(int, m.groups())) == (len(NOTES), counts["holds"], counts["refuted"],
                                           counts["not a claim"], counts["not checked"],
                                           relations)


@pytest.mark.parametrize("text,status", [
    (r"g_j = ... = \hat{y}_j (1-\hat{y}_j) (y_j - \hat{y}_j)", "holds"),       # steps left out
    (r"g_j = \dots = \hat{y}_j (1-\hat{y}_j) (\hat{y}_j - y_j)", "refuted"),
    (r"E_k = \frac{1}{2}\sum(\hat{y}_j - y_j)^2", "holds"),                    # sum over j
    (r"e_h = b_h(1-b_h)\sum w_{hj} g_j", "holds"),
    (r"e_h = b_h(1-b_h)\sum w_{hj} g_h", "not checked"),    # no index only the sum has
    (r"v \leftarrow v + \Delta v", "not a claim"),
    (r"\tilde{\Theta}^{(kl)} = \tilde{\Theta}^{(kl)} + \Delta \tilde{\Theta}^{(kl)}", "not a claim"),
])
def test_elided_steps_sums_without_limits_and_updates(text, status):
    v = verdict(text)
    assert v.status == status, v.detail
    if "..." in text and status == "holds":
        assert "not checked" in v.sizes


def test_huge_numbers_are_undecided_never_a_crash():
    v = verdict("f(10^{20}) = 1", {"f": "sigmoid"})
    assert v.status in ("not checked", "refuted")
    assert verdict("f(-10^{20}) = 0", {"f": "sigmoid"}).status == "refuted"


def test_the_api_gives_the_command_lines_verdict():
    import symnet
    from symnet.checker.result import MeaningError, NotAClaim
    with pytest.raises(NotAClaim, match="assigns a value"):
        symnet.check("x_1 = 1")
    with pytest.raises(MeaningError, match="f of a number"):
        symnet.check("f(2) = 4")
    assert symnet.check(r"\Delta w_{hj} = \eta g_j b_h (2)").holds is False
    assert symnet.check(r"g_j = (1 - \hat{y}_j^2)(y_j - \hat{y}_j)", activation="tanh").holds
    assert "only" in symnet.check(r"g_j = -\delta_j^{(3)}").sizes


def test_fast_equality_paths_never_merge_symbols_or_round():
    """exactly_equal's fast paths: SymEngine (which knows a symbol by its name only) is
    never given two symbols that share a name, and a numeric evaluation only ever says
    "not equal"."""
    import sympy as sp
    from symnet.prove.entrywise import exactly_equal
    x, x_pos, t = sp.Symbol("x"), sp.Symbol("x", positive=True), sp.Dummy("x")
    assert not exactly_equal(x, x_pos) and not exactly_equal(x * (x + 1), x_pos * (x + 1))
    assert not exactly_equal(t + 1, x + 1)
    assert exactly_equal((x + 1) ** 3, x ** 3 + 3 * x ** 2 + 3 * x + 1)
    assert exactly_equal(sp.exp(x) * (1 + sp.exp(-x)), sp.exp(x) + 1)
    assert not exactly_equal(sp.Integer(10) ** 20 + 1, sp.Integer(10) ** 20)
    assert not exactly_equal(x + sp.Rational(1, 10 ** 30), x)


def test_bench_check_times_documents(tmp_path, capsys):
    doc = tmp_path / "notes.md"
    doc.write_text("$\\Delta \\theta_j = -\\eta g_j$\n\n$\\Delta \\gamma_h = \\eta e_h$\n",
                   encoding="utf-8")
    assert main(["bench", "check", str(doc), "--quick"]) == 0
    out = capsys.readouterr().out
    assert f"{doc}: 2 equations (1 holds, 1 refuted) in " in out and "equations/s" in out
    assert main(["bench", "check"]) == 2
    assert "needs one or more documents" in capsys.readouterr().err
    assert main(["bench", "verify", str(doc)]) == 2
