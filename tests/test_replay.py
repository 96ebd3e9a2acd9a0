"""The second engine: SymEngine replays the catalog's proofs (symnet.prove.replay).

Each verdict is shown to be able to go the other way: a planted wrong closed form that
SymPy (patched to say "proved") lets through is failed by SymEngine ("the engines
disagree"); SymEngine never counts an opaque Sum or a merged symbol as a proof."""
import json

import pytest
import sympy as sp

from symnet.core.claims import Chain, Derivation
from symnet.core.registry import ACTIVATIONS, sigmoid
from symnet.prove import replay
from symnet.prove.model import ExpressionModel, Model, index, size
from symnet.runner import run_claims

x = sp.Symbol("x", real=True)


def _chain(*members, source=None, model=None):
    model = model or ExpressionModel()
    return Chain("planted", "", "planted", "planted", "multilayer",
                 build=lambda: Derivation(model, list(members), source=source))


def _sympy_says_proved(monkeypatch):
    """Simulate a SymPy that proves whatever it is asked (a bug of the first engine)."""
    monkeypatch.setattr(ExpressionModel, "equal", lambda self, a, b: (True, sp.S.Zero))
    monkeypatch.setattr(Model, "equal", lambda self, a, b: (True, sp.S.Zero))


def test_a_wrong_closed_form_that_sympy_lets_through_fails_by_symengine(monkeypatch):
    _sympy_says_proved(monkeypatch)
    wrong = sigmoid(x) * (1 + sigmoid(x))                  # sign flipped: not f'
    rows = run_claims([_chain(sp.diff(sigmoid.definition(x), x), wrong)])
    assert rows[0].status == "failed"
    assert "the engines disagree" in rows[0].detail
    assert rows[0].engines == []


def test_a_wrong_step_that_sympy_lets_through_fails_the_step_and_the_claim(monkeypatch):
    _sympy_says_proved(monkeypatch)
    u = sp.exp(-x)
    derived = sp.diff(sigmoid.definition(x), x)
    rows = {r.id: r for r in run_claims([_chain(derived, 2 * u / (1 + u) ** 2, derived)])}
    assert rows["planted/1"].status == "failed"
    assert "the engines disagree" in rows["planted/1"].detail
    assert rows["planted"].status == "failed"


def test_symengine_differentiates_the_source_itself(monkeypatch):
    """With a source, SymEngine's own derivative is compared: a chain whose e_0 is wrong
    too (so SymPy's two sides agree) still fails."""
    _sympy_says_proved(monkeypatch)
    wrong = sigmoid.definition(x) ** 2
    rows = run_claims([_chain(wrong, wrong, source=(sigmoid.definition(x), x))])
    assert rows[0].status == "failed"
    assert "differentiated the definition itself" in rows[0].detail


def test_a_true_claim_is_proved_by_both_engines():
    derived = sp.diff(sigmoid.definition(x), x)
    rows = run_claims([_chain(derived, sigmoid(x) * (1 - sigmoid(x)),
                              source=(sigmoid.definition(x), x))])
    assert rows[0].status == "proved"
    assert rows[0].engines == ["sympy", "symengine"]
    assert "differentiated the definition itself" in rows[0].symengine


def test_a_sum_symengine_cannot_decide_is_never_a_proof_nor_a_disagreement():
    """Sum_i Sum_j w_ij = Sum_j Sum_i w_ij needs the order of summation exchanged:
    SymPy proves it, SymEngine cannot decide it, says why, and does not call it a
    disagreement; neither is a false one (two different sums) called a disagreement: a
    sum has no value to refute with."""
    n, q, i, j = size("n"), size("q"), index("i"), index("j")
    a, b, w = sp.IndexedBase("a"), sp.IndexedBase("b"), sp.IndexedBase("w")
    left = sp.Sum(sp.Sum(w[i, j], (j, 1, q)), (i, 1, n))
    right = sp.Sum(sp.Sum(w[i, j], (i, 1, n)), (j, 1, q))
    verdict = replay.replay_equal(Model({}), left, right)
    assert verdict.status == replay.NOT_REPLAYED
    assert "Sum over a symbolic range" in verdict.method
    rows = run_claims([_chain(left, right, model=Model({}))])
    assert rows[0].status == "proved" and rows[0].engines == ["sympy"]
    other = replay.replay_equal(Model({}), sp.Sum(a[i], (i, 1, n)), sp.Sum(b[i], (i, 1, n)))
    assert other.status == replay.NOT_REPLAYED


