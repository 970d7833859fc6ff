"""``umot import`` of a file whose row gives one field twice (``rating`` and ``stars``): as its --help
says, two values that differ are refused in one line naming the file, line and both columns (exit 2,
nothing stored); the same value twice is imported. The first non-empty one was read, the other dropped."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()


def _count(db_url: str) -> int:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return crud.count_reviews(session)


def test_rating_and_stars_that_disagree_store_nothing(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "two.csv"
    file.write_text("text,rating,stars\nFine kettle,4,4\nGood stuff here,5,4\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {file} line 3: columns 'rating' and 'stars' hold different values ('5' and '4'); "
        "keep one of them, or make them agree"]
    assert _count(db_url) == 0


def test_rating_and_stars_that_agree_are_imported(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "two.csv"
    file.write_text("text,rating,stars\nFine kettle,4,4.0\nGood stuff here,5,\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stdout and _count(db_url) == 2
