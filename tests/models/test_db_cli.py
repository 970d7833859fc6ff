"""``umot db upgrade`` / ``umot db current`` from the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from models.migrate import head_revision
from umot.cli import app


def test_db_upgrade_then_current(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    behind = runner.invoke(app, ["db", "current", "--check", "--database-url", url])
    assert behind.exit_code == 1 and "(none)" in behind.output
    assert not (tmp_path / "cli.db").exists()  # looking does not create the file

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
