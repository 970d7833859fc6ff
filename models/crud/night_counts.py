"""What a night did, counted from the store: new reviews per source, scores per label, new flags.

A fanned-out night's units may die and be run again; counting from the
store (rows written since the night started) instead of adding up what each
unit reported keeps the summary right whatever unit did the work.

Which nights reported: each night keeps a ``NightShard`` row of kind
:data:`NIGHT` (no table fits without a migration), ``running`` from its start
until its report is written. One still ``running`` when the next night starts
(under the night lock, so none is alive) was killed or failed before its
report: the next night counts the reviews it stored (:func:`open_night`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from models.datetimes import as_utc
from models.tables import Flag, NightShard, Review, Score

NIGHT = "night"  # the NightShard kind of a whole night's row (crawl/score rows are a fanned night's units)


def new_reviews_by_source(session: Session, *, since: datetime, source_ids: Sequence[int]) -> dict[int, int]:
    """Reviews first stored since ``since``, per source id."""
    if not source_ids:
        return {}
    query = (select(Review.source_id, func.count()).where(Review.first_seen_at >= since,
                                                          col(Review.source_id).in_(list(source_ids)))
             .group_by(col(Review.source_id)))
    return {source_id: n for source_id, n in session.exec(query) if source_id is not None}  # IN never matches NULL


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


def open_night(session: Session, *, night: str, started_at: datetime) -> list[datetime]:
    """Record ``night`` as started; the starts of the earlier nights that never reported, oldest first."""
    unfinished = session.exec(select(NightShard.created_at).where(NightShard.kind == NIGHT,
                                                                  NightShard.status == "running")
                              .order_by(col(NightShard.created_at)))
    starts = [as_utc(when) for when in unfinished]
    session.add(NightShard(night=night, kind=NIGHT, shard=0, status="running", created_at=started_at))
    return starts


def close_night(session: Session, *, night: str, covered: bool) -> None:
    """``night`` reported; ``covered``: so did the unfinished nights before it (their reviews were in it)."""
    rows = session.exec(select(NightShard).where(NightShard.kind == NIGHT, NightShard.status == "running"))
    for row in rows:
        if row.night == night or covered:
            row.status = "done"
