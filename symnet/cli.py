"""The ``symnet`` command line: ``verify``, ``check``, ``derive``, ``report``, ``codegen``,
``train``, ``predict`` and ``bench`` (see the README).

Exit codes: 0 all claims hold, 1 a claim fails, 2 bad usage (one line on stderr), 3 TeX
missing (report --pdf), 4 out of memory, 130 interrupted.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from symnet import __version__
from symnet.core.files import print_table, write_atomic, junit_xml
from symnet.core.progress import ProgressBar


class UsageError(Exception):
    """Bad input from the user: reported as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


# --- output options (--junit, --plot, -o/--output): the one place that checks them ---

def _output_file(path: str, option: str, suffixes=(), force: bool = True) -> str:
    """Check an output FILE option before any work; UsageError naming ``option`` and
    ``path`` unless the file can be written: the right suffix, not a folder, its folder
    exists (a parent that is a file is said so) and takes a new file, and (without
    ``force``) the file does not exist yet."""
    import errno
    import os
    import stat
    import tempfile
    where = f"{option} {path!r}"
    if suffixes and not path.endswith(tuple(suffixes)):
        raise UsageError(f"{option} should name a {' or '.join(suffixes)} file, got {path!r}")
    if os.path.isdir(path):
        raise UsageError(f"{where} is a folder, not a file")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        is_folder = stat.S_ISDIR(os.stat(folder).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        is_folder = None                      # missing, or under a file: which, below
    except PermissionError:
        raise UsageError(f"{where}: the folder {folder!r} cannot be reached (permission "
                         "denied)") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"{where}: the folder {folder!r}: "
                         f"{getattr(exc, 'strerror', None) or exc}") from None
    if is_folder is False:
        raise UsageError(f"{where}: {folder!r} is a file, not a folder")
    if is_folder is None:                     # the first part of the way that is no folder
        first = next((p for p in _parents(folder) if not os.path.isdir(p)), folder)
        if os.path.lexists(first):
            raise UsageError(f"{where}: {first!r} is a file, not a folder")
        raise UsageError(f"{where}: the folder {folder!r} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{where}: the folder {folder!r} is not writable")
    if os.path.exists(path) and not os.access(path, os.W_OK):
        raise UsageError(f"{where} is not writable")
    if not force and os.path.lexists(path):
        raise UsageError(f"{where} exists; pass --force to overwrite it")
    try:                                      # what access() cannot see: a read-only disk,
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".symnet-", suffix=".tmp")  # ACLs
        os.close(fd)
        os.unlink(probe)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        if getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise UsageError(f"{where}: the folder {folder!r} is not writable "
                             f"({reason})") from None
        raise UsageError(f"{where}: cannot write in the folder {folder!r} ({reason})") from None
    return path


def _output_folder(path: str, option: str = "--out") -> str:
    """An output FOLDER option (report --out), created when missing: a part of the way
    that is a file is said so (not "cannot create it (Not a directory)")."""
    import os
    from symnet.core.options import output_folder
    full = os.path.abspath(path)
    first = next((p for p in _parents(full) if not os.path.isdir(p)), None)
    if first is not None and os.path.lexists(first) and first != full:
        raise UsageError(f"{option} {path!r}: {first!r} is a file, not a folder")
    try:
        return output_folder(path, option)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _parents(folder: str):
    """``folder`` and the folders above it, outermost first."""
    import os
    chain = [folder]
    while os.path.dirname(chain[-1]) != chain[-1]:
        chain.append(os.path.dirname(chain[-1]))
    return reversed(chain)


class _writing:
    """``with _writing("--junit", path):`` around the write of a checked output, so a
    failure at the end (the disk filled up, the folder went away) is still one line naming
    the option and the path, never the hidden temporary file of the atomic write."""

    def __init__(self, option: str, path: str):
        self.option, self.path = option, path

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if kind is not None and issubclass(kind, OSError):
            raise UsageError(f"{self.option} {self.path!r}: cannot write it "
                             f"({exc.strerror or exc})") from None
        return False


def _installed(module: str) -> bool:
    """Whether ``module`` can be found here (without importing it: torch takes seconds)."""
    import importlib.util
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


#: the module a generated kernel of each optional backend imports
BACKEND_MODULES = {"jax": "jax", "torch": "torch", "numba": "numba"}


def _backend_missing(backend: str, output: str):
    """codegen wrote ``output`` for a backend that is not installed here: the module is
    standalone text, made for wherever that library is, so this is a warning (exit 0),
    one line; None when the backend is importable."""
    module = BACKEND_MODULES.get(backend)
    if module is None or _installed(module):
        return None
    return (f"--backend {backend}: wrote {output}, but {module} is not installed here, so "
            f"it cannot be imported on this machine (pip install {module})")


def _layers_values(argv: list) -> list:
    """``--layers -3,3,1`` as ``--layers=-3,3,1``: argparse takes a value that starts with
    '-' and is not a plain negative number for an option and says "expected one argument";
    joined, the value reaches parse_layers, whose message is about the sizes.  (No option
    of symnet starts with '-' and a digit.)"""
    import re
    out, i = [], 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            return out + list(argv[i:])
        if (token == "--layers" and i + 1 < len(argv) and isinstance(argv[i + 1], str)
                and re.match(r"-[\d.,]", argv[i + 1])):
            out.append(f"--layers={argv[i + 1]}")
            i += 2
            continue
        out.append(token)
        i += 1
    return out


