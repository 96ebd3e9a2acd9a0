"""RBF (5.18)/(5.19), vanishing gradients, Boltzmann machines (5.20)-(5.24), softmax and
the recursion for every activation: wrong variants are rejected, numbers agree with
independent oracles."""
import numpy as np
import pytest
import sympy as sp
from sympy import IndexedBase, Rational, Sum

from derivations import boltzmann, catalog, multilayer_bp, rbf
from derivations.boltzmann import (BM, check_conditional, check_energy, check_factorises,
                                   check_likelihood, identical, matrix_energy)
from symnet.prove.model import index
from symnet.core.registry import ACTIVATIONS, sigmoid
from symnet.numeric.backends import helper_function
from symnet.numeric.gradient_sizes import backprop, gradient_sizes, init_params

CLAIMS = {c.id: c for c in catalog()}
ISSUE5_IDS = ["eq5.2-perceptron", "fig5.3-and", "fig5.3-or", "fig5.3-not", "fig5.4-separability",
              "fig5.5-xor", "eq5.16", "eq5.17", "eq5.18", "eq5.19", "vanishing-bound",
              "eq5.20", "eq5.21", "eq5.22", "eq5.23", "eq5.24",
              "delta-output-softmax-cross-entropy"] + \
             [f"bp-delta-recursion-{a}" for a in ("tanh", "relu", "softplus", "identity")] + \
             [f"delta-output-{a}-squared" for a in ("tanh", "relu", "softplus", "identity")]


def test_issue5_ids_are_in_the_catalog():
    assert set(ISSUE5_IDS) <= set(CLAIMS)


# --- RBF -------------------------------------------------------------------------------
def test_rbf_wrong_variants_rejected():
    m = rbf.RBF()
    i, k = m.i, m.k
    err = m.phi - m.y
    assert not CLAIMS["eq5.18"].holds_for(err)[0]                                  # rho missing
    assert not CLAIMS["eq5.18"].holds_for(err * m.rho[i] * m.w[i])[0]              # extra w_i
    right_c = 2 * err * m.w[i] * m.beta[i] * (m.x[k] - m.c[i, k]) * m.rho[i]
    right_beta = -err * m.w[i] * m.dist2(i) * m.rho[i]
    assert CLAIMS["eq5.19"].holds_for((right_beta, right_c))[0]
    assert not CLAIMS["eq5.19"].holds_for((right_beta, right_c / 2))[0]            # factor 2
    assert not CLAIMS["eq5.19"].holds_for((-right_beta, right_c))[0]               # sign
    assert not CLAIMS["eq5.19"].holds_for(                                         # c - x
        (right_beta, 2 * err * m.w[i] * m.beta[i] * (m.c[i, k] - m.x[k]) * m.rho[i]))[0]


def test_normal_equations_transposed_rejected():
    m_, q, p = sp.Symbol("m", integer=True, positive=True), \
        sp.Symbol("q", integer=True, positive=True), index("p")
    k, t = index("k'"), index("t'")
    G, w, y = IndexedBase("G"), IndexedBase("w"), IndexedBase("y")
    wrong = Sum(G[p, k] * Sum(G[k, t] * w[t], (t, 1, q)), (k, 1, m_)) - Sum(G[k, p] * y[k], (k, 1, m_))
    assert not CLAIMS["eq5.18-normal-equations"].holds_for(wrong)[0]


def test_least_squares_weights_are_stationary_and_others_are_not():
    w, _ = rbf.least_squares_weights(rbf.LSQ_POINTS, rbf.LSQ_TARGETS, rbf.LSQ_CENTRES)
    assert rbf._error_gradient(rbf.LSQ_POINTS, rbf.LSQ_TARGETS, rbf.LSQ_CENTRES, list(w)) == [0, 0, 0]
    moved = [w[0] + Rational(1, 7), w[1], w[2]]
    assert rbf._error_gradient(rbf.LSQ_POINTS, rbf.LSQ_TARGETS, rbf.LSQ_CENTRES, moved) != [0, 0, 0]


def test_rbf_xor_numeric_at_beta_1():
    G = rbf.design_matrix(rbf.XOR_POINTS, rbf.XOR_POINTS)
    w = rbf.solve_exact(G, sp.Matrix(rbf.XOR_TARGETS))
    Gn = np.array(G.subs(rbf.U, sp.exp(-1)).evalf(), dtype=float)
    wn = np.array(w.subs(rbf.U, sp.exp(-1)).evalf(), dtype=float).ravel()
    x = np.array(rbf.XOR_POINTS, dtype=float)
    phi = np.exp(-((x[:, None, :] - x[None, :, :]) ** 2).sum(-1)) @ wn      # independent forward
    assert np.allclose(Gn @ wn, rbf.XOR_TARGETS) and np.allclose(phi, rbf.XOR_TARGETS)


