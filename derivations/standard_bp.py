"""Section 5.3 of the notes: standard BP for one hidden layer, equations (5.8)-(5.15).

Each chain is the notes' own: the first member is SymPy's derivative of E_k (or of a
defining expression), each following member one step of the notes, the last the
closed form of the book.  Sizes d, q, l are symbolic.
"""
from __future__ import annotations


import sympy as sp
from sympy import Sum

from symnet.core.claims import Chain, Derivation, partial
from symnet.prove.model import ExpressionModel, index
from symnet.core.registry import sigmoid
from symnet.prove.single_layer import SingleLayer, notes_model

SECTION = "standard"  # the report's section (symnet/report/text.py)


def model() -> SingleLayer:
    """The shared figure-5.7 network with the book's sigmoid f."""
    return notes_model()


def _defn(m, base, *idx):
    """The defining expression of a named quantity, e.g. beta_j = sum_h w_hj b_h."""
    return m.unfold(base[idx], only=[base])


def eq5_8():
    m = model()
    h, j = m.h, m.j
    return Derivation(m, [m.D(_defn(m, m.beta, j), m.w[h, j]), m.b[h]],
                      lhs=partial(m.beta[j], m.w[h, j]), reasons=["kronecker"])


def eq5_9():
    x = sp.Symbol("x", real=True)
    u = sp.exp(-x)
    chain = [sp.diff(sigmoid.definition(x), x),        # SymPy differentiates 1/(1+e^-x)
             u / (1 + u) ** 2,
             1 / (1 + u) * (u / (1 + u)),
             1 / (1 + u) * (1 - 1 / (1 + u)),
             sigmoid(x) * (1 - sigmoid(x))]
    return Derivation(ExpressionModel(), chain, lhs=partial(sp.Function("f")(x), x),
                      notation="single", reasons=["algebra", "algebra", "algebra", "definition"])


def eq5_10():
    m = model()
    j, yh, y = m.j, m.yhat[m.j], m.y[m.j]
    chain = [-m.D(m.E_at("beta"), m.beta[j]),
             -m.D(m.E_at("yhat"), yh) * m.D(_defn(m, m.yhat, j), m.beta[j]),
             -(yh - y) * m.fprime(m.beta[j] - m.theta[j]),
             yh * (1 - yh) * (y - yh)]
    return Derivation(m, chain, lhs=-partial(None, m.beta[m.j], "E_k"),
                      reasons=["chain", "derivative", "sigmoid"])


def eq5_11():
    m = model()
    h, j, eta = m.h, m.j, m.eta
    chain = [-eta * m.D(m.E_at("b"), m.w[h, j]),
             -eta * m.D(m.E_at("yhat"), m.yhat[j]) * m.D(_defn(m, m.yhat, j), m.beta[j])
             * m.D(_defn(m, m.beta, j), m.w[h, j]),
             eta * m.g[j] * m.b[h]]
    return Derivation(m, chain, lhs=-m.eta * partial(None, m.w[m.h, m.j], "E_k"),
                      reasons=["chain", "notation"])


def eq5_12():
    m = model()
    j, eta, yh, y = m.j, m.eta, m.yhat[m.j], m.y[m.j]
    chain = [-eta * m.D(m.E_at("beta"), m.theta[j]),
             -eta * m.D(m.E_at("yhat"), yh) * m.D(_defn(m, m.yhat, j), m.theta[j]),
             eta * (yh - y) * yh * (1 - yh),
             -eta * m.g[j]]
    return Derivation(m, chain, lhs=-m.eta * partial(None, m.theta[m.j], "E_k"),
                      reasons=["chain", "sigmoid", "notation"])


def eq5_13():
    m = model()
    i, h, eta = m.i, m.h, m.eta
    chain = [-eta * m.D(m.E_at("x"), m.v[i, h]),
             -eta * m.D(m.E_at("alpha"), m.alpha[h]) * m.D(_defn(m, m.alpha, h), m.v[i, h]),
             eta * m.e[h] * m.x[i]]
    return Derivation(m, chain, lhs=-m.eta * partial(None, m.v[m.i, m.h], "E_k"),
                      reasons=["chain", "notation"])


def eq5_14():
    m = model()
    h, eta = m.h, m.eta
    dE_db = m.D(m.E_at("b"), m.b[h])
    chain = [-eta * m.D(m.E_at("alpha"), m.gamma[h]),
             -eta * dE_db * m.D(_defn(m, m.b, h), m.gamma[h]),
             eta * dE_db * m.D(_defn(m, m.b, h), m.alpha[h]),
             -eta * m.e[h]]
    return Derivation(m, chain, lhs=-m.eta * partial(None, m.gamma[m.h], "E_k"),
                      reasons=["chain", "derivative", "notation"])


