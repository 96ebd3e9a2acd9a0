"""Two adjacent layers k and l = k + 1 of a deep network, symbolic widths s_k and s_l
(the notes' "multi-hidden-layer BP" section).

    a~^(k) = (-1; a^(k)),   a^(k)_i = f(z^(k)_i)                      (i = 1..s_k)
    z^(l)_j = sum_{i=0}^{s_k} Theta~_ij a~_i = sum_{i=1}^{s_k} theta_ij a_i - theta_0j
    delta^(l)_j = dE/dz^(l)_j

Whatever follows layer l is an arbitrary error E = sum_j Phi_j(z^(l)_j) with unknown
differentiable Phi_j: the first derivative at a point depends only on the gradient
dE/dz^(l), and this form realises every gradient, so a proof with it is an induction
step from layer l to layer k that holds at every depth.  The activation f is arbitrary
too (``registry.f``) unless one is passed.
"""
from __future__ import annotations

import sympy as sp
from sympy import IndexedBase, Sum

from symnet.prove.model import Model, index, size
from symnet.core.registry import f as generic_f


class PhiPrime(sp.Function):
    """dPhi_j/dz of the downstream error Phi_j(z)."""

    nargs = 2


class Phi(sp.Function):
    """Phi_j(z): the part of the error that depends on z^(l)_j (arbitrary)."""

    nargs = 2

    def fdiff(self, argindex=2):
        if argindex != 2:
            raise sp.ArgumentIndexError(self, argindex)
        return PhiPrime(*self.args)


class LayerPair(Model):
    """Layers k (width s_k, with unit 0 = -1) and l = k + 1 (width s_l).  Free indices:
    1 <= i <= s_k, 1 <= j <= s_l, and r for any row 0 <= r <= s_k of Theta~."""

    notation = "pair"            # a and z printed with the layer mark (k)

    def __init__(self, f=generic_f):
        self.s_k, self.s_l = size("s_k"), size("s_l")
        self.i, self.j, self.r = index("i"), index("j"), index("r")
        super().__init__({self.i: (1, self.s_k), self.j: (1, self.s_l), self.r: (0, self.s_k)})
        self.f = f
        self.eta = sp.Symbol("eta", positive=True)
        self.Theta = IndexedBase("Theta_tilde")       # (s_k + 1) x s_l, row 0: thresholds
        self.a_tilde, self.a_k, self.z_k = IndexedBase("a_tilde"), IndexedBase("a"), IndexedBase("z")
        self.z_l, self.delta_l, self.delta_k = IndexedBase("z_l"), IndexedBase("delta_l"), \
            IndexedBase("delta_k")
        self._i, self._j = index("i'"), index("j'")
        self.peel_for = frozenset({self.a_tilde})
        self.define(self.a_tilde, self._a_tilde)
        self.define(self.a_k, lambda i, ranges: f(self.z_k[i]))
        self.define(self.z_l, lambda j, ranges: Sum(self.Theta[self._i, j] * self.a_tilde[self._i],
                                                    (self._i, 0, self.s_k)))
        self.define(self.delta_l, lambda j, ranges: self._delta_l.xreplace({self.j: j}))
        self.define(self.delta_k, lambda i, ranges: self._delta_k.xreplace({self.i: i}))
        self._delta_l = self.D(self.E_at("z_l"), self.z_l[self.j])
        self._delta_k = self.D(self.E_at("z"), self.z_k[self.i])

    def _a_tilde(self, i, ranges):
        """a~_0 = -1; a~_i = a_i for 1 <= i <= s_k; undecided otherwise."""
        if i == 0:
            return sp.Integer(-1)
        lo = ranges.get(i, (i, i))[0]
        if (sp.sympify(lo) - 1).is_nonnegative:
            return self.a_k[i]
        return None

    @property
    def E(self):
        """The downstream error as a function of z^(l): sum_j Phi_j(z^(l)_j)."""
        return Sum(Phi(self._j, self.z_l[self._j]), (self._j, 1, self.s_l))

    def E_at(self, level: str):
        """E in the quantities of one level: z_l, a_tilde (= a~^(k)), a or z (= z^(k))."""
        order = ["z_l", "a_tilde", "a", "z"]
        bases = [getattr(self, {"z_l": "z_l", "a_tilde": "a_tilde", "a": "a_k"}[n])
                 for n in order[:order.index(level)]]
        return self.unfold(self.E, only=bases) if bases else self.E



class OutputLayer(Model):
    """The output layer n alone: a_j = f(z_j), E = sum_j loss(a_j, y_j), 1 <= j <= s_n."""

    notation = "output"          # a and z printed with the layer mark (n)

    def __init__(self, f=generic_f, loss_term=None):
        self.s_n, self.j = size("s_n"), index("j")
        super().__init__({self.j: (1, self.s_n)})
        self.f = f
        self.z, self.a, self.y = IndexedBase("z"), IndexedBase("a"), IndexedBase("y")
        self._j = index("j'")
        self.loss_term = loss_term or (lambda a, y: sp.Rational(1, 2) * (a - y) ** 2)
        self.define(self.a, lambda j, ranges: f(self.z[j]))

    @property
    def E(self):
        """E = sum_j loss(a_j, y_j) in terms of the outputs a."""
        return Sum(self.loss_term(self.a[self._j], self.y[self._j]), (self._j, 1, self.s_n))

    def E_at(self, level: str):
        """E in the outputs a (level "a") or the inputs z (level "z")."""
        return self.E if level == "a" else self.unfold(self.E, only=[self.a])
