"""RBF networks, book (5.18), (5.19):

    phi(x) = sum_{i=1}^q w_i rho(x, c_i),   rho(x, c_i) = exp(-beta_i ||x - c_i||^2)

x, c_i in R^d.  With E = 1/2 (phi(x) - y)^2 on one example:

    dE/dw_i    = (phi - y) rho_i
    dE/dbeta_i = -(phi - y) w_i ||x - c_i||^2 rho_i
    dE/dc_ik   = 2 (phi - y) w_i beta_i (x_k - c_ik) rho_i

With the centres and widths fixed, E = 1/2 sum_k (sum_i w_i G_ki - y_k)^2 over m examples
(G_ki = rho(x_k, c_i)) is a linear least-squares problem: its gradient is
G^T (G w - y), so the minimising weights solve the normal equations G^T G w = G^T y.
"""
from __future__ import annotations

from itertools import product

import sympy as sp
from sympy import IndexedBase, Matrix, Rational, Sum
from sympy.polys.matrices import DomainMatrix

from symnet.core.claims import Chain, Check, Derivation, Outcome, partial
from symnet.prove.model import Model, index, size
from symnet.prove.replay import REASONS

SECTION = "rbf"  # the report's section (symnet/report/text.py)


class RBF(Model):
    """Symbolic d (input width) and q (hidden units); free indices i (unit), k (input)."""

    def __init__(self):
        self.d, self.q = size("d"), size("q")
        self.i, self.k = index("i"), index("k")
        super().__init__({self.i: (1, self.q), self.k: (1, self.d)})
        self.x, self.w, self.beta = IndexedBase("x"), IndexedBase("w"), IndexedBase("beta")
        self.c, self.rho = IndexedBase("c"), IndexedBase("rho")
        self.y = sp.Symbol("y", real=True)
        self._i, self._t = index("i'"), index("t'")
        self.define(self.rho, lambda i, ranges: sp.exp(-self.beta[i] * self.dist2(i)))

    def dist2(self, i):
        """||x - c_i||^2 = sum_t (x_t - c_it)^2."""
        return Sum((self.x[self._t] - self.c[i, self._t]) ** 2, (self._t, 1, self.d))

    @property
    def phi(self):
        """(5.18): phi(x) = sum_i w_i rho_i."""
        return Sum(self.w[self._i] * self.rho[self._i], (self._i, 1, self.q))

    @property
    def E(self):
        """E = 1/2 (phi(x) - y)^2 in the parameters (rho unfolded by (5.19))."""
        return self.unfold(Rational(1, 2) * (self.phi - self.y) ** 2)


def eq5_18():
    model = RBF()
    i = model.i
    return Derivation(model, [model.D(model.E, model.w[i]), (model.phi - model.y) * model.rho[i]],
                      lhs=partial(None, model.w[i], "E_k"))


def eq5_19():
    model = RBF()
    i, k = model.i, model.k
    derived = (model.D(model.E, model.beta[i]), model.D(model.E, model.c[i, k]))
    closed = (-(model.phi - model.y) * model.w[i] * model.dist2(i) * model.rho[i],
              2 * (model.phi - model.y) * model.w[i] * model.beta[i] * (model.x[k] - model.c[i, k])
              * model.rho[i])
    return Derivation(model, [derived, closed],
                      lhs=(partial(None, model.beta[i], "E_k"), partial(None, model.c[i, k], "E_k")))


def normal_equations():
    """dE/dw_p = sum_k G_kp (sum_i G_ki w_i - y_k) = [G^T (G w) - G^T y]_p; symbolic m, q."""
    m, q, p = size("m"), size("q"), index("p")
    k, i, t = index("k'"), index("i'"), index("t'")
    G, w, y = IndexedBase("G"), IndexedBase("w"), IndexedBase("y")
    model = Model({p: (1, q)})
    E = Rational(1, 2) * Sum((Sum(w[i] * G[k, i], (i, 1, q)) - y[k]) ** 2, (k, 1, m))
    Gt_Gw = Sum(G[k, p] * Sum(G[k, t] * w[t], (t, 1, q)), (k, 1, m))
    Gt_y = Sum(G[k, p] * y[k], (k, 1, m))
    return Derivation(model, [model.D(E, w[p]), Gt_Gw - Gt_y], lhs=partial(None, w[p], "E"))


# Exact data: integer points, so ||x - c||^2 is an integer and rho = u^{||x - c||^2}
# with u = e^{-beta} in (0, 1) kept as a symbol: every quantity is a rational function of u.
U = sp.Symbol("u", positive=True)
LSQ_POINTS = [(0, 0), (0, 1), (1, 0), (1, 1), (2, 1)]
LSQ_TARGETS = [0, 1, 1, 0, Rational(1, 2)]
LSQ_CENTRES = [(0, 0), (1, 1), (2, 1)]
XOR_POINTS = list(product((0, 1), repeat=2))
XOR_TARGETS = [0, 1, 1, 0]


