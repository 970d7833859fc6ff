"""A 0-5 survey's 0 (``umot import --scale 5 --worst 0``, stored as 1★) reads "0/5" in the CLI list, the queue
CSV and the weekly detractors CSV, and the list rounds predicted stars half up as the CSVs and pages do.

The scale alone (5) decided "stars", so the customer's 0 read "1★" and "rated 1★"; the list wrote
predicted stars with ``:.1f`` (2.25 read 2.2, where every other output rounds it up).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlmodel import select
from triage_pages import BASE_DAY, MODEL
from typer.testing import CliRunner

from models.db import get_engine, session_scope

SURVEY_TEXT = "Zero. Nobody called back about the broken boiler."


@pytest.fixture
def survey(seeded) -> int:  # noqa: ANN001
    """A flagged Acme review rated 0 on a 0-5 survey (stored 1★, reason "rated 1★"), predicted 2.25 stars; its flag id."""
    from models.crud import save_scores, upsert_flags, upsert_reviews
    from models.tables import Flag

    with session_scope(get_engine(seeded.url)) as s:
        [review_id] = upsert_reviews(s, [{
            "source": "import:survey.csv", "external_id": "s1", "rating": 1.0, "rating_raw": 0, "rating_scale": 5,
            "text": SURVEY_TEXT, "published_at": BASE_DAY,
        }], brand_id=seeded.acme).new_ids
        [score_id] = save_scores(s, [{"review_id": review_id, "model_version": MODEL, "label": "negative",
                                      "stars": 2.25, "p_negative": 0.9, "detractor": True, "reasons": ["rated 1★"]}])
        upsert_flags(s, [{"review_id": review_id, "score_id": score_id, "brand_id": seeded.acme,
                          "reasons": ["rated 1★"], "severity": 2.0}])
        return s.exec(select(Flag.id).where(Flag.review_id == review_id)).one()


def test_cli_list_shows_the_published_zero_and_half_up_predicted_stars(seeded, survey: int) -> None:  # noqa: ANN001
    from umot.cli import app

    r = CliRunner().invoke(app, ["detractors", "list", "--brand", "Acme", "--limit", "0", "--database-url", seeded.url],
                           env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    line = next(line for line in r.output.splitlines() if line.lstrip().startswith(f"{survey} "))
    assert " 0/5 " in line and "rated 0/5" in line and "1★" not in line, line
    assert " 2.3 " in line and "2.2" not in line, line


def test_queue_csv_and_weekly_csv_show_the_published_zero(ana, seeded, survey: int, tmp_path: Path) -> None:  # noqa: ANN001
    from reporting.weekly import write_weekly_export

    rows = list(csv.DictReader(io.StringIO(ana.get("/queue.csv").content.decode("utf-8-sig"))))
    row = next(r for r in rows if r["flag_id"] == str(survey))
    assert (row["rating"], row["rating_as_published"], row["reasons"]) == ("1.0", "0/5", "rated 0/5")
    write_weekly_export(get_engine(seeded.url), week="2026-W10", brand="Acme", out_dir=tmp_path, tz="UTC")
    weekly = list(csv.DictReader((tmp_path / "detractors-acme-2026-W10.csv").open(encoding="utf-8")))
    row = next(r for r in weekly if r["text"] == SURVEY_TEXT)
    assert (row["rating_as_published"], row["reasons"]) == ("0/5", "rated 0/5")
