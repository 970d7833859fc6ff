"""Read the week's detractors for the export: the flagged rows, and how many there are.

A flagged review's label and probabilities come from the score that raised the
flag (its newest score where the flag names none). Dismissed flags (triaged as
"not a detractor") and flags of reviews edited into no detractor are left out,
here and in the summary's counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlmodel import Session, col

from models.crud.edited_flags import still_detractor
from models.status import FlagStatus
from models.tables import Flag, Review, Score
from reporting.data import dated_between, newest_score_id, review_date

DISMISSED = FlagStatus.dismissed  # reporting.summary's test of a frame's flag_status


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
    """Flagged (not dismissed, not cleared by an edit) reviews of one brand dated in [start, end), worst first."""
    when = review_date().label("date")
    query = (
        select(Review, Flag, Score, when)
        .join(Flag, col(Flag.review_id) == col(Review.id))
        .outerjoin(Score, col(Score.id) == func.coalesce(Flag.score_id, newest_score_id(col(Review.id))))
        .where(
            col(Review.brand_id) == brand_id,
            still_detractor(),
            dated_between(start, end),
        )
        .order_by(col(Flag.severity).desc(), when.desc(), col(Review.id))
    )
    return [FlaggedReview(r, f, s, d) for r, f, s, d in session.execute(query).all()]


def count_flagged(session: Session, start: datetime, end: datetime, brand_ids: list[int] | None = None) -> int:
    """Flagged (not dismissed, not cleared by an edit) reviews dated in [start, end), of ``brand_ids`` (None: every brand)."""
    query = (
        select(func.count(col(Flag.id)))
        .join(Review, col(Flag.review_id) == col(Review.id))
        .where(still_detractor(), dated_between(start, end))
    )
    if brand_ids is not None:
        query = query.where(col(Review.brand_id).in_(brand_ids))
    return int(session.execute(query).scalar_one())
