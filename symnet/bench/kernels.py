"""``symnet bench kernels``: the generated kernels against the implementations people
compare them with, in one run, as ratios "peer time / symnet time" (below 1: the peer is
faster).

The measurements run in a child process whose BLAS, OpenMP, torch and XLA thread counts
are pinned (``--threads``, default 1) before NumPy is imported; the figure for each
implementation is the median over rounds, the order of the implementations rotating from
round to round (whoever runs right after a library with spinning worker threads must not
always be the same).  dgemm is measured as the median of repeated runs at the same thread
count.  Peers, each in float64 and float32: hand-written NumPy, torch autograd,
``jax.jit(jax.value_and_grad)``; symnet's numpy, numba and jax modules.  Also: the time and
peak memory of ``symnet codegen`` for 784-128-64-10 (a child process of its own).
"""
from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: (sizes, batch); the last two only without --quick
CASES = [([3, 4, 4, 3], 1), ([2, 2, 1], 4), ([19, 10, 1], 17), ([32] * 10, 64),
         ([784, 128, 64, 10], 256), ([784, 512, 512, 10], 512)]
QUICK_CASES = 4
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "BLIS_NUM_THREADS", "NUMBA_NUM_THREADS")


def load_module(text: str, name: str = "symnet_bench_kernel"):
    """Import generated source from a temporary file (as a user would)."""
    folder = tempfile.mkdtemp(prefix="symnet-bench-")
    path = Path(folder) / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hand_written(np):
    def run(params, X, Y):
        """Plain NumPy backprop, sigmoid units, squared error (5.16)."""
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
    return run


def torch_autograd(torch):
    def run(params, X, Y):
        acts = X
        for W in params:
            acts = torch.sigmoid(acts @ W[1:] - W[0])
        E = 0.5 * ((acts - Y) ** 2).sum() / X.shape[0]
        return E, torch.autograd.grad(E, params)
    return run


def jax_value_and_grad(jax):
    def error(params, X, Y):
        acts = X
        for W in params:
            acts = jax.nn.sigmoid(acts @ W[1:] - W[0])
        return 0.5 * ((acts - Y) ** 2).sum() / X.shape[0]
    fn = jax.jit(jax.value_and_grad(error))

    def run(params, X, Y):
        E, grads = fn(params, X, Y)
        jax.block_until_ready(grads)
        return E, grads
    return run


def _blocking(fn):
    """jax returns before it has computed: wait for the result."""
    import jax

    def run(*args):
        out = fn(*args)
        jax.block_until_ready(out)
        return out
    return run


def _time(fn, args, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn(*args)
    return (time.perf_counter() - start) / repeat


def dgemm_gflops(np, n: int, rounds: int = 7) -> float:
    """Median over rounds of NumPy's matmul of two n x n float64 matrices."""
    a, b = np.random.default_rng(0).normal(size=(2, n, n))
    a @ b
    times = [_time(np.matmul, (a, b), 3) for _ in range(rounds)]
    return 2 * n ** 3 / statistics.median(times) / 1e9


def _implementations(sizes, m, dtype, libs):
    """name -> (callable, args), every one computing E and dE/dparams for the same data."""
    np = libs["numpy"]
    from symnet.numeric.codegen import generate
    rng = np.random.default_rng(0)
    X = rng.normal(size=(m, sizes[0])).astype(dtype)
    Y = rng.uniform(size=(m, sizes[-1])).astype(dtype)
    ours = load_module(generate(sizes, dtype=dtype), f"k_np_{dtype}")
    params = [np.asarray(W, dtype=dtype) for W in ours.init_params(0)]
    impls = {"symnet numpy": (ours.loss_and_grad, (params, X, Y)),
             "hand-written NumPy": (hand_written(np), (params, X, Y))}
    if libs.get("numba"):
        mod = load_module(generate(sizes, backend="numba", dtype=dtype), f"k_nb_{dtype}")
        impls["symnet numba"] = (mod.loss_and_grad, (params, X, Y))
    if libs.get("torch"):
        torch = libs["torch"]
        tp = [torch.tensor(W, requires_grad=True) for W in params]
        impls["torch autograd"] = (torch_autograd(torch), (tp, torch.tensor(X), torch.tensor(Y)))
    if libs.get("jax"):
        jax = libs["jax"]
        with jax.enable_x64(dtype == "float64"):
            jnp = jax.numpy
            jp = [jnp.asarray(W) for W in params]
            jX, jY = jnp.asarray(X), jnp.asarray(Y)
            mod = load_module(generate(sizes, backend="jax", dtype=dtype), f"k_jax_{dtype}")
            impls["jax.jit(value_and_grad)"] = (jax_value_and_grad(jax), (jp, jX, jY))
            impls["symnet jax"] = (_blocking(mod.loss_and_grad), (jp, jX, jY))
    return impls


def _measure(impls, rounds, budget_s, libs):
    """Median seconds per call of each implementation, order rotating per round."""
    jax = libs.get("jax")
    names = list(impls)
    repeat = {}
    for name in names:                       # warm (jit, numba compile) and size the repeat
        fn, args = impls[name]
        with _precision(jax, name, args):
            fn(*args)
            t = max(_time(fn, args, 1), 1e-7)
        repeat[name] = max(1, int(budget_s / rounds / len(names) / t))
    times = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            fn, args = impls[name]
            with _precision(jax, name, args):
                times[name].append(_time(fn, args, repeat[name]))
    return {name: statistics.median(t) for name, t in times.items()}


def _precision(jax, name, args):
    """jax's 64-bit mode around a jax implementation given float64 inputs."""
    if jax is not None and "jax" in name:
        return jax.enable_x64("float64" in str(args[1].dtype))
    return contextlib.nullcontext()


def _libs():
    import numpy
    libs = {"numpy": numpy}
    for name in ("torch", "jax", "numba"):
        if importlib.util.find_spec(name) is not None:
            libs[name] = __import__(name)
    if "torch" in libs:
        libs["torch"].set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    return libs


def child(quick: bool) -> int:
    """The measurements (run in the pinned child process): one JSON object per line."""
    libs = _libs()
    np = libs["numpy"]
    n = 512 if quick else 1024
    print(json.dumps({"dgemm": dgemm_gflops(np, n), "n": n,
                      "libraries": {k: getattr(v, "__version__", "") for k, v in libs.items()}}),
          flush=True)
    rounds, budget = (3, 1.5) if quick else (7, 6.0)
    for sizes, m in CASES[:QUICK_CASES] if quick else CASES:
        for dtype in ("float64", "float32"):
            times = _measure(_implementations(sizes, m, dtype, libs), rounds, budget, libs)
            print(json.dumps({"sizes": sizes, "batch": m, "dtype": dtype, "times": times}),
                  flush=True)
    return 0


def codegen_cost(sizes=(784, 128, 64, 10)) -> tuple[float, float]:
    """(seconds, peak MiB) of `symnet codegen` in a fresh process."""
    import resource
    out = Path(tempfile.mkdtemp(prefix="symnet-bench-")) / "kernel.py"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "symnet", "codegen", "--layers",
                    ",".join(map(str, sizes)), "-o", str(out)], check=True,
                   capture_output=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024.0


