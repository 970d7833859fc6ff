"""The detractor queue: filtered, ordered pages, status counts, the source choices.

Every query takes ``brand_ids`` (the brands the caller may see; ``None`` = all)
so that access control is part of the query itself, never an afterthought in
a route: a flag of another brand is simply not found. What a filter means is
``queue_filter``'s job.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from models.crud._dialect import dialect_name
from models.crud.edited_flags import still_detractor
from models.crud.triage.local_day import local_day
from models.crud.triage.queue_filter import COUNTED, STATUSES, QueueFilter, filter_conditions, review_date
from models.tables import Brand, Flag, Review, Score


@dataclass
class QueueRow:
    flag: Flag
    review: Review
    score: Score | None
    brand: str


def joined_flag_query(stmt: Any) -> Any:
    """Flag joined to its review, brand and (if any) score: the rows every triage page shows."""
    return (
        stmt.join(Review, Review.id == Flag.review_id)
        .join(Brand, Brand.id == Flag.brand_id)
        .outerjoin(Score, Score.id == Flag.score_id)
    )


def _conditions(session: Session, f: QueueFilter, *, with_status: bool = True) -> list[Any]:
    """``f``'s conditions, the text search written for the session's store (:func:`text_matches`)."""
    return filter_conditions(f, with_status=with_status, search_per_flag=dialect_name(session) == "postgresql")


EXPORT_CHUNK = 500  # rows an export holds at once: each is 10-16 KB as Flag, Review and Score objects


def _ordered(session: Session, f: QueueFilter) -> Any:
    """The queue's rows, newest day first and most severe first within a day. Days are ``f.zone``'s
    (the export timezone on the web), as the rows' dates and the from/to filters."""
    return (
        joined_flag_query(select(Flag, Review, Score, Brand.name).select_from(Flag))
        .where(*_conditions(session, f))
        .order_by(local_day(session, review_date(), f.zone).desc(), col(Flag.severity).desc(), col(Flag.id).desc())
    )


def queue_total(session: Session, f: QueueFilter) -> int:
    """How many flags ``f`` keeps."""
    stmt = joined_flag_query(select(func.count(col(Flag.id))).select_from(Flag)).where(*_conditions(session, f))
    return int(session.exec(stmt).one())


def query_queue(
    session: Session, f: QueueFilter, *, limit: int | None = 25, offset: int = 0
) -> tuple[list[QueueRow], int]:
    """One page of the queue, in :func:`_ordered`'s order; and the total."""
    total = queue_total(session, f)
    stmt = _ordered(session, f).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [QueueRow(flag, review, score, brand) for flag, review, score, brand in session.exec(stmt)]
    return rows, total


def iter_queue(session: Session, f: QueueFilter, *, limit: int | None = None,
               chunk: int | None = None) -> Iterator[list[QueueRow]]:
    """Every row (or the first ``limit``) in :func:`query_queue`'s order, ``chunk`` (default :data:`EXPORT_CHUNK`)
    rows at a time, for the CSV and JSON exports: one chunk is held, not every flag (0.5-0.8 GB at 50,000 as
    one list). The query runs now, so a failing store fails before any output; rows come as chunks are taken."""
    stmt = _ordered(session, f)
    if limit is not None:
        stmt = stmt.limit(limit)
    result = session.exec(stmt.execution_options(yield_per=chunk or EXPORT_CHUNK))
    return ([QueueRow(flag, review, score, brand) for flag, review, score, brand in rows]
            for rows in result.partitions())


def status_counts(session: Session, f: QueueFilter) -> dict[str, int]:
    """Flags per status under every filter but the status one (for the status tabs), and under
    :data:`COUNTED` the detractors that count (a flag cleared by an edit is ``resolved`` but not one)."""
    cond = _conditions(session, f, with_status=False)
    stmt = joined_flag_query(select(Flag.status, func.count(col(Flag.id))).select_from(Flag))
    got = dict(session.exec(stmt.where(*cond).group_by(Flag.status)).all())
    counted = joined_flag_query(select(func.count(col(Flag.id))).select_from(Flag)).where(*cond, still_detractor())
    return {**{s: got.get(s, 0) for s in STATUSES}, COUNTED: session.exec(counted).one()}


def queue_sources(session: Session, brand_ids: Sequence[int] | None) -> list[str]:
    """The sources of flagged reviews the caller may see (the source filter's choices)."""
    stmt = select(Review.source).join(Flag, col(Flag.review_id) == Review.id).distinct()
    if brand_ids is not None:
        stmt = stmt.where(col(Flag.brand_id).in_(list(brand_ids) or [-1]))
    return sorted(session.exec(stmt).all())
