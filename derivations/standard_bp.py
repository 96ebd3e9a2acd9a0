"""Section 5.3 of the notes: standard BP for one hidden layer, equations (5.8)-(5.15).

Each chain is the notes' own: the first member is SymPy's derivative of E_k (or of a
defining expression), each following member one step of the notes, the last the
closed form of the book.  Sizes d, q, l are symbolic.
"""
from __future__ import annotations


import sympy as sp
from sympy import Sum

from symnet.core.claims import Chain, Derivation, in_order, partial, written
from symnet.prove.model import ExpressionModel, index
from symnet.core.registry import sigmoid
from symnet.prove.single_layer import SingleLayer, notes_model

SECTION = "standard"  # the report's section (symnet/report/text.py)


def model() -> SingleLayer:
    """The shared figure-5.7 network with the book's sigmoid f."""
    return notes_model()


def _defn(model, base, *idx):
    """The defining expression of a named quantity, e.g. beta_j = sum_h w_hj b_h."""
    return model.unfold(base[idx], only=[base])


def eq5_8():
    model = notes_model()
    h, j = model.h, model.j
    return Derivation(model, [model.D(_defn(model, model.beta, j), model.w[h, j]), model.b[h]],
                      lhs=partial(model.beta[j], model.w[h, j]), reasons=["kronecker"])


def eq5_9():
    x = sp.Symbol("x", real=True)
    u = sp.exp(-x)
    chain = [sp.diff(sigmoid.definition(x), x),        # SymPy differentiates 1/(1+e^-x)
             u / (1 + u) ** 2,
             1 / (1 + u) * (u / (1 + u)),
             1 / (1 + u) * (1 - 1 / (1 + u)),
             sigmoid(x) * (1 - sigmoid(x))]
    return Derivation(ExpressionModel(), chain, lhs=partial(sp.Function("f")(x), x),
                      source=(sigmoid.definition(x), x),
                      notation="single", reasons=["algebra", "algebra", "algebra", "definition"])


def eq5_10():
    model = notes_model()
    j, yh, y = model.j, model.yhat[model.j], model.y[model.j]
    chain = [-model.D(model.E_at("beta"), model.beta[j]),
             -model.D(model.E_at("yhat"), yh) * model.D(_defn(model, model.yhat, j), model.beta[j]),
             -written(in_order(yh, -y), model.fprime(in_order(model.beta[j], -model.theta[j]))),
             written(yh, in_order(1, -yh), in_order(y, -yh))]
    return Derivation(model, chain, lhs=-partial(None, model.beta[model.j], "E_k"),
                      reasons=["chain", "derivative", "sigmoid"])


def eq5_11():
    model = notes_model()
    h, j, eta = model.h, model.j, model.eta
    chain = [-eta * model.D(model.E_at("b"), model.w[h, j]),
             -eta * model.D(model.E_at("yhat"), model.yhat[j])
             * model.D(_defn(model, model.yhat, j), model.beta[j])
             * model.D(_defn(model, model.beta, j), model.w[h, j]),
             written(eta, model.g[j], model.b[h])]
    return Derivation(model, chain, lhs=-model.eta * partial(None, model.w[model.h, model.j], "E_k"),
                      reasons=["chain", "notation"])


def eq5_12():
    model = notes_model()
    j, eta, yh, y = model.j, model.eta, model.yhat[model.j], model.y[model.j]
    chain = [-eta * model.D(model.E_at("beta"), model.theta[j]),
             -eta * model.D(model.E_at("yhat"), yh)
             * model.D(_defn(model, model.yhat, j), model.theta[j]),
             eta * (yh - y) * yh * (1 - yh),
             -eta * model.g[j]]
    return Derivation(model, chain, lhs=-model.eta * partial(None, model.theta[model.j], "E_k"),
                      reasons=["chain", "sigmoid", "notation"])


def eq5_13():
    model = notes_model()
    i, h, eta = model.i, model.h, model.eta
    chain = [-eta * model.D(model.E_at("x"), model.v[i, h]),
             -eta * model.D(model.E_at("alpha"), model.alpha[h])
             * model.D(_defn(model, model.alpha, h), model.v[i, h]),
             written(eta, model.e[h], model.x[i])]
    return Derivation(model, chain, lhs=-model.eta * partial(None, model.v[model.i, model.h], "E_k"),
                      reasons=["chain", "notation"])


def eq5_14():
    model = notes_model()
    h, eta = model.h, model.eta
    dE_db = model.D(model.E_at("b"), model.b[h])
    chain = [-eta * model.D(model.E_at("alpha"), model.gamma[h]),
             -eta * dE_db * model.D(_defn(model, model.b, h), model.gamma[h]),
             eta * dE_db * model.D(_defn(model, model.b, h), model.alpha[h]),
             -eta * model.e[h]]
    return Derivation(model, chain, lhs=-model.eta * partial(None, model.gamma[model.h], "E_k"),
                      reasons=["chain", "derivative", "notation"])


def eq5_15():
    model = notes_model()
    h, j = model.h, model.j
    jj = index("j''")            # the summation index of the notes' sum over j
    bh = model.b[h]
    db_dalpha = model.D(_defn(model, model.b, h), model.alpha[h])
    dE_dbeta = model.D(model.E_at("beta"), model.beta[j]).xreplace({j: jj})
    dbeta_db = model.D(_defn(model, model.beta, j), bh).xreplace({j: jj})
    chain = [-model.D(model.E_at("alpha"), model.alpha[h]),
             -model.D(model.E_at("b"), bh) * db_dalpha,
             -Sum(dE_dbeta * dbeta_db * db_dalpha, (jj, 1, model.l)),
             Sum(model.g[jj] * model.w[h, jj] * bh * (1 - bh), (jj, 1, model.l)),
             written(bh, in_order(1, -bh), Sum(written(model.w[h, jj], model.g[jj]), (jj, 1, model.l)))]
    return Derivation(model, chain, lhs=-partial(None, model.alpha[model.h], "E_k"),
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