def _parser() -> argparse.ArgumentParser:
    from symnet.core import options as o
    from symnet.core.registry import ACTIVATIONS, LOSSES
    acts, losses = ", ".join(ACTIVATIONS), ", ".join(LOSSES)
    p = _Parser(prog="symnet", description="Derive and machine-check the back-propagation "
                "formulas of chapter 5 of Zhou Zhihua's Machine Learning.")
    p.add_argument("--version", action="version", version=f"symnet {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    v = sub.add_parser("verify", help="prove the claim catalog, or every gradient entry "
                       "of a concrete network (--layers)")
    v.add_argument("--only", action="append", default=[], metavar="PATTERN",
                   help="claim ids to run (glob; repeatable), e.g. 'eq5.1*' or 'bp-*'")
    v.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    v.add_argument("--junit", metavar="FILE", help="also write a JUnit XML report")
    v.add_argument("--list", action="store_true", help="list the claim ids and stop")
    v.add_argument("--engines", action="store_true", help="after the run, list for each "
                   "claim the engines that proved it and, where SymEngine did not replay "
                   "the proof, why")
    v.add_argument("--kernel", metavar="FILE.py", help="run a generated kernel module "
                   "(numpy, jax, torch or numba: read from its imports) on symbols and prove "
                   "each gradient entry equal to SymPy's (--activation NAME=LATEX defines "
                   "the row of a module written with one)")
    v.add_argument("--kernel-grid", action="store_true", help="generate and prove on symbols "
                   "the kernel module of every layer-size tuple with widths 1-4 at the "
                   "depths of --depth, batch sizes 1 and 2 (--activation, --loss, --backend); "
                   "a line per tuple, then the tuples proved and the seconds")
    v.add_argument("--backend", action="append", default=None,
                   type=o.choice("numpy", "jax", "torch", "numba"),
                   help="with --kernel-grid: the backend (repeatable; default every one "
                        "installed)")
    v.add_argument("--method", default=None, type=o.choice("composed", "concrete",
                                                           "sampled"),
                   help="with --kernel-grid: composed (default: structure once with an "
                        "undefined activation and loss, helpers per row) or concrete (each "
                        "module whole); with --kernel: the same (default concrete up to 60 "
                        "weights, composed up to 150) or sampled (the composed run at the "
                        "module's sizes, a seeded sample of entries compared; default above)")
    _sample_options(v, "--kernel")
    v.add_argument("--depth", default="2,3,4", metavar="D,...",
                   help="with --kernel-grid: the numbers of layers, input and output "
                        "included (default 2,3,4)")
    v.add_argument("--layers", metavar="S1,S2,...", help="check every entry of every "
                   "gradient of this network exactly, e.g. 3,4,4,3")
    v.add_argument("--activation", default="sigmoid",
                   help=f"with --layers: {acts}, or NAME=LATEX to define one, e.g. "
                        "'softsign=\\frac{x}{1+|x|}' (default sigmoid); with --kernel-grid "
                        "also all (every row and two user-defined ones)")
    v.add_argument("--loss", default="squared",
                   help=f"with --layers: {losses}, or NAME=LATEX in a and y (default "
                        "squared); with --kernel-grid also all")
    v.add_argument("--jobs", type=o.positive_int, default=None,
                   help="with --layers: worker processes (default: every core)")
    v.add_argument("--engine", type=o.choice("sympy", "symengine"), default=None,
                   help="with --layers: who does the per-entry algebra of the gradients: "
                        "symengine (default when installed, about 8x faster) or sympy")
    c = sub.add_parser("codegen", help="write a standalone forward/backward kernel module")
    c.add_argument("--layers", required=True, metavar="S1,S2,...",
                   help="layer widths, input first, e.g. 784,128,64,10")
    c.add_argument("--activation", default="sigmoid",
                   help=f"{acts}, or NAME=LATEX to define one (default sigmoid)")
    c.add_argument("--loss", default="squared",
                   help=f"{losses}, or NAME=LATEX in a and y (default squared)")
    c.add_argument("--backend", default="numpy", type=o.choice("numpy", "jax", "torch", "numba"),
                   help="numpy (default), jax (jit-compiled), torch, or numba (fused loops, "
                        "fastest for small networks)")
    c.add_argument("--dtype", default="float64", type=o.choice("float64", "float32"),
                   help="float64 (default) or float32: what the module computes and returns")
    c.add_argument("-o", "--output", required=True, metavar="FILE.py", help="module to write")
    c.add_argument("--force", action="store_true", help="overwrite FILE.py if it exists")
    c.add_argument("--prove", action="store_true", help="then run the written module on "
                   "symbols and prove its gradient equal to SymPy's (every backend)")
    c.add_argument("--method", default=None, type=o.choice("composed", "concrete",
                                                           "sampled"),
                   help="with --prove: concrete (the whole module on symbols; default up to "
                        "60 weights), composed (its structure with an undefined activation "
                        "and loss, its helpers per row; default up to 150) or sampled (the "
                        "composed run at the module's sizes, a seeded sample of gradient "
                        "entries compared; default above)")
    _sample_options(c, "--prove")
    c.add_argument("--json", action="store_true", help="machine-readable summary on stdout")
    t = sub.add_parser("train", help="exercise 5.5: standard against accumulated BP")
    t.add_argument("--data", default="xor",
                   help="xor (default), watermelon3, or a FILE.csv with a header row")
    t.add_argument("--target-column", metavar="NAME",
                   help="with a CSV file: the column to predict (default: the last)")
    t.add_argument("--ignore", action="append", default=[], metavar="NAME",
                   help="with a CSV file: a column that is not a feature (repeatable)")
    t.add_argument("--activation", default="sigmoid",
                   help=f"{acts}, or NAME=LATEX to define one (default sigmoid)")
    t.add_argument("--loss", default="squared",
                   help=f"{losses}, or NAME=LATEX in a and y (default squared)")
    t.add_argument("--mode", default="both", type=o.choice("standard", "accumulated", "both"),
                   help="standard, accumulated or both (default)")
    t.add_argument("--layers", metavar="S1,S2,...", help="default 2,2,1 (xor), 19,10,1 "
                   "(watermelon3), INPUTS,10,OUTPUTS (a CSV file)")
    t.add_argument("--eta", type=o.positive_float, default=0.5,
                   help="learning rate, a finite number > 0 (default 0.5)")
    t.add_argument("--epochs", type=o.positive_int, default=5000, help="passes (default 5000)")
    t.add_argument("--seed", type=o.seed, default=0,
                   help="initialisation seed, 0 to 2**32 - 1 (default 0)")
    t.add_argument("--target", type=o.non_negative_float, default=0.01,
                   help="training error E to reach (default 0.01)")
    t.add_argument("--plot", metavar="FILE.png", help="error per pass (needs matplotlib)")
    t.add_argument("--json", action="store_true", help="machine-readable results on stdout "
                                                       "(no progress lines)")
    t.add_argument("--test-split", type=o.non_negative_float, default=0.0, metavar="F",
                   help="hold back this share of the rows (0 <= F < 1; seeded, stratified by "
                        "class) and report their error and accuracy too (default 0: none)")
    t.add_argument("--save", metavar="FILE.npz", help="write the trained network (weights, "
                   "sizes, activation, loss, the encoding of the columns, the classes)")
    t.add_argument("--save-mode", type=o.choice("standard", "accumulated"), default=None,
                   help="which run's weights --save writes (default: the one trained, "
                        "standard with --mode both)")
    pr = sub.add_parser("predict", help="classify the rows of a CSV file with a network "
                        "saved by `train --save`")
    pr.add_argument("--model", required=True, metavar="FILE.npz", help="the saved network")
    pr.add_argument("--data", required=True, metavar="FILE.csv",
                    help="rows with the model's input columns (others are ignored)")
    pr.add_argument("-o", "--output", metavar="FILE.csv", help="write the predictions here "
                    "(default: standard output)")
    pr.add_argument("--json", action="store_true", help="the predictions as JSON on stdout")
    r = sub.add_parser("report", help="write the derivation report (.tex, and PDF with --pdf)")
    r.add_argument("--lang", default="all", type=o.choice("en", "zh", "all"),
                   help="en, zh or all (default)")
    r.add_argument("--pdf", action="store_true", help="also build the PDF(s) with latexmk")
    r.add_argument("--html", action="store_true",
                   help="also write a self-contained HTML page per language (MathML)")
    r.add_argument("--out", default=None, metavar="DIR", help="output folder (default reports/)")
    r.add_argument("--only", action="append", default=[], metavar="PATTERN",
                   help="only these claims (glob; repeatable)")
    r.add_argument("--update", action="store_true", help="rewrite the committed "
                   "reports/chapter5.tex and chapter5-zh.tex of this checkout")
    r.add_argument("--fresh", action="store_true", help="prove every claim again instead "
                   "of printing the proofs that `symnet verify` stored for this exact code")
    r.add_argument("--json", action="store_true", help="machine-readable summary on stdout")
    k = sub.add_parser("check", help="check a formula written in the notes' LaTeX, or every "
                                     "formula of a .md/.tex document")
    k.add_argument("formula", nargs="+", help="LaTeX, e.g. 'g_j = \\hat{y}_j(1-\\hat{y}_j)(y_j-\\hat{y}_j)', "
                                   "or documents FILE.md / FILE.tex (several allowed), or - for standard input")
    k.add_argument("--layers", metavar="S1,S2,...", nargs="?", const="3,4,4,3",
                   help="matrix notation at these sizes (default when given alone: the "
                        "notes' 3,4,4,3); without it, the single-hidden-layer notation with "
                        "symbolic d, q, l")
    k.add_argument("--json", action="store_true", help="machine-readable verdict (JSON on "
                                                       "every exit, errors included)")
    k.add_argument("--activation", metavar="NAME", help="the activation f of the network "
                   "(a registry row, or step; as the directive <!-- symnet: f = NAME -->)")
    k.add_argument("--loss", metavar="NAME", help="squared (default), cross-entropy or "
                   "softmax-cross-entropy (as the directive <!-- symnet: loss = NAME -->)")
    k.add_argument("--notation", metavar="NAME", help="the notation the formulas are "
                   "written in: zhou (default), nielsen, or a PATH.toml of your own (as the "
                   "directive <!-- symnet: notation = NAME -->; symnet notations lists them)")
    k.add_argument("--junit", metavar="FILE", help="with a document: a JUnit XML report "
                                                   "(one test case per equation)")
    k.add_argument("--strict", action="store_true", help="with a document: exit 1 also when "
                                                         "an equation cannot be checked")
    k.add_argument("--html", metavar="OUT.html", help="with one document: also write a page "
                   "to look at: its text with every equation drawn and marked (holds, "
                   "refuted with the diagnosis, not a claim, not checked with the reason)")
    k.add_argument("--format", default="text", type=o.choice("text", "github"),
                   help="with a document: text (default: FILE:LINE:COL: verdict: formula -- "
                        "detail) or github (GitHub Actions ::error/::warning/::notice "
                        "annotations)")
    nt = sub.add_parser("notations", help="list the notations symnet check reads, or show "
                                          "one's table of symbols")
    nt.add_argument("show", nargs="?", choices=["show"], help="show one notation's table")
    nt.add_argument("name", nargs="?", help="a notation's name or a PATH.toml")
    dv = sub.add_parser("derive", help="derive dE_k/dX as the book's chain rule, every step "
                                       "proved by check (section 5.3's network)")
    dv.add_argument("quantity", nargs="?", default="E_k",
                    help="what to differentiate: E_k (default) or an intermediate "
                         "(\\hat{y}_j, \\beta_j, b_h, \\alpha_h), or its definition, e.g. "
                         "'E_k = \\frac12 \\sum_j (\\hat{y}_j - y_j)^2' (proved first)")
    dv.add_argument("--wrt", required=True, metavar="X",
                    help="w_hj, theta_j, v_ih, gamma_h, or an intermediate (yhat_j, beta_j, "
                         "b_h, alpha_h); LaTeX spellings such as w_{hj}, \\theta_j also read")
    shown = dv.add_mutually_exclusive_group()
    shown.add_argument("--latex", action="store_true", help="an aligned LaTeX chain")
    shown.add_argument("--json", action="store_true", help='{"steps": [{"latex", "reason", '
                       '...}], "result": LATEX} (JSON on every exit, errors included)')
    shown.add_argument("--code", type=o.choice("numpy"), metavar="BACKEND",
                       help="numpy: a NumPy function computing the derivative")
    dv.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE "
                    "instead of standard output")
    dv.add_argument("--activation", metavar="NAME", help="sigmoid (default), tanh or identity: "
                    "a registry row whose derivative is written in the unit's output")
    dv.add_argument("--loss", metavar="NAME", help="squared (default; book (5.4)) or "
                    "cross-entropy (with sigmoid)")
    dv.add_argument("--layers", metavar="S1,S2,...", help="the network for a weight matrix "
                    "with layer numbers, e.g. --wrt '\\Theta^{(23)}' (default 3,4,4,3)")
    b = sub.add_parser("bench", help="performance figures, as ratios measured in one run")
    b.add_argument("what", nargs="?", default="verify",
                   choices=["verify", "kernels", "report", "check", "ulp"],
                   help="which figures (default verify); check: the time to check each FILE; "
                        "ulp: each backend's distance to the correctly rounded gradient")
    b.add_argument("files", nargs="*", metavar="FILE",
                   help="check: the documents to time (Markdown or LaTeX)")
    b.add_argument("--quick", action="store_true",
                   help="smaller sizes and fewer rounds: a smoke run of a minute or two")
    b.add_argument("--threads", type=o.positive_int, default=1,
                   help="kernels: threads per library, pinned for every peer (default 1)")
    b.add_argument("--json", action="store_true",
                   help="kernels: the figures as one JSON object on stdout (the table on "
                        "stderr); verify, report: the lines on stderr, a summary object")
    return p


