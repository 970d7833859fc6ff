"""A store whose ``<db>.migrate.lock`` cannot be made (a read-only folder or file system) is one line and exit 2
from every command that opens it, as from `umot db upgrade`: `brands list`, `export` and the others failed
with an OSError traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from umot.cli import app

runner = CliRunner()
COMMANDS = [["brands", "list"], ["detractors", "list"], ["users", "list"], ["export"], ["sources", "list"],
            ["db", "upgrade"]]


@pytest.fixture
def locked_store(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The store's migration lock path made uncreatable: a folder in its place (root ignores permissions)."""
    monkeypatch.setenv("UMOT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    lock = tmp_path / "umot.db.migrate.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    return tmp_path / "umot.db"


def _one_line(result: Result, url: str, reason: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot migrate database {url}: "), lines
    assert reason in lines[0] and "umot.db.migrate.lock" in lines[0]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_lock_file_that_cannot_be_made_is_one_line(locked_store: Path, db_url: str, args: list[str]) -> None:
    before = locked_store.read_bytes()
    _one_line(runner.invoke(app, [*args, "--database-url", db_url]), db_url, "Is a directory")
    assert locked_store.read_bytes() == before  # nothing stored lost or changed


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into a 0555 folder")
def test_read_only_folder_is_one_line(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    (tmp_path / "umot.db.migrate.lock").unlink(missing_ok=True)
    tmp_path.chmod(0o555)
    try:
        _one_line(runner.invoke(app, ["brands", "list", "--database-url", db_url]), db_url, "Permission denied")
    finally:
        tmp_path.chmod(0o755)


def test_read_only_file_system_is_one_line(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a mount with ``ro`` answers (faked: tests cannot mount one)."""
    import errno

    import models.migrate

    def read_only(path: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setattr(models.migrate, "open", read_only, raising=False)
    _one_line(runner.invoke(app, ["sources", "list", "--database-url", db_url]), db_url, "Read-only file system")
