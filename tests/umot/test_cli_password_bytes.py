"""A password that is not UTF-8 (Latin-1 ``p\\xe4sswort123`` from a pipe or UMOT_USER_PASSWORD) is refused in one
line by `umot users add` and `users passwd`: it failed with a UnicodeEncodeError traceback from the hasher."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner, Result

from umot.cli import app

runner = CliRunner()
LATIN1 = b"p\xe4sswort123"


def _users(db_url: str, *args: str, input: bytes | None = None) -> Result:
    return runner.invoke(app, ["users", *args, "--database-url", db_url], input=input)


def _listed(db_url: str) -> str:
    return _users(db_url, "list").output


def test_stdin_not_utf8_is_refused(db_url: str) -> None:
    r = _users(db_url, "add", "a@b.example", "--admin", "--password-stdin", input=LATIN1 + b"\n")
    assert r.exit_code == 2 and r.stderr == "error: --password-stdin: password is not UTF-8 text\n", r.output
    assert "a@b.example" not in _listed(db_url)


def test_environment_not_utf8_is_refused(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_USER_PASSWORD", os.fsdecode(LATIN1))  # how Python reads those bytes from the environment
    r = _users(db_url, "add", "a@b.example", "--admin")
    assert r.exit_code == 2 and r.stderr == "error: UMOT_USER_PASSWORD: password is not UTF-8 text\n", r.output
    assert "a@b.example" not in _listed(db_url)
    monkeypatch.setenv("UMOT_USER_PASSWORD", "a good password")
    assert _users(db_url, "add", "a@b.example", "--admin").exit_code == 0
    monkeypatch.setenv("UMOT_USER_PASSWORD", os.fsdecode(LATIN1))
    r = _users(db_url, "passwd", "a@b.example")
    assert r.exit_code == 2 and r.stderr == "error: UMOT_USER_PASSWORD: password is not UTF-8 text\n", r.output


def test_real_process_stdin_not_utf8_is_one_line(db_url: str) -> None:
    """A real stdin hands undecodable bytes on as lone surrogates (not an error) under a UTF-8 locale."""
    env = {k: v for k, v in os.environ.items() if k != "UMOT_USER_PASSWORD"} | {"LC_ALL": "C.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", "from umot.cli import app; app()", "users", "add", "a@b.example", "--admin",
         "--password-stdin", "--database-url", db_url],
        input=LATIN1 + b"\n", capture_output=True, env=env, timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode().strip().splitlines() == ["error: --password-stdin: password is not UTF-8 text"]
    assert "a@b.example" not in _listed(db_url)
