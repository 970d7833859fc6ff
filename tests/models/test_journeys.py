"""Themes and stages in the store (#18): readings per detector version, filters, triage corrections."""

from __future__ import annotations

from datetime import UTC

import pytest
from sqlmodel import Session, select

from models.crud import upsert_flags, upsert_reviews
from models.crud.journeys import current_journeys, has_stage, has_theme, save_journeys, undetected_reviews
from models.crud.theme_corrections import ThemeCorrectionError, correct_theme, corrections_for_training
from models.tables import FlagEvent, Review, ReviewTheme, ThemeCorrection

KNOWN = ("product_quality", "delivery", "service_staff", "loyalty_card")


def _reviews(session: Session, brand_id: int, n: int = 2) -> list[int]:
    upsert_reviews(session, [{"source": "t", "external_id": str(i), "text": f"review {i} arrived late"}
                             for i in range(n)], brand_id=brand_id)
    session.commit()
    return list(session.exec(select(Review.id).order_by(Review.id)))


def test_readings_are_kept_per_version_and_the_newest_is_current(session: Session, brand_id: int) -> None:
    a, b = _reviews(session, brand_id)
    save_journeys(session, [
        {"review_id": a, "model_version": "v1", "themes": {"delivery": "negative"}, "stages": ["use"], "primary_stage": "use"},
        {"review_id": b, "model_version": "v1", "themes": {}, "stages": ["use", "repeat"], "primary_stage": "repeat"},
    ])
    session.commit()
    assert [r.id for r, _ in undetected_reviews(session, model_version="v1")] == []
    assert [r.id for r, _ in undetected_reviews(session, model_version="v2")] == [a, b]
    save_journeys(session, [{"review_id": a, "model_version": "v2", "themes": {"product_quality": "positive"},
                             "stages": ["buy", "use"], "primary_stage": "buy"}])
    session.commit()
    got = current_journeys(session, [a, b])
    assert got[a]["themes"] == {"product_quality": "positive"} and got[a]["stages"] == ["buy", "use"]
    assert got[b]["primary_stage"] == "repeat"
    assert len(session.exec(select(ReviewTheme).where(ReviewTheme.review_id == a)).all()) == 2  # v1 kept
    # filters read the current reading only: v1's delivery no longer counts
    assert list(session.exec(select(Review.id).where(has_theme("delivery")))) == []
    assert list(session.exec(select(Review.id).where(has_theme("product_quality")))) == [a]
    assert list(session.exec(select(Review.id).where(has_stage("repeat")))) == [b]


def test_a_correction_is_audited_survives_a_new_reading_and_feeds_training(session: Session, brand_id: int) -> None:
    a, _ = _reviews(session, brand_id)
    upsert_flags(session, [{"review_id": a, "brand_id": brand_id, "reasons": ["p_negative 0.9"], "severity": 1}])
    save_journeys(session, [{"review_id": a, "model_version": "v1", "themes": {"delivery": "negative"},
                             "stages": ["use"], "primary_stage": "use"}])
    session.commit()
    after = correct_theme(session, a, "delivery", "remove", actor="ann@example.com", known=KNOWN)
    after = correct_theme(session, a, "service_staff", "add", actor="ann@example.com", known=KNOWN, polarity="negative")
    session.commit()
    assert after == {"service_staff": "negative"}
    events = session.exec(select(FlagEvent).where(FlagEvent.field_name == "themes").order_by(FlagEvent.id)).all()
    assert [e.new_value for e in events] == ["(none)", "service_staff (negative)"]
    assert events[0].old_value == "delivery (negative)" and events[0].actor == "ann@example.com"
    # a new detector version still finds delivery: the triager's removal holds
    save_journeys(session, [{"review_id": a, "model_version": "v2", "themes": {"delivery": "negative"},
                             "stages": ["use"], "primary_stage": "use"}])
    session.commit()
    assert current_journeys(session, [a])[a]["themes"] == {"service_staff": "negative"}
    [example] = corrections_for_training(session, brand_id)
    assert example.added == ("service_staff",) and example.removed == ("delivery",) and "arrived late" in example.text


@pytest.mark.parametrize(("theme", "action", "polarity", "message"), [
    ("shipping", "add", None, "unknown theme 'shipping'"),
    ("delivery", "toggle", None, "action 'toggle'"),
    ("delivery", "add", "furious", "polarity 'furious'"),
])
def test_bad_corrections_change_nothing(session: Session, brand_id: int, theme: str, action: str,
                                        polarity: str | None, message: str) -> None:
    a, _ = _reviews(session, brand_id)
    save_journeys(session, [{"review_id": a, "model_version": "v1", "themes": {"delivery": "negative"},
                             "stages": ["use"], "primary_stage": "use"}])
    session.commit()
    with pytest.raises(ThemeCorrectionError, match=message):
        correct_theme(session, a, theme, action, actor="x", known=KNOWN, polarity=polarity)
    session.rollback()
    assert session.exec(select(ThemeCorrection)).all() == []
    assert current_journeys(session, [a])[a]["themes"] == {"delivery": "negative"}


def test_week_figures_by_theme_and_stage(session: Session, brand_id: int) -> None:
    from datetime import datetime, timedelta

    from models.crud import save_scores
    from models.crud.journey_stats import detractor_themes, stage_weeks, theme_weeks

    now = datetime(2026, 11, 30, tzinfo=UTC)
    rows = [("late and rude", now - timedelta(days=1)), ("late again", now - timedelta(days=2)),
            ("great fries", now - timedelta(days=3)), ("was late", now - timedelta(days=9))]
    upsert_reviews(session, [{"source": "t", "external_id": str(i), "text": t, "published_at": d}
                             for i, (t, d) in enumerate(rows)], brand_id=brand_id)
    session.commit()
    ids = list(session.exec(select(Review.id).order_by(Review.id)))
    save_scores(session, [{"review_id": r, "model_version": "m", "label": lab}
                          for r, lab in zip(ids, ["negative", "negative", "positive", "negative"])])
    themes = [{"delivery": "negative", "service_staff": "negative"}, {"delivery": "negative"},
              {"product_quality": "positive"}, {"delivery": "negative"}]
    stages = [["use", "refer"], ["use", "repeat"], ["use"], ["use"]]
    save_journeys(session, [{"review_id": r, "model_version": "v1", "themes": t, "stages": s, "primary_stage": "use"}
                            for r, t, s in zip(ids, themes, stages)])
    upsert_flags(session, [{"review_id": ids[0], "brand_id": brand_id, "reasons": [], "severity": 1}])
    session.commit()
    week = {w.theme: w for w in theme_weeks(session, brand_id, now - timedelta(days=7), now)}
    assert (week["delivery"].mentions, week["delivery"].negative_share, week["delivery"].change) == (2, 1.0, 1)
    assert week["product_quality"].positive_share == 1.0 and week["delivery"].example_review_id == ids[0]
    by_stage = {s.stage: s for s in stage_weeks(session, brand_id, now - timedelta(days=7), now, ("use", "refer", "buy"))}
    assert (by_stage["use"].texts, by_stage["use"].negative, by_stage["use"].previous_texts) == (3, 2, 1)
    assert by_stage["buy"].texts == 0 and by_stage["refer"].negative_share == 1.0
    top = detractor_themes(session, brand_id, now - timedelta(days=7), now)
    assert [(t.theme, t.mentions) for t in top] == [("delivery", 1), ("service_staff", 1)]
    assert top[0].examples == [(ids[0], "late and rude")]
