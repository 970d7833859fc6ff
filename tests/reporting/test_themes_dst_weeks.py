"""themes- and benchmark-themes-<brand>-<week>.csv compare with the previous ISO week as cut in the export timezone.

Europe/Berlin's 2025-W13 is 167 hours (summer time began on 30 March): "the 168 hours
before W14" reached back into W12 and counted a Sunday-night review there as W13's.
A theme not mentioned in the week has empty shares (no data), never 0.0.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, select

from models import crud
from models.crud.competitors import link_competitor
from models.crud.journeys import save_journeys
from models.db import init_db
from models.tables import Review
from reporting.weekly import write_weekly_export

W12_SUNDAY_NIGHT = datetime(2025, 3, 23, 22, 30, tzinfo=UTC)  # 23:30 in Berlin: W12, within 168 h of W14
W14_TUESDAY = datetime(2025, 4, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def engine(tmp_path: Path):  # noqa: ANN201
    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    with Session(engine) as session:
        initech, acme = crud.get_or_create_brand(session, "Initech"), crud.get_or_create_brand(session, "Acme")
        link_competitor(session, "Acme", "Initech")
        for brand, prefix in ((initech, "i"), (acme, "a")):
            crud.upsert_reviews(session, [{"source": "t", "external_id": f"{prefix}{n}", "text": "late parcel",
                                           "published_at": day} for n, day in enumerate((W12_SUNDAY_NIGHT, W14_TUESDAY), 1)],
                                brand_id=brand.id)
        ids = {r.external_id: r.id for r in session.exec(select(Review))}
        polarity = {"i1": "negative", "i2": "negative", "a1": "positive", "a2": "positive"}
        save_journeys(session, [{"review_id": ids[ext], "model_version": "v1", "themes": {"delivery": p}, "stages": []}
                                for ext, p in polarity.items()])
        session.commit()
    return engine


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_change_is_against_the_previous_iso_week_across_a_dst_change(engine, tmp_path: Path) -> None:
    write_weekly_export(engine, week="2025-W14", brand="Initech", out_dir=tmp_path, tz="Europe/Berlin")
    [delivery] = _rows(tmp_path / "themes-initech-2025-W14.csv")
    assert (delivery["theme"], delivery["mentions"], delivery["change"]) == ("delivery", "1", "1")  # W13 had none


def test_the_theme_gap_has_no_change_when_the_previous_iso_week_had_no_gap(engine, tmp_path: Path) -> None:
    write_weekly_export(engine, week="2025-W14", brand="Acme", out_dir=tmp_path, tz="Europe/Berlin")
    [delivery] = _rows(tmp_path / "benchmark-themes-acme-2025-W14.csv")
    assert (delivery["theme"], delivery["gap_pts"], delivery["verdict"]) == ("delivery", "-100.0", "better")
    assert delivery["gap_change_pts"] == ""  # W13 (Berlin) had no mention: no gap to compare with


def test_a_theme_only_mentioned_the_week_before_has_empty_shares(engine, tmp_path: Path) -> None:
    write_weekly_export(engine, week="2025-W15", brand="Initech", out_dir=tmp_path, tz="Europe/Berlin")
    [delivery] = _rows(tmp_path / "themes-initech-2025-W15.csv")
    assert delivery == {"week": "2025-W15", "brand": "Initech", "theme": "delivery", "mentions": "0",
                        "negative_share": "", "positive_share": "", "change": "-1", "example_review_id": ""}
