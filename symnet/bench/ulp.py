"""``symnet bench ulp``: how far each generated backend's loss and gradient lie from the
correctly rounded value, in units in the last place (ULP), and from each other.

The reference is the same network evaluated in 50-digit arithmetic (mpmath): forward
Z^(l) = A^(k) W[1:] - W[0], A^(l) = f(Z^(l)), E = (1/m) sum_k E_k; backward
Delta^(n) = dE_k/dZ^(n), Delta^(k) = (Delta^(l) W[1:]^T) * f'(Z^(k)),
dE/dW = [-1; A^(k)]^T Delta^(l) / m, with f, f', Delta^(n) and the loss term taken from the
activation's elementary definition and SymPy's derivatives (the forms ``symnet verify``
proves), then rounded once to the backend's dtype.

A gradient entry far smaller than its neighbours is the difference of larger terms, so
its own ULP says little about the kernel; every distance is therefore measured in ULPs of
the largest reference entry of the same array ("ULPs at the array's scale"), and the loss
in ULPs of itself.  The problems are fixed (seeded): ordinary ones, ones whose weights are
scaled up so that sigmoid and tanh saturate (|z| up to about 40), and, for ReLU, inputs
and thresholds of zero so that z = 0 exactly (f'(0) = 0 by the kernels' convention, which
the reference follows).

The bounds CI asserts are :data:`BOUNDS` (tests/test_bench_ulp.py); they were measured
with this module and are never loosened silently.
"""
from __future__ import annotations

import importlib.util
import json
import platform

import mpmath
import numpy as np
import sympy as sp

DIGITS = 50
#: (sizes, rows m) of the fixed problems
NETWORKS = (((3, 4, 4, 3), 4), ((2, 5, 1), 3))
#: activation/loss pairs with elementwise output units
PAIRS = (("sigmoid", "squared"), ("sigmoid", "cross-entropy"), ("tanh", "squared"),
         ("relu", "squared"))
BACKENDS = ("numpy", "numba", "jax", "torch")
DTYPES = ("float64", "float32")
#: (dtype, problems) -> the largest ULPs at the array's scale measured against the
#: correctly rounded value over every backend, rounded up (README, "bench ulp")
BOUNDS = {("float64", "ordinary"): 8, ("float32", "ordinary"): 8,
          ("float64", "z = 0"): 4, ("float32", "z = 0"): 8,
          # saturated units: f' is computed from the rounded outputs (A(1 - A), 1 - A^2),
          # which keeps few correct digits where A is within a rounding of its limit
          ("float64", "saturated"): 400_000, ("float32", "saturated"): 8_000}


def installed() -> list:
    """The backends whose library can be imported here (numpy always)."""
    return [b for b in BACKENDS if b == "numpy" or importlib.util.find_spec(b)]


def problems(activation: str, seeds=(0, 1)):
    """(kind, sizes, params, X, Y), kind "ordinary", "saturated" or "z = 0", the arrays
    float64 and exactly representable in float32."""
    out = []
    for sizes, m in NETWORKS:
        for seed in seeds:
            rng = np.random.default_rng(seed)
            params = [rng.uniform(-1, 1, (a + 1, b)) for a, b in zip(sizes[:-1], sizes[1:])]
            X = rng.normal(size=(m, sizes[0]))
            Y = rng.uniform(0.05, 0.95, size=(m, sizes[-1]))
            out.append(("ordinary", sizes, params, X, Y))
            big = [W * 12 for W in params]
            out.append(("saturated", sizes, big, X, Y))
        if activation in ("relu", "leaky-relu"):
            zero = [W.copy() for W in params]
            zero[0][0] = 0.0                     # thresholds of the first layer
            X0 = X.copy()
            X0[0] = 0.0                          # a row of zeros: z = 0 exactly
            out.append(("z = 0", sizes, zero, X0, Y))
    return [(name, sizes, [_f32(W) for W in params], _f32(X), _f32(Y))
            for name, sizes, params, X, Y in out]


def _f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


# --- the 50-digit reference ---------------------------------------------------------------