def bench_kernels(quick: bool = False, threads: int = 1, record: dict = None) -> int:
    """Run the pinned child, print the table of ratios (on stderr when ``record`` is
    given, which receives the figures for --json)."""
    stream = sys.stderr if record is not None else sys.stdout

    def say(*args, **kwargs):
        print(*args, **dict(kwargs, file=stream, flush=True))
    record = record if record is not None else {}
    record.update(threads=threads, cases=[])
    cases = CASES[:QUICK_CASES] if quick else CASES
    say(f"symnet bench kernels: {len(cases)} networks x 2 dtypes, {threads} thread(s) per "
          f"library (pinned), about {len(cases) * 2 * (4 if quick else 12)} s ...",
          flush=True)
    seconds, mib = codegen_cost()
    record["codegen_784_128_64_10"] = {"seconds": round(seconds, 3), "peak_mib": round(mib, 1)}
    say(f"codegen 784-128-64-10 (a fresh `symnet codegen` process): {seconds:.2f} s, "
          f"peak {mib:.0f} MiB")
    env = dict(os.environ, **{v: str(threads) for v in THREAD_VARIABLES},
               XLA_FLAGS=f"--xla_cpu_multi_thread_eigen={'true' if threads > 1 else 'false'} "
                         f"intra_op_parallelism_threads={threads}")
    proc = subprocess.Popen([sys.executable, "-c",
                             f"from symnet.bench.kernels import child; child({quick})"],
                            stdout=subprocess.PIPE, text=True, env=env)
    for line in proc.stdout:
        row = json.loads(line)
        if "dgemm" in row:
            record["dgemm_gflops"], record["libraries"] = row["dgemm"], row["libraries"]
            say(f"dgemm {row['n']}^2 float64, {threads} thread(s), median of 7: "
                  f"{row['dgemm']:.1f} GFLOP/s; libraries: "
                  + ", ".join(f"{k} {v}" for k, v in row["libraries"].items()))
            continue
        _print_case(row, say)
        record["cases"].append(row)
    return proc.wait()


def _print_case(row, say=print):
    times = row["times"]
    ours = times["symnet numpy"]
    best_name = min((n for n in times if n.startswith("symnet")), key=times.get)
    label = "-".join(map(str, row["sizes"])) if len(set(row["sizes"])) > 1 else \
        f"width {row['sizes'][0]} depth {len(row['sizes'])}"
    say(f"\n{label}, batch {row['batch']}, {row['dtype']}: symnet numpy {ours * 1e6:,.1f} us, "
          f"best symnet: {best_name} {times[best_name] * 1e6:,.1f} us")
    say(f"  {'implementation':26} {'time (us)':>12} {'peer / symnet numpy':>20} "
          f"{'peer / best symnet':>19}")
    for name, t in sorted(times.items(), key=lambda kv: kv[1]):
        say(f"  {name:26} {t * 1e6:12,.1f} {t / ours:20.2f} {t / times[best_name]:19.2f}")
