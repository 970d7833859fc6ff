"""Advocates: reviews and mentions that recommend the brand to others, to thank and encourage.

An advocate has referral intent ``recommend`` (the text tells others to buy:
"I'd recommend", "told all my friends", ...) and nothing that contradicts it:
no rating below 4 stars, no negative text by the model's latest score and no
flag that still counts as a detractor (``still_detractor``: the detractor counts
and the advocates never name the same review). So an unrated mention that
recommends counts, a 4-5★ review with positive text and a recommendation counts,
and "2★, I'd recommend the old model instead" does not. Every query takes ``brand_ids`` (what the caller may see).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ScalarSelect, exists, func, not_, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from core.ratings import rating_as_published
from models.crud.edited_flags import still_detractor
from models.datetimes import as_utc
from models.stored import stored_id
from models.tables import Brand, Flag, Review, Score

RECOMMEND = "recommend"


@dataclass(frozen=True)
class Advocate:
    """Who recommended the brand, where, what they said, and whether the brand answered."""

    review_id: int
    brand: str
    date: datetime
    source: str
    url: str | None
    author: str | None
    rating: float | None
    label: str | None
    title: str | None
    text: str
    thanked: bool  # the brand already replied at the source
    rating_shown: str | None = None  # the rating as the site showed it (9/10, 5★): core.ratings.rating_as_published


def _newest_score_id() -> ScalarSelect[int]:
    """The newest score id of the review the query reads (correlated, from the (review_id, id) index), as
    ``reporting.data.newest_score_id``: grouping every score of every brand cost 0.8 s per brand on a big store."""
    older = aliased(Score)
    return select(func.max(older.id)).where(col(older.review_id) == col(Review.id)).correlate_except(older).scalar_subquery()


def list_advocates(
    session: Session,
    *,
    brand_ids: Sequence[int] | None,
    brand_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = None,
) -> list[Advocate]:
    """Advocates dated (published, else first seen) in ``[since, until)``, newest first."""
    when = func.coalesce(Review.published_at, Review.first_seen_at)
    query = (
        select(Review, Brand.name, Score.label, when.label("date"))
        .join(Brand, col(Brand.id) == Review.brand_id)
        .outerjoin(Score, col(Score.id) == _newest_score_id())
        .where(
            Review.referral_intent == RECOMMEND,
            or_(col(Review.rating).is_(None), col(Review.rating) >= 4),
            or_(col(Score.label).is_(None), col(Score.label) != "negative"),
            not_(exists().where(col(Flag.review_id) == col(Review.id), still_detractor())),
        )
        .order_by(when.desc(), col(Review.id).desc())
    )
    if brand_ids is not None:
        query = query.where(col(Review.brand_id).in_(list(brand_ids)))
    if brand_id is not None:
        query = query.where(Review.brand_id == brand_id)
    if since is not None:
        query = query.where(when >= as_utc(since))
    if until is not None:
        query = query.where(when < as_utc(until))
    if limit is not None:
        query = query.limit(limit)
    return [
        Advocate(
            review_id=stored_id(r), brand=brand, date=as_utc(date) if isinstance(date, datetime) else date,
            source=r.source, url=r.url, author=r.author, rating=r.rating, label=label,
            title=r.title, text=r.text, thanked=r.reply_text is not None,
            rating_shown=rating_as_published(r.rating, r.rating_raw, r.rating_scale),
        )
        for r, brand, label, date in session.exec(query)
    ]
