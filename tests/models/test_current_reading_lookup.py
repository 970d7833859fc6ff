"""The current reading is looked up per review asked about (its newest journey row, from the (review_id, id)
index), never by grouping every reading of every brand; reading back many reviews gives what one by one gives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from models.crud import upsert_reviews
from models.crud.journey_stats import stage_weeks, theme_weeks
from models.crud.journeys import current_journeys, save_journeys
from models.tables import Review
from tests.sql_statements import beginning_with, recorded_sql

NOW = datetime(2026, 3, 4, 12, tzinfo=UTC)


def _store(session: Session, brand_id: int, n: int) -> list[int]:
    upsert_reviews(session, [{"source": "t", "external_id": str(i), "text": f"review {i}",
                              "published_at": NOW - timedelta(days=i % 10)} for i in range(n)], brand_id=brand_id)
    ids = [int(i or 0) for i in session.exec(select(Review.id).order_by(col(Review.id)))]
    save_journeys(session, [{"review_id": r, "model_version": "v1", "themes": {"delivery": "negative"},
                             "stages": ["use"], "primary_stage": "use"} for r in ids])
    save_journeys(session, [{"review_id": r, "model_version": "v2", "themes": {"price_value": "positive"},
                             "stages": ["buy", "use"], "primary_stage": "buy"} for r in ids[::3]])
    save_journeys(session, [{"review_id": r, "model_version": "v1", "themes": {"service_staff": "neutral"},
                             "stages": ["refer"], "primary_stage": "refer"} for r in ids[::9]])  # v1 newest again
    session.commit()
    return ids


def _no_grouping(sent: list[str]) -> bool:
    return bool(sent) and not any("GROUP BY" in s.upper() for s in sent)


def test_many_reviews_read_back_as_one_by_one_without_grouping_the_table(engine: Engine, session: Session,
                                                                       brand_id: int) -> None:
    ids = _store(session, brand_id, 1100)  # three batches of 500
    with recorded_sql(engine) as sent:
        many = current_journeys(session, [*ids, -1])
    assert _no_grouping(sent)
    assert many == {rid: current_journeys(session, [rid])[rid] for rid in ids}
    assert many[ids[9]] == {"themes": {"service_staff": "neutral"}, "stages": ["refer"], "primary_stage": "refer",
                            "model_version": "v1"}
    assert many[ids[3]]["model_version"] == "v2" and many[ids[1]]["themes"] == {"delivery": "negative"}


def test_week_figures_count_current_readings_without_grouping_the_table(engine: Engine, session: Session,
                                                                      brand_id: int) -> None:
    _store(session, brand_id, 90)
    start, end = NOW - timedelta(days=4, hours=13), NOW + timedelta(hours=1)  # reviews 0-4 of each ten
    count: Callable[[], dict[str, tuple[int, int, int]]] = lambda: {  # noqa: E731
        w.theme: (w.mentions, w.negative, w.previous_mentions) for w in theme_weeks(session, brand_id, start, end)}
    with recorded_sql(engine) as sent:
        themes = count()
        stages = {s.stage: (s.texts, s.previous_texts) for s in stage_weeks(session, brand_id, start, end, ("use", "buy"))}
    assert _no_grouping(sent)
    # of 45 reviews a window: 5 read v1 again (every ninth), 10 more v2 (every third), 30 the first v1
    assert themes == {"delivery": (30, 30, 30), "price_value": (10, 0, 10), "service_staff": (5, 0, 5)}
    assert stages == {"use": (40, 40), "buy": (10, 10)}


def test_a_window_alone_is_one_query_with_no_previous_counts(engine: Engine, session: Session, brand_id: int) -> None:
    _store(session, brand_id, 90)
    start, end = NOW - timedelta(days=4, hours=13), NOW + timedelta(hours=1)
    with recorded_sql(engine) as sent:
        alone = theme_weeks(session, brand_id, start, end, previous=False)
    assert len(beginning_with(sent, "SELECT")) == 1
    both = theme_weeks(session, brand_id, start, end)
    assert [(w.theme, w.mentions, w.negative, w.positive, w.examples) for w in alone] == [
        (w.theme, w.mentions, w.negative, w.positive, w.examples) for w in both]
    assert all(w.previous_mentions == 0 for w in alone) and any(w.previous_mentions for w in both)
