"""Every claim of the catalog is proved, and wrong variants of each are rejected."""
import pytest
import sympy as sp
from sympy import Sum

from derivations import catalog
from derivations import multilayer_bp, standard_bp
from symnet.core.claims import Chain
from symnet.runner import run_claims
from symnet.prove.model import index

CLAIMS = {c.id: c for c in catalog()}
REQUIRED = ["eq5.8", "eq5.9", "eq5.10", "eq5.11", "eq5.12", "eq5.13", "eq5.14", "eq5.15",
            "bp-forward", "bp-delta-output", "bp-delta-recursion", "bp-gradient",
            "bp-update", "bp-bridge", "bp-example-3443"]


def test_catalog_lists_required_ids():
    assert set(REQUIRED) <= set(CLAIMS)


@pytest.mark.parametrize("claim_id", sorted(CLAIMS))
def test_claim_is_proved(claim_id):
    rows = run_claims([CLAIMS[claim_id]])
    assert rows[0].status == "proved", rows[0].detail
    assert all(r.status == "proved" for r in rows), [r.id for r in rows if r.status != "proved"]


def test_chains_have_the_notes_number_of_steps():
    steps = {"eq5.10": 3, "eq5.15": 4, "eq5.14": 3, "eq5.12": 3, "eq5.9": 4}
    for cid, n in steps.items():
        assert len(CLAIMS[cid].derivation().chain) - 1 == n


@pytest.mark.parametrize("claim_id", sorted(c.id for c in catalog() if isinstance(c, Chain)))
def test_sign_flip_is_rejected(claim_id):
    claim = CLAIMS[claim_id]
    closed = claim.derivation().chain[-1]
    wrong = tuple(-c for c in closed) if isinstance(closed, tuple) else -closed
    assert not claim.holds_for(wrong)[0]


def _variants():
    """(claim id, variant name, builder of the wrong closed form)."""
    sl = standard_bp.model()
    i, h, j, eta = sl.i, sl.h, sl.j, sl.eta
    jj = index("j''")
    b, g, e, yh, y = sl.b, sl.g, sl.e, sl.yhat[j], sl.y[j]
    lp = multilayer_bp.pair()
    r, k, lj = lp.r, lp.i, lp.j
    x = sp.Symbol("x", real=True)
    from symnet.core.registry import sigmoid
    return [
        ("eq5.8", "index transposed", lambda: b[j]),
        ("eq5.8", "weight instead of unit", lambda: sl.w[h, j]),
        ("eq5.9", "sign inside", lambda: sigmoid(x) * (1 + sigmoid(x))),
        ("eq5.10", "f' factor missing", lambda: y - yh),
        ("eq5.10", "1/2 not cancelled", lambda: yh * (1 - yh) * (y - yh) / 2),
        ("eq5.11", "b_h missing", lambda: eta * g[j]),
        ("eq5.11", "constant 2", lambda: 2 * eta * g[j] * b[h]),
        ("eq5.12", "threshold sign as for weights", lambda: eta * g[j]),
        ("eq5.13", "x_i missing", lambda: eta * e[h]),
        ("eq5.14", "threshold sign as for weights", lambda: eta * e[h]),
        ("eq5.15", "f' factor missing", lambda: Sum(g[jj] * sl.w[h, jj], (jj, 1, sl.l))),
        ("eq5.15", "index transposed",
         lambda: b[h] * (1 - b[h]) * Sum(g[jj] * sl.w[jj, h], (jj, 1, sl.l))),
        ("eq5.15", "sum over j missing", lambda: b[h] * (1 - b[h]) * g[j] * sl.w[h, j]),
        ("eq5.15", "g without its minus sign",
         lambda: b[h] * (1 - b[h]) * Sum(-g[jj] * sl.w[h, jj], (jj, 1, sl.l))),
        ("bp-delta-output", "f' factor missing",
         lambda: CLAIMS["bp-delta-output"].derivation().model.a[index("j")]
         - CLAIMS["bp-delta-output"].derivation().model.y[index("j")]),
        ("bp-delta-recursion", "Theta transposed",
         lambda: Sum(lp.Theta[jj, k] * lp.delta_l[jj], (jj, 1, lp.s_l)) * lp.fprime(lp.z_k[k])),
        ("bp-delta-recursion", "f' factor missing",
         lambda: Sum(lp.Theta[k, jj] * lp.delta_l[jj], (jj, 1, lp.s_l))),
        ("bp-delta-recursion", "sum over j missing",
         lambda: lp.Theta[k, lj] * lp.delta_l[lj] * lp.fprime(lp.z_k[k])),
        ("bp-gradient", "threshold input +1 instead of -1",
         lambda: lp.a_k[r] * lp.delta_l[lj]),
        ("bp-update", "ascent instead of descent", lambda: lp.eta * lp.a_tilde[r] * lp.delta_l[lj]),
        ("delta-output-sigmoid-cross-entropy", "squared-loss form",
         lambda: _out("sigmoid-cross-entropy", lambda a, yy: (a - yy) * a * (1 - a))),
        ("delta-output-tanh-squared", "sigmoid's derivative",
         lambda: _out("tanh-squared", lambda a, yy: (a - yy) * a * (1 - a))),
    ]


