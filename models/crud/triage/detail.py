"""One detractor's page: the flag with its review and score, the author's other reviews, the trail."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from models.crud.triage.queue import QueueRow, joined_flag_query
from models.crud.triage.queue_filter import review_date
from models.tables import Brand, Flag, FlagEvent, Review, Score


def get_queue_row(session: Session, flag_id: int, brand_ids: Sequence[int] | None) -> QueueRow | None:
    """One flag with its review, score and brand, or None if absent or not visible."""
    stmt = joined_flag_query(select(Flag, Review, Score, Brand.name).select_from(Flag)).where(Flag.id == flag_id)
    if brand_ids is not None:
        stmt = stmt.where(col(Flag.brand_id).in_(list(brand_ids) or [-1]))
    found = session.exec(stmt).first()
    return QueueRow(*found) if found else None


def same_author_reviews(session: Session, review: Review, *, limit: int = 20) -> list[Review]:
    """Other reviews by the same author at the same brand, newest first."""
    if not review.author:
        return []
    stmt = (
        select(Review)
        .where(Review.brand_id == review.brand_id, Review.author == review.author, Review.id != review.id)
        .order_by(review_date().desc())
        .limit(limit)
    )
    return list(session.exec(stmt).all())


def flag_events(session: Session, flag_id: int) -> list[FlagEvent]:
    """The audit trail of one flag, oldest first."""
    stmt = select(FlagEvent).where(FlagEvent.flag_id == flag_id).order_by(col(FlagEvent.at), col(FlagEvent.id))
    return list(session.exec(stmt).all())


def flag_id_for_review(session: Session, review_id: int, brand_ids: Sequence[int] | None) -> int | None:
    """The flag of a review (a visible one), e.g. for links from the weekly export."""
    stmt = select(Flag.id).where(Flag.review_id == review_id)
    if brand_ids is not None:
        stmt = stmt.where(col(Flag.brand_id).in_(list(brand_ids) or [-1]))
    return session.exec(stmt).first()
