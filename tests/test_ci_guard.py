"""The CI guard: with SYMNET_NO_SKIPS=1 a skipped test fails the run."""
import os
import shutil
import subprocess
import sys
from pathlib import Path


def _run(tmp_path, env_value):
    shutil.copy(Path(__file__).with_name("conftest.py"), tmp_path / "conftest.py")
    (tmp_path / "test_one.py").write_text(
        "import pytest\n\ndef test_runs():\n    pass\n\n"
        "def test_skips():\n    pytest.skip('an oracle is not installed')\n")
    env = {k: v for k, v in os.environ.items() if k != "SYMNET_NO_SKIPS"}
    if env_value:
        env["SYMNET_NO_SKIPS"] = env_value
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True)


def test_a_skip_fails_the_run_in_ci(tmp_path):
    out = _run(tmp_path, "1")
    assert out.returncode == 1, out.stdout
    assert "an oracle is not installed" in out.stdout


def test_a_skip_is_allowed_outside_ci(tmp_path):
    out = _run(tmp_path, None)
    assert out.returncode == 0, out.stdout