def _user_rows(args) -> None:
    """--activation/--loss NAME=LATEX: define (and prove) the row for this run."""
    from symnet.define import from_option
    for kind in ("activation", "loss"):
        value = getattr(args, kind)
        try:
            setattr(args, kind, from_option(value, kind))
        except ValueError as exc:
            message = str(exc)
            if not message.startswith(f"--{kind}"):       # the formula's own message
                message = f"--{kind} {value!r}: {message}"
            raise ValueError(message) from None


def _progress_callback():
    bar = ProgressBar(sys.stderr)
    return bar if bar.enabled else None


#: a run predicted longer than this is announced before it starts (one line on stderr)
LONG_RUN_SECONDS = 60


def _warn_if_long(sizes, jobs: int, engine: str) -> None:
    """One line on stderr, before the work, when the cost model predicts a long run."""
    from symnet.core.progress import duration
    from symnet.prove.entrywise import predicted_seconds
    seconds = predicted_seconds(sizes, jobs, engine)
    if seconds > LONG_RUN_SECONDS:
        entries = sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
        print(f"symnet: --layers {','.join(map(str, sizes))}: {entries:,} gradient entries and "
              f"{sum(sizes[1:]):,} deltas, predicted to take about {duration(seconds)} on "
              f"{jobs} process{'es' if jobs > 1 else ''} (the hidden deltas' recursions have "
              f"{sum(a * b for a, b in zip(sizes[1:-1], sizes[2:])):,} terms)",
              file=sys.stderr, flush=True)


def _verify_layers(args) -> int:
    from symnet.prove.entrywise import check_entrywise, entrywise_method
    from symnet.core.layers import MAX_ENTRIES, parse_layers
    from symnet.core.registry import check_pair
    import os
    jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
    try:
        sizes = parse_layers(args.layers, MAX_ENTRIES)
        _user_rows(args)
        check_pair(args.activation, args.loss)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    import importlib.util
    engine = args.engine or ("symengine" if importlib.util.find_spec("symengine") else "sympy")
    _warn_if_long(sizes, jobs, engine)
    bar = _progress_callback()
    report = check_entrywise(sizes, args.activation, args.loss, jobs=jobs, engine=engine,
                             work_progress=(lambda d, t: bar.update(d, t, "units of work"))
                             if bar else None)
    if bar:
        bar.close()
    label = ",".join(map(str, sizes))
    from symnet.core.claims import Result
    method = entrywise_method(engine)
    row = Result(f"entrywise-{label}-{report.activation}-{report.loss}", "",
                 "proved" if report.ok else "failed", method, label, report.seconds,
                 "; ".join(m.what for m in report.mismatches[:20]))
    if args.junit:
        with _writing("--junit", args.junit):
            write_atomic(args.junit, junit_xml([row]))
    if args.json:
        print(json.dumps({"claims": [row.as_json()],
                          "summary": {"proved": int(report.ok), "failed": int(not report.ok),
                                      "error": 0},
                          "layers": sizes, "activation": report.activation, "loss": report.loss,
                          "gradient_entries": report.gradient_entries,
                          "delta_entries": report.delta_entries,
                          "mismatches": [m.what for m in report.mismatches],
                          "seconds": round(report.seconds, 3), "jobs": jobs, "engine": engine,
                          "method": method,
                          "status": "proved" if report.ok else "failed"}, indent=2))
    else:
        verdict = "all exact" if report.ok else f"{len(report.mismatches)} MISMATCHES"
        print(f"{label} ({report.activation}, {report.loss} loss): "
              f"{report.gradient_entries:,} gradient entries and {report.delta_entries:,} "
              f"deltas checked exactly: {verdict} in {report.seconds:.2f} s "
              f"({jobs} process{'es' if jobs > 1 else ''}, {engine})")
        print(f"  method: {method}")
        for m in report.mismatches[:10]:
            print(f"  {m.what}: derived {m.derived}  stated {m.closed}")
    return 0 if report.ok else 1


