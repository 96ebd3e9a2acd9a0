"""The single-hidden-layer network of section 5.3 in the notes' own symbols, for symbolic
sizes d (inputs), q (hidden units), l (outputs).

    alpha_h = sum_{i=1}^{d} v_ih x_i          b_h = f(alpha_h - gamma_h)
    beta_j  = sum_{h=1}^{q} w_hj b_h          yhat_j = f(beta_j - theta_j)     (5.3)
    E_k     = 1/2 sum_{j=1}^{l} (yhat_j - y_j)^2                              (5.4)
    g_j     = -dE_k/dbeta_j  (5.10)           e_h = -dE_k/dalpha_h  (5.15)

g_j and e_h are *defined* by SymPy differentiating E_k, never by their closed forms.
Free indices: 1 <= i <= d, 1 <= h <= q, 1 <= j <= l.  The sample superscript k of
yhat_j^k, y_j^k is implicit (one example).
"""
from __future__ import annotations

from functools import lru_cache

import sympy as sp
from sympy import IndexedBase, Rational, Sum

from symnet.prove.model import Model, index, size
from symnet.core.registry import sigmoid


class SingleLayer(Model):
    """Symbols and definitions of the notes' figure 5.7 network (attributes named as there)."""

    notation = "single"          # printed with the sample mark k and f for the sigmoid

    #: the error E_k of one example, by name: squared (5.4), or the cross-entropy of
    #: sigmoid outputs, E_k = -sum_j (y_j ln yhat_j + (1 - y_j) ln(1 - yhat_j))
    LOSSES = ("squared", "cross-entropy")

    def __init__(self, f=sigmoid, loss: str = "squared"):
        if loss not in self.LOSSES:
            raise ValueError(f"the single-hidden-layer network reads the losses "
                             f"{', '.join(self.LOSSES)}, not {loss!r}")
        self.loss = loss
        self.d, self.q, self.l = size("d"), size("q"), size("l")
        self.i, self.h, self.j = index("i"), index("h"), index("j")
        super().__init__({self.i: (1, self.d), self.h: (1, self.q), self.j: (1, self.l)})
        self.f = f
        self.eta = sp.Symbol("eta", positive=True)
        names = "x v alpha gamma b w beta theta yhat y g e".split()
        for name in names:
            setattr(self, name, IndexedBase(name))
        # bound indices of the defining sums, distinct from the free ones
        self._i, self._p, self._j = index("i'"), index("p"), index("j'")
        self.define(self.alpha, lambda h, ranges: Sum(self.v[self._i, h] * self.x[self._i],
                                                      (self._i, 1, self.d)))
        self.define(self.b, lambda h, ranges: f(self.alpha[h] - self.gamma[h]))
        self.define(self.beta, lambda j, ranges: Sum(self.w[self._p, j] * self.b[self._p],
                                                     (self._p, 1, self.q)))
        self.define(self.yhat, lambda j, ranges: f(self.beta[j] - self.theta[j]))
        self.define(self.g, lambda j, ranges: self._g_derived.xreplace({self.j: j}))
        self.define(self.e, lambda h, ranges: self._e_derived.xreplace({self.h: h}))
        self._g_derived = -self.D(self.E_at(self.beta), self.beta[self.j])
        self._e_derived = -self.D(self.E_at(self.alpha), self.alpha[self.h])

    @property
    def E(self):
        """E_k = 1/2 sum_j (yhat_j - y_j)^2 in terms of the outputs yhat  (5.4), or the
        cross-entropy -sum_j (y_j ln yhat_j + (1 - y_j) ln(1 - yhat_j))."""
        if self.loss == "cross-entropy":
            yhat, y = self.yhat[self._j], self.y[self._j]
            return -Sum(y * sp.log(yhat) + (1 - y) * sp.log(1 - yhat), (self._j, 1, self.l))
        return Rational(1, 2) * Sum((self.yhat[self._j] - self.y[self._j]) ** 2,
                                    (self._j, 1, self.l))

    LEVELS = ("yhat", "beta", "b", "alpha", "x")
    NAMED = ("alpha", "b", "beta", "yhat")

    def E_at(self, level):
        """E_k written in the quantities of one level (yhat, beta, b, alpha or the
        parameters, level x): the named quantities above it unfolded."""
        name = level if isinstance(level, str) else str(level)
        upto = self.LEVELS.index(name)
        bases = [getattr(self, n) for n in self.LEVELS[:upto]]
        return self.unfold(self.E, only=bases) if bases else self.E


@lru_cache(maxsize=8)
def single_layer_model(f=sigmoid, loss: str = "squared") -> SingleLayer:
    """The figure-5.7 network with activation ``f`` and ``loss``, built once per pair."""
    return notes_model() if (f, loss) == (sigmoid, "squared") else SingleLayer(f, loss)


@lru_cache(maxsize=None)
def notes_model() -> SingleLayer:
    """The one shared figure-5.7 network with the book's sigmoid f (the claims of section
    5.3 and ``symnet check``'s single-hidden-layer notation both read it)."""
    return SingleLayer(sigmoid)