def test_symengine_pulls_constant_factors_out_of_sums_and_splits_them():
    n, q, i, k, p = size("n"), size("q"), index("i"), index("k"), index("p")
    a, b, w = sp.IndexedBase("a"), sp.IndexedBase("b"), sp.IndexedBase("w")
    c = sp.Symbol("c")
    left = sp.Sum(c * a[i] + b[i] + c, (i, 1, n))
    right = c * sp.Sum(a[k], (k, 1, n)) + sp.Sum(b[p], (p, 1, n)) + n * c
    assert replay.replay_equal(Model({}), left, right).status == replay.PROVED
    wrong = c * sp.Sum(a[k], (k, 1, n)) + sp.Sum(b[p], (p, 1, n)) + (n + 1) * c
    assert replay.replay_equal(Model({}), left, wrong).status != replay.PROVED
    # nested: the inner sum depends on the outer index, alpha-renamed at both levels
    inner = lambda outer, bound: sp.Sum(w[outer, bound] * b[bound], (bound, 1, q))
    nested = sp.Sum(c * a[i] * inner(i, p), (i, 1, n))
    renamed = c * sp.Sum(a[k] * inner(k, i), (k, 1, n))
    assert replay.replay_equal(Model({}), nested, renamed).status == replay.PROVED
    swapped = c * sp.Sum(a[k] * sp.Sum(w[i, k] * b[i], (i, 1, q)), (k, 1, n))
    assert replay.replay_equal(Model({}), nested, swapped).status != replay.PROVED


def test_sums_that_differ_only_in_their_bound_index_are_one_atom():
    n, i, k = size("n"), index("i"), index("k")
    a = sp.IndexedBase("a")
    verdict = replay.replay_equal(Model({}), 2 * sp.Sum(a[i], (i, 1, n)),
                                  sp.Sum(a[k], (k, 1, n)) + sp.Sum(a[i], (i, 1, n)))
    assert verdict.status == replay.PROVED
    other = replay.replay_equal(Model({}), sp.Sum(a[i], (i, 1, n)), sp.Sum(a[i], (i, 2, n)))
    assert other.status == replay.NOT_REPLAYED


def test_symbols_sharing_a_name_are_not_merged():
    """SymEngine knows a symbol by its name: x (real) and a Dummy x must stay two."""
    dummy = sp.Dummy("x")
    verdict = replay.replay_equal(ExpressionModel(), x + 1, dummy + 1)
    assert verdict.status == replay.DISAGREES
    plain = sp.Symbol("x")                          # no assumptions: another SymPy symbol
    assert replay.replay_equal(ExpressionModel(), x, plain).status == replay.DISAGREES


def test_piecewise_cases_are_split_and_a_wrong_branch_is_caught():
    leaky = ACTIVATIONS["leaky_relu"]
    definition = leaky.function.definition(x)
    right = leaky.fprime_closed(leaky.function(x), x)
    model = ExpressionModel()
    derivative = sp.diff(definition, x)
    assert replay.replay_equal(model, derivative, right).status == replay.PROVED
    wrong = sp.Piecewise((1, x > 0), (sp.Rational(1, 10), True))
    assert replay.replay_equal(model, derivative, wrong).status == replay.DISAGREES


def test_a_log_identity_beyond_symengine_is_listed_not_failed():
    z, y = sp.symbols("z y", real=True)
    a = sigmoid.definition(z)
    left = -(y * sp.log(a) + (1 - y) * sp.log(1 - a))
    right = sp.log(1 + sp.exp(z)) - y * z
    verdict = replay.replay_equal(ExpressionModel(), left, right)
    assert verdict.status == replay.NOT_REPLAYED
    assert "vanishes at a random point" in verdict.method
    off = replay.replay_equal(ExpressionModel(), left, right + z / 7)
    assert off.status == replay.DISAGREES


def test_every_catalog_claim_has_engines_and_sympy_only_ones_a_reason():
    """The catalog as `symnet verify` runs it: each proved claim names its engines, a
    claim SymPy alone proved carries SymEngine's reason, and the count of claims proved
    by both engines does not drop below what this version replays."""
    from derivations import catalog
    claims = catalog()
    rows = run_claims(claims)
    heads = {r.id: r for r in rows}
    assert all(heads[c.id].status == "proved" for c in claims)
    counts = replay.engine_counts(claims, rows)
    assert counts["sympy and symengine"] >= 56
    assert counts["sympy and symengine"] + counts["sympy only"] == len(claims)
    grouped = replay.sympy_only(claims, rows)
    assert sum(map(len, grouped.values())) == counts["sympy only"]
    assert all(reason.strip() for reason in grouped)
    assert replay.REASONS["numbers"] in grouped and replay.REASONS["solver"] in grouped