def eq5_15():
    m = model()
    h, j = m.h, m.j
    jj = index("j''")            # the summation index of the notes' sum over j
    bh = m.b[h]
    db_dalpha = m.D(_defn(m, m.b, h), m.alpha[h])
    dE_dbeta = m.D(m.E_at("beta"), m.beta[j]).xreplace({j: jj})
    dbeta_db = m.D(_defn(m, m.beta, j), bh).xreplace({j: jj})
    chain = [-m.D(m.E_at("alpha"), m.alpha[h]),
             -m.D(m.E_at("b"), bh) * db_dalpha,
             -Sum(dE_dbeta * dbeta_db * db_dalpha, (jj, 1, m.l)),
             Sum(m.g[jj] * m.w[h, jj] * bh * (1 - bh), (jj, 1, m.l)),
             bh * (1 - bh) * Sum(m.g[jj] * m.w[h, jj], (jj, 1, m.l))]
    return Derivation(m, chain, lhs=-partial(None, m.alpha[m.h], "E_k"),
                      reasons=["chain", "chain", "notation", "algebra"])


CLAIMS = [
    Chain("eq5.8", "5.8", "dbeta_j/dw_hj", "dbeta_j/dw_hj = b_h", SECTION, latex='\\frac{\\partial \\beta_j}{\\partial w_{hj}} = b_h',
          build=eq5_8),
    Chain("eq5.9", "5.9", "derivative of the sigmoid",
          "f(x) = 1/(1+e^{-x}) has f'(x) = f(x)(1 - f(x))", SECTION, build=eq5_9,
          method="exact: SymPy diff of 1/(1+e^-x), each step rational in e^-x"),
    Chain("eq5.10", "5.10", "output-layer gradient term g_j",
          "g_j = -dE_k/dbeta_j = yhat_j(1 - yhat_j)(y_j - yhat_j)", SECTION, latex="g_j = -\\frac{\\partial E_k}{\\partial \\hat{y}_j^k} \\cdot \\frac{\\partial \\hat{y}_j^k}{\\partial \\beta_j} = -(\\hat{y}_j^k - y_j^k) f'(\\beta_j - \\theta_j) = \\hat{y}_j^k (1 - \\hat{y}_j^k)(y_j^k - \\hat{y}_j^k)",
          build=eq5_10),
    Chain("eq5.11", "5.11", "update of w_hj", "Delta w_hj = -eta dE_k/dw_hj = eta g_j b_h",
          SECTION, latex='\\Delta w_{hj} = -\\eta \\frac{\\partial E_k}{\\partial w_{hj}} = \\eta g_j b_h',
          build=eq5_11),
    Chain("eq5.12", "5.12", "update of theta_j",
          "Delta theta_j = -eta dE_k/dtheta_j = -eta g_j", SECTION, latex='\\Delta \\theta_j = -\\eta \\frac{\\partial E_k}{\\partial \\theta_j} = -\\eta g_j',
          build=eq5_12),
    Chain("eq5.13", "5.13", "update of v_ih", "Delta v_ih = -eta dE_k/dv_ih = eta e_h x_i",
          SECTION, latex='\\Delta v_{ih} = -\\eta \\frac{\\partial E_k}{\\partial v_{ih}} = \\eta e_h x_i',
          build=eq5_13),
    Chain("eq5.14", "5.14", "update of gamma_h",
          "Delta gamma_h = -eta dE_k/dgamma_h = -eta e_h", SECTION, latex='\\Delta \\gamma_h = -\\eta \\frac{\\partial E_k}{\\partial \\gamma_h} = -\\eta e_h',
          build=eq5_14),
    Chain("eq5.15", "5.15", "hidden-layer gradient term e_h",
          "e_h = -dE_k/dalpha_h = b_h(1 - b_h) sum_j w_hj g_j", SECTION, latex="e_h = -\\frac{\\partial E_k}{\\partial b_h} \\cdot \\frac{\\partial b_h}{\\partial \\alpha_h} = -\\sum_{j=1}^{l} \\frac{\\partial E_k}{\\partial \\beta_j} \\cdot \\frac{\\partial \\beta_j}{\\partial b_h} f'(\\alpha_h - \\gamma_h) = \\sum_{j=1}^{l} w_{hj} g_j f'(\\alpha_h - \\gamma_h) = b_h (1 - b_h) \\sum_{j=1}^{l} w_{hj} g_j",
          build=eq5_15),
]
