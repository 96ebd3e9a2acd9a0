"""Boltzmann machines, book (5.20)-(5.24) (the notes skip them).

States s in {0, 1}^n, symmetric weights w_ij = w_ji with w_ii = 0, thresholds theta_i
that act as a +bias (the opposite sign of the BP thresholds):

    E(s) = -sum_{i<j} w_ij s_i s_j - sum_i theta_i s_i = -1/2 s^T W s - theta^T s   (5.20)
    P(s) = e^{-E(s)} / sum_t e^{-E(t)}                                                (5.21)
    P(s_i = 1 | rest) = sigmoid(sum_j w_ij s_j + theta_i)

Restricted Boltzmann machine: visible v (d units, biases a_i), hidden h (q units, biases
b_j), W of shape d x q, E(v, h) = -sum_i a_i v_i - sum_j b_j h_j - sum_ij v_i w_ij h_j:

    P(v | h) = prod_i P(v_i | h)   (5.22),    P(h | v) = prod_j P(h_j | v)   (5.23)
    P(h_j = 1 | v) = sigmoid(b_j + sum_i v_i w_ij)
    d ln P(v)/d w_ij = E_{h|v}[v_i h_j] - E_{v',h'}[v'_i h'_j]
    Delta w = eta (v h^T - v' h'^T)   (d x q)                                         (5.24)

Exactness: with states enumerated, every exponent is an integer combination of the
parameters p, so substituting p = ln X_p turns each e^{...} into a monomial and every
probability into a rational function of the X_p; identities are decided by cancelling.
"""
from __future__ import annotations

from itertools import product
from typing import Callable

import sympy as sp
from sympy import IndexedBase, Matrix, Rational, Sum

from symnet.core.claims import Chain, Check, Derivation, Outcome, name
from symnet.prove.model import Model, index, size
from symnet.core.registry import sigmoid

SECTION = "boltzmann"  # the report's section (symnet/report/text.py)
BM_SIZES = range(1, 7)          # (5.20) as a polynomial identity
ENUM_N = 3                      # (5.21) by enumeration of 2^n states
RBM_SIZES = {"visible": (3, 2), "hidden": (2, 3)}   # (5.22), (5.23) by enumeration; d != q
LIKELIHOOD_SIZE = (2, 2)


def states(n):
    """All 2^n binary states, as tuples."""
    return list(product((0, 1), repeat=n))


def exp_free(expr, params):
    """expr with every parameter p replaced by ln X_p and exponentials expanded: an
    exponent that is an integer combination of the parameters becomes a monomial."""
    logs = {p: sp.log(sp.Symbol(f"X_{p}", positive=True)) for p in params}
    expr = expr.xreplace(logs)
    expr = expr.replace(lambda e: isinstance(e, sp.exp), lambda e: sp.exp(sp.expand(e.args[0])))
    return sp.expand_power_exp(expr)


def identical(lhs, rhs, params, wrt=None) -> bool:
    """Exact: lhs (SymPy's derivative of it in ``wrt`` when given) - rhs cancels to 0 as a
    rational function of the X_p = e^p.  Each check takes it as ``same``; the second
    engine replays the check with ``symnet.prove.replay.symengine_identical`` instead."""
    if wrt is not None:
        lhs = sp.diff(lhs, wrt)
    return sp.cancel(sp.together(exp_free(lhs - rhs, params))) == 0


def polynomial_identical(lhs, rhs, params=()) -> bool:
    """Exact: lhs - rhs expands to 0 (polynomials in the weights and the states)."""
    return sp.expand(lhs - rhs) == 0


def _replay(check, **options):
    """The check run again with SymEngine deciding each comparison (see
    symnet.prove.replay.symengine_identical): a Check's ``replay``."""
    from symnet.prove.replay import symengine_identical
    return lambda: check(same=symengine_identical, **options)


