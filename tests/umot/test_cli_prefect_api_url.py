"""``umot serve`` / ``deploy`` / ``run`` never print the password in PREFECT_API_URL, and a URL that
does not parse is one line, exit 2 (was an httpx.InvalidURL traceback from all three)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
# serve_all stubbed: the check and the line printed before serving are what is tested
UMOT = ("import flows.deployments as d; d.serve_all = lambda *a, **k: None; "
        "from umot.cli import app; app()")


def umot(tmp_path: Path, api_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PREFECT_API_URL": api_url, "UMOT_DATA_DIR": str(tmp_path / "data"),
           "UMOT_CONFIG": str(tmp_path / "umot.toml"), "UMOT_EXPORT_DIR": str(tmp_path / "exports"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("UMOT_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", UMOT, *args], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)


def test_serve_names_the_server_without_its_password(tmp_path: Path, prefect_health_api: str) -> None:
    healthy_api = urlsplit(prefect_health_api).port
    done = umot(tmp_path, f"http://ops:SECRETPW@127.0.0.1:{healthy_api}/api", "serve")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"on http://ops:***@127.0.0.1:{healthy_api}/api")
    assert "SECRETPW" not in done.stdout + done.stderr


@pytest.mark.parametrize("command", [["serve"], ["deploy"], ["run", "--no-notify"]])
def test_no_server_there_is_one_line_without_the_password(tmp_path: Path, command: list[str]) -> None:
    done = umot(tmp_path, "http://ops:SECRETPW@127.0.0.1:1/api", *command)  # port 1: nothing listens
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == ("error: no Prefect server answers at http://ops:***@127.0.0.1:1/api (ConnectError); "
                                   "start one with `prefect server start` or set PREFECT_API_URL to yours")


@pytest.mark.parametrize("api_url", ["http://[::1/api", "http://127.0.0.1:4200:99/api"])
@pytest.mark.parametrize("command", [["serve"], ["deploy"], ["run", "--no-notify"]])
def test_a_url_that_does_not_parse_is_one_line(tmp_path: Path, api_url: str, command: list[str]) -> None:
    done = umot(tmp_path, api_url, *command)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (f"error: PREFECT_API_URL {api_url} is not a valid URL: set it to your Prefect "
                                   "server's API (default http://127.0.0.1:4200/api)")
