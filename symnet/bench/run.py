"""``symnet bench``: performance figures as ratios measured in one run (never as timed
assertions in tests; the machines are shared and noisy)."""
from __future__ import annotations

import platform
import resource
import time

import sympy as sp

from symnet import __version__
from symnet.core.notation import NOTES_NETWORK


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def bench_verify(quick: bool = False) -> int:
    """Catalog time; ours against the naive nested-diff route; entries per second."""
    from derivations import catalog
    from symnet.runner import run_claims
    from symnet.prove.entrywise import check_entrywise
    from symnet.bench.naive import naive_check

    print(f"symnet {__version__} bench verify -- Python {platform.python_version()}, "
          f"SymPy {sp.__version__}, {platform.machine()}; about {40 if quick else 300} s, "
          "one line per measurement", flush=True)
    start = time.perf_counter()
    results = run_claims(catalog())
    catalog_s = time.perf_counter() - start
    proved = sum(r.status == "proved" for r in results)
    print(f"catalog: {proved}/{len(results)} rows proved in {catalog_s:.2f} s")

    ours = check_entrywise(list(NOTES_NETWORK))
    n_checked, bad, naive_s, _ = naive_check(list(NOTES_NETWORK))
    print(f"3,4,4,3 ({ours.gradient_entries} entries): ours {ours.seconds:.3f} s, naive "
          f"nested diff {naive_s:.2f} s ({n_checked} entries, {bad} mismatches): "
          f"ratio naive/ours = {naive_s / ours.seconds:.0f}x")

    budget = 10 if quick else 60
    big_ours = check_entrywise([8, 8, 8, 4])
    n_checked, _, naive_s, finished = naive_check([8, 8, 8, 4], budget=budget)
    state = "finished" if finished else f"stopped at the {budget} s budget"
    print(f"8,8,8,4 ({big_ours.gradient_entries} entries): ours {big_ours.seconds:.3f} s; "
          f"naive {state} after {n_checked} entries in {naive_s:.1f} s "
          f"(~{naive_s / max(n_checked, 1) * big_ours.gradient_entries:.0f} s projected)")

    from symnet.prove.nested import check_nested
    exact = check_nested(list(NOTES_NETWORK))
    print(f"3,4,4,3 by SymPy's diff of the fully nested E_k (bp-example-3443): "
          f"{exact.gradient_entries} entries in {exact.seconds:.2f} s, ok={exact.ok}")

    import os
    cores = os.cpu_count() or 1
    widths = (16,) if quick else (128,)
    import importlib.util
    engines = ["sympy"] + (["symengine"] if importlib.util.find_spec("symengine") else [])
    for q in widths:
        for engine, jobs in [(e, j) for e in engines for j in sorted({1, cores})]:
            r = check_entrywise([784, q, 10], jobs=jobs, engine=engine)
            rate = r.gradient_entries / r.seconds
            print(f"784,{q},10 --engine {engine} --jobs {jobs}: {r.gradient_entries:,} entries exact in "
                  f"{r.seconds:.1f} s = {rate:,.0f} entries/s ({rate / jobs:,.0f} per process), "
                  f"ok={r.ok}, peak RSS of this process {_peak_mib():,.0f} MiB")
    return 0


def bench_report(quick: bool = False) -> int:
    """Time to write both .tex files (one catalog run), then each PDF (latexmk)."""
    import tempfile
    from pathlib import Path
    from symnet.report.build import LANGS, ReportError, build_pdf, report
    print("bench report: the catalog and both .tex files, then each PDF; about 60 s",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="symnet-bench-report-") as folder:
        start = time.perf_counter()
        report(folder, log=lambda line: None)
        tex_s = time.perf_counter() - start
        print(f"both .tex files (catalog run, printing, figures): {tex_s:.1f} s")
        for lang, (name, engine) in LANGS.items():
            start = time.perf_counter()
            try:
                pdf = build_pdf(Path(folder) / name, engine)
            except ReportError as exc:
                print(f"{lang} PDF: {exc}")
                return exc.code
            print(f"{lang} PDF ({engine}): {time.perf_counter() - start:.1f} s, "
                  f"{pdf.stat().st_size / 1024:.0f} KiB")
    return 0


