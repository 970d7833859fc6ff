"""Saving readings set-wise: a batch of readings is a few statements, whatever its size (one DELETE per table of
the batch's (review, version) pairs, one bulk INSERT per table), with the results saving them one by one gave."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine, event
from sqlmodel import Session, col, select

from models.crud import upsert_reviews
from models.crud.journeys import current_journeys, save_journeys
from models.crud.theme_corrections import correct_theme
from models.tables import Review, ReviewJourney
from tests.sql_statements import recorded_sql


def _reviews(session: Session, brand_id: int, n: int) -> list[int]:
    upsert_reviews(session, [{"source": "t", "external_id": str(i), "text": f"review {i}"} for i in range(n)],
                   brand_id=brand_id)
    session.commit()
    return [int(i or 0) for i in session.exec(select(Review.id).order_by(col(Review.id)))]


def _reading(rid: int, version: str, theme: str, stages: list[str]) -> dict[str, object]:
    return {"review_id": rid, "model_version": version, "themes": {theme: "negative"}, "stages": stages,
            "primary_stage": stages[0]}


def test_a_batch_of_readings_is_a_few_statements_not_a_few_per_review(engine: Engine, session: Session,
                                                                      brand_id: int) -> None:
    ids = _reviews(session, brand_id, 60)
    save_journeys(session, [_reading(rid, "v1", "delivery", ["use"]) for rid in ids])
    correct_theme(session, ids[0], "service_staff", "add", actor="ann", known=("service_staff",))
    session.commit()
    flushes: list[int] = []
    event.listen(session, "after_flush", lambda *a: flushes.append(1))
    with recorded_sql(engine) as statements:
        save_journeys(session, [_reading(rid, "v1", "price_value", ["buy", "use"]) for rid in ids])
    session.commit()
    sent = Counter(s.split(None, 1)[0].upper() for s in statements)
    # one by one, this was 180 DELETEs and 60 flushes
    assert (sent["DELETE"], sent["INSERT"], flushes) == (3, 3, [])
    got = current_journeys(session, ids)
    assert got[ids[0]]["themes"] == {"price_value": "negative", "service_staff": "neutral"}  # the correction stays
    assert all(got[rid] == {"themes": {"price_value": "negative"}, "stages": ["buy", "use"], "primary_stage": "buy",
                            "model_version": "v1"} for rid in ids[1:])
    assert len(session.exec(select(ReviewJourney)).all()) == 60  # replaced, not added


def test_a_reading_given_twice_in_a_batch_keeps_the_last_as_one_by_one(session: Session, brand_id: int) -> None:
    a, b = _reviews(session, brand_id, 2)
    save_journeys(session, [_reading(a, "v1", "delivery", ["use"]), _reading(a, "v2", "price_value", ["use"]),
                            _reading(b, "v1", "delivery", ["use"]), _reading(a, "v1", "service_staff", ["buy"])])
    session.commit()
    got = current_journeys(session, [a, b])
    assert got[a] == {"themes": {"service_staff": "negative"}, "stages": ["buy"], "primary_stage": "buy",
                      "model_version": "v1"}  # the last given is the newest, so the current one
    assert got[b]["themes"] == {"delivery": "negative"}
    assert sorted(session.exec(select(ReviewJourney.model_version).where(ReviewJourney.review_id == a))) == ["v1", "v2"]


def test_a_reading_loaded_before_the_save_is_not_read_back_stale(session: Session, brand_id: int) -> None:
    [a] = _reviews(session, brand_id, 1)
    save_journeys(session, [_reading(a, "v1", "delivery", ["use"])])
    assert current_journeys(session, [a])[a]["primary_stage"] == "use"  # its row now in the session
    save_journeys(session, [_reading(a, "v1", "delivery", ["buy"])])
    assert current_journeys(session, [a])[a]["primary_stage"] == "buy"
    session.commit()
    assert current_journeys(session, [a])[a]["primary_stage"] == "buy"