def _elementwise(activation: str, loss: str):
    """mpmath callables f(z), f'(a, z), delta_out(a, z, y), loss_term(a, y)."""
    from symnet.core.registry import activation as act_row, loss as loss_row
    from symnet.numeric.forms import derive_forms
    act, los = act_row(activation), loss_row(loss)
    forms = derive_forms(activation, loss)
    A, Z, Y = sp.symbols("A Z Y", real=True)
    x = sp.Symbol("x", real=True)
    definition = act.function.definition(x)
    heaviside = {"Heaviside": lambda v, h0=0: mpmath.mpf(1) if v > 0 else mpmath.mpf(h0)}
    modules = [heaviside, "mpmath"]

    def unfold(expr):
        expr = expr.replace(lambda e: isinstance(e, sp.Function) and e.func == act.function,
                            lambda e: definition.xreplace({x: e.args[0]}))
        return expr.xreplace({s: {"A": A, "Z": Z, "Y": Y}.get(s.name, s)
                              for s in expr.free_symbols})
    f = sp.lambdify([Z], unfold(forms.f), modules)
    fprime = sp.lambdify([A, Z], unfold(forms.fprime), modules)
    delta = sp.lambdify([A, Z, Y], unfold(forms.output_delta), modules)
    term = sp.lambdify([A, Y], unfold(los.term(A, Y)), modules)
    return f, fprime, delta, term


def reference(params, X, Y, activation: str, loss: str):
    """(E, [dE/dW^(k)]) at DIGITS digits, as mpmath matrices (lists of lists)."""
    f, fprime, delta, term = _elementwise(activation, loss)
    with mpmath.workdps(DIGITS):
        W = [[[_mp(v) for v in row] for row in P] for P in params]
        m = len(X)
        As, Zs = [[[_mp(v) for v in row] for row in X]], [None]
        for P in W:
            prev = As[-1]
            Zl = [[sum((prev[r][i] * P[i + 1][j] for i in range(len(prev[r]))), mpmath.mpf(0))
                   - P[0][j] for j in range(len(P[0]))] for r in range(m)]
            Zs.append(Zl)
            As.append([[f(z) for z in row] for row in Zl])
        Yv = [[_mp(v) for v in row] for row in Y]
        E = sum(term(a, y) for ra, ry in zip(As[-1], Yv) for a, y in zip(ra, ry)) / m
        D = [[delta(a, z, y) for a, z, y in zip(ra, rz, ry)]
             for ra, rz, ry in zip(As[-1], Zs[-1], Yv)]
        grads = [None] * len(W)
        for k in range(len(W) - 1, -1, -1):
            prev = As[k]
            grads[k] = [[sum((-D[r][j] if i == 0 else prev[r][i - 1] * D[r][j])
                             for r in range(m)) / m for j in range(len(W[k][0]))]
                        for i in range(len(W[k]))]
            if k > 0:
                D = [[sum(D[r][j] * W[k][i + 1][j] for j in range(len(W[k][0])))
                      * fprime(As[k][r][i], Zs[k][r][i]) for i in range(len(prev[r]))]
                     for r in range(m)]
        return E, grads


def _mp(v):
    """A float exactly, or an mpmath number as it is (a perturbed parameter)."""
    return v if isinstance(v, mpmath.mpf) else mpmath.mpf(float(v))


def rounded(value, dtype: str) -> float:
    """The mpmath value correctly rounded to float64 or float32 (nearest, ties to even)."""
    with mpmath.workprec(53 if dtype == "float64" else 24):
        r = +mpmath.mpf(value)
    return float(r) if dtype == "float64" else float(np.float32(float(r)))


# --- the backends ----------------------------------------------------------------------------

def run_backend(backend: str, dtype: str, sizes, activation, loss, params, X, Y):
    """(loss, [gradient arrays]) of the generated module as float64 numpy arrays."""
    from symnet.bench.kernels import load_module
    from symnet.numeric.codegen import generate
    text = generate(list(sizes), activation, loss, backend, dtype)
    name = f"ulp_{backend}_{dtype}_{'_'.join(map(str, sizes))}_{activation}_{loss}".replace("-", "_")
    module = _MODULES.get(name) or _MODULES.setdefault(name, load_module(text, name))
    np_dtype = np.float64 if dtype == "float64" else np.float32
    args = ([np.asarray(W, dtype=np_dtype) for W in params], np.asarray(X, dtype=np_dtype),
            np.asarray(Y, dtype=np_dtype))
    if backend == "torch":
        import torch
        args = ([torch.as_tensor(W) for W in args[0]], torch.as_tensor(args[1]),
                torch.as_tensor(args[2]))
    if backend == "jax":
        import jax
        with jax.enable_x64(dtype == "float64"):
            E, grads = module.loss_and_grad(*args)
            return float(np.asarray(E)), [np.asarray(G, dtype=np.float64) for G in grads]
    E, grads = module.loss_and_grad(*args)
    as_np = (lambda t: t.detach().numpy()) if backend == "torch" else np.asarray
    return float(as_np(E)), [np.asarray(as_np(G), dtype=np.float64) for G in grads]


_MODULES: dict = {}


