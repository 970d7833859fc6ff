"""Output stdout cannot take (``> /dev/full``, a full disk) is one line on stderr and exit 1, on every
command, ``--help`` too, where it was a 50-line traceback; a closed pipe (``| head``) stays quiet, exit 1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

UMOT = [sys.executable, "-c", "from umot.cli import app; app()"]
FULL = Path("/dev/full")
ONE_LINE = "error: cannot write output: No space left on device\n"

pytestmark = pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    with FULL.open("w") as full:
        return subprocess.run([*UMOT, *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False)


@pytest.mark.parametrize("args", [["--help"], ["sources", "--help"]])
def test_help_onto_a_full_device_is_one_line(args: list[str]) -> None:
    done = _run(args)
    assert (done.returncode, done.stderr) == (1, ONE_LINE)


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_a_listing_onto_a_full_device_is_one_line(db_url: str, fmt: str) -> None:
    done = _run(["detractors", "list", "--format", fmt, "--database-url", db_url])
    assert (done.returncode, done.stderr) == (1, ONE_LINE)


def test_what_print_left_buffered_is_written_and_checked_before_the_exit(tmp_path: Path) -> None:
    """`umot brands list` prints a line or two with typer.echo: flushed at exit, where it failed as
    "Exception ignored ... OSError" (exit 120), after the command had said nothing."""
    from models.db import init_db

    url = f"sqlite:///{tmp_path / 'umot.db'}"
    init_db(url)
    done = _run(["brands", "list", "--database-url", url, "--config", str(tmp_path / "umot.toml")])
    assert (done.returncode, done.stderr) == (1, ONE_LINE)


def test_a_closed_pipe_stays_quiet() -> None:
    with subprocess.Popen([*UMOT, "--help"], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as umot:
        assert umot.stdout is not None and umot.stderr is not None
        umot.stdout.close()  # the reader is gone before umot writes
        err = umot.stderr.read()
        assert (umot.wait(timeout=120), err) == (1, b"")


def test_other_os_errors_are_not_taken_for_the_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a failure of stdout's own writes is "cannot write output": another OSError is the command's."""
    from typer.testing import CliRunner

    from umot.cli import app

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("umot.cli.brands.open_store", full_disk)
    result = CliRunner().invoke(app, ["brands", "list"])
    assert isinstance(result.exception, OSError) and result.exception.errno == 28
    assert "cannot write output" not in result.output