def _verify(args) -> int:
    if args.junit:
        _output_file(args.junit, "--junit", (".xml",))
    if args.engines and (args.kernel is not None or args.layers is not None or args.list):
        raise UsageError("--engines lists the engines of a catalog run: not with --kernel, "
                         "--layers or --list")
    if args.kernel_grid:
        if args.kernel is not None or args.layers or args.only or args.list:
            raise UsageError("--kernel-grid proves generated modules: no --kernel, --layers, "
                             "--only or --list with it")
        return _kernel_grid(args)
    if args.backend is not None:
        raise UsageError("--backend goes with --kernel-grid")
    if args.method is not None and args.kernel is None:
        raise UsageError("--method goes with --kernel-grid or --kernel")
    if (args.sample is not None or args.seed is not None) and args.kernel is None:
        raise UsageError("--sample and --seed go with --kernel")
    if args.kernel is not None:
        if args.layers or args.only or args.list:
            raise UsageError("--kernel proves one module: no --layers, --only or --list with it")
        try:
            text = Path(args.kernel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--kernel {args.kernel}: cannot read it ({exc})") from None
        try:
            _user_rows(args)          # a module of a user's own row: --activation NAME=LATEX
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        return _prove_kernel(text, args.kernel, args.json, **_sampling(args))
    if args.layers is not None:
        return _verify_layers(args)
    if args.activation != "sigmoid" or args.loss != "squared":
        raise UsageError("--activation and --loss go with --layers")
    if args.jobs is not None or args.engine is not None:
        raise UsageError("--jobs and --engine go with --layers")
    from derivations import catalog
    from symnet.runner import run_claims_parallel, select
    claims = catalog()
    try:
        claims = select(claims, args.only)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.list:
        if args.json:
            print(json.dumps({"command": "verify --list", "status": "ok",
                              "claims": [{"id": c.id, "equation": c.equation, "title": c.title,
                                          "statement": c.statement, "section": c.section}
                                         for c in claims],
                              "summary": {"claims": len(claims)}}, indent=2, ensure_ascii=False))
            return 0
        for c in claims:
            print(f"{c.id:38} ({c.equation or '-'})  {c.title}: {c.statement}")
        return 0
    bar = _progress_callback()
    results, _ = run_claims_parallel(
        claims, progress=(lambda d, t, name: bar.update(d, t, name)) if bar else None)
    if bar:
        bar.close()
    from symnet.core import proofs
    proofs.store(claims, results)          # symnet report prints these, not proving again
    summary = {s: sum(r.status == s for r in results) for s in ("proved", "failed", "error")}
    from symnet.prove.replay import engine_counts, sympy_only
    engines = dict(engine_counts(claims, results), reasons=sympy_only(claims, results))
    kernels = [] if args.only else _kernel_rows()
    if args.json:
        print(json.dumps({"claims": [r.as_json() for r in results], "summary": summary,
                          "engines": engines, "kernels": kernels}, indent=2,
                         ensure_ascii=False))
    else:
        print_table(results, summary, sys.stdout, engines)
        _print_kernel_rows(kernels)
        if args.engines:
            _print_engines(claims, results)
    if args.junit:
        with _writing("--junit", args.junit):
            write_atomic(args.junit, junit_xml(results))
    kernels_ok = all(k["status"] in ("proved", "not installed") for k in kernels)
    return 0 if summary["failed"] == summary["error"] == 0 and kernels_ok else 1


#: the module each backend's row of a catalog run generates and proves on symbols
KERNEL_ROW = dict(sizes=[2, 3, 2], activation="sigmoid", loss="squared")


def _kernel_rows() -> list:
    """One row per kernel backend: its generated KERNEL_ROW module run on symbols
    (symnet.prove.kernel), proved equal to SymPy's gradient entry by entry; "not
    installed" for a backend whose library is missing here."""
    from symnet.numeric.codegen import BACKENDS, generate
    from symnet.prove.kernel import Unsupported, prove_module
    rows = []
    for backend in BACKENDS:
        row = {"backend": backend, **KERNEL_ROW}
        if backend != "numpy" and not _installed(backend):
            rows.append({**row, "status": "not installed"})
            continue
        try:
            proof = prove_module(generate(backend=backend, **KERNEL_ROW))
        except Unsupported as exc:
            rows.append({**row, "status": "error", "detail": str(exc)})
            continue
        rows.append({**row, "status": "proved" if proof.ok else "failed",
                     "entries": proof.entries, "batches": list(proof.batches),
                     "seconds": round(proof.seconds, 2), "first": proof.first})
    return rows


def _kernel_grid(args) -> int:
    """Every width tuple of 1-4 units at each depth of --depth, each backend, each
    activation/loss row asked for: the generated modules proved on symbols at batch sizes
    1 and 2 (symnet.numeric.kernel_grid; a line per backend and tuple); 0 when every one is
    proved, 1 when any fails or cannot run on symbols."""
    import time
    from symnet.core.registry import ACTIVATIONS, LOSSES
    from symnet.define import activation as define_activation, unregister
    from symnet.numeric.codegen import BACKENDS
    from symnet.numeric import kernel_grid
    if args.method == "sampled" or args.sample is not None or args.seed is not None:
        raise UsageError("--kernel-grid proves every entry (composed or concrete): no "
                         "sampling")
    args.method = args.method or "composed"
    try:
        depths = [int(d) for d in args.depth.split(",")]
        if any(d < 2 for d in depths):
            raise ValueError
    except ValueError:
        raise UsageError(f"--depth {args.depth}: expected numbers of layers >= 2, e.g. "
                         "2,3,4") from None
    every_activation, every_loss = args.activation == "all", args.loss == "all"
    activations = list(ACTIVATIONS) if every_activation else None
    losses = list(LOSSES) if every_loss else None
    registered = []
    try:
        if every_activation:
            for name, latex in kernel_grid.USER_ROWS.items():
                if name not in ACTIVATIONS:
                    define_activation(name, latex)
                    registered.append(name)
                activations.append(name)
        if every_activation or every_loss:
            args.activation = "sigmoid" if every_activation else args.activation
            args.loss = "squared" if every_loss else args.loss
        _user_rows(args)
        rows = kernel_grid.pairs(activations or [args.activation], losses or [args.loss])
        if not rows:
            from symnet.core.registry import check_pair
            check_pair(args.activation, args.loss)
        backends = args.backend or [b for b in BACKENDS if b == "numpy" or _installed(b)]
        start = time.perf_counter()
        names = (f"{'every activation (' + ', '.join(activations) + ')' if activations else args.activation}, "
                 f"{'every loss' if losses else args.loss}")
        print(f"kernel grid: {names}; {len(rows)} activation/loss rows; backends "
              f"{', '.join(backends)}; widths 1-4, depths {args.depth}; batch sizes 1 and 2; "
              f"float64 modules; method {args.method}: {_GRID_METHOD[args.method]}",
              flush=True)
        tally = kernel_grid.run_grid(backends, depths, rows, args.method,
                                     out=lambda line: print(line, flush=True))
        if args.method == "composed":
            print("helpers proved (each once per backend and row, shared by its modules):")
            for line in kernel_grid.helper_lines(backends, rows):
                print(line)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    finally:
        for name in registered:
            unregister(name)
    print(f"kernel grid ({names}; widths 1-4, depths {args.depth}; batch sizes 1 and 2): "
          f"{tally.proved} proved, {tally.failed} failed, {tally.error} not run, in "
          f"{time.perf_counter() - start:.1f}s")
    return 0 if tally.failed == tally.error == 0 else 1


#: the method line of ``verify --kernel-grid``
_GRID_METHOD = {
    "composed": "each module's structure run on symbols with an undefined activation f "
                "and loss term l (proved once per skeleton and shared by every activation "
                "and loss with that text), its helpers proved per activation and loss "
                "(symnet.prove.compose)",
    "concrete": "each module run on symbols with its own activation and loss "
                "(symnet.prove.kernel)"}


def _print_kernel_rows(rows) -> None:
    if not rows:
        return
    sizes = "-".join(map(str, KERNEL_ROW["sizes"]))
    print(f"\nkernels: each backend's generated {sizes} {KERNEL_ROW['activation']} module, "
          "run on symbols, every gradient entry = SymPy's (batch sizes 1 and 2)")
    for row in rows:
        tail = (f"{row['entries']} entries  {row['seconds']:.2f}s" if "entries" in row
                else row.get("detail", ""))
        first = f"  first differing: {row['first']}" if row.get("first") else ""
        print(f"  {row['backend']:8}{row['status']:15}{tail}{first}")


def _print_engines(claims, results) -> None:
    """Each claim with the engines that proved it, then the claims SymPy alone proved,
    grouped by why SymEngine did not replay them."""
    from symnet.prove.replay import sympy_only
    heads = {r.id: r for r in results}
    width = max(len(c.id) for c in claims)
    print("\nengines")
    for c in claims:
        row = heads[c.id]
        print(f"{c.id:{width}}  {' and '.join(row.engines) or row.status:20}  {row.symengine}")
    grouped = sympy_only(claims, results)
    if grouped:
        print("\nproved by SymPy only, by the reason SymEngine did not replay them:")
        for reason, ids in grouped.items():
            print(f"- {reason}: {', '.join(ids)}")


def _sample_options(parser, needs: str) -> None:
    """--sample N and --seed S of a sampled kernel proof."""
    from symnet.core import options as o
    parser.add_argument("--sample", type=o.positive_int, default=None, metavar="N",
                        help=f"with {needs} --method sampled: gradient entries compared per "
                             "parameter array and batch size, corners included (default 100)")
    parser.add_argument("--seed", type=int, default=None, metavar="S",
                        help=f"with {needs} --method sampled: the seed of the sample "
                             "(default 0)")


def _sampling(args) -> dict:
    """The method and sample options of a kernel proof: --sample or --seed alone means
    --method sampled; with another --method they are refused."""
    if args.sample is None and args.seed is None:
        return {"method": args.method}
    if args.method not in (None, "sampled"):
        raise UsageError("--sample and --seed go with --method sampled")
    return {"method": "sampled", "sample": args.sample, "seed": args.seed or 0}


def _prove_kernel(text: str, name: str, as_json: bool, extra: dict = None,
                  method: str = None, sample: int = None, seed: int = 0) -> int:
    """Symbolic execution of a kernel module (symnet.prove.kernel, or symnet.prove.compose
    for --method composed and above the whole-module limit): 0 proved, 1 an entry or
    helper differs (named), 2 the module cannot run on symbols."""
    from symnet.prove.methods import prove_text
    from symnet.prove.kernel import Unsupported
    try:
        proof = prove_text(text, method, sample=sample, seed=seed)
    except Unsupported as exc:
        raise UsageError(f"{name}: not proved: {exc}") from None
    except ValueError as exc:               # an activation or loss this process lacks
        raise UsageError(f"{name}: not proved: {exc}") from None
    except (SyntaxError, AttributeError, NameError, ImportError) as exc:
        raise UsageError(f"{name}: not a symnet kernel module ({type(exc).__name__}: "
                         f"{exc})") from None
    sizes = "-".join(map(str, proof.sizes))
    total = getattr(proof, "total", None)         # a sampled proof: entries of total
    if as_json:
        status = ("failed" if not proof.ok else "proved" if total is None else "sampled")
        print(json.dumps({**(extra or {"command": "verify --kernel"}), "module": name,
                          "status": status, "sizes": sizes,
                          "backend": proof.backend,
                          "activation": proof.activation, "loss": proof.loss,
                          "batch_sizes": list(proof.batches), "entries": proof.entries,
                          **({"entries_in_all": total, "sampled": True, "seed": proof.seed}
                             if total is not None else {}),
                          "method": proof.method, "first_difference": proof.first,
                          "seconds": round(proof.seconds, 3)}, indent=2))
    elif proof.ok and total is not None:
        print(f"{name}: sampled: {proof.entries:,} of {total:,} gradient entries of the "
              f"{sizes} ({proof.activation}, {proof.loss}) {proof.backend} module at batch "
              f"sizes {', '.join(map(str, proof.batches))} (seeded {proof.seed}, "
              f"{proof.sample} per parameter array and batch size) equal SymPy's, in "
              f"{proof.seconds:.1f} s; the other {total - proof.entries:,} are not compared\n"
              f"  method: {proof.method}")
    elif proof.ok:
        print(f"{name}: proved: all {proof.entries} gradient entries of the {sizes} "
              f"({proof.activation}, {proof.loss}) {proof.backend} module at batch sizes "
              f"{', '.join(map(str, proof.batches))} equal SymPy's, in {proof.seconds:.1f} s\n"
              f"  method: {proof.method}")
    else:
        print(f"{name}: FAILED: {proof.first}\n  method: {proof.method}")
    return 0 if proof.ok else 1


def _codegen(args) -> int:
    import time
    from symnet.numeric.codegen import check_options, write_module
    from symnet.core.layers import parse_layers
    from symnet.core.registry import check_pair
    try:                           # the cheap checks first, then the output, then the work
        sizes = parse_layers(args.layers)
        check_options(args.backend, args.dtype)
        if "=" not in args.activation and "=" not in args.loss:
            check_pair(args.activation, args.loss)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.method is not None and not args.prove:
        raise UsageError("--method goes with --prove")
    if (args.sample is not None or args.seed is not None) and not args.prove:
        raise UsageError("--sample and --seed go with --prove")
    sampling = _sampling(args)
    _output_file(args.output, "-o", (".py",), force=args.force)
    try:
        _user_rows(args)
        check_pair(args.activation, args.loss)
        start = time.perf_counter()
        with _writing("-o", args.output):
            write_module(args.output, sizes, args.activation, args.loss, args.backend,
                         args.dtype)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    seconds = time.perf_counter() - start
    warning = _backend_missing(args.backend, args.output)
    if warning:
        print(f"symnet: warning: {warning}", file=sys.stderr)
    if args.json and args.prove:
        return _prove_kernel(Path(args.output).read_text(encoding="utf-8"), args.output, True,
                             {"command": "codegen --prove", "output": args.output,
                              "backend": args.backend, "dtype": args.dtype}, **sampling)
    if args.json:
        print(json.dumps({"command": "codegen", "status": "ok", "output": args.output,
                          "layers": sizes, "activation": args.activation, "loss": args.loss,
                          "backend": args.backend, "dtype": args.dtype,
                          "seconds": round(seconds, 4),
                          **({"warning": warning} if warning else {})}, indent=2))
        return 0
    print(f"wrote {args.output}: {args.backend} {args.dtype} kernel for {','.join(map(str, sizes))} "
          f"({args.activation}, {args.loss} loss) in {seconds:.2f} s")
    if args.prove:
        return _prove_kernel(Path(args.output).read_text(encoding="utf-8"), args.output, False,
                             **sampling)
    return 0


def _train(args) -> int:
    from symnet.core.layers import parse_layers
    from symnet.core.registry import check_pair
    from symnet.numeric.train import MODES, plot, train
    modes = MODES if args.mode == "both" else [args.mode]
    if args.plot:
        _output_file(args.plot, "--plot", (".png",))
        if not _installed("matplotlib"):
            raise UsageError(f"--plot {args.plot!r} needs matplotlib, which is not installed "
                             "here: pip install 'symnet[plot]'")
    if not args.test_split < 1:
        raise UsageError(f"--test-split is the share of rows held back for testing: it must "
                         f"be below 1, got {args.test_split}")
    save_mode = _save_mode(args)
    definitions = {f"{kind}_definition": getattr(args, kind).partition("=")[2].strip() or None
                   for kind in ("activation", "loss")}     # before _user_rows keeps the name
    try:
        layers = parse_layers(args.layers) if args.layers is not None else None
        _user_rows(args)
        check_pair(args.activation, args.loss)
        if args.mode not in MODES + ("both",):
            raise ValueError(f"unknown mode {args.mode!r}; known: standard, accumulated, both")
        runs = []
        for mode in modes:
            every = max(1, args.epochs // 10)

            def report(epoch, error, mode=mode):
                if epoch % every == 0 and not args.json:
                    print(f"  {mode:11} pass {epoch:6d}  E = {error:.6f}", flush=True)
            runs.append(train(args.data, mode, layers, args.eta, args.epochs, args.seed,
                              args.target, report, args.activation, args.loss,
                              args.target_column, tuple(args.ignore), args.test_split))
        if args.plot:
            with _writing("--plot", args.plot):
                plot(runs, args.plot, f"{args.data}, layers "
                     f"{','.join(map(str, runs[0].layers))}, eta {args.eta}")
        if args.save:
            _save_model(args, next(r for r in runs if r.mode == save_mode), definitions)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print(json.dumps(_train_json(args, runs, save_mode), indent=2))
        return 0
    _print_runs(args, runs)
    if args.plot:
        print(f"wrote {args.plot}")
    if args.save:
        print(f"saved the {save_mode} BP network to {args.save}")
    return 0


def _save_mode(args):
    """The mode whose network ``--save`` writes (checked before any training): the one
    trained, ``standard`` with ``--mode both``, or ``--save-mode``."""
    if args.save_mode and not args.save:
        raise UsageError("--save-mode says which network --save writes: give --save FILE.npz")
    if not args.save:
        return None
    _output_file(args.save, "--save", (".npz",))
    mode = args.save_mode or ("standard" if args.mode == "both" else args.mode)
    if args.mode not in ("both", mode):
        raise UsageError(f"--save-mode {mode}: this run trains {args.mode} BP only "
                         f"(--mode {args.mode}); use --mode both or --mode {mode}")
    return mode


def _save_model(args, run, definitions: dict) -> None:
    from symnet.numeric.model_file import from_run
    model = from_run(run, data=args.data, seed=args.seed, eta=args.eta, epochs=args.epochs,
                     test_split=args.test_split, **definitions)
    with _writing("--save", args.save):
        model.save(args.save)


def _train_json(args, runs, save_mode) -> dict:
    return {
        "command": "train", "status": "ok", "data": args.data,
        "layers": list(runs[0].layers), "eta": args.eta, "seed": args.seed,
        "epochs": args.epochs, "target": args.target, "plot": args.plot,
        "test_split": args.test_split, "rows": {"train": runs[0].rows[0],
                                                "test": runs[0].rows[1]},
        "save": args.save, "save_mode": save_mode,
        "runs": [{"mode": run.mode, "final_error": run.final_error,
                  "accuracy": run.accuracy, "test_error": run.test_error,
                  "test_accuracy": run.test_accuracy, "updates": run.updates,
                  "reached": ({"passes": run.reached[0], "updates": run.reached[1]}
                              if run.reached else None)} for run in runs]}


def _print_runs(args, runs) -> None:
    """One line per mode; with a test split, the error and accuracy on both parts."""
    train_rows, test_rows = runs[0].rows
    split = (f", test split {args.test_split} ({train_rows} training rows, {test_rows} test "
             "rows)" if test_rows else "")
    print(f"{args.data}, layers {','.join(map(str, runs[0].layers))}, eta {args.eta}, "
          f"seed {args.seed}, target E <= {args.target}{split}:")
    for run in runs:
        reached = (f"reached after {run.reached[0]} passes, {run.reached[1]} updates"
                   if run.reached else "not reached")
        scores = (f"final E = {run.final_error:.6f}, accuracy {run.accuracy:.0%}"
                  if not test_rows else
                  f"train E = {run.final_error:.6f}, accuracy {run.accuracy:.0%}; test E = "
                  f"{run.test_error:.6f}, accuracy {run.test_accuracy:.0%}")
        print(f"  {run.mode:11} {scores}, {run.updates} updates; target {reached}")


def _predict(args) -> int:
    from symnet.numeric.model_file import load_model, output_columns, predictions_csv
    from symnet.numeric.train import read_table
    if args.output:
        _output_file(args.output, "-o", (".csv",))
    try:
        model = load_model(args.model)
        _model_rows(args.model, model)
        labels, Yhat = model.predict(read_table(args.data))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    text = predictions_csv(model, labels, Yhat)
    if args.output:
        with _writing("-o", args.output):
            write_atomic(args.output, text)
    if args.json:
        print(json.dumps({
            "command": "predict", "status": "ok", "model": args.model, "data": args.data,
            "output": args.output, "target": model.encoding.target.name,
            "classes": list(model.encoding.target.classes),
            "columns": output_columns(model)[1:],
            "predictions": [{"label": label, "outputs": [float(v) for v in row]}
                            for label, row in zip(labels, Yhat)]}, indent=2,
            ensure_ascii=False))
    elif args.output:
        print(f"wrote {len(labels)} predictions to {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def _model_rows(path: str, model) -> None:
    """A saved network's activation and loss, registered again from the LaTeX the file
    keeps when they were a user's own (NAME=LATEX); ValueError naming --model otherwise."""
    from symnet.core.registry import ACTIVATIONS, LOSSES, check_pair
    from symnet.define import from_option
    try:
        for kind, table in (("activation", ACTIVATIONS), ("loss", LOSSES)):
            name, formula = getattr(model, kind), model.info.get(f"{kind}_definition")
            if name not in table and formula:
                from_option(f"{name}={formula}", kind)
        check_pair(model.activation, model.loss)
    except ValueError as exc:
        raise ValueError(f"--model {path!r}: {exc}") from None


def _report(args) -> int:
    from symnet.core.options import source_date_epoch
    from symnet.report.build import LANGS, REPO_REPORTS, ReportError, report
    langs = tuple(LANGS) if args.lang == "all" else (args.lang,)
    if args.update and (args.out or args.only):
        raise UsageError("--update rewrites the committed files: no --out or --only with it")
    out = REPO_REPORTS if args.update else (args.out or "reports")
    try:
        source_date_epoch()
        _output_folder(str(out))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    bar = _progress_callback()
    lines = []
    log = (lambda line: (bar.close() if bar else None, lines.append(line))) if args.json else \
        (lambda line: (bar.close() if bar else None, print(line)))
    try:
        code = report(out, langs, args.pdf, args.only,
                      (lambda d, t, name: bar.update(d, t, name)) if bar else None, log=log,
                      html=args.html, reuse=not args.fresh)
        if args.json:
            print(json.dumps({"command": "report", "status": "ok" if code == 0 else "failed",
                              "out": str(out), "languages": list(langs), "pdf": args.pdf,
                              "messages": lines}, indent=2, ensure_ascii=False))
        return code
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except ReportError as exc:
        if bar:
            bar.close()
        print(f"symnet: error: {exc}", file=sys.stderr)
        return exc.code


CHECK_SECONDS = 60
EXIT_MEMORY = 4             # documented in the README: the machine ran out of memory


_LATEX_MARKS = set("\\=^{}$")


def _is_document(arg: str) -> bool:
    """A document (a path or -) rather than a formula: '-', or an argument without LaTeX's
    marks (backslash, =, ^, braces, $) that names an existing file or ends in .md/.tex."""
    import os
    if arg == "-":
        return True
    if "\n" in arg or _LATEX_MARKS & set(arg) or len(arg) > 4096:
        return False
    if arg.lower().endswith((".md", ".markdown", ".tex", ".ltx")):
        return True
    try:
        return os.path.isfile(arg)
    except (OSError, ValueError):
        return False


def _notations(args) -> int:
    """`symnet notations`: a line per shipped notation; `symnet notations show NAME`: its
    table of symbols."""
    from symnet.core.notation_files import NotationError, load, shipped
    if args.show is None and args.name is None:
        width = max(len(name) for name in shipped())
        for name in shipped():
            notation = load(name)
            print(f"{name:<{width}} {notation.title}")
        return 0
    if args.show is None or args.name is None:
        raise UsageError("symnet notations show NAME (one of: " + ", ".join(shipped()) + ")")
    try:
        print(load(args.name).table())
    except NotationError as exc:
        raise UsageError(str(exc)) from None
    return 0


def _check_context(args) -> dict:
    """The activation and loss of --activation / --loss, as a document directive sets
    them (the same keys and values)."""
    from symnet.checker.document import starting_context
    try:
        return starting_context(args.activation, args.loss, prefix="--",
                                notation=args.notation)
    except ValueError as exc:
        raise UsageError(str(exc).replace("unknown value", "unknown")) from None


def _shortened(formula: str, width: int = 60) -> str:
    formula = " ".join(formula.split())
    return formula if len(formula) <= width else formula[:width - 3].rstrip() + "..."


def _verdict_line(v, name: str, column: int) -> str:
    """``FILE:LINE:COL: verdict: formula (shortened) -- detail`` (compilers' form, so
    editors and problem matchers jump to the formula); for "holds" the detail is what the
    proof covers (the model and the sizes), as ``symnet check FORMULA`` prints it."""
    from symnet.checker.documents import HOLDS
    where = f"{name}:{v.line}:{column}" if column else f"{name}:{v.line}"
    if v.status == HOLDS:                 # what the proof covers, as the one-formula line
        detail = f" -- {'; '.join(filter(None, (v.notation, v.sizes and 'sizes ' + v.sizes)))}"
        detail = "" if detail == " -- " else detail
    else:
        detail = f" -- {v.detail}" if v.detail else ""
    return f"{where}: {v.status}: {_shortened(v.equation)}{detail}"


def _github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub requires."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A workflow command's property value (file=...), escaped as GitHub requires."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_command(level: str, name: str, message: str, line: int = 0, column: int = 0) -> str:
    properties = [] if name == "<stdin>" else [f"file={_github_property(name)}"] + (
        [f"line={line}"] if line else []) + ([f"col={column}"] if line and column else [])
    properties.append("title=symnet check")
    return f"::{level} {','.join(properties)}::{_github_data(message)}"


def _annotation(v, name: str, column: int, strict: bool):
    """The GitHub Actions annotation of one verdict: ::error for refuted, ::warning for
    not checked with --strict (it fails the run), ::notice for not checked without;
    None for holds and not a claim."""
    from symnet.checker.documents import NOT_CHECKED, REFUTED
    level = {REFUTED: "error", NOT_CHECKED: "warning" if strict else "notice"}.get(v.status)
    if level is None:
        return None
    message = f"{v.status}: {' '.join(v.equation.split())}" + (f"\n{v.detail}" if v.detail else "")
    return _github_command(level, name, message, v.line, column)


def _no_equations(name: str, strict: bool) -> str:
    return _github_command("error" if strict else "notice", name,
                           f"no equations found in {name}")


def _check_document(args) -> int:
    """Every equation of each document; one line per equation (or --json / --junit)."""
    from symnet.checker.documents import check_document, junit, summary
    from symnet.checker.document import DocumentError, read_document
    from symnet.core.layers import MAX_ENTRIES, parse_layers
    if args.junit:
        _output_file(args.junit, "--junit", (".xml",))
    if args.html:
        _output_file(args.html, "--html", (".html", ".htm"))
        if len(args.formula) > 1:
            raise UsageError("--html writes the page of one document; give one FILE")
        if not _installed("latex2mathml"):
            raise UsageError("--html needs latex2mathml to draw the equations: "
                             "pip install 'symnet[html]'")
    context = _check_context(args)
    try:
        layers = parse_layers(args.layers, MAX_ENTRIES) if args.layers is not None else None
        documents = [(name, *read_document(name)) for name in args.formula]
        reports, failed = [], False
        for path, text, kind in documents:
            name = "<stdin>" if path == "-" else path
            bar = _progress_callback()
            start, warnings = time.perf_counter(), []
            try:
                verdicts = check_document(
                    text, kind, layers, context=context, warnings=warnings,
                    progress=(lambda d, t: bar.update(d, t, "equations")) if bar else None)
            finally:
                if bar:
                    bar.close()
            seconds = time.perf_counter() - start
            counts = summary(verdicts)
            if args.html:
                from symnet.report.checked import page
                with _writing("--html", args.html):
                    write_atomic(args.html, page(name, text, verdicts))
            reports.append((name, verdicts, counts, seconds, warnings))
            failed = failed or bool(counts["refuted"] or (args.strict and counts["not_checked"])
                                    or (args.strict and not verdicts))
            if not args.json:
                for line, message in warnings:
                    print(_github_command("warning", name, message, line)
                          if args.format == "github" else f"{name}:{line}: warning: {message}")
                for v in verdicts:
                    line = (_annotation(v, name, v.column, args.strict) if args.format == "github"
                            else _verdict_line(v, name, v.column))
                    if line:
                        print(line)
                if not verdicts:
                    print(_no_equations(name, args.strict) if args.format == "github"
                          else f"{name}: no equations found in {name}")
                    continue
                print(f"{name}: {len(verdicts)} equations: {counts['holds']} hold, "
                      f"{counts['refuted']} refuted, {counts['not_a_claim']} not a claim, "
                      f"{counts['not_checked']} not checked ({seconds:.1f} s)")
    except (DocumentError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    if args.junit:
        suites = [junit(name, verdicts, args.strict) for name, verdicts, *_ in reports]
        body = "".join(x.split("\n", 1)[1] for x in suites)
        with _writing("--junit", args.junit):
            write_atomic(args.junit, '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n'
                         + body + "</testsuites>\n")
    if args.json:
        objects = [{"file": name, "equations": [v.as_json() for v in verdicts],
                    "summary": counts, "seconds": round(seconds, 3),
                    **({} if verdicts else {"message": f"no equations found in {name}"}),
                    **({"warnings": [{"line": line, "message": message}
                                     for line, message in warnings]} if warnings else {})}
                   for name, verdicts, counts, seconds, warnings in reports]
        print(json.dumps(objects[0] if len(objects) == 1 else {"files": objects},
                         indent=2, ensure_ascii=False))
    return 1 if failed else 0


def _check(args) -> int:
    if args.json and args.format != "text":
        raise UsageError(f"--json and --format {args.format}: choose one")
    if len(args.formula) > 1 or _is_document(args.formula[0]):
        not_documents = [f for f in args.formula if not _is_document(f)]
        if not_documents:
            raise UsageError(f"with several arguments each is a document (FILE.md, FILE.tex "
                             f"or -); not one: {not_documents[0][:60]!r}")
        return _check_document(args)
    if args.junit or args.strict or args.format != "text" or args.html:
        raise UsageError("--junit, --strict, --html and --format go with a document "
                         "(FILE.md, FILE.tex or -)")
    from symnet.checker import documents
    from symnet.checker.equation import check_formula
    from symnet.core.layers import MAX_ENTRIES, parse_layers
    context = _check_context(args)
    try:
        layers = parse_layers(args.layers, MAX_ENTRIES) if args.layers is not None else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    text = args.formula[0]
    try:
        verdict = check_formula(text, context, layers, seconds=CHECK_SECONDS)
    except RecursionError:
        raise UsageError("cannot check the formula: nested too deeply") from None
    except Exception as exc:       # a safety net: a formula must never end in a traceback
        raise UsageError(f"cannot check the formula ({type(exc).__name__}: {exc}); "
                         "please report it") from None
    if verdict.status == documents.NOT_CHECKED:
        if verdict.detail.startswith("time limit"):
            raise UsageError(f"not checked: {verdict.detail} (simplify the formula, or check "
                             "it at smaller --layers)")
        raise UsageError(f"cannot check the formula: {verdict.detail}")
    result = verdict.result
    if args.json:
        out = result.as_json() if result is not None else verdict.as_json()
        out["verdict"] = verdict.status
        if verdict.status != documents.HOLDS:
            out.setdefault("detail", verdict.detail)
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 1 if verdict.status == documents.REFUTED else 0
    if verdict.status == documents.NOT_A_CLAIM:
        print(f"NOT A CLAIM: {verdict.detail}")
        return 0
    if result is None:                                  # numbers: f at a number
        print(f"{verdict.status.upper()} ({verdict.notation}; sizes {verdict.sizes})"
              + (f": {verdict.detail}" if verdict.detail else ""))
        return 1 if verdict.status == documents.REFUTED else 0
    print(f"{'HOLDS' if result.holds else 'REFUTED'} ({result.notation}; sizes "
          f"{verdict.sizes}); {len(result.steps)} '=' checked")
    for n, step in enumerate(result.steps, 1):
        if step.holds:
            continue
        print(f"  step {n}: {step.left}  =/=  {step.right}")
        for d in step.diagnosis:
            print(f"    diagnosis: {d}")
        if step.counterexample:
            ce = step.counterexample
            values = ", ".join(f"{k} = {v}" for k, v in list(ce["values"].items())[:12])
            print(f"    counterexample ({ce['sizes']}): {values}")
            print(f"      left = {ce['left']}, right = {ce['right']}")
    if not result.holds and verdict.detail.rsplit("; ", 1)[-1].startswith("decided with"):
        print(f"  {verdict.detail.rsplit('; ', 1)[-1]}")
    return 0 if result.holds else 1


def _derive(args) -> int:
    """``symnet derive [QUANTITY] --wrt X``: the book's chain for dQUANTITY/dX, every step
    proved by check; text, --latex, --json or --code numpy, to stdout or -o FILE.  Exit 0
    when every step is proved, 1 when one is not (the steps say which; no code then)."""
    from symnet.derive import DeriveError, as_latex, as_text, derive, numpy_code
    from symnet.core.layers import parse_layers
    from symnet.derive.matrix import MATRIX_MARKS
    if args.output:
        _output_file(args.output, "-o", (".py",) if args.code else ())
    try:
        matrix = MATRIX_MARKS.search(args.wrt)
        if args.code and matrix:
            raise DeriveError("--code for the matrix notation: symnet codegen writes the "
                              "whole forward and backward pass, proved entry by entry")
        if args.layers is not None and not matrix:
            raise DeriveError("--layers goes with a weight matrix of the matrix notation "
                              "(--wrt '\\Theta^{(23)}'); section 5.3 is derived for symbolic "
                              "d, q, l")
        layers = parse_layers(args.layers) if args.layers is not None else None
        derivation = derive(args.wrt, args.quantity, args.activation, args.loss, layers=layers)
    except (DeriveError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    except RecursionError:
        raise UsageError("cannot derive it: nested too deeply") from None
    if args.code and not derivation.holds:
        sys.stderr.write(as_text(derivation))
        print("symnet: error: a step is not proved, so no code is written", file=sys.stderr)
        return 1
    if args.json:
        text = json.dumps(derivation.as_json(), indent=2, ensure_ascii=False) + "\n"
    else:
        text = (as_latex if args.latex else numpy_code if args.code else as_text)(derivation)
    if args.output:
        with _writing("-o", args.output):
            write_atomic(args.output, text)
        if not args.json:
            print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0 if derivation.holds else 1


def _parse(argv):
    """The parsed command line; ``bench check --quick A.md B.md`` keeps files written after
    an option (argparse leaves them over: a positional list does not resume)."""
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra and getattr(args, "command", None) == "bench" and \
            not any(e.startswith("-") for e in extra):
        args.files = list(args.files or []) + extra
    elif extra:
        parser.parse_args(argv)            # the usual "unrecognized arguments" error
    return args


def _quiet_stdout() -> None:
    """Standard output to /dev/null (its reader is gone), so that nothing more is written
    to it, not even Python's flush at exit."""
    import os
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        sys.stdout = open(os.devnull, "w")


def main(argv=None) -> int:
    if sys.stdout is None:                 # started with standard output closed (>&-)
        print("symnet: error: standard output is closed", file=sys.stderr)
        return 2
    try:
        args = _parse(_layers_values(sys.argv[1:] if argv is None else argv))
        if args.command == "verify":
            return _verify(args)
        if args.command == "codegen":
            return _codegen(args)
        if args.command == "train":
            return _train(args)
        if args.command == "predict":
            return _predict(args)
        if args.command == "report":
            return _report(args)
        if args.command == "check":
            return _check(args)
        if args.command == "derive":
            return _derive(args)
        if args.command == "notations":
            return _notations(args)
        if args.command == "bench":
            from symnet.bench.run import run_bench
            if args.threads < 1:
                raise UsageError(f"--threads must be at least 1, got {args.threads}")
            if args.files and args.what != "check":
                raise UsageError(f"bench {args.what} takes no FILE (only bench check does)")
            if args.what == "check" and not args.files:
                raise UsageError("bench check needs one or more documents (symnet bench "
                                 "check NOTES.md)")
            missing = [f for f in args.files if not Path(f).is_file()]
            if missing:
                raise UsageError(f"bench check: no such file: {missing[0]}")
            return run_bench(args.what, quick=args.quick, threads=args.threads,
                             as_json=args.json, files=args.files)
        _parser().print_help()
        return 2
    except UsageError as exc:
        print(f"symnet: error: {exc}", file=sys.stderr)
        if "--json" in (sys.argv[1:] if argv is None else argv):
            try:                     # ASCII: an input's undecodable bytes stay valid JSON
                print(json.dumps({"error": str(exc), "exit": 2}), flush=True)
            except (OSError, ValueError):
                _quiet_stdout()      # the reader went away: the line above said it all
        return 2
    except BrokenPipeError:
        # the reader went away (| head): exit quietly, and keep Python from complaining
        # about the unflushed standard output at exit
        _quiet_stdout()
        return 0
    except OSError as exc:
        print(f"symnet: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("symnet: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print("symnet: error: out of memory (try smaller --layers, or fewer --jobs)",
              file=sys.stderr)
        return EXIT_MEMORY


if __name__ == "__main__":
    sys.exit(main())
