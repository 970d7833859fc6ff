"""Per-brand figures for the overview page: detractors and ratings per week, sentiment split.

Weeks are bucketed in Python (Monday-based) rather than in SQL, which keeps
the query the same on SQLite and PostgreSQL; a brand's window is a few
thousand rows at most. A week runs Monday 00:00 to Monday 00:00 in the zone the
caller passes (the export timezone), as the weekly CSVs cut it; the models layer
does not resolve it itself (reporting does, above it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import func
from sqlalchemy import select as sa_select  # five columns: sqlmodel's select is typed for four
from sqlmodel import Session, col, select

from models.crud.edited_flags import cleared_by_edit
from models.crud.triage.queue_filter import LABELS, review_date
from models.status import FlagStatus
from models.tables import Flag, Review, Score


@dataclass
class WeekFigures:
    week: date  # the Monday
    reviews: int = 0
    detractors: int = 0
    rating_sum: float = 0.0
    rated: int = 0

    @property
    def avg_rating(self) -> float | None:
        return self.rating_sum / self.rated if self.rated else None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _local(stamp: datetime | str, zone: tzinfo) -> datetime:
    """A stored time in ``zone``; naive ones (SQLite's text) are UTC, as the store writes them."""
    if isinstance(stamp, str):  # SQLite returns coalesce() of datetimes as text
        stamp = datetime.fromisoformat(stamp)
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).astimezone(zone)


def weekly_figures(session: Session, brand_id: int, *, weeks: int = 12, zone: tzinfo = UTC) -> list[WeekFigures]:
    """The ``weeks`` weeks up to the brand's newest review (empty when it has none), cut in ``zone``."""
    newest = session.exec(select(func.max(review_date())).where(Review.brand_id == brand_id)).one()
    if newest is None:
        return []
    first = _monday(_local(newest, zone).date()) - timedelta(weeks=weeks - 1)
    since = datetime.combine(first, time.min, tzinfo=zone).astimezone(UTC)  # the offset of that Monday (DST)
    buckets = {first + timedelta(weeks=i): WeekFigures(first + timedelta(weeks=i)) for i in range(weeks)}
    stmt = (
        sa_select(col(Review.published_at), col(Review.first_seen_at), col(Review.rating), col(Flag.status),
                  cleared_by_edit())
        .outerjoin(Flag, col(Flag.review_id) == Review.id)
        .where(col(Review.brand_id) == brand_id, review_date() >= since)
    )
    for published, first_seen, rating, flag_status, cleared in session.execute(stmt):
        fig = buckets.get(_monday(_local(published or first_seen, zone).date()))
        if fig is None:
            continue
        fig.reviews += 1
        # A dismissed flag was triaged "not a detractor", one cleared by an edit is none any more:
        # not counted, as in the weekly CSVs (models.crud.edited_flags).
        fig.detractors += flag_status is not None and flag_status != FlagStatus.dismissed and not cleared
        if rating is not None:
            fig.rating_sum += rating
            fig.rated += 1
    return list(buckets.values())


def sentiment_split(session: Session, brand_id: int) -> dict[str, int]:
    """Reviews per model label, from each review's newest score."""
    latest = (
        select(func.max(Score.id).label("id"))
        .join(Review, col(Review.id) == Score.review_id)
        .where(Review.brand_id == brand_id)
        .group_by(col(Score.review_id))
        .subquery()
    )
    stmt = select(Score.label, func.count(col(Score.id))).where(col(Score.id).in_(select(latest.c.id)))
    got = dict(session.exec(stmt.group_by(Score.label)).all())
    return {label: got.get(label, 0) for label in LABELS}


def rating_summary(session: Session, brand_id: int) -> tuple[float | None, int, int]:
    """(average rating, rated reviews, all reviews) of one brand."""
    avg, rated, total = session.exec(
        select(func.avg(Review.rating), func.count(col(Review.rating)), func.count(col(Review.id))).where(
            Review.brand_id == brand_id
        )
    ).one()
    return (float(avg) if avg is not None else None), rated, total