_TIME_ONE_DOCUMENT = """
import json, sys, time
import symnet.prove.entrywise as entrywise
from symnet.checker.documents import check_document
entrywise.SYMENGINE_FIRST = sys.argv[2] == "symengine"
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
verdicts = check_document(text, "tex" if sys.argv[1].endswith(".tex") else "md")
seconds = time.perf_counter() - start
counts = {}
for v in verdicts:
    counts[v.status] = counts.get(v.status, 0) + 1
print(json.dumps({"seconds": seconds, "equations": len(verdicts), "counts": counts}))
"""


def bench_check(files: list, quick: bool = False) -> int:
    """``symnet check`` on each document, in a fresh process each (nothing cached):
    seconds for the whole file, equations per second, and the ratio against the same
    check with SymPy alone deciding every '=' (SymEngine's expansion off)."""
    import json
    import subprocess
    import sys
    from pathlib import Path
    if not files:
        print("symnet: error: bench check needs one or more documents "
              "(symnet bench check NOTES.md)", file=sys.stderr)
        return 2
    for name in files:
        if not Path(name).is_file():
            print(f"symnet: error: bench check: no such file: {name}", file=sys.stderr)
            return 2
    print(f"symnet {__version__} bench check -- Python {platform.python_version()}, "
          f"SymPy {sp.__version__}; each document checked in a fresh process", flush=True)
    engines = ["symengine", "sympy"] if not quick else ["symengine"]
    for name in files:
        runs = {}
        for engine in engines:
            out = subprocess.run([sys.executable, "-c", _TIME_ONE_DOCUMENT, name, engine],
                                 capture_output=True, text=True)
            if out.returncode != 0:
                print(f"{name}: the check failed: {out.stderr.strip().splitlines()[-1:]}")
                return 1
            runs[engine] = json.loads(out.stdout)
        ours = runs["symengine"]
        counts = ", ".join(f"{n} {status}" for status, n in sorted(ours["counts"].items()))
        line = (f"{name}: {ours['equations']} equations ({counts}) in {ours['seconds']:.2f} s "
                f"= {ours['equations'] / ours['seconds']:.1f} equations/s")
        if "sympy" in runs:
            line += (f"; SymPy alone {runs['sympy']['seconds']:.2f} s: ratio "
                     f"{runs['sympy']['seconds'] / ours['seconds']:.1f}x")
        print(line, flush=True)
    return 0


def run_bench(what: str, quick: bool = False, threads: int = 1, as_json: bool = False,
              files=()) -> int:
    """Run one bench; with ``as_json`` the human lines go to stderr and one JSON object
    with the figures to stdout."""
    import json
    import sys
    sys.stdout.reconfigure(line_buffering=True)      # each figure as soon as it is measured
    if as_json:
        record = {}
        if what == "kernels":
            from symnet.bench.kernels import bench_kernels
            code = bench_kernels(quick, threads, record)
        elif what == "ulp":
            from symnet.bench.ulp import bench_ulp
            return bench_ulp(quick, as_json=True)
        else:
            saved, sys.stdout = sys.stdout, sys.stderr
            try:
                code = run_bench(what, quick, threads, files=files)
            finally:
                sys.stdout = saved
            record["lines"] = "see stderr"
        print(json.dumps({"command": f"bench {what}", "status": "ok" if code == 0 else "failed",
                          "quick": quick, **record}, indent=2, ensure_ascii=False))
        return code
    if what == "verify":
        return bench_verify(quick)
    if what == "report":
        return bench_report(quick)
    if what == "check":
        return bench_check(list(files), quick)
    if what == "kernels":
        from symnet.bench.kernels import bench_kernels
        return bench_kernels(quick, threads)
    if what == "ulp":
        from symnet.bench.ulp import bench_ulp
        return bench_ulp(quick)
    raise ValueError(what)
