"""Per-brand figures for a time window (nightly summary, weekly export, web).

Figures are exact, never rounded here: whoever shows them rounds once, and a change
is taken from the exact figures (a mean of 56/22 rounded to 2.545 first read 2.54).
"""

from __future__ import annotations

import statistics
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from core.dates import reply_hours
from models.crud.edited_flags import still_detractor
from models.datetimes import as_utc
from models.tables import Brand, Flag, Review, Score

LABELS = ("negative", "neutral", "positive")


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def brand_summary(
    session: Session, *, since: datetime, until: datetime, model_version: str | None = None
) -> list[dict[str, Any]]:
    """One dict per brand (all brands, by name) for reviews first seen in ``[since, until)``.

    Keys: ``brand_id, brand, new_reviews, scored, detractors`` (flags that still count: not dismissed in
    triage, not cleared by an edit), ``share_negative, share_neutral, share_positive`` (of scored reviews
    with a label; ``None`` when none), ``avg_rating`` (1-5, rated reviews), ``avg_stars`` (predicted),
    ``reply_rate`` (share of those detractors answered at the source) and
    ``median_reply_hours`` (review to reply, dated replies; see :func:`reply_figures`).
    Scores (labels, stars) come from ``model_version``, or each review's newest score when ``None``;
    detractors are flags whatever model raised them: a flag keeps counting after a re-score, as it
    keeps its triage state (the weekly summary and ``detractors list --status counted`` count so too).
    """
    in_window = and_(
        col(Review.brand_id) == Brand.id,
        col(Review.first_seen_at) >= as_utc(since),
        col(Review.first_seen_at) < as_utc(until),
    )
    newest = None
    if model_version is not None:
        score_on = and_(col(Score.review_id) == Review.id, col(Score.model_version) == model_version)
    else:
        newest = select(Score.review_id, func.max(Score.id).label("score_id")).group_by(col(Score.review_id)).subquery()
        score_on = col(Score.id) == newest.c.score_id

    def count_label(label: str) -> Any:
        return func.sum(case((col(Score.label) == label, 1), else_=0))

    # sqlalchemy's select: sqlmodel's is typed for at most four columns
    query = (
        sa_select(
            col(Brand.id),
            col(Brand.name),
            func.count(col(Review.id)),
            func.count(col(Score.id)),
            func.count(col(Score.label)),
            *(count_label(label) for label in LABELS),
            func.avg(Review.rating),
            func.avg(Score.stars),
        )
        .select_from(Brand)
        .outerjoin(Review, in_window)
        .group_by(col(Brand.id), col(Brand.name))
        .order_by(col(Brand.name))
    )
    if newest is not None:
        query = query.outerjoin(newest, newest.c.review_id == Review.id)
    query = query.outerjoin(Score, score_on)
    summary = []
    flags = reply_figures(session, since=since, until=until)  # the detractors, and of those the replies
    for brand_id, name, new, scored, labelled, neg, neu, pos, rating, stars in session.execute(query):
        labelled, flagged = int(labelled or 0), flags.get(brand_id, {})
        summary.append(
            {
                "brand_id": brand_id,
                "brand": name,
                "new_reviews": int(new or 0),
                "scored": int(scored or 0),
                "detractors": int(flagged.get("detractors") or 0),
                "share_negative": _share(int(neg or 0), labelled),
                "share_neutral": _share(int(neu or 0), labelled),
                "share_positive": _share(int(pos or 0), labelled),
                "avg_rating": None if rating is None else float(rating),
                "avg_stars": None if stars is None else float(stars),
                "reply_rate": flagged.get("reply_rate"),
                "median_reply_hours": flagged.get("median_reply_hours"),
            }
        )
    return summary


def reply_figures(session: Session, *, since: datetime, until: datetime) -> dict[int, dict[str, float | None]]:
    """Per brand with any, the flags that still count (:func:`still_detractor`) of reviews first seen in
    ``[since, until)``: how many (``detractors``), the share the brand answered at the source, and the
    median hours from review to a dated reply."""
    query = (
        select(Review.brand_id, col(Review.reply_text).is_not(None), Review.published_at, Review.replied_at)
        .join(Flag, col(Flag.review_id) == Review.id)
        .where(
            still_detractor(),  # not dismissed, not cleared by an edit
            Review.first_seen_at >= as_utc(since),
            Review.first_seen_at < as_utc(until),
        )
    )
    flagged: dict[int, list[bool]] = {}
    hours: dict[int, list[float]] = {}
    for brand_id, answered, published, replied in session.exec(query):
        flagged.setdefault(brand_id, []).append(bool(answered))
        if answered and published is not None and replied is not None:
            hours.setdefault(brand_id, []).append(reply_hours(as_utc(published), as_utc(replied)))
    return {
        brand_id: {
            "detractors": len(answers),
            "reply_rate": _share(sum(answers), len(answers)),
            "median_reply_hours": statistics.median(hours[brand_id]) if hours.get(brand_id) else None,
        }
        for brand_id, answers in flagged.items()
    }