def design_matrix(points, centres):
    """G_ki = rho(x_k, c_i) = exp(-beta ||x_k - c_i||^2), written with u = e^{-beta}."""
    beta = -sp.log(U)
    return Matrix([[sp.exp(-beta * sum((a - b) ** 2 for a, b in zip(x, c))) for c in centres]
                   for x in points])


def solve_exact(A: Matrix, b: Matrix) -> Matrix:
    """A w = b over the field Q(u), by fraction-free polynomial arithmetic."""
    A_ = DomainMatrix.from_Matrix(A).to_field()
    b_ = DomainMatrix.from_Matrix(b).convert_to(A_.domain)
    return A_.lu_solve(b_).to_Matrix().applyfunc(sp.factor)


def least_squares_weights(points, targets, centres):
    """Solve the normal equations G^T G w = G^T y exactly (rational functions of u)."""
    G, y = design_matrix(points, centres), Matrix(targets)
    return solve_exact(G.T * G, G.T * y), G


def _roots_in_unit_interval(expr) -> list:
    """Real roots of a polynomial in u strictly between 0 and 1 (u = e^-beta, beta > 0)."""
    return [r for r in sp.real_roots(sp.Poly(expr, U)) if 0 < r < 1]


def _error_gradient(points, targets, centres, weights):
    """dE/dw by SymPy's diff of E = 1/2 sum_k (phi(x_k) - y_k)^2, at the given weights."""
    w = sp.symbols(f"w1:{len(centres) + 1}")
    G = design_matrix(points, centres)
    E = Rational(1, 2) * sum((sum(G[k, i] * w[i] for i in range(len(w))) - targets[k]) ** 2
                             for k in range(len(points)))
    at = dict(zip(w, weights))
    return [sp.factor(sp.together(sp.diff(E, wi).subs(at))) for wi in w]


def least_squares() -> Outcome:
    weights, G = least_squares_weights(LSQ_POINTS, LSQ_TARGETS, LSQ_CENTRES)
    gradient = _error_gradient(LSQ_POINTS, LSQ_TARGETS, LSQ_CENTRES, weights)
    det = (G.T * G).det()
    ok = all(g == 0 for g in gradient) and not _roots_in_unit_interval(det)
    return Outcome(ok, "exact: normal equations solved in Q(u), u = e^-beta symbolic; "
                       "SymPy's gradient of E vanishes there; E convex and det(G^T G) has "
                       "no root for beta > 0, so w* is the unique minimiser",
                   f"m = {len(LSQ_POINTS)}, q = {len(LSQ_CENTRES)}, beta symbolic",
                   f"w* = {list(weights)}; det(G^T G) = {sp.factor(det)}; "
                   f"gradient at w* = {gradient}")


def rbf_xor() -> Outcome:
    """Exercise 5.7: centres at the four XOR points; interpolation G w = y."""
    G, y = design_matrix(XOR_POINTS, XOR_POINTS), Matrix(XOR_TARGETS)
    w = solve_exact(G, y)
    outputs = (G * w).applyfunc(sp.cancel)
    ok = list(outputs) == XOR_TARGETS and not _roots_in_unit_interval(G.det())
    at_beta_1 = [sp.N(v.subs(U, sp.exp(-1)), 6) for v in w]
    return Outcome(ok, "exact: G w = y solved in Q(u), u = e^-beta symbolic; phi(x) "
                       "reproduces XOR at all four inputs",
                   "4 centres, beta symbolic",
                   f"w = {list(w)}; det G = {sp.factor(G.det())}; at beta = 1: {at_beta_1}")


CLAIMS = [
    Chain("eq5.18", "5.18", "RBF output weights",
          "for phi(x) = sum_i w_i rho(x, c_i) and E = 1/2 (phi - y)^2: dE/dw_i = (phi - y) rho_i; "
          "symbolic d and q", SECTION, build=eq5_18),
    Chain("eq5.19", "5.19", "RBF widths and centres",
          "dE/dbeta_i = -(phi - y) w_i ||x - c_i||^2 rho_i and "
          "dE/dc_ik = 2 (phi - y) w_i beta_i (x_k - c_ik) rho_i; symbolic d and q",
          SECTION, build=eq5_19),
    Chain("eq5.18-normal-equations", "5.18", "RBF weights by least squares",
          "with centres fixed, dE/dw = G^T G w - G^T y, so the best weights solve the normal "
          "equations; symbolic m and q", SECTION, build=normal_equations),
    Check("eq5.18-least-squares", "5.18", "normal equations on exact data",
          "five integer points, three centres: the weights solving G^T G w = G^T y make "
          "SymPy's gradient of E exactly 0", SECTION, check=least_squares,
          symengine=REASONS["solver"]),
    Check("ex5.7-rbf-xor", "5.18", "exercise 5.7: an RBF network for XOR",
          "four Gaussian units centred on the four inputs, weights solved exactly, "
          "compute XOR", SECTION, check=rbf_xor, symengine=REASONS["solver"]),
]
