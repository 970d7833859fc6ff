"""The nightly run judges a review in its stored language (declared by the page or the imported file):
the scorer's own guess was all it read, so a 5★ German review the English model reads as negative
was flagged as a "rating/text mismatch" though the store knew it was German."""

from __future__ import annotations

import pytest

from tests.negative_scorer import NegativeScorer


def test_a_stored_language_wins_and_only_the_low_rating_is_flagged(db_url: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlmodel import select

    from flows.tasks.score import score_pending
    from flows.tasks.score_store import read_batch
    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import Flag, Review, Score

    monkeypatch.setenv("UMOT_DATABASE_URL", db_url)
    reviews = [{"external_id": "de5", "text": "Die App ist toll", "rating": 5.0, "language": "de"},
               {"external_id": "de1", "text": "Die App ist toll", "rating": 1.0, "language": "de"},
               {"external_id": "en5", "text": "Die App ist toll", "rating": 5.0, "language": "en"}]
    with session_scope(get_engine(db_url)) as session:
        brand_id = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, [{**r, "source": "shop"} for r in reviews], brand_id=brand_id)
    outcome = score_pending(NegativeScorer(), read_batch(NegativeScorer.version, (brand_id,), 256))
    assert outcome.new_flags == 2
    with session_scope(get_engine(db_url), write=False) as session:
        found = session.exec(select(Review.external_id, Score.language, Score.detractor)
                             .join(Score, Score.review_id == Review.id)).all()
        flagged = set(session.exec(select(Review.external_id).join(Flag, Flag.review_id == Review.id)).all())
    assert sorted(found) == [("de1", "de", True), ("de5", "de", False), ("en5", "en", True)]
    assert flagged == {"de1", "en5"}
