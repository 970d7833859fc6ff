"""``umot run`` / ``umot demo`` with PREFECT_API_URL naming a server that does not answer: one line naming
the URL and exit 2 before anything starts (was three tracebacks, RuntimeError: Failed to reach API, exit 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOWN = "http://127.0.0.1:1/api"  # port 1: nothing listens


@pytest.mark.parametrize("command", [["run", "--no-notify"], ["demo", "--reviews", "5"]])
def test_a_prefect_server_that_does_not_answer_is_one_line(tmp_path: Path, command: list[str]) -> None:
    env = {**os.environ, "PREFECT_API_URL": DOWN, "UMOT_DATA_DIR": str(tmp_path / "data"),
           "UMOT_CONFIG": str(tmp_path / "umot.toml"), "UMOT_EXPORT_DIR": str(tmp_path / "exports"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("UMOT_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", "from umot.cli import app; app()", *command], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (f"error: no Prefect server answers at {DOWN} (ConnectError); start one with "
                                   "`prefect server start` or set PREFECT_API_URL to yours")
    assert command[0] == "demo" or done.stdout == ""  # (the demo names its site first)