def ulps(got, want, scale, dtype: str) -> float:
    """|got - want| in ULPs of ``scale`` (the spacing of the dtype at |scale|)."""
    np_dtype = np.float64 if dtype == "float64" else np.float32
    unit = float(np.spacing(np_dtype(abs(scale)))) if scale else float(np.finfo(np_dtype).tiny)
    return abs(float(got) - float(want)) / unit


def measure(backends=None, dtypes=DTYPES, pairs=PAIRS, seeds=(0, 1)) -> dict:
    """{(backend, dtype): [ULPs at the array's scale of the loss and of every gradient
    entry, over every problem]} against the correctly rounded reference, and
    {(b1, b2, dtype): max ULPs between two backends}."""
    backends = backends or installed()
    to_ref, between = {}, {}
    for activation, loss in pairs:
        for kind, sizes, params, X, Y in problems(activation, seeds):
            E, grads = reference(params, X, Y, activation, loss)
            for dtype in dtypes:
                results = {b: run_backend(b, dtype, sizes, activation, loss, params, X, Y)
                           for b in backends}
                ref_E = rounded(E, dtype)
                ref_G = [np.array([[rounded(v, dtype) for v in row] for row in G]) for G in grads]
                for b, (got_E, got_G) in results.items():
                    errors = to_ref.setdefault((b, dtype, kind), [])
                    errors.append(ulps(got_E, ref_E, ref_E, dtype))
                    for g, r in zip(got_G, ref_G):
                        scale = float(np.max(np.abs(r)))
                        errors.extend(ulps(a, c, scale, dtype) for a, c in zip(g.ravel(), r.ravel()))
                for i, b1 in enumerate(backends):
                    for b2 in backends[i + 1:]:
                        (e1, g1), (e2, g2) = results[b1], results[b2]
                        worst = ulps(e1, e2, ref_E, dtype)
                        for a, c, r in zip(g1, g2, ref_G):
                            scale = float(np.max(np.abs(r)))
                            worst = max([worst] + [ulps(x, y, scale, dtype)
                                                   for x, y in zip(a.ravel(), c.ravel())])
                        key = (b1, b2, dtype)
                        between[key] = max(between.get(key, 0.0), worst)
    return {"to_reference": to_ref, "between": between}


def table(found: dict) -> list:
    """Rows (backend, dtype, kind, max, 99th percentile, entries) of the distances to the
    correctly rounded values."""
    return [(b, d, k, float(np.max(v)), float(np.percentile(v, 99)), len(v))
            for (b, d, k), v in sorted(found["to_reference"].items())]


def over_bounds(rows) -> list:
    """The rows of :func:`table` whose maximum exceeds :data:`BOUNDS`."""
    return [r for r in rows if r[3] > BOUNDS.get((r[1], r[2]), float("inf"))]


def bench_ulp(quick: bool = False, as_json: bool = False) -> int:
    """Print the ULP table (``quick``: one seed)."""
    from symnet import __version__
    found = measure(seeds=(0,) if quick else (0, 1, 2))
    rows = table(found)
    if as_json:
        print(json.dumps({"to_reference": [dict(zip(("backend", "dtype", "kind", "max_ulp",
                                                      "p99_ulp", "entries"), r)) for r in rows],
                          "between": [{"backends": [a, b], "dtype": d, "max_ulp": v}
                                      for (a, b, d), v in sorted(found["between"].items())],
                          "bounds": [{"dtype": d, "kind": k, "max_ulp": v}
                                     for (d, k), v in sorted(BOUNDS.items())]}, indent=2))
        return 0
    print(f"symnet {__version__} bench ulp -- Python {platform.python_version()}, "
          f"NumPy {np.__version__}; ULPs at the array's scale against the correctly rounded "
          f"{DIGITS}-digit value; pairs {', '.join('/'.join(p) for p in PAIRS)}")
    print(f"{'backend':8} {'dtype':8} {'problems':10} {'max':>9} {'p99':>9} {'entries':>8}  bound")
    for b, d, k, worst, p99, n in rows:
        print(f"{b:8} {d:8} {k:10} {worst:9.2f} {p99:9.2f} {n:8d}  {BOUNDS.get((d, k), '-')}")
    print("between backends (max ULPs at the array's scale):")
    for (a, b, d), v in sorted(found["between"].items()):
        print(f"  {a}/{b} {d}: {v:.2f}")
    over = over_bounds(rows)
    for b, d, k, worst, _, _ in over:
        print(f"over the bound: {b} {d} {k}: {worst:.2f} > {BOUNDS[d, k]}")
    return 1 if over else 0
