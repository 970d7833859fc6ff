"""Two writers replacing the same reviews' readings at once on PostgreSQL (``umot rescore`` twice, a night's
detect-themes beside a rescore, a triager's correction beside either): both succeed, one reading set is left."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlmodel import col, select

from models.crud import get_or_create_brand, upsert_reviews
from models.crud.journeys import current_journeys, save_journeys
from models.crud.theme_corrections import correct_theme
from models.db import session_scope
from models.tables import Review, ReviewJourney, ReviewTheme
from tests.models.pg_race import race

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(120)]


def _reviews(engine: Engine, n: int) -> list[int]:
    with session_scope(engine) as session:
        brand_id = get_or_create_brand(session, "Acme").id
        assert brand_id is not None
        upsert_reviews(session, [{"source": "t", "external_id": str(i), "text": f"review {i}"} for i in range(n)],
                       brand_id=brand_id)
    with session_scope(engine, write=False) as session:
        return [i for i in session.exec(select(col(Review.id)).order_by(col(Review.id))) if i is not None]


def _readings(ids: list[int], version: str, theme: str) -> list[dict[str, object]]:
    return [{"review_id": rid, "model_version": version, "themes": {theme: "negative"}, "stages": ["use"],
             "primary_stage": "use"} for rid in ids]


def test_two_writers_of_the_same_readings_both_succeed(pg_engine: Engine) -> None:
    ids = _reviews(pg_engine, 3)
    errors = race(pg_engine, lambda s: save_journeys(s, _readings(ids, "v1", "delivery")),
                   lambda s: save_journeys(s, _readings(ids[::-1], "v1", "price_value")))  # other order: no deadlock
    assert errors == []
    with session_scope(pg_engine, write=False) as session:
        assert len(session.exec(select(ReviewJourney)).all()) == 3  # one reading per review
        assert sorted((t.review_id, t.theme) for t in session.exec(select(ReviewTheme))) == [
            (rid, "price_value") for rid in ids]  # the second writer's, whole


def test_a_correction_beside_a_rescore_corrects_the_new_reading(pg_engine: Engine) -> None:
    [rid] = _reviews(pg_engine, 1)
    with session_scope(pg_engine) as session:
        save_journeys(session, _readings([rid], "v1", "delivery"))
    errors = race(pg_engine, lambda s: save_journeys(s, _readings([rid], "v2", "delivery")),
                   lambda s: correct_theme(s, rid, "service_staff", "add", actor="ann", known=("service_staff",)))
    assert errors == []
    with session_scope(pg_engine, write=False) as session:
        now = current_journeys(session, [rid])[rid]
    # read before the rescore committed, the correction would have made the old v1 reading current again
    assert now["model_version"] == "v2"
    assert now["themes"] == {"delivery": "negative", "service_staff": "neutral"}
