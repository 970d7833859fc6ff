"""`postgresql:///` (``postgresql://$HOST/$DB`` with both unset) is one line and exit 2 from every command,
from --database-url or UMOT_DATABASE_URL: it migrated libpq's default database and stored there."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from umot.cli import app

runner = CliRunner()
WHY = "names no database (libpq would take its default one and umot would create its tables there)"


@pytest.fixture(autouse=True)
def _own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.delenv("UMOT_DATABASE_URL", raising=False)
    monkeypatch.delenv("PGDATABASE", raising=False)


def _one_line(result: Result, url: str, origin: str = "") -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"error: database URL {url!r}{origin} {WHY}: give postgresql://USER@HOST/DB or set PGDATABASE"


@pytest.mark.parametrize("args", [["db", "upgrade"], ["db", "current"], ["brands", "list"], ["export"]], ids=" ".join)
def test_option_naming_no_database_is_refused(args: list[str]) -> None:
    _one_line(runner.invoke(app, [*args, "--database-url", "postgresql://127.0.0.1:9/"]), "postgresql://127.0.0.1:9/")


def test_environment_naming_no_database_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql:///")
    _one_line(runner.invoke(app, ["brands", "list"]), "postgresql:///", " (from UMOT_DATABASE_URL)")
