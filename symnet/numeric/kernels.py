"""Numeric kernels from the verified derivations.

The layer structure is what the catalog proves (bp-forward, bp-delta-output,
bp-delta-recursion, bp-gradient, eq5.16): for a batch X of shape (m, s_1),

    Z^(l) = A^(k) @ Theta~^(kl)[1:] - Theta~^(kl)[0]       A^(l) = f(Z^(l))
    Delta^(n) = dE_k/dZ^(n)                                  (m, s_n)
    Delta^(k) = (Delta^(l) @ Theta^(kl)^T) * f'(Z^(k))       (m, s_k)
    dE/dTheta~^(kl) = [-1 ... -1; A^(k)]^T Delta^(l) / m     (s_k + 1, s_l)

and the elementwise pieces (f, f', the output delta, the loss term) are SymPy's own
derivatives of the registry's definitions (:func:`derive_forms`), rewritten in the unit
outputs A where the notes do (sigmoid' = A (1 - A)).  :func:`kernels` turns them into
NumPy callables with ``lambdify``; :mod:`symnet.codegen` prints them into a standalone
module.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

from symnet.prove.multilayer import OutputLayer
from symnet.core.layers import validate_sizes
from symnet.core.registry import activation as lookup_activation
from symnet.core.registry import loss as lookup_loss
from symnet.core.registry import ACTIVATIONS

A, Z, Y = sp.symbols("A Z Y", real=True)


@dataclass(frozen=True)
class ElementwiseForms:
    """Expressions in the symbols A (unit output), Z (unit input), Y (target):
    ``f`` = f(Z), ``fprime`` = f'(Z), ``output_delta`` = dE_k/dz^(n)_j,
    ``loss_term`` = the per-entry error in a form that stays finite for |Z| up to 1e4."""

    activation: str
    loss: str
    f: sp.Expr
    fprime: sp.Expr
    output_delta: sp.Expr
    loss_term: sp.Expr

    def ops(self, name: str) -> int:
        """Elementwise operation count of one form (SymPy's count_ops)."""
        return int(sp.count_ops(getattr(self, name)))


def _in_outputs(expr, f_of_z):
    """Write f(z) as A where it appears (the notes' a(1 - a) form); simplify exactly."""
    if isinstance(f_of_z, sp.Function):
        expr = expr.xreplace({f_of_z: A})
    cancelled = sp.cancel(expr)
    candidates = [expr, cancelled, sp.factor(cancelled)]          # the derived form first
    simpler = min(candidates, key=lambda e: (sp.count_ops(e), candidates.index(e)))
    if sp.cancel(simpler - expr) != 0:            # factor/cancel must not change the value
        raise AssertionError("simplification changed an expression")
    return simpler


@lru_cache(maxsize=None)
def derive_forms(activation: str = "sigmoid", loss: str = "squared") -> ElementwiseForms:
    """The elementwise pieces for one activation/loss pair, each derived by SymPy."""
    act, los = lookup_activation(activation), lookup_loss(loss)
    if los.name == "cross-entropy" and act.name != "sigmoid":
        raise ValueError("the cross-entropy loss needs outputs in (0, 1): "
                         "use --activation sigmoid with it")
    t = sp.Symbol("t", real=True)
    f_t = act.function(t)
    fprime = _in_outputs(sp.diff(f_t, t), f_t).xreplace({t: Z})
    out = OutputLayer(act.function, los.term)
    j = out.j
    derived = out.D(out.E_at("z"), out.z[j])                  # SymPy's dE_k/dz^(n)_j
    f_z = act.function(out.z[j])
    delta = _in_outputs(derived, f_z).xreplace({out.z[j]: Z, out.y[j]: Y})
    term = los.logit_term(Z, Y) if los.logit_term is not None else los.term(A, Y)
    return ElementwiseForms(act.name, los.name, act.function(Z), fprime, delta, term)


def _numpy_modules():
    """Numeric meaning of the registry functions inside lambdify'd NumPy code: each
    activation's own ``numeric`` form, and Heaviside(z, 0) for ReLU'."""
    names = {a.function.__name__: a.numeric for a in ACTIVATIONS.values()}
    return [dict(names, Heaviside=lambda z, h0=0.0: np.heaviside(z, h0)), "numpy"]


def _broadcast(fn):
    """lambdify returns a scalar for a constant form (identity' = 1); keep array shapes."""
    def call(*args):
        out = fn(*args)
        return out if np.shape(out) == np.shape(args[0]) else np.full_like(args[0], out)
    return call


class Kernels:
    """Batched forward/backward for one network, with the interface of the generated
    module (DESIGN.md, "Generated kernel module"), as methods."""

    def __init__(self, sizes, activation="sigmoid", loss="squared"):
        self.sizes = validate_sizes(list(sizes), max_entries=None)
        self.forms = derive_forms(activation, loss)
        mods = _numpy_modules()
        self._f = _broadcast(sp.lambdify([Z], self.forms.f, modules=mods))
        self._fprime = _broadcast(sp.lambdify([A, Z], self.forms.fprime, modules=mods))
        self._delta = _broadcast(sp.lambdify([A, Z, Y], self.forms.output_delta, modules=mods))
        self._term = _broadcast(sp.lambdify([A, Z, Y], self.forms.loss_term, modules=mods))

    def init_params(self, seed: int = 0):
        """Glorot-uniform weights, thresholds 0; params[k] of shape (s_k + 1, s_{k+1})."""
        rng = np.random.default_rng(seed)
        params = []
        for s_k, s_l in zip(self.sizes[:-1], self.sizes[1:]):
            W = np.zeros((s_k + 1, s_l))
            r = np.sqrt(6.0 / (s_k + s_l))
            W[1:] = rng.uniform(-r, r, (s_k, s_l))
            params.append(W)
        return params

    def _check(self, params, X, Y_=None):
        if len(params) != len(self.sizes) - 1:
            raise ValueError(f"params: expected {len(self.sizes) - 1} matrices, "
                             f"got {len(params)}")
        for k, W in enumerate(params):
            want = (self.sizes[k] + 1, self.sizes[k + 1])
            if np.shape(W) != want:
                raise ValueError(f"params[{k}]: expected shape {want}, got {np.shape(W)}")
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"X: expected shape (m, {self.sizes[0]}), got {X.shape}")
        if Y_ is None:
            return X, None
        Y_ = np.asarray(Y_, dtype=np.float64)
        if Y_.shape != (X.shape[0], self.sizes[-1]):
            raise ValueError(f"Y: expected shape {(X.shape[0], self.sizes[-1])}, got {Y_.shape}")
        return X, Y_

    def _forward(self, params, X):
        As, Zs = [X], []
        for W in params:
            z = As[-1] @ W[1:] - W[0]
            Zs.append(z)
            As.append(self._f(z))
        return As, Zs

    def forward(self, params, X):
        X, _ = self._check(params, X)
        return self._forward(params, X)[0][-1]

    def loss(self, params, X, Y_):
        """(5.16): E = (1/m) sum_k E_k."""
        X, Y_ = self._check(params, X, Y_)
        As, Zs = self._forward(params, X)
        return float(self._term(As[-1], Zs[-1], Y_).sum() / X.shape[0])

    def backward(self, params, X, Y_):
        """(E, grads, deltas): grads[k] of the shape of params[k]; deltas[k] = Delta of the
        layer params[k] feeds, shape (m, s_{k+2}), not divided by m."""
        X, Y_ = self._check(params, X, Y_)
        m = X.shape[0]
        As, Zs = self._forward(params, X)
        value = float(self._term(As[-1], Zs[-1], Y_).sum() / m)
        delta = self._delta(As[-1], Zs[-1], Y_)
        grads, deltas = [None] * len(params), [None] * len(params)
        for k in range(len(params) - 1, -1, -1):
            deltas[k] = delta
            grads[k] = np.concatenate([-delta.sum(axis=0)[None, :], As[k].T @ delta]) / m
            if k:
                delta = (delta @ params[k][1:].T) * self._fprime(As[k], Zs[k - 1])
        return value, grads, deltas

    def loss_and_grad(self, params, X, Y_):
        value, grads, _ = self.backward(params, X, Y_)
        return value, grads

    def step(self, params, X, Y_, eta: float):
        """One gradient step: Theta~ <- Theta~ - eta dE/dTheta~ (new list)."""
        _, grads = self.loss_and_grad(params, X, Y_)
        return [W - eta * G for W, G in zip(params, grads)]


def kernels(sizes, activation: str = "sigmoid", loss: str = "squared",
            backend: str = "numpy") -> Kernels:
    """In-memory kernels for these layer sizes (lambdified from the derived forms)."""
    if backend != "numpy":
        raise ValueError(f"in-memory kernels use NumPy; for {backend!r} generate a module "
                         "with `symnet codegen --backend`")
    return Kernels(sizes, activation, loss)
