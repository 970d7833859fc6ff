"""`umot db` on a store file not there yet: `revision` (which diffs against the store) leaves no empty file
behind, and `upgrade base` says the new store is at no revision rather than "None"."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def test_db_revision_on_a_missing_store_makes_no_file(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "x.db"
    result = runner.invoke(app, ["db", "revision", "-m", "x", "--database-url", f"sqlite:///{path}"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (f"error: no database at {path} to diff against: run `umot db upgrade` "
                                     "or check --database-url")
    assert not path.parent.exists()


def test_db_upgrade_base_on_a_new_store_says_no_revision(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    result = runner.invoke(app, ["db", "upgrade", "base", "--database-url", url])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{url}: at revision (none)"
