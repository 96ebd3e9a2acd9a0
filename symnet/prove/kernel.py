"""A generated NumPy kernel executed on symbols and proved equal to SymPy's gradient.

The module's own text is run with its array library replaced by :class:`SymbolicNumpy`:
NumPy object arrays whose entries are SymPy expressions, NumPy's structural operations
(``@``, slicing, ``.T``, ``sum``, ``empty``, ``multiply``/``matmul``/``negative`` with
``out=``) kept, and its elementwise functions (``exp``, ``log``, ``tanh``, ``logaddexp``,
``maximum``, ``reciprocal``, ``where``) applied entry by entry as SymPy functions.  Its
``loss_and_grad(params, X, Y)`` then returns, for every weight and threshold, the exact
expression the module computes.

The derived side shares nothing with the kernel: E = (1/m) sum over the rows of the
loss of the nested forward pass a^(1) = x, z = a @ W[1:] - W[0], a = f(z), with f the
registry's SymPy function, differentiated by ``sp.diff``.  Both sides are written in
elementary functions (registry activations by their definitions) and every entry's
difference must simplify to exactly 0.

Two things are stated, not proved: a clip at the overflow limit (``maximum(Z, -700)``
before an ``exp``) is taken as inactive, so the proof covers |z| below that limit; float
constants of the module (1.0, 0.5) are read as the rationals they print as.  Comparisons
on arrays (ReLU's ``Z > 0``) have no symbolic value: such a module is refused with that
reason.
"""
from __future__ import annotations

import time
import types
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

#: the largest module (weights and thresholds) run on symbols
MAX_WEIGHTS = 60

#: clips at or below this (the overflow limits are -700 for float64 and -80 for float32)
#: are guards against overflow, taken as inactive
_CLIP = -50


def _each(fn):
    """A NumPy-style elementwise function on object arrays, ``out=`` honoured."""
    def apply(*args, out=None, **_):
        arrays = [np.asarray(a, dtype=object) for a in args]
        result = np.frompyfunc(fn, len(arrays), 1)(*arrays)
        result = np.asarray(result, dtype=object)
        if out is not None:
            out[...] = result
            return out
        return result
    return apply


def _clip(value, bound):
    """maximum(value, bound): the clip at the overflow limit is inactive (see above)."""
    value, bound = sp.sympify(value), sp.sympify(bound)
    if bound.is_number and bound <= _CLIP:
        return value
    return sp.Max(value, bound)


class Unsupported(ValueError):
    """The module does something that has no symbolic value (a comparison on arrays)."""


class SymbolicNumpy(types.ModuleType):
    """The ``np`` a generated module sees when it is run on symbols."""

    float64 = float32 = object

    def __init__(self):
        super().__init__("numpy (symbolic)")
        self.exp = _each(sp.exp)
        self.log = _each(sp.log)
        self.tanh = _each(sp.tanh)
        self.logaddexp = _each(lambda a, b: sp.log(sp.exp(a) + sp.exp(b)))
        self.maximum = _each(_clip)
        self.reciprocal = _each(lambda a: 1 / a)
        self.negative = _each(lambda a: -a)
        self.multiply = _each(lambda a, b: a * b)
        self.where = _each(lambda c, a, b: sp.Piecewise((a, c), (b, True)))

    @staticmethod
    def asarray(x, dtype=None):
        return np.asarray(x, dtype=object)

    @staticmethod
    def empty(shape, dtype=None):
        return np.full(shape, sp.S.Zero, dtype=object)

    zeros = empty

    @staticmethod
    def matmul(a, b, out=None):
        result = np.asarray(a, dtype=object) @ np.asarray(b, dtype=object)
        if out is not None:
            out[...] = result
            return out
        return result

    def __getattr__(self, name):
        raise Unsupported(f"the module calls np.{name}, which has no symbolic version here")


@dataclass
class KernelProof:
    """What was proved: ``entries`` gradient entries of ``sizes`` at batch sizes
    ``batches``; ``first`` names the first entry that differs (None: all equal)."""

    sizes: tuple
    activation: str
    loss: str
    batches: tuple
    entries: int = 0
    first: str | None = None
    seconds: float = 0.0
    method: str = ("symbolic execution: the module's own loss_and_grad run on SymPy object "
                   "arrays, each gradient entry compared with sp.diff of the nested loss "
                   "(1/m) sum E_k, difference expanded or cancelled to exactly 0 (clips at the "
                   "overflow limit taken as inactive)")
    notes: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.first is None and self.entries > 0