class BM:
    """A fully connected Boltzmann machine on n units with symbolic parameters."""

    def __init__(self, n):
        self.n = n
        self.w = {(i, j): sp.Symbol(f"w_{i}{j}", real=True)
                  for i in range(1, n + 1) for j in range(i + 1, n + 1)}
        self.theta = [sp.Symbol(f"theta_{i}", real=True) for i in range(1, n + 1)]
        self.params = list(self.w.values()) + self.theta

    def weight(self, i, j):
        """w_ij = w_ji, w_ii = 0 (1-based)."""
        if i == j:
            return sp.S.Zero
        return self.w[min(i, j), max(i, j)]

    @property
    def W(self):
        return Matrix(self.n, self.n, lambda i, j: self.weight(i + 1, j + 1))

    def energy(self, s):
        """(5.20), edge by edge: -sum_{i<j} w_ij s_i s_j - sum_i theta_i s_i."""
        return (-sum(w * s[i - 1] * s[j - 1] for (i, j), w in self.w.items())
                - sum(t * si for t, si in zip(self.theta, s)))

    def partition(self):
        return sum(sp.exp(-self.energy(t)) for t in states(self.n))

    def P(self, s):
        """(5.21)."""
        return sp.exp(-self.energy(s)) / self.partition()


def matrix_energy(bm: BM, s, half=Rational(1, 2)):
    """-1/2 s^T W s - theta^T s (``half`` replaceable to show a wrong factor is caught)."""
    s = Matrix(s)
    return (-half * (s.T * bm.W * s)[0] - (Matrix(bm.theta).T * s)[0])


def check_energy(closed: Callable = matrix_energy, same: Callable = polynomial_identical) -> Outcome:
    for n in BM_SIZES:
        bm = BM(n)
        s = sp.symbols(f"s1:{n + 1}", real=True)
        if not same(bm.energy(s), closed(bm, s), bm.params):
            return Outcome(False, "exact polynomial identity", f"n = {n}",
                           f"differs at n = {n}")
    return Outcome(True, "exact polynomial identity, weights and states symbolic",
                   f"n = {BM_SIZES.start}..{BM_SIZES.stop - 1}",
                   "edge form = -1/2 s^T W s - theta^T s, W symmetric with zero diagonal")


def check_normalised(probability: Callable = BM.P, same: Callable = identical) -> Outcome:
    """(5.21) sums to 1 over all 2^n states; ``probability(bm, s)`` is replaceable to show
    that a wrong distribution fails."""
    bm = BM(ENUM_N)
    total = sum(probability(bm, s) for s in states(ENUM_N))
    ok = same(total, 1, bm.params)
    return Outcome(ok, "exact: all 2^n states enumerated, parameters symbolic",
                   f"n = {ENUM_N}", f"sum over {2 ** ENUM_N} states = 1" if ok else "sum != 1")


def bm_conditional_closed(bm: BM, i, s):
    """P(s_i = 1 | rest) = sigmoid(sum_j w_ij s_j + theta_i)."""
    return sigmoid.definition(sum(bm.weight(i, j) * s[j - 1] for j in range(1, bm.n + 1))
                              + bm.theta[i - 1])


def check_conditional(closed: Callable = bm_conditional_closed,
                      same: Callable = identical) -> Outcome:
    """Derived from (5.21): P(s with s_i = 1) / (P(s_i = 1) + P(s_i = 0))."""
    bm = BM(ENUM_N)
    for i in range(1, ENUM_N + 1):
        for s in states(ENUM_N):
            on, off = list(s), list(s)
            on[i - 1], off[i - 1] = 1, 0
            derived = bm.P(on) / (bm.P(on) + bm.P(off))
            if not same(derived, closed(bm, i, s), bm.params):
                return Outcome(False, "exact enumeration", f"n = {ENUM_N}",
                               f"differs for unit {i}, state {s}")
    return Outcome(True, "exact: conditional derived from (5.21) for every unit and every "
                         "state of the others, parameters symbolic", f"n = {ENUM_N}",
                   "theta acts as a +bias")


class RBM:
    """Restricted Boltzmann machine, d visible and q hidden units, symbolic parameters."""

    def __init__(self, d, q):
        self.d, self.q = d, q
        self.W = Matrix(d, q, lambda i, j: sp.Symbol(f"w_{i + 1}{j + 1}", real=True))
        self.a = [sp.Symbol(f"a_{i}", real=True) for i in range(1, d + 1)]
        self.b = [sp.Symbol(f"b_{j}", real=True) for j in range(1, q + 1)]
        self.params = list(self.W) + self.a + self.b

    def energy(self, v, h):
        return (-sum(ai * vi for ai, vi in zip(self.a, v))
                - sum(bj * hj for bj, hj in zip(self.b, h))
                - (Matrix(v).T * self.W * Matrix(h))[0])

    def joint(self, v, h):
        return sp.exp(-self.energy(v, h))

    def hidden_logit(self, j, v):
        """b_j + sum_i v_i w_ij."""
        return self.b[j] + sum(v[i] * self.W[i, j] for i in range(self.d))

    def visible_logit(self, i, h):
        """a_i + sum_j w_ij h_j."""
        return self.a[i] + sum(self.W[i, j] * h[j] for j in range(self.q))


