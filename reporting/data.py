"""Read what the weekly export needs from the store, one query per question.

A review's date is ``published_at`` (when the customer wrote it), falling back
to ``first_seen_at`` for sources that give no date. Its sentiment is its most
recent score (any model version); a flagged review's label and probabilities
come from the score that raised the flag. Dismissed flags (triaged as "not a
detractor") are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import ColumnElement, Subquery, and_, func, label, or_, select
from sqlmodel import Session, col

from models.status import FlagStatus
from models.tables import Brand, Flag, Review, Score

DISMISSED = FlagStatus.dismissed


def review_date() -> ColumnElement[datetime]:
    """The date a review counts under: published, else first seen."""
    return func.coalesce(Review.published_at, Review.first_seen_at)


def dated_between(start: datetime, end: datetime) -> ColumnElement[bool]:
    """``start <= review_date() < end``, spelled so the (brand, published_at) index helps."""
    return or_(
        and_(col(Review.published_at) >= start, col(Review.published_at) < end),
        and_(
            col(Review.published_at).is_(None),
            col(Review.first_seen_at) >= start,
            col(Review.first_seen_at) < end,
        ),
    )


def _latest_scores() -> Subquery:
    return (
        select(col(Score.review_id), func.max(col(Score.id)).label("score_id"))
        .group_by(col(Score.review_id))
        .subquery("latest_score")
    )


def find_brands(session: Session, name: str | None) -> list[Brand]:
    """All brands by name, or the one named (case-insensitive); [] if none matches."""
    query = select(Brand).order_by(Brand.name)
    if name is not None:
        query = query.where(func.lower(Brand.name) == name.strip().lower())
    return list(session.scalars(query))


def load_reviews(
    session: Session, brand_ids: list[int], start: datetime, end: datetime
) -> pd.DataFrame:
    """One row per review dated in [start, end): brand, date, rating, label, stars, flag status,
    whether the brand replied at the source and how many hours after the review."""
    latest = _latest_scores()
    when = review_date().label("date")
    query = (
        select(
            label("review_id", col(Review.id)),
            col(Review.brand_id),
            when,
            col(Review.rating),
            col(Score.label),
            col(Score.stars),
            label("flag_status", col(Flag.status)),
            col(Review.reply_text).is_not(None).label("replied"),
            col(Review.replied_at),
        )
        .outerjoin(latest, latest.c.review_id == col(Review.id))
        .outerjoin(Score, col(Score.id) == latest.c.score_id)
        .outerjoin(Flag, col(Flag.review_id) == col(Review.id))
        .where(col(Review.brand_id).in_(brand_ids), dated_between(start, end))
    )
    rows = session.execute(query).all()
    columns = ["review_id", "brand_id", "date", "rating", "label", "stars", "flag_status", "replied", "replied_at"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"], utc=True)
    frame["rating"] = pd.to_numeric(frame["rating"])
    frame["stars"] = pd.to_numeric(frame["stars"])
    frame["replied"] = frame["replied"].astype(bool)
    # hours from the review to the brand's reply at the source (undated replies: NaN)
    replied_at = pd.to_datetime(frame.pop("replied_at"), utc=True)
    frame["reply_hours"] = (replied_at - frame["date"]).dt.total_seconds() / 3600.0
    return frame


@dataclass(frozen=True)
class FlaggedReview:
    """A detractor row of the export, before formatting."""

    review: Review
    flag: Flag
    score: Score | None
    date: datetime


def load_detractors(
    session: Session, brand_id: int, start: datetime, end: datetime
) -> list[FlaggedReview]:
    """Flagged (not dismissed) reviews of one brand dated in [start, end), worst first."""
    latest = _latest_scores()
    when = review_date().label("date")
    query = (
        select(Review, Flag, Score, when)
        .join(Flag, col(Flag.review_id) == col(Review.id))
        .outerjoin(latest, latest.c.review_id == col(Review.id))
        .outerjoin(Score, col(Score.id) == func.coalesce(Flag.score_id, latest.c.score_id))
        .where(
            col(Review.brand_id) == brand_id,
            col(Flag.status) != DISMISSED,
            dated_between(start, end),
        )
        .order_by(col(Flag.severity).desc(), when.desc(), col(Review.id))
    )
    return [FlaggedReview(r, f, s, d) for r, f, s, d in session.execute(query).all()]


def count_flagged(session: Session, start: datetime, end: datetime, brand_ids: list[int] | None = None) -> int:
    """Flagged (not dismissed) reviews dated in [start, end), of ``brand_ids`` (None: every brand)."""
    query = (
        select(func.count(col(Flag.id)))
        .join(Review, col(Flag.review_id) == col(Review.id))
        .where(col(Flag.status) != DISMISSED, dated_between(start, end))
    )
    if brand_ids is not None:
        query = query.where(col(Review.brand_id).in_(brand_ids))
    return int(session.execute(query).scalar_one())
