"""Reply-time figures on a known set, the advocates CSV, and a benchmark with two rivals, cell by cell."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from reporting import write_weekly_export
from tests.reporting.rivals_store import W47, build


@pytest.fixture
def exported(db_url: str, tmp_path: Path) -> dict[str, Path]:
    build(db_url)
    from models.db import get_engine

    paths = write_weekly_export(get_engine(db_url), week=W47, out_dir=tmp_path)
    return {p.name: p for p in paths}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_summary_has_reply_rate_and_time_to_reply(exported) -> None:
    rows = {r["brand"]: r for r in _rows(exported[f"summary-{W47}.csv"])}
    acme, globex, initech = rows["Acme"], rows["Globex"], rows["Initech"]
    # Acme: 3 detractors of 6 reviews, 2 answered (6 h and 30 h): median 18 h
    assert (acme["detractors"], acme["detractor_rate"], acme["reply_rate"], acme["median_reply_hours"]) == (
        "3", "50.0", "66.7", "18.0")
    assert acme["reply_rate_change"] == "66.7"  # W46: one detractor, unanswered
    assert (globex["detractor_rate"], globex["reply_rate"], globex["median_reply_hours"]) == ("0.0", "", "")
    assert (initech["reply_rate"], initech["median_reply_hours"], initech["reply_rate_change"]) == ("100.0", "48.0", "100.0")


def test_advocates_csv(exported) -> None:
    rows = _rows(exported[f"advocates-acme-{W47}.csv"])
    assert [(r["review_id"], r["author"], r["rating"], r["thanked"]) for r in rows] == [
        ("5", "author a5", "", "no"), ("4", "author a4", "5.0", "yes")]
    first = rows[0]
    assert first["date"] == "2026-11-19T10:00:00+00:00" and first["source"] == "trustpilot"
    assert first["url"] == "https://www.trustpilot.com/reviews/a5" and first["text"] == "review a5"
    assert first["label"] == "positive"
    assert [r["author"] for r in _rows(exported[f"advocates-globex-{W47}.csv"])] == ["author g2"]


def test_benchmark_with_two_rivals_cell_by_cell(exported) -> None:
    assert f"benchmark-globex-{W47}.csv" not in exported  # no rivals, no benchmark
    assert exported[f"benchmark-acme-{W47}.png"].read_bytes()[:4] == b"\x89PNG"
    rows = _rows(exported[f"benchmark-acme-{W47}.csv"])
    expected = [
        # week, brand, role, reviews, avg_rating, negative_pct, nps, detractor_rate, reply_rate, median_reply_hours,
        # then the change of each since W46
        [W47, "Acme", "brand", "6", "2.6", "50.0", "-33.3", "50.0", "66.7", "18.0",
         "5", "1.6", "-50.0", "66.7", "-50.0", "66.7", ""],
        [W47, "Globex", "rival", "2", "4.5", "0.0", "50.0", "0.0", "", "",
         "2", "", "", "", "", "", ""],
        [W47, "Initech", "rival", "1", "1.0", "100.0", "-100.0", "100.0", "100.0", "48.0",
         "0", "0.0", "0.0", "0.0", "0.0", "100.0", ""],
    ]
    assert [list(r.values()) for r in rows] == expected
    assert list(rows[0]) == ["week", "brand", "role", "reviews", "avg_rating", "negative_pct", "nps", "detractor_rate",
                             "reply_rate", "median_reply_hours", "reviews_change", "avg_rating_change",
                             "negative_pct_change", "nps_change", "detractor_rate_change", "reply_rate_change",
                             "median_reply_hours_change"]
    assert not math.isnan(float(rows[0]["nps"]))


THEMES = {  # external id -> themes read from it
    "a1": {"delivery": "negative"}, "a2": {"delivery": "negative"}, "a3": {"price_value": "negative"},
    "a4": {"delivery": "positive", "price_value": "positive"}, "a5": {"service_staff": "positive"},
    "g1": {"delivery": "positive"}, "g2": {"price_value": "positive"},
    "i1": {"delivery": "negative", "service_staff": "negative"},
    "a0": {"delivery": "negative"}, "i0": {"delivery": "positive"},  # W46
}


def test_theme_benchmark_says_where_the_brand_does_worse_or_better(db_url: str, tmp_path: Path) -> None:
    from sqlmodel import select

    from models.crud.journeys import save_journeys
    from models.db import get_engine, session_scope
    from models.tables import Review

    build(db_url)
    with session_scope(get_engine(db_url)) as session:
        ids = dict(session.exec(select(Review.external_id, Review.id)).all())
        save_journeys(session, [{"review_id": ids[ext], "model_version": "t1", "themes": themes, "stages": []}
                                for ext, themes in THEMES.items()])
    paths = write_weekly_export(get_engine(db_url), week=W47, out_dir=tmp_path)
    [themes] = [p for p in paths if p.name == f"benchmark-themes-acme-{W47}.csv"]
    rows = [list(r.values()) for r in _rows(themes)]
    # price: Acme 1 of 2 negative vs rivals 0 of 1; delivery: 2 of 3 vs 1 of 2 (W46: 1 of 1 vs 0 of 1);
    # service_staff: 0 of 1 vs 1 of 1
    assert rows == [
        [W47, "price_value", "2", "50.0", "1", "0.0", "50.0", "worse", ""],
        [W47, "delivery", "3", "66.7", "2", "50.0", "16.7", "worse", "-83.3"],
        [W47, "service_staff", "1", "0.0", "1", "100.0", "-100.0", "better", ""],
    ]


def test_the_weekly_artifact_shows_reply_figures_and_the_benchmark(exported) -> None:
    from flows.export_artifact import export_report

    text = export_report(W47, list(exported.values()))
    assert "| answered % | hours to reply |" in text
    assert "| Acme | 6 | 3 | 50.0 | 33.3 | 2.6 | -33.3 | 66.7 | 66.7 | 18.0 |" in text
    assert "**Acme vs rivals**" in text and "| Initech (rival) | 1 | 1.0 | 100.0 | -100.0 | 100.0 | 100.0 | 48.0 |" in text