def _bernoulli(p, x):
    return p if x == 1 else 1 - p


def hidden_product(rbm: RBM, h, v):
    """(5.23): prod_j P(h_j | v), P(h_j = 1 | v) = sigmoid(b_j + sum_i v_i w_ij)."""
    return sp.Mul(*(_bernoulli(sigmoid.definition(rbm.hidden_logit(j, v)), h[j])
                    for j in range(rbm.q)))


def visible_product(rbm: RBM, v, h):
    """(5.22): prod_i P(v_i | h), P(v_i = 1 | h) = sigmoid(a_i + sum_j w_ij h_j)."""
    return sp.Mul(*(_bernoulli(sigmoid.definition(rbm.visible_logit(i, h)), v[i])
                    for i in range(rbm.d)))


def check_factorises(which: str, closed: Callable = None, same: Callable = identical) -> Outcome:
    """P(h | v) = e^{-E(v,h)} / sum_h' e^{-E(v,h')} (or P(v | h)) against the product."""
    d, q = RBM_SIZES[which]
    rbm = RBM(d, q)
    for v, h in product(states(d), states(q)):
        if which == "hidden":
            derived = rbm.joint(v, h) / sum(rbm.joint(v, t) for t in states(q))
            stated = (closed or hidden_product)(rbm, h, v)
        else:
            derived = rbm.joint(v, h) / sum(rbm.joint(t, h) for t in states(d))
            stated = (closed or visible_product)(rbm, v, h)
        if not same(derived, stated, rbm.params):
            return Outcome(False, "exact enumeration", f"d, q = {d}, {q}",
                           f"differs at v = {v}, h = {h}")
    return Outcome(True, "exact: conditional from the joint, every (v, h) enumerated, "
                         "parameters symbolic", f"d, q = {d}, {q}", "")


class SymbolicRBM(Model):
    """RBM energy with symbolic d and q, for statements linear in one unit or weight."""

    def __init__(self):
        self.d, self.q = size("d"), size("q")
        self.i, self.j = index("i"), index("j")
        super().__init__({self.i: (1, self.d), self.j: (1, self.q)})
        self.v, self.h, self.w = IndexedBase("v"), IndexedBase("h"), IndexedBase("w")
        self.a, self.b = IndexedBase("a"), IndexedBase("b")
        self.eta = sp.Symbol("eta", positive=True)

    def energy(self, v, h):
        i, j = index("i'"), index("j'")
        return (-Sum(self.a[i] * v[i], (i, 1, self.d)) - Sum(self.b[j] * h[j], (j, 1, self.q))
                - Sum(Sum(v[i] * self.w[i, j] * h[j], (j, 1, self.q)), (i, 1, self.d)))


def hidden_logit():
    """E is linear in h_j, so E(h_j = 0) - E(h_j = 1) = -dE/dh_j; symbolic d, q."""
    model = SymbolicRBM()
    i_, j = index("i''"), model.j
    return Derivation(model, [model.D(-model.energy(model.v, model.h), model.h[j]),
                          model.b[j] + Sum(model.v[i_] * model.w[i_, j], (i_, 1, model.d))],
                      lhs=name(r"E\left(h_{j} = 0\right) - E\left(h_{j} = 1\right) = "
                               r"-\frac{\partial E}{\partial h_{j}}"))


def cd_update():
    """(5.24): Delta w_ij = eta (d(-E)/dw_ij at (v, h) - at (v', h')) = eta (v_i h_j - v'_i h'_j)."""
    model = SymbolicRBM()
    i, j = model.i, model.j
    v2, h2 = IndexedBase("v'"), IndexedBase("h'")
    derived = model.eta * (model.D(-model.energy(model.v, model.h), model.w[i, j])
                           - model.D(-model.energy(v2, h2), model.w[i, j]))
    return Derivation(model, [derived, model.eta * (model.v[i] * model.h[j] - v2[i] * h2[j])],
                      lhs=name(r"\Delta w_{ij}"))


