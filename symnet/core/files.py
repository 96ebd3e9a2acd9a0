"""Writing results: the verify table, JUnit XML, and atomic file writes."""
from __future__ import annotations

import os
import tempfile
from xml.sax.saxutils import quoteattr, escape


def write_atomic(path, text) -> None:
    """Write text (str, or bytes) to path through a temporary file in the same folder,
    then rename, so an existing file is never half-written or lost."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".symnet-", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)          # mkstemp's 0600 is not what a user expects
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as out:
                out.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def print_table(results, summary, out, engines: dict = None) -> None:
    """One row per claim: id, equation, status, sizes, seconds, method (the id column as
    wide as the longest id); ``engines``: the count of claims each engine proved, a line
    after the summary."""
    width = max([len("claim")] + [len(r.id) for r in results])
    out.write(f"{'claim':{width}} {'eq.':5} {'status':7} {'sizes':9} {'time':>7}  method\n")
    for r in results:
        out.write(f"{r.id:{width}} {r.equation or '-':5} {r.status:7} {r.sizes:9} "
                  f"{r.seconds:6.2f}s  {r.method}\n")
        if r.detail and r.status != "proved":
            out.write(f"{'':{width}} -> {r.detail}\n")
    out.write(f"\n{summary['proved']} proved, {summary['failed']} failed, "
              f"{summary['error']} errors\n")
    if engines:
        out.write(f"claims proved by SymPy and SymEngine: {engines['sympy and symengine']}; "
                  f"by SymPy only: {engines['sympy only']} (the reasons: symnet verify "
                  f"--engines)\n")


def junit_xml(results) -> str:
    """A JUnit XML document: one testcase per claim row, failures with their detail."""
    failed = sum(r.status == "failed" for r in results)
    errors = sum(r.status == "error" for r in results)
    total = sum(r.seconds for r in results)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuite name="symnet.verify" tests="{len(results)}" failures="{failed}" '
             f'errors="{errors}" time="{total:.3f}">']
    for r in results:
        head = (f'  <testcase classname="symnet.claims" name={quoteattr(r.id)} '
                f'time="{r.seconds:.3f}"')
        if r.status == "proved" and not r.engines:
            lines.append(head + "/>")
            continue
        if r.status == "proved":
            lines += [head + ">", "    <properties>",
                      f'      <property name="engines" value="{",".join(r.engines)}"/>',
                      "    </properties>", "  </testcase>"]
            continue
        tag = "failure" if r.status == "failed" else "error"
        lines += [head + ">", f"    <{tag} message={quoteattr(r.detail or r.status)}>"
                  f"{escape(r.method)}</{tag}>", "  </testcase>"]
    lines.append("</testsuite>")
    return "\n".join(lines) + "\n"


def template_environment(folder, block, variable, comment, **options):
    """A jinja2 environment over ``folder`` (or a list of folders, searched in order) with delimiters that do not clash with the
    output language (pairs of strings), StrictUndefined, no escaping."""
    import jinja2
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folder] if isinstance(folder, list)
                                       else str(folder)), undefined=jinja2.StrictUndefined,
        block_start_string=block[0], block_end_string=block[1],
        variable_start_string=variable[0], variable_end_string=variable[1],
        comment_start_string=comment[0], comment_end_string=comment[1],
        keep_trailing_newline=True, autoescape=False, **options)