def test_verify_prints_the_engines(capsys):
    from symnet.cli import main
    assert main(["verify", "--only", "act-sigmoid-derivative", "--only", "fig5.3-and",
                 "--engines"]) == 0
    out = capsys.readouterr().out
    assert "claims proved by SymPy and SymEngine: 1; by SymPy only: 1" in out
    assert "fig5.3-and" in out.split("proved by SymPy only, by the reason")[1]
    assert main(["verify", "--only", "act-sigmoid-derivative", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["claims"][0]["engines"] == ["sympy", "symengine"]
    assert data["engines"] == {"sympy and symengine": 1, "sympy only": 0, "reasons": {}}


@pytest.mark.parametrize("status", ["proved", "failed"])
def test_junit_names_the_engines_of_a_proved_row(status):
    from symnet.core.claims import Result
    from symnet.core.files import junit_xml
    row = Result("c", "", status, "m", "symbolic", 0.0, engines=["sympy", "symengine"])
    text = junit_xml([row])
    assert ('name="engines" value="sympy,symengine"' in text) == (status == "proved")


def test_every_reason_has_its_chinese_line_and_is_found_in_a_method_line():
    from symnet.report.text import ENGINE_REASONS_ZH
    assert set(ENGINE_REASONS_ZH) == set(replay.REASONS)
    line = "SymEngine cannot decide it: " + replay.REASONS["Sum"] + "; " + replay.REASONS["other"]
    assert replay.reason_keys(replay._reason(line)) == ["Sum", "other"]
    assert replay.reason_keys("no reason of the table") == []


def test_a_custom_check_that_sympy_lets_through_fails_by_its_symengine_replay():
    """A check whose SymPy run says proved, replayed with SymEngine on a wrong
    distribution (unnormalised): the claim fails, the engines disagree."""
    from derivations import boltzmann
    from symnet.core.claims import Check, Outcome
    from symnet.prove.replay import symengine_identical
    unnormalised = lambda bm, s: sp.exp(-bm.energy(s))
    claim = Check("planted-check", "", "t", "s", "boltzmann",
                  check=lambda: Outcome(True, "m", "n = 3"),
                  replay=lambda: boltzmann.check_normalised(unnormalised,
                                                            same=symengine_identical))
    row = run_claims([claim])[0]
    assert row.status == "failed" and "the engines disagree" in row.detail
    good = Check("good-check", "", "t", "s", "boltzmann", check=lambda: Outcome(True, "m", "n"),
                 replay=lambda: boltzmann.check_normalised(same=symengine_identical))
    assert run_claims([good])[0].engines == ["sympy", "symengine"]
    bare = Check("bare-check", "", "t", "s", "boltzmann", check=lambda: Outcome(True, "m", "n"))
    row = run_claims([bare])[0]
    assert row.engines == ["sympy"] and replay.REASONS["custom"] in row.symengine


def test_symengine_identical_decides_and_refutes_in_e_to_the_parameters():
    from derivations.boltzmann import BM, RBM, check_likelihood
    from symnet.prove.replay import CannotReplay, symengine_identical
    bm = BM(3)
    e = sp.exp(bm.w[1, 2] + bm.theta[0] + bm.theta[1])
    assert symengine_identical(e, sp.exp(bm.w[1, 2]) * sp.exp(bm.theta[0] + bm.theta[1]),
                               bm.params)
    assert not symengine_identical(e, sp.exp(bm.w[1, 2]) * sp.exp(bm.theta[0]), bm.params)
    with pytest.raises(CannotReplay):
        symengine_identical(sp.exp(bm.w[1, 2] / 2), 1, bm.params)
    rbm = RBM(2, 2)
    log_z = sp.log(sp.exp(rbm.W[0, 0]) + 1)
    derived = sp.exp(rbm.W[0, 0]) / (sp.exp(rbm.W[0, 0]) + 1)
    assert symengine_identical(log_z, derived, rbm.params, wrt=rbm.W[0, 0])
    assert not symengine_identical(log_z, 1 - derived, rbm.params, wrt=rbm.W[0, 0])
    assert not check_likelihood(lambda data, model: data + model,
                                same=symengine_identical).proved


def test_symengine_differentiates_the_nested_network_and_catches_planted_forms():
    """The second engine's nested route (bp-example-3443's replay) on a small network:
    every entry holds with the notes' forms; a wrong sign of the gradient, a wrong
    recursion (f' dropped) or a wrong output delta is named by its first entry."""
    from symnet.prove.entrywise import ClosedForms, closed_gradient, closed_recursion
    from symnet.core.registry import output_delta_closed
    assert replay.nested_in_symengine([2, 2, 2]) == (6 + 6, [])
    flipped = ClosedForms(gradient=lambda a, i, d: -closed_gradient(a, i, d))
    assert replay.nested_in_symengine([2, 2, 2], forms=flipped)[1] == ["gradient(1, 0, 1)"]
    no_fprime = ClosedForms(recursion=lambda th, i, ds, fp: closed_recursion(th, i, ds, 1))
    assert replay.nested_in_symengine([2, 2, 1], forms=no_fprime)[1] == ["gradient(1, 0, 1)"]
    half = ClosedForms(output_delta=lambda *args: output_delta_closed(*args) / 2)
    assert replay.nested_in_symengine([1, 2, 1], forms=half)[1]
    assert replay.nested_in_symengine([2, 3, 2], "tanh", "cross-entropy")[1] == []
