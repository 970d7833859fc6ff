"""``umot db revision`` numbers a new migration after the newest (0010 after 0009), as the shipped ones
are named; it gave alembic's random hex id, so docs/store.md's "same thing" as alembic's command was
true and the numbering broke with the first new migration."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.migrate import head_revision
from umot.cli import app


def test_a_new_migration_is_numbered_after_the_newest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import models.migrate

    migrations = tmp_path / "migrations"  # a copy: the real folder stays as it is
    shutil.copytree(models.migrate.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(models.migrate, "MIGRATIONS_DIR", migrations)
    head = head_revision()
    assert head is not None and head.isdigit()
    number = f"{int(head) + 1:04d}"
    result = CliRunner().invoke(app, ["db", "revision", "-m", "add review votes", "--empty",
                                      "--database-url", f"sqlite:///{tmp_path / 'u.db'}"])
    assert result.exit_code == 0, result.output
    written = migrations / "versions" / f"{number}_add_review_votes.py"
    assert result.stdout.strip().splitlines()[-1] == str(written)
    text = written.read_text(encoding="utf-8").replace('"', "'")
    assert f"Revision ID: {number}\nRevises: {head}\n" in text, text
