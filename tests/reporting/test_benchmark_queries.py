"""What the rivals' theme benchmark and the weekly figures ask the store: one query per brand and week (the
week before the previous one is never read), each review's newest score and reading looked up per review."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pandas as pd
from sqlmodel import Session, select

from models.crud import save_scores
from models.crud.journeys import save_journeys
from models.db import get_engine, session_scope
from models.tables import Review
from reporting.data import load_reviews
from reporting.rival_themes import theme_benchmark_rows
from reporting.weeks import parse_week
from tests.reporting.rivals_store import W47, build
from tests.sql_statements import beginning_with, recorded_sql

UTC = ZoneInfo("UTC")
THEMES = {
    "a1": {"delivery": "negative", "price_value": "negative"}, "a2": {"delivery": "negative"},
    "a4": {"delivery": "positive", "price_value": "positive"}, "a5": {"service_staff": "positive"},
    "g1": {"delivery": "positive"}, "g2": {"price_value": "positive"},
    "i1": {"delivery": "negative", "service_staff": "negative"},
    "a0": {"delivery": "negative"}, "i0": {"delivery": "positive"},  # W46
}


def test_the_theme_benchmark_reads_each_brand_once_a_week(db_url: str) -> None:
    brands = build(db_url)
    engine = get_engine(db_url)
    with session_scope(engine) as session:
        ids = dict(session.exec(select(Review.external_id, Review.id)).all())
        save_journeys(session, [{"review_id": ids[ext], "model_version": "t1", "themes": themes, "stages": []}
                                for ext, themes in THEMES.items()])
    with Session(engine) as session, recorded_sql(engine) as statements:
        rows = theme_benchmark_rows(session, brands["Acme"], [brands["Globex"], brands["Initech"]], W47,
                                    *parse_week(W47).bounds(UTC), zone=UTC)
    sent = beginning_with(statements, "SELECT")
    assert len(sent) == 6  # 3 brands x (this week, last week); it was 12, each reading the week before too
    assert not any("GROUP BY" in s.upper() for s in sent)
    assert rows == [
        [W47, "price_value", 2, 50.0, 1, 0.0, 50.0, "worse", None],
        [W47, "delivery", 3, 66.7, 2, 50.0, 16.7, "worse", -83.3],
        [W47, "service_staff", 1, 0.0, 1, 100.0, -100.0, "better", None],
    ]


def test_the_weekly_reviews_take_each_newest_score_without_grouping_every_score(db_url: str) -> None:
    brands = build(db_url)
    engine = get_engine(db_url)
    with session_scope(engine) as session:
        ids = dict(session.exec(select(Review.external_id, Review.id)).all())
        save_scores(session, [{"review_id": ids["a4"], "model_version": "v0-old", "label": "negative"}])  # newest
    with Session(engine) as session, recorded_sql(engine) as statements:
        frame = load_reviews(session, [brands["Acme"], brands["Globex"]], *parse_week(W47).bounds(UTC))
    sent = beginning_with(statements, "SELECT")
    assert len(sent) == 1 and "GROUP BY" not in sent[0].upper()
    labels = dict(zip(frame["review_id"], frame["label"], strict=True))
    assert {ext: labels[ids[ext]] for ext in ("a1", "a4", "a6", "g1")} == {
        "a1": "negative", "a4": "negative", "a6": "neutral", "g1": "positive"}
    assert len(frame) == 8 and not pd.isna(frame["label"]).any()
