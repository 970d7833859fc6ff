"""``umot import --worst``: the worst score of the file's scale (0 for an NPS-style 0-10 survey)."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select
from typer.testing import CliRunner, Result

from umot.cli import app


def _import(db_url: str, file: Path, *options: str) -> Result:
    return CliRunner().invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand",
                                    "--database-url", db_url, *options], catch_exceptions=False)


def test_an_nps_survey_stores_every_score_on_the_stars(tmp_path: Path, db_url: str) -> None:
    from models.db import get_engine, session_scope
    from models.tables import Review

    file = tmp_path / "nps.csv"
    file.write_text("id,score,text\na,0,Never again\nb,5,So-so\nc,10,Love it\n", encoding="utf-8")
    result = _import(db_url, file, "--scale", "10", "--worst", "0")
    assert result.exit_code == 0, result.output
    with session_scope(get_engine(db_url)) as session:
        stored = {r.external_id: (r.rating, r.rating_raw) for r in session.exec(select(Review))}
    assert stored == {"a": (1.0, 0.0), "b": (3.0, 5.0), "c": (5.0, 10.0)}


def test_a_rating_below_the_worst_stores_nothing(tmp_path: Path, db_url: str) -> None:
    file = tmp_path / "half.csv"
    file.write_text("text,rating\nfine,4\nmeh,0.5\n", encoding="utf-8")
    result = _import(db_url, file)
    assert result.exit_code != 0
    assert f"{file} line 3: rating 0.5 is below 1, the scale's worst (use --worst 0 for a scale from 0)" in result.output
    assert "Traceback" not in result.output
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        assert crud.count_reviews(session) == 0
    bad = _import(db_url, file, "--worst", "5")
    assert bad.exit_code != 0 and "--worst must be a finite number from 0 to below --scale (5)" in bad.output