def _out(name, closed):
    m = CLAIMS[f"delta-output-{name}"].derivation().model
    return closed(m.a[m.j], m.y[m.j])


@pytest.mark.parametrize("claim_id,name,build", _variants(), ids=lambda v: str(v))
def test_wrong_variant_is_rejected(claim_id, name, build):
    claim = CLAIMS[claim_id]
    assert not claim.holds_for(build())[0], f"{claim_id}: '{name}' was accepted"


def test_bridge_rejects_g_without_minus():
    claim = CLAIMS["bp-bridge"]
    single, matrix = claim.derivation().chain
    wrong = (-matrix[0],) + tuple(matrix[1:])
    assert not claim.derivation().model.equal(single, wrong)[0]


def test_correct_closed_forms_are_accepted():
    for cid in ("eq5.10", "eq5.15", "bp-delta-recursion"):
        claim = CLAIMS[cid]
        assert claim.holds_for(claim.derivation().chain[-1])[0]


def _chain(*terms):
    from symnet.core.claims import Derivation
    from symnet.prove.model import ExpressionModel
    return Chain("t-chain", "", "t", "t", "test", build=lambda: Derivation(ExpressionModel(), terms))


def test_every_step_of_a_chain_is_checked_the_first_included():
    x = sp.Symbol("x")
    rows = {r.id: r.status for r in run_claims([_chain(x + x, 3 * x, 2 * x, 2 * x)])}
    assert rows == {"t-chain": "failed", "t-chain/1": "failed", "t-chain/2": "failed",
                    "t-chain/3": "proved"}
    rows = {r.id: r.status for r in run_claims([_chain(3 * x, 2 * x, 2 * x)])}
    assert rows["t-chain/1"] == "failed" and rows["t-chain"] == "failed"
    rows = {r.id: r.status for r in run_claims([_chain(x + x, 2 * x, 2 * x)])}
    assert set(rows.values()) == {"proved"} and len(rows) == 3


def test_a_wrong_middle_step_fails_the_claim_even_when_the_ends_agree():
    x = sp.Symbol("x")
    rows = {r.id: r.status for r in run_claims([_chain(2 * x, 3 * x, 2 * x)])}
    assert rows == {"t-chain": "failed", "t-chain/1": "failed", "t-chain/2": "failed"}


def test_the_extension_api_example_from_the_readme():
    """The README's "Adding a derivation" example, through symnet.extend only: it proves,
    and the same door rejects a wrong closed form."""
    from sympy import Sum
    from symnet.extend import Chain, Derivation, index, notes_model, partial, run_claims

    def dE_dbh(sign=-1):
        model = notes_model()
        j = index("j''")
        return Derivation(model, [model.D(model.E_at("b"), model.b[model.h]),
                                  sign * Sum(model.w[model.h, j] * model.g[j], (j, 1, model.l))],
                          lhs=partial(None, model.b[model.h], "E_k"))

    right = Chain("my-dE-db", "", "dE/db_h", "dE_k/db_h = -sum_j w_hj g_j", "standard",
                  build=dE_dbh)
    wrong = Chain("my-dE-db-wrong", "", "dE/db_h", "sign flipped", "standard",
                  build=lambda: dE_dbh(+1))
    rows = {r.id: r.status for r in run_claims([right, wrong])}
    assert rows["my-dE-db"] == "proved" and rows["my-dE-db-wrong"] == "failed"
