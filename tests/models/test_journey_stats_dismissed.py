"""A dismissed flag ("not a detractor") counts nowhere: not among the detractors' top themes either."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, select

from models.crud import save_scores, upsert_flags, upsert_reviews
from models.crud.journey_stats import detractor_themes
from models.crud.journeys import save_journeys
from models.status import FlagStatus
from models.tables import Flag, Review


def test_dismissed_flags_are_not_among_the_detractors_themes(session: Session, brand_id: int) -> None:
    now = datetime(2026, 11, 30, tzinfo=UTC)
    texts = ["late and rude", "late again", "rude staff"]
    upsert_reviews(session, [{"source": "t", "external_id": str(i), "text": t, "published_at": now - timedelta(days=1)}
                             for i, t in enumerate(texts)], brand_id=brand_id)
    session.commit()
    ids = list(session.exec(select(Review.id).order_by(Review.id)))
    save_scores(session, [{"review_id": r, "model_version": "m", "label": "negative"} for r in ids])
    themes = [{"delivery": "negative", "service_staff": "negative"}, {"delivery": "negative"},
              {"service_staff": "negative"}]
    save_journeys(session, [{"review_id": r, "model_version": "v1", "themes": t, "stages": ["use"],
                             "primary_stage": "use"} for r, t in zip(ids, themes)])
    upsert_flags(session, [{"review_id": r, "brand_id": brand_id, "reasons": [], "severity": 1} for r in ids])
    session.commit()
    window = (now - timedelta(days=7), now)
    before = {t.theme: t.mentions for t in detractor_themes(session, brand_id, *window)}
    assert before == {"delivery": 2, "service_staff": 2}

    for flag in session.exec(select(Flag).where(col(Flag.review_id).in_(ids[:2]))):
        flag.status = FlagStatus.dismissed
        session.add(flag)
    session.commit()
    after = detractor_themes(session, brand_id, *window)
    assert [(t.theme, t.mentions) for t in after] == [("service_staff", 1)]
    assert after[0].examples == [(ids[2], "rude staff")]