# --- vanishing gradients ---------------------------------------------------------------
def test_delta_bound_with_wrong_factor_rejected():
    m = multilayer_bp.pair(sigmoid)
    i, jj = m.i, index("j''")
    back = Sum(m.Theta[i, jj] * m.delta_l[jj], (jj, 1, m.s_l))
    f = sigmoid(m.z_k[i])
    wrong = back ** 2 * (f - Rational(1, 2)) ** 2 * (Rational(1, 2) + f * (1 - f))
    assert not CLAIMS["vanishing-bound-delta"].holds_for(wrong)[0]


def test_gradient_sizes_match_finite_differences():
    rng = np.random.default_rng(3)
    sizes = [3, 4, 4, 2]
    for act in ("sigmoid", "tanh", "softplus"):
        params = init_params(sizes, act, rng)
        X, Y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))
        grads, _ = backprop(params, X, Y, act)
        f = helper_function(ACTIVATIONS[act])

        def loss(ps):
            a = X
            for W in ps:
                a = f(a @ W[1:] - W[0])
            return 0.5 * ((a - Y) ** 2).sum() / X.shape[0]
        for k, W in enumerate(params):
            for idx in np.ndindex(W.shape):
                h = 1e-6
                up = [p.copy() for p in params]; up[k][idx] += h
                dn = [p.copy() for p in params]; dn[k][idx] -= h
                fd = (loss(up) - loss(dn)) / (2 * h)
                assert abs(fd - grads[k][idx]) <= 1e-7 * max(1.0, abs(fd))


def test_sigmoid_gradients_vanish_and_relu_ones_do_not():
    sig = gradient_sizes(depth=12, width=32, activation="sigmoid", seed=0)
    rel = gradient_sizes(depth=12, width=32, activation="relu", seed=0)
    assert len(sig.norms) == 11
    assert sig.ratio() < 0.05                  # first layer far smaller than the last
    assert rel.ratio() > 10 * sig.ratio()


def test_gradient_sizes_rejects_bad_arguments():
    with pytest.raises(ValueError):
        gradient_sizes(depth=1)


# --- Boltzmann machines ----------------------------------------------------------------
def test_energy_without_half_rejected():
    assert check_energy().proved
    assert not check_energy(lambda bm, s: matrix_energy(bm, s, half=1)).proved


def test_conditional_with_threshold_subtracted_rejected():
    def wrong(bm, i, s):
        return sigmoid.definition(sum(bm.weight(i, j) * s[j - 1] for j in range(1, bm.n + 1))
                                  - bm.theta[i - 1])
    assert not check_conditional(wrong).proved


def test_factorisation_with_wrong_logit_rejected():
    def no_bias(rbm, h, v):
        p = [sigmoid.definition(rbm.hidden_logit(j, v) - rbm.b[j]) for j in range(rbm.q)]
        return sp.Mul(*(pj if hj else 1 - pj for pj, hj in zip(p, h)))

    def swapped(rbm, v, h):          # unit i given the weights of unit i + 1: index error
        p = [sigmoid.definition(rbm.a[i] + sum(rbm.W[(i + 1) % rbm.d, j] * h[j]
                                               for j in range(rbm.q)))
             for i in range(rbm.d)]
        return sp.Mul(*(pi if vi else 1 - pi for pi, vi in zip(p, v)))
    assert not check_factorises("hidden", no_bias).proved
    assert not check_factorises("visible", swapped).proved


def test_likelihood_gradient_with_wrong_sign_rejected():
    assert not check_likelihood(lambda data, model: data + model).proved
    assert not check_likelihood(lambda data, model: data).proved


def test_identical_is_exact():
    bm = BM(2)
    e = sp.exp(-bm.energy((1, 1)))
    assert identical(e, sp.exp(bm.w[1, 2]) * sp.exp(bm.theta[0] + bm.theta[1]), bm.params)
    assert not identical(e, sp.exp(bm.w[1, 2]) * sp.exp(bm.theta[0]), bm.params)


