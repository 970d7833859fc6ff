"""What a night did, counted from the store: new and edited reviews, scores per label, new flags.

A fanned-out night's units may die and be run again; counting from the
store (rows written since the night started) instead of adding up what each
unit reported keeps the summary right whatever unit did the work.

Which nights reported: each night keeps a ``NightShard`` row of kind
:data:`NIGHT` (no table fits without a migration), ``running`` from its start
until its report is written, then ``done`` with its sources in ``source_ids``
and the time it reported in ``heartbeat_at``. One still ``running`` when the
next night starts (under the night lock, so none is alive) was killed or failed
before its report: the next full night counts what it stored (:func:`open_night`),
but not what a completed night in between (a ``--brand`` night) reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, not_, or_
from sqlmodel import Session, col, select

from models.datetimes import as_utc
from models.tables import Flag, NightShard, Review, Score, utcnow

NIGHT = "night"  # the NightShard kind of a whole night's row (crawl/score rows are a fanned night's units)


def reported(session: Session, *, since: datetime, stamp: Any, source: Any) -> ColumnElement[bool]:
    """``stamp`` (a column) falls in the window of a night that reported after ``since`` and crawled ``source``:
    that night counted the review (new, edited, flagged) already."""
    nights = session.exec(select(NightShard).where(NightShard.kind == NIGHT, NightShard.status == "done",
                                                   col(NightShard.heartbeat_at) > as_utc(since)))
    windows = [and_(source.is_not(None), source.in_(n.source_ids), stamp >= as_utc(n.created_at),
                    stamp < as_utc(n.heartbeat_at)) for n in nights if n.source_ids and n.heartbeat_at]
    return or_(false(), *windows)  # a night before this fix recorded no sources: it excludes nothing


def _holds_unreported(session: Session, *, since: datetime, until: datetime) -> bool:
    """A review stored, edited or flagged in ``[since, until)`` that no completed night reported."""
    source = col(Review.source_id)
    queries = [select(Review.id).where(stamp >= since, stamp < until,
                                       not_(reported(session, since=since, stamp=stamp, source=source)))
               for stamp in (col(Review.first_seen_at), col(Review.edited_at))]
    queries.append(select(Flag.id).join(Review, col(Review.id) == Flag.review_id).where(
        Flag.created_at >= since, Flag.created_at < until,
        not_(reported(session, since=since, stamp=col(Flag.created_at), source=source))))
    return any(session.exec(query.limit(1)).first() is not None for query in queries)


def new_reviews_by_source(session: Session, *, since: datetime, source_ids: Sequence[int]) -> dict[int, int]:
    """Reviews first stored since ``since``, per source id, but those a completed night since then reported."""
    if not source_ids:
        return {}
    done = reported(session, since=since, stamp=Review.first_seen_at, source=col(Review.source_id))
    query = (select(Review.source_id, func.count()).where(Review.first_seen_at >= as_utc(since), not_(done),
                                                          col(Review.source_id).in_(list(source_ids)))
             .group_by(col(Review.source_id)))
    return {source_id: n for source_id, n in session.exec(query) if source_id is not None}  # IN never matches NULL


def edited_by_brand(session: Session, *, since: datetime) -> dict[int, int]:
    """Reviews found edited since ``since``, per brand, but those a completed night since then reported."""
    done = reported(session, since=since, stamp=Review.edited_at, source=col(Review.source_id))
    query = (select(Review.brand_id, func.count()).where(col(Review.edited_at) >= as_utc(since), not_(done))
             .group_by(col(Review.brand_id)))
    return dict(session.exec(query).all())


def scored_since(
    session: Session, *, model_version: str, since: datetime, brand_ids: Sequence[int] | None = None
) -> dict[int, dict[str, int]]:
    """Scores this model version wrote since ``since``: per brand, per label (``unscored`` for none)."""
    label = func.coalesce(Score.label, "unscored")
    query = (select(Review.brand_id, label, func.count()).join(Review, col(Review.id) == Score.review_id)
             .where(Score.model_version == model_version, Score.scored_at >= since)
             .group_by(col(Review.brand_id), label))
    if brand_ids is not None:
        query = query.where(col(Review.brand_id).in_(list(brand_ids)))
    counts: dict[int, dict[str, int]] = {}
    for brand_id, name, n in session.exec(query):
        counts.setdefault(brand_id, {})[name] = n
    return counts


def flags_since(session: Session, *, since: datetime, brand_ids: Sequence[int] | None = None) -> int:
    """Flags raised since ``since``."""
    query = select(func.count()).select_from(Flag).where(Flag.created_at >= since)
    if brand_ids is not None:
        query = query.where(col(Flag.brand_id).in_(list(brand_ids)))
    return session.exec(query).one()


def open_night(session: Session, *, night: str, started_at: datetime, whole: bool) -> list[datetime]:
    """Record ``night`` as started; ``whole`` (every brand and source): the starts of the earlier nights that
    never reported, oldest first, whose windows hold reviews no completed night reported.

    The others are marked done (what they stored, a night in between reported): no report names them.
    Each one's window ends where the next one, or this night, starts."""
    rows = list(session.exec(select(NightShard).where(NightShard.kind == NIGHT, NightShard.status == "running")
                             .order_by(col(NightShard.created_at))))
    session.add(NightShard(night=night, kind=NIGHT, shard=0, status="running", created_at=started_at))
    if not whole:
        return []
    starts = []
    for row, until in zip(rows, [*(as_utc(r.created_at) for r in rows[1:]), as_utc(started_at)], strict=False):
        if as_utc(row.created_at) < until and _holds_unreported(session, since=as_utc(row.created_at), until=until):
            starts.append(as_utc(row.created_at))
        else:
            row.status = "done"
    return starts


def close_night(session: Session, *, night: str, covered: bool, source_ids: Sequence[int]) -> None:
    """``night`` reported on ``source_ids``; ``covered``: so did the unfinished nights before it (their
    reviews were in it). A full night after it leaves out what it reported (:func:`reported`)."""
    rows = session.exec(select(NightShard).where(NightShard.kind == NIGHT, NightShard.status == "running"))
    for row in rows:
        if row.night == night:
            row.source_ids, row.heartbeat_at = sorted(set(source_ids)), utcnow()
        if row.night == night or covered:
            row.status = "done"
