"""``umot import`` of a file whose row gives the rating twice (``rating`` and ``score``): as its --help
says, two ratings more than half a star apart are refused in one line naming the file, line and both
columns (exit 2, nothing stored: an upvote ``score`` of 1 was read as a 1-star detractor); two within half
a star (4.5 and a rounded 5) import the first. Two cells of another field import the first one."""

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


def test_rating_and_score_that_disagree_store_nothing(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "two.csv"
    file.write_text("text,rating,score\nFine kettle,4,4\nGood stuff here,5,1\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {file} line 3: columns 'rating' and 'score' hold different ratings ('5' and '1'); "
        "keep one of them, or rename the other"]
    assert _count(db_url) == 0


def test_rating_and_stars_that_agree_are_imported(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "two.csv"
    file.write_text("text,rating,stars,review,date,created_at\nFine kettle,4,4.0,Fine,2024-03-05,2024-04-20\n"
                    "Good stuff here,4.5,5,Good,2024-03-06,\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stdout and _count(db_url) == 2
    assert _stored(db_url) == [("Fine kettle", 4.0, "2024-03-05"), ("Good stuff here", 4.5, "2024-03-06")]


def _stored(db_url: str) -> list[tuple[str, float | None, str | None]]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url)) as session:
        reviews = session.exec(select(Review).order_by(Review.text)).all()
        return [(r.text, r.rating, r.published_at.date().isoformat() if r.published_at else None) for r in reviews]