def likelihood_terms(rbm: RBM, v, i, j):
    """Data term E_{h|v}[v_i h_j] minus model term E_{v',h'}[v'_i h'_j], enumerated."""
    H, V = states(rbm.q), states(rbm.d)
    Zv = sum(rbm.joint(v, h) for h in H)
    Z = sum(rbm.joint(u, h) for u in V for h in H)
    data = sum(rbm.joint(v, h) * v[i] * h[j] for h in H) / Zv
    model = sum(rbm.joint(u, h) * u[i] * h[j] for u in V for h in H) / Z
    return data, model


def check_likelihood(closed: Callable = lambda data, model: data - model,
                     same: Callable = identical) -> Outcome:
    d, q = LIKELIHOOD_SIZE
    rbm = RBM(d, q)
    for v in states(d):
        log_p = (sp.log(sum(rbm.joint(v, h) for h in states(q)))
                 - sp.log(sum(rbm.joint(u, h) for u in states(d) for h in states(q))))
        for i, j in product(range(d), range(q)):
            # the engine deciding the comparison differentiates ln P(v) itself
            if not same(log_p, closed(*likelihood_terms(rbm, v, i, j)), rbm.params,
                        wrt=rbm.W[i, j]):
                return Outcome(False, "exact enumeration", f"d, q = {d}, {q}",
                               f"differs at v = {v}, w_{i + 1}{j + 1}")
    return Outcome(True, "exact: SymPy diff of ln P(v), every v and w_ij, parameters "
                         "symbolic", f"d, q = {d}, {q}", "gradient = data term - model term")


CLAIMS = [
    Check("eq5.20", "5.20", "Boltzmann energy",
          "-sum_{i<j} w_ij s_i s_j - sum_i theta_i s_i = -1/2 s^T W s - theta^T s for "
          "symmetric W with zero diagonal", SECTION, check=check_energy,
          replay=_replay(check_energy),
          formula=r"E(\mathbf{s}) = -\sum_{i=1}^{n-1} \sum_{j=i+1}^{n} w_{ij} s_i s_j "
                  r"- \sum_{i=1}^{n} \theta_i s_i"),
    Check("eq5.21", "5.21", "Boltzmann distribution",
          "P(s) = e^{-E(s)} / sum_t e^{-E(t)} sums to 1 over all 2^n states", SECTION,
          check=check_normalised, replay=_replay(check_normalised),
          formula=r"P(\mathbf{s}) = \frac{e^{-E(\mathbf{s})}}{\sum_{\mathbf{t}} "
                  r"e^{-E(\mathbf{t})}}"),
    Check("eq5.21-conditional", "5.21", "one unit given the others",
          "P(s_i = 1 | rest) = sigmoid(sum_j w_ij s_j + theta_i): theta is a +bias", SECTION,
          check=check_conditional, replay=_replay(check_conditional)),
    Check("eq5.22", "5.22", "RBM visible conditional",
          "P(v | h) = prod_i P(v_i | h) with P(v_i = 1 | h) = sigmoid(a_i + sum_j w_ij h_j)",
          SECTION, check=lambda: check_factorises("visible"),
          replay=_replay(check_factorises, which="visible"),
          formula=r"P(\mathbf{v} \mid \mathbf{h}) = \prod_{i=1}^{d} P(v_i \mid \mathbf{h})"),
    Check("eq5.23", "5.23", "RBM hidden conditional",
          "P(h | v) = prod_j P(h_j | v) with P(h_j = 1 | v) = sigmoid(b_j + sum_i v_i w_ij)",
          SECTION, check=lambda: check_factorises("hidden"),
          replay=_replay(check_factorises, which="hidden"),
          formula=r"P(\mathbf{h} \mid \mathbf{v}) = \prod_{j=1}^{q} P(h_j \mid \mathbf{v})"),
    Chain("eq5.23-logit", "5.23", "RBM hidden logit",
          "E is linear in h_j: E(h_j = 0) - E(h_j = 1) = -dE/dh_j = b_j + sum_i v_i w_ij; "
          "symbolic d and q", SECTION, build=hidden_logit),
    Check("rbm-likelihood-gradient", "5.24", "RBM log-likelihood gradient",
          "d ln P(v)/d w_ij = E_{h|v}[v_i h_j] - E_{v,h}[v_i h_j] (data term minus model term)",
          SECTION, check=check_likelihood, replay=_replay(check_likelihood)),
    Chain("eq5.24", "5.24", "contrastive divergence",
          "Delta w = eta (v h^T - v' h'^T), a d x q matrix like W; symbolic d and q", SECTION,
          build=cd_update),
]
