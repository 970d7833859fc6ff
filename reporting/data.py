"""Read what the weekly export needs from the store, one query per question.

A review's date is ``published_at`` (when the customer wrote it), falling back
to ``first_seen_at`` for sources that give no date. Its sentiment is its most
recent score (any model version). The detractors' rows and counts are read by
``reporting.detractor_data``, with these same rules.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, ScalarSelect, and_, func, label, not_, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from models.crud.brands import matching_brands
from models.crud.edited_flags import cleared_by_edit
from models.tables import Brand, Flag, Review, Score


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


def newest_score_id(review_id: Any) -> ScalarSelect[int]:
    """The newest score id of the review ``review_id`` names (correlated), looked up per review from the
    (review_id, id) index: grouping every score of every brand cost the most of a week's read."""
    older = aliased(Score)
    return select(func.max(older.id)).where(col(older.review_id) == review_id).correlate_except(older).scalar_subquery()


def find_brands(session: Session, name: str | None) -> list[Brand]:
    """All brands by name, or those ``name`` may mean under the store's one naming rule
    (``models.crud.brands.matching_brands``: one, none, or several left from before it)."""
    if name is not None:
        return matching_brands(session, name)
    return list(session.scalars(select(Brand).order_by(Brand.name)))


def load_reviews(
    session: Session, brand_ids: list[int], start: datetime, end: datetime
) -> pd.DataFrame:
    """One row per review dated in [start, end): brand, date, rating, label, stars, flag status
    (none where an edit cleared the flag), whether the brand replied at the source and how many hours after the review
    (reviews and replies with their own date only)."""
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
            col(Review.published_at).is_not(None).label("dated"),
        )
        .select_from(Review)
        .outerjoin(Score, col(Score.id) == newest_score_id(col(Review.id)))
        .outerjoin(Flag, (col(Flag.review_id) == col(Review.id)) & not_(cleared_by_edit()))  # cleared: no flag
        .where(col(Review.brand_id).in_(brand_ids), dated_between(start, end))
    )
    rows = session.execute(query).all()
    columns = ["review_id", "brand_id", "date", "rating", "label", "stars", "flag_status", "replied", "replied_at",
               "dated"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"], utc=True)
    frame["rating"] = pd.to_numeric(frame["rating"])
    frame["stars"] = pd.to_numeric(frame["stars"])
    frame["replied"] = frame["replied"].astype(bool)
    # hours from the review to the brand's reply at the source; NaN for an undated reply, and for an undated
    # review: it is dated when first seen, often after the reply (-400 h), as the nightly report leaves it out
    replied_at = pd.to_datetime(frame.pop("replied_at"), utc=True).where(frame.pop("dated").astype(bool))
    # never below 0, as core.dates.reply_hours: a reply timed earlier on the day of a review dated by its day only
    frame["reply_hours"] = ((replied_at - frame["date"]).dt.total_seconds() / 3600.0).clip(lower=0)
    return frame
