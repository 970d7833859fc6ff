"""``umot db upgrade`` / ``umot db current`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.migrate import head_revision
from umot.cli import app


def test_db_upgrade_then_current(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    behind = runner.invoke(app, ["db", "current", "--check", "--database-url", url])
    assert behind.exit_code == 1  # a store not created yet is behind
    assert f"no database at {tmp_path / 'cli.db'} yet, newest revision {head_revision()}" in behind.output
    assert not (tmp_path / "cli.db").exists()  # looking does not create the file
    assert runner.invoke(app, ["db", "current", "--database-url", url]).exit_code == 0  # without --check: a report

    done = runner.invoke(app, ["db", "upgrade", "--database-url", url])
    assert done.exit_code == 0, done.output
    assert f"at revision {head_revision()}" in done.output

    now = runner.invoke(app, ["db", "current", "--check", "--database-url", url])
    assert now.exit_code == 0 and "up to date" in now.output


def test_db_upgrade_names_an_unreachable_database() -> None:
    result = CliRunner().invoke(
        app, ["db", "upgrade", "--database-url", "postgresql://nobody:secret@127.0.0.1:9/none"]
    )
    assert result.exit_code == 2
    assert "cannot migrate database" in result.output and "secret" not in result.output


SUPPORTED = "umot supports SQLite (sqlite:///PATH) and PostgreSQL (postgresql://USER@HOST/DB)"


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["db", "upgrade", "--database-url", "mysql://x:secret@y/z"], {},
         f"error: unsupported database URL 'mysql://x:***@y/z': {SUPPORTED}"),
        (["db", "current"], {"UMOT_DATABASE_URL": "foo"},
         f"error: cannot parse database URL 'foo' (from UMOT_DATABASE_URL): {SUPPORTED}"),
        (["detractors", "list"], {"UMOT_DATABASE_URL": "foo"},
         f"error: cannot parse database URL 'foo' (from UMOT_DATABASE_URL): {SUPPORTED}"),
        (["users", "list", "--database-url", "oracle://u:secret@h/d"], {},
         f"error: unsupported database URL 'oracle://u:***@h/d': {SUPPORTED}"),
    ],
)
def test_bad_database_url_is_one_line_exit_2(args: list[str], env: dict[str, str], expected: str) -> None:
    """Was a 53-line traceback ending in ModuleNotFoundError / ArgumentError."""
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert result.stderr.strip() == expected


@pytest.mark.parametrize(
    "args",
    [["export", "--week", "2026-W10"], ["detractors", "list"], ["detractors", "list", "--format", "csv"],
     ["users", "list"], ["webhook", "list"]],
)
def test_reading_commands_refuse_a_missing_sqlite_file(tmp_path: Path, args: list[str]) -> None:
    """A mistyped --database-url must not create (and report on) an empty store."""
    db = tmp_path / "typo" / "path.db"
    env = {"UMOT_EXPORT_DIR": str(tmp_path / "x")}
    result = CliRunner().invoke(app, [*args, "--database-url", f"sqlite:///{db}"], env=env)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: no database at {db}: run `umot db upgrade` or check --database-url (or UMOT_DATABASE_URL)"
    )
    assert not db.exists() and not db.parent.exists() and not (tmp_path / "x").exists()
