"""The ``symnet`` command line: ``verify`` and ``bench`` (see DESIGN.md, "Command line").

Exit codes: 0 all claims hold, 1 a claim fails, 2 bad usage (one line on stderr).
"""
from __future__ import annotations

import argparse
import json
import sys

from . import __version__
from .outputs import print_table, write_atomic, junit_xml
from .progress import ProgressBar


class UsageError(Exception):
    """Bad input from the user: reported as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
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
    v.add_argument("--layers", metavar="S1,S2,...", help="check every entry of every "
                   "gradient of this network exactly, e.g. 3,4,4,3")
    v.add_argument("--activation", default="sigmoid", help="with --layers (default sigmoid)")
    v.add_argument("--loss", default="squared", help="with --layers (default squared)")
    b = sub.add_parser("bench", help="performance figures, as ratios measured in one run")
    b.add_argument("what", nargs="?", default="verify", choices=["verify"],
                   help="which figures (default verify)")
    b.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    return p


def _progress_callback():
    bar = ProgressBar(sys.stderr)
    return bar if bar.enabled else None


def _verify_layers(args) -> int:
    from .entrywise import check_entrywise
    from .network import parse_layers
    from .registry import activation, loss
    try:
        sizes = parse_layers(args.layers)
        activation(args.activation)
        loss(args.loss)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    bar = _progress_callback()
    report = check_entrywise(sizes, args.activation, args.loss,
                             progress=(lambda d, t: bar.update(d, t, "entries")) if bar else None)
    if bar:
        bar.close()
    label = ",".join(map(str, sizes))
    if args.json:
        print(json.dumps({"layers": sizes, "activation": report.activation, "loss": report.loss,
                          "gradient_entries": report.gradient_entries,
                          "delta_entries": report.delta_entries,
                          "mismatches": [m.what for m in report.mismatches],
                          "seconds": round(report.seconds, 3),
                          "status": "proved" if report.ok else "failed"}, indent=2))
    else:
        verdict = "all exact" if report.ok else f"{len(report.mismatches)} MISMATCHES"
        print(f"{label} ({report.activation}, {report.loss} loss): "
              f"{report.gradient_entries:,} gradient entries and {report.delta_entries:,} "
              f"deltas derived by SymPy and checked exactly: {verdict} "
              f"in {report.seconds:.2f} s")
        for m in report.mismatches[:10]:
            print(f"  {m.what}: derived {m.derived}  stated {m.closed}")
    return 0 if report.ok else 1


def _verify(args) -> int:
    if args.layers is not None:
        return _verify_layers(args)
    if args.activation != "sigmoid" or args.loss != "squared":
        raise UsageError("--activation and --loss go with --layers")
    from derivations import catalog
    from .claims import run_claims, select
    claims = catalog()
    try:
        claims = select(claims, args.only)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.list:
        for c in claims:
            print(f"{c.id:38} ({c.equation or '-'})  {c.statement}")
        return 0
    bar = _progress_callback()
    results = run_claims(claims, (lambda d, t, name: bar.update(d, t, name)) if bar else None)
    if bar:
        bar.close()
    summary = {s: sum(r.status == s for r in results) for s in ("proved", "failed", "error")}
    if args.json:
        print(json.dumps({"claims": [r.as_json() for r in results], "summary": summary},
                         indent=2, ensure_ascii=False))
    else:
        print_table(results, summary, sys.stdout)
    if args.junit:
        write_atomic(args.junit, junit_xml(results))
    return 0 if summary["failed"] == summary["error"] == 0 else 1


def main(argv=None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command == "verify":
            return _verify(args)
        if args.command == "bench":
            from .bench import run_bench
            return run_bench(args.what, quick=args.quick)
        _parser().print_help()
        return 2
    except UsageError as exc:
        print(f"symnet: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"symnet: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("symnet: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
