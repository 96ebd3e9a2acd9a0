"""``symnet bench kernels``: the generated NumPy kernel against baselines, paired in one
run (each round times every implementation back to back; the figure is the median over
rounds of the per-round ratio), so machine noise largely cancels.

Baselines: a plain hand-written NumPy backprop; PyTorch CPU autograd (if installed);
naive per-entry scalar lambdify (3-4-4-3 only).  Also: backward/forward time, achieved
GFLOP/s against a measured dgemm, and the generation time.
"""
from __future__ import annotations

import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import sympy as sp

from symnet.numeric.codegen import generate, operation_counts
from symnet.numeric.forms import derive_forms


def load_module(text: str, name: str = "symnet_bench_kernel"):
    """Import generated source from a temporary file (as a user would)."""
    folder = tempfile.mkdtemp(prefix="symnet-bench-")
    path = Path(folder) / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hand_written(params, X, Y):
    """Plain NumPy backprop, sigmoid units, squared error (5.16) -- the baseline."""
    m = X.shape[0]
    acts = [X]
    for W in params:
        acts.append(1.0 / (1.0 + np.exp(-(acts[-1] @ W[1:] - W[0]))))
    out = acts[-1]
    E = 0.5 * ((out - Y) ** 2).sum() / m
    delta = (out - Y) * out * (1.0 - out) / m
    grads = [None] * len(params)
    for k in range(len(params) - 1, -1, -1):
        grads[k] = np.vstack([-delta.sum(axis=0), acts[k].T @ delta])
        if k:
            delta = (delta @ params[k][1:].T) * acts[k] * (1.0 - acts[k])
    return E, grads


def torch_autograd(torch):
    def run(params, X, Y):
        acts = X
        for W in params:
            acts = torch.sigmoid(acts @ W[1:] - W[0])
        E = 0.5 * ((acts - Y) ** 2).sum() / X.shape[0]
        return E, torch.autograd.grad(E, params)
    return run


def naive_lambdify(sizes):
    """One scalar function per gradient entry, lambdified from SymPy's diff of the fully
    nested E_k (one example)."""
    from symnet.prove.nested import nested_network
    net, a, _ = nested_network(sizes)
    n = net.n
    E = sp.Add(*(sp.Rational(1, 2) * (a[n][j] - net.y[j]) ** 2 for j in range(1, net.s(n) + 1)))
    E = E.replace(lambda e: type(e).__name__ == "sigmoid", lambda e: 1 / (1 + sp.exp(-e.args[0])))
    weights = [net.theta[k][i][j] for k in range(1, n) for i in range(net.s(k) + 1)
               for j in range(net.s(k + 1))]
    inputs = [net.a[1][i] for i in range(1, net.s(1) + 1)]
    targets = [net.y[j] for j in range(1, net.s(n) + 1)]
    args = weights + inputs + targets
    fns = [sp.lambdify(args, sp.diff(E, w), "math") for w in weights]

    def run(params, X, Y):
        flat = [float(v) for W in params for v in W.ravel()]
        values = flat + [float(v) for v in X[0]] + [float(v) for v in Y[0]]
        return [fn(*values) for fn in fns]
    return run


def _time(fn, *args, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn(*args)
    return (time.perf_counter() - start) / repeat


def dgemm_gflops(n: int = 1024, rounds: int = 5) -> float:
    a, b = np.random.default_rng(0).normal(size=(2, n, n))
    a @ b
    best = min(_time(np.matmul, a, b, repeat=3) for _ in range(rounds))
    return 2 * n ** 3 / best / 1e9


def _paired(impls: dict, rounds: int, repeat: int) -> dict:
    """Median time of each implementation and median per-round ratio to 'generated'."""
    times = {name: [] for name in impls}
    names = list(impls)
    for r in range(rounds):
        # rotate the order: whoever runs right after PyTorch (whose idle OpenMP threads
        # keep spinning for a while) must not always be the same implementation
        for name in names[r % len(names):] + names[:r % len(names)]:
            fn, args = impls[name]
            fn(*args)                                      # warm: caches, thread pools
            times[name].append(_time(fn, *args, repeat=repeat))
    ratios = {name: statistics.median(t / g for t, g in zip(times[name], times["generated"]))
              for name in impls}
    return {name: (statistics.median(times[name]), ratios[name]) for name in impls}


def bench_kernels(quick: bool = False) -> int:
    try:
        import torch
    except ImportError:
        torch = None
    rounds = 5 if quick else 15
    peak = dgemm_gflops(512 if quick else 1024)
    print(f"dgemm (NumPy matmul, {512 if quick else 1024}^2): {peak:.1f} GFLOP/s")
    for sizes, m in (([3, 4, 4, 3], 1), ([784, 128, 64, 10], 256)):
        label = "-".join(map(str, sizes))
        start = time.perf_counter()
        text = generate(sizes)
        gen_s = time.perf_counter() - start
        mod = load_module(text)
        rng = np.random.default_rng(0)
        params = mod.init_params(0)
        X, Y = rng.normal(size=(m, sizes[0])), rng.uniform(size=(m, sizes[-1]))
        E1, g1 = mod.loss_and_grad(params, X, Y)
        E2, g2 = hand_written(params, X, Y)
        agree = max(float(np.abs(a - b).max()) for a, b in zip(g1, g2))
        repeat = 2000 if m == 1 else 20
        if quick:
            repeat //= 4
        impls = {"generated": (mod.loss_and_grad, (params, X, Y)),
                 "hand-written NumPy": (hand_written, (params, X, Y))}
        if torch is not None:
            tp = [torch.tensor(W, requires_grad=True) for W in params]
            impls["PyTorch autograd"] = (torch_autograd(torch), (tp, torch.tensor(X), torch.tensor(Y)))
        if m == 1:
            impls["naive scalar lambdify"] = (naive_lambdify(sizes), (params, X, Y))
        impls["forward only"] = (mod.forward, (params, X))
        res = _paired(impls, rounds, repeat)
        fwd, fwd_ratio = res.pop("forward only")          # paired with the others
        gen_t = res["generated"][0]
        counts = operation_counts(sizes, derive_forms())
        flops = (counts["forward_matmul"] + counts["backward_matmul"]) * m
        print(f"\n{label}, batch {m}: generated in {gen_s:.3f} s; loss_and_grad "
              f"{gen_t * 1e6:,.1f} us (max |grad difference| to hand-written {agree:.1e})")
        for name, (t, ratio) in res.items():
            if name != "generated":
                print(f"  {name:24} {t * 1e6:12,.1f} us   generated / this = {1 / ratio:5.2f}  "
                      f"(generated {ratio:.2f}x as fast)")
        print(f"  backward/forward: loss_and_grad {gen_t * 1e6:,.1f} us / forward "
              f"{fwd * 1e6:,.1f} us = {1 / fwd_ratio:.2f}x (median of paired rounds)")
        print(f"  achieved {flops / gen_t / 1e9:.3g} GFLOP/s in the matrix products "
              f"= {flops / gen_t / 1e9 / peak:.0%} of dgemm")
    sys.stdout.flush()
    return 0
