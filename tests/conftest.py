"""Test set-up: the checkout on sys.path, and no silent skips in CI.

With ``SYMNET_NO_SKIPS=1`` (``.ci/run`` sets it) a skipped test fails the run: in CI every
optional dependency (torch, TeX, matplotlib) is installed, so a skip there means one of them
installed but does not work, and the oracle or the check behind that test silently did not
run.  Locally, skips are reported with their reasons (``-rs``)."""
import os
import sys
from pathlib import Path

# the tests run against the checkout even when the package is not installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# the proofs that `symnet verify` stores for `symnet report` go to a folder of this run's
# own: a test never reads rows that another run (or the user) stored
import tempfile  # noqa: E402

os.environ["SYMNET_CACHE"] = tempfile.mkdtemp(prefix="symnet-proofs-")

_SKIPPED: list = []


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _SKIPPED.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("SYMNET_NO_SKIPS") == "1" and _SKIPPED and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if os.environ.get("SYMNET_NO_SKIPS") == "1" and _SKIPPED:
        terminalreporter.section("skipped tests are failures here (SYMNET_NO_SKIPS=1)")
        for line in _SKIPPED:
            terminalreporter.line(line)