def load(text: str) -> types.ModuleType:
    """The module of ``text`` (a generated kernel), executed once with real NumPy."""
    module = types.ModuleType("symnet_kernel_under_proof")
    exec(compile(text, "<kernel under proof>", "exec"), module.__dict__)
    return module


def _symbols(sizes, m):
    params = []
    for k, (s_k, s_l) in enumerate(zip(sizes[:-1], sizes[1:])):
        params.append(np.array([[sp.Symbol(f"W{k}_{r}_{c}", real=True) for c in range(s_l)]
                                for r in range(s_k + 1)], dtype=object))
    X = np.array([[sp.Symbol(f"x{n}_{i}", real=True) for i in range(sizes[0])]
                  for n in range(m)], dtype=object)
    Y = np.array([[sp.Symbol(f"y{n}_{j}", real=True) for j in range(sizes[-1])]
                  for n in range(m)], dtype=object)
    return params, X, Y


def derived_gradients(sizes, activation: str, loss: str, params, X, Y) -> list:
    """SymPy's gradient of E = (1/m) sum_rows E_k for the nested forward pass, entry by
    entry, in the shapes of ``params`` (elementary functions)."""
    from symnet.core.registry import activation as row, loss as loss_row
    from symnet.prove.model import ExpressionModel
    f, term = row(activation).function, loss_row(loss).term
    m = X.shape[0]
    A = X
    for W in params:
        Z = A @ W[1:] - W[0]
        A = np.frompyfunc(f, 1, 1)(Z)
    E = sp.Add(*(term(A[n, j], Y[n, j]) for n in range(m) for j in range(A.shape[1]))) / m
    unfold = ExpressionModel().unfold
    return [np.frompyfunc(lambda w: unfold(sp.diff(E, w)), 1, 1)(W) for W in params]


def _exact(expr):
    """The module's value in the derived side's terms: floats it wrote (1.0, 0.5) as the
    rationals they print as, tanh in exponentials as the registry defines it."""
    expr = expr.xreplace({v: sp.Rational(str(v)) for v in expr.atoms(sp.Float)})
    return expr.replace(sp.tanh, lambda u: (sp.exp(u) - sp.exp(-u)) / (sp.exp(u) + sp.exp(-u)))


def _equal(a, b) -> bool:
    """Exactly equal: structurally, expanded, or as cancelled rational functions.  First
    a refutation at one rational point in 50-digit arithmetic: a difference there well
    above the rounding proves the two differ (and spares the algebra on a wrong module)."""
    from symnet.prove.entrywise import exactly_equal
    difference = a - b
    free = sorted(difference.free_symbols, key=str)
    point = {s: sp.Rational(((7 * n) % 11) + 3, 17 + (n % 5)) * (-1) ** n
             for n, s in enumerate(free)}
    value = difference.xreplace(point).evalf(50)
    if value.is_number and abs(value) > sp.Float("1e-30"):
        return False
    return exactly_equal(a, b)


def prove_module(text: str, batches=(1, 2)) -> KernelProof:
    """Run the generated module ``text`` on symbols and prove every gradient entry equal
    to SymPy's, at each batch size; the sizes, activation and loss are the module's own
    (``SIZES``, ``ACTIVATION``, ``LOSS``).  Unsupported when it cannot run on symbols."""
    start = time.perf_counter()
    module = load(text)
    sizes, activation, loss = tuple(module.SIZES), module.ACTIVATION, module.LOSS
    weights = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
    if weights > MAX_WEIGHTS:
        raise Unsupported(f"its {weights} weights and thresholds are too many to run on "
                          f"symbols (at most {MAX_WEIGHTS}); the module is the same template "
                          "at every size, so prove a small one written with the same options, "
                          "e.g. --layers 2,3,2")
    proof = KernelProof(sizes, activation, loss, tuple(batches))
    module.np = SymbolicNumpy()
    for m in batches:
        params, X, Y = _symbols(sizes, m)
        try:
            _, grads = module.loss_and_grad(params, X, Y)
        except TypeError as exc:          # a truth value of a SymPy relation
            raise Unsupported(f"the module's {activation} units compare arrays "
                              f"({exc}); no symbolic value") from None
        wanted = derived_gradients(sizes, activation, loss, params, X, Y)
        for k, (got, want) in enumerate(zip(grads, wanted)):
            for (r, c), value in np.ndenumerate(np.asarray(got, dtype=object)):
                proof.entries += 1
                if not _equal(_exact(sp.sympify(value)), want[r, c]):
                    proof.first = (f"grads[{k}][{r}, {c}] at batch size {m}: the module "
                                   f"computes {sp.sstr(value)[:120]}")
                    proof.seconds = time.perf_counter() - start
                    return proof
    proof.seconds = time.perf_counter() - start
    return proof