def test_cd_update_transposed_and_logit_without_bias_rejected():
    m = boltzmann.SymbolicRBM()
    i, j = m.i, m.j
    v2, h2 = IndexedBase("v'"), IndexedBase("h'")
    assert not CLAIMS["eq5.24"].holds_for(m.eta * (m.v[j] * m.h[i] - v2[j] * h2[i]))[0]
    assert not CLAIMS["eq5.24"].holds_for(m.eta * (m.v[i] * m.h[j] + v2[i] * h2[j]))[0]
    i_ = index("i''")
    assert not CLAIMS["eq5.23-logit"].holds_for(Sum(m.v[i_] * m.w[i_, j], (i_, 1, m.d)))[0]


def _rbm_sample_frequencies(logit, d=3, q=2, draws=40_000, seed=0):
    """Sample h ~ P(h | v) unit by unit from the project's hidden conditional (5.23) at
    random numeric parameters, and return (empirical frequency of each h, the exact P(h|v)
    from the project's RBM energy normalised over all h, the number of draws)."""
    rng = np.random.default_rng(seed)
    rbm = boltzmann.RBM(d, q)
    values = dict(zip(rbm.params, rng.normal(size=len(rbm.params))))
    v = (1, 0, 1)
    p_on = np.array([float(sp.N(sigmoid.definition(logit(rbm, j, v)).xreplace(values)))
                     for j in range(q)])
    samples = (rng.random((draws, q)) < p_on).astype(int)
    H = boltzmann.states(q)
    freq = np.array([np.mean(np.all(samples == h, axis=1)) for h in H])
    joint = np.array([float(sp.N(rbm.joint(v, h).xreplace(values))) for h in H])
    return freq, joint / joint.sum(), draws


def _within_five_sigma(freq, exact, draws):
    sigma = np.sqrt(exact * (1 - exact) / draws)
    return bool(np.all(np.abs(freq - exact) <= 5 * sigma))


def test_rbm_hidden_conditional_matches_sampling_frequencies():
    """Independent numeric oracle for (5.23): h drawn from the project's per-unit
    conditional P(h_j = 1 | v) = sigmoid(b_j + sum_i v_i w_ij) occurs as often as the
    project's energy, normalised by brute force over all h, says it should."""
    assert _within_five_sigma(*_rbm_sample_frequencies(boltzmann.RBM.hidden_logit))


def test_rbm_sampling_notices_a_wrong_conditional():
    """The same oracle refutes a logit with the weights' sign flipped."""
    def wrong(rbm, j, v):
        return rbm.b[j] - sum(v[i] * rbm.W[i, j] for i in range(rbm.d))
    assert not _within_five_sigma(*_rbm_sample_frequencies(wrong))


def test_slope_argmax_can_fail():
    from derivations.vanishing import slope_argmax
    assert slope_argmax().proved
    assert not slope_argmax(lambda x: 1 / (1 + sp.exp(-(x - 1)))).proved     # peak at 1
    assert not slope_argmax(lambda x: 1 / (1 + sp.exp(-2 * x))).proved       # slope 1/2


def test_boltzmann_distribution_without_normalisation_fails():
    assert boltzmann.check_normalised().proved
    assert not boltzmann.check_normalised(lambda bm, s: sp.exp(-bm.energy(s))).proved
    assert not boltzmann.check_normalised(
        lambda bm, s: sp.exp(bm.energy(s)) / bm.partition()).proved


# --- softmax and the recursion for every activation -------------------------------------
def test_softmax_wrong_deltas_rejected():
    claim = CLAIMS["delta-output-softmax-cross-entropy"]
    closed = claim.derivation().chain[-1]
    a_p = [t for t in closed.args if not t.could_extract_minus_sign()][0]
    y_p = -[t for t in closed.args if t.could_extract_minus_sign()][0]
    assert claim.holds_for(a_p - y_p)[0]
    assert not claim.holds_for(a_p * (1 - a_p) * (a_p - y_p))[0]     # squared-loss style delta
    assert not claim.holds_for(y_p - a_p)[0]


@pytest.mark.parametrize("name", ["tanh", "relu", "softplus", "identity"])
def test_recursion_with_sigmoid_derivative_rejected(name):
    m = multilayer_bp.pair(ACTIVATIONS[name].function)
    i, jj = m.i, index("j''")
    wrong = Sum(m.Theta[i, jj] * m.delta_l[jj], (jj, 1, m.s_l)) * m.a_k[i] * (1 - m.a_k[i])
    assert not CLAIMS[f"bp-delta-recursion-{name}"].holds_for(wrong)[0]
