"""The detractor queue's filters: what a page may ask for, and the SQL conditions it becomes.

One ``QueueFilter`` turns into one list of conditions, shared by the queue's
page, its status tabs and the CLI, so every view of the queue agrees on what a
filter means. ``brand_ids`` is part of it: access control lives in the query.
Days (from/to) are whole days in ``zone``: the web layer passes the export
timezone, so the queue cuts days as the overview and the weekly CSVs do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import func, literal, or_
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from models.crud.edited_flags import still_detractor
from models.crud.journeys import has_stage, has_theme
from models.status import OPEN_FLAG_STATUSES, FlagStatus
from models.tables import Flag, Review, Score
from models.text_fold import fold

STATUSES: tuple[FlagStatus, ...] = tuple(FlagStatus)
# Still to act on: the queue's default view and `--status open`.
OPEN_STATUSES = OPEN_FLAG_STATUSES
LABELS = ("negative", "neutral", "positive")
# The brand's public reply at the source: the queue's "Reply" filter.
REPLY_FILTERS = ("unanswered", "answered")
# Every flag that counts as a detractor (not dismissed, not cleared by an edit): what the overview
# and the weekly CSVs count, so a number there and the rows its link opens agree.
COUNTED = "counted"


@dataclass(frozen=True)
class QueueFilter:
    """The queue's filters; empty fields don't filter."""

    brand_ids: Sequence[int] | None = None  # what the caller may see (None = all)
    brand_id: int | None = None
    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    status: str | None = None  # one of STATUSES, "open" (any of OPEN_STATUSES) or COUNTED
    rating: str | None = None  # "1".."5" (nearest whole star, 3.5 counts as 4) or "none"
    label: str | None = None  # the model's label
    q: str | None = None  # text search in title, text and author
    reply: str | None = None  # one of REPLY_FILTERS: whether the brand replied at the source
    theme: str | None = None  # (#18) the review's current reading names this theme
    theme_polarity: str | None = None  # ... with this polarity (one of LABELS); alone: any theme with it
    stage: str | None = None  # (#18) ... or this journey stage
    zone: tzinfo = UTC  # the zone whose days date_from and date_to are


def day_start(day: date, zone: tzinfo) -> datetime | None:
    """00:00 of ``day`` in ``zone`` as UTC (the first instant of the day where DST skips midnight);
    None past what a datetime holds (0001-01-01 east of UTC: the day starts before any stored date)."""
    try:
        return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)
    except OverflowError:
        return None


def review_date() -> Any:
    """When a review was written, or first seen where the site gives no date."""
    return func.coalesce(Review.published_at, Review.first_seen_at)


def filter_conditions(f: QueueFilter, *, with_status: bool = True, search_per_flag: bool = False) -> list[Any]:
    """The filter as SQL conditions on Flag, Review and Score (``with_status=False``: all but the status;
    ``search_per_flag``: the text search as :func:`text_matches` says PostgreSQL needs it)."""
    cond: list[Any] = []
    if f.brand_ids is not None:
        cond.append(col(Flag.brand_id).in_(list(f.brand_ids) or [-1]))
    if f.brand_id is not None:
        cond.append(Flag.brand_id == f.brand_id)
    if f.source:
        cond.append(Review.source == f.source)
    start = day_start(f.date_from, f.zone) if f.date_from else None
    if start is not None:
        cond.append(review_date() >= start)
    end = day_start(f.date_to + timedelta(days=1), f.zone) if f.date_to and f.date_to < date.max else None
    if end is not None:  # 9999-12-31 holds every date: no day after it to stop before
        cond.append(review_date() < end)
    if with_status and f.status == "open":
        cond.append(col(Flag.status).in_(OPEN_STATUSES))
    elif with_status and f.status == COUNTED:
        cond.append(still_detractor())
    elif with_status and f.status:
        cond.append(Flag.status == f.status)
    if f.rating == "none":
        cond.append(col(Review.rating).is_(None))
    elif f.rating:
        stars = int(f.rating)
        cond.append(col(Review.rating) >= stars - 0.5)
        if stars < 5:
            cond.append(col(Review.rating) < stars + 0.5)
    if f.label:
        cond.append(Score.label == f.label)
    if f.reply == "unanswered":
        cond.append(col(Review.reply_text).is_(None))
    elif f.reply == "answered":
        cond.append(col(Review.reply_text).is_not(None))
    if f.theme or f.theme_polarity:
        cond.append(has_theme(f.theme, Flag.review_id, polarity=f.theme_polarity))
    if f.stage:
        cond.append(has_stage(f.stage, Flag.review_id))
    if f.q:
        cond.append(text_matches(f.q, per_flag=search_per_flag))
    return cond


def text_matches(q: str, *, per_flag: bool = False) -> Any:
    """Whether the review has ``q`` in its title, text or author, in any case (every letter, not only ASCII).
    ``per_flag``: asked of each flag's own review in a subquery. As a condition on the joined review,
    PostgreSQL (which cannot estimate a LIKE, and guessed a few rows) began with every review: it folded and
    searched 60,000 to find 6,000 flagged (0.1-0.2 s a query; a queue page runs four). Written
    ``flag.review_id = (its review's id if it matches)``, it is guessed to keep few flags, and the plan starts
    from the flags (a true/false subquery was guessed to keep half: the page sorted every review by date).
    SQLite starts from the flags anyway: there the subquery's second lookup only costs. Same rows either way."""
    term = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = fold(literal(f"%{term}%"))  # folded by the store as the columns are: the two always agree
    review = aliased(Review) if per_flag else Review
    found = or_(*(fold(c).like(pattern, escape="\\") for c in (col(review.text), col(review.title), col(review.author))))
    if not per_flag:
        return found
    return Flag.review_id == select(review.id).where(col(review.id) == Flag.review_id, found).scalar_subquery()
