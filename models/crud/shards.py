"""Night shards: the units a fanned-out nightly run hands to workers, and their outcomes.

The parent plans one row per unit (:func:`plan_shards`); the child flow run
doing a unit takes its row (:func:`take_shard`), beats it while it works
(:func:`beat_shard`) and writes its outcome (:func:`finish_shard`). A row is
taken only when it is pending or its worker stopped beating, so two flow runs
never work on one unit at once; the parent re-runs a unit whose worker died
(:func:`expired_shards`, :func:`reopen_shard`), but not one another live flow run took.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from models.tables import NightShard, table_of, utcnow

SHARD_TABLE = table_of(NightShard)


def plan_shards(session: Session, *, night: str, kind: str, source_ids: Sequence[Sequence[int]]) -> list[int]:
    """One pending row per unit (``source_ids[i]``: unit ``i``'s sources; empty for scoring); their numbers.

    Planned again for the same night (Prefect retried the nightly run, whose id is ``night``), a unit with
    the same sources keeps its row: done stays done, running stays with its worker (reopened if it falls
    silent); any other is pending again with its new sources (the source list changed between attempts: a
    done unit kept with its old ones would leave the sources that moved into it uncrawled), and one the new
    plan lacks is dropped.
    """
    rows = {row.shard: row for row in night_shards(session, night=night, kind=kind)}
    for shard, ids in enumerate(source_ids):
        row = rows.pop(shard, None)
        if row is None:
            session.add(NightShard(night=night, kind=kind, shard=shard, source_ids=list(ids)))
        elif not (row.status in ("done", "running") and list(row.source_ids) == list(ids)):
            row.status, row.worker, row.source_ids, row.outcome = "pending", None, list(ids), {}
    for row in rows.values():
        if row.status != "done":
            session.delete(row)
    session.flush()
    return list(range(len(source_ids)))


def take_shard(
    session: Session, *, night: str, kind: str, shard: int, worker: str, flow_run_id: str | None,
    lease_seconds: float,
) -> NightShard | None:
    """Take the unit for ``worker`` if it is pending or its worker's lease ran out; None if not."""
    now = utcnow()
    silent = (SHARD_TABLE.c.status == "running") & (SHARD_TABLE.c.heartbeat_at < now - timedelta(seconds=lease_seconds))
    result = session.exec(
        update(SHARD_TABLE)
        .where(SHARD_TABLE.c.night == night, SHARD_TABLE.c.kind == kind, SHARD_TABLE.c.shard == shard,
               or_(SHARD_TABLE.c.status == "pending", silent))
        .values(status="running", worker=worker, flow_run_id=flow_run_id, heartbeat_at=now,
                attempts=SHARD_TABLE.c.attempts + 1)
    )
    if not result.rowcount:
        return None
    return session.exec(select(NightShard).where(
        NightShard.night == night, NightShard.kind == kind, NightShard.shard == shard)).one()


def beat_shard(session: Session, shard_id: int, worker: str) -> bool:
    """The worker is alive: push its lease back. False if the unit is no longer its own."""
    result = session.exec(update(SHARD_TABLE).where(
        SHARD_TABLE.c.id == shard_id, SHARD_TABLE.c.worker == worker, SHARD_TABLE.c.status == "running",
    ).values(heartbeat_at=utcnow()))
    return bool(result.rowcount)


def finish_shard(session: Session, shard_id: int, worker: str, outcome: dict[str, Any]) -> bool:
    """Record the unit's outcome (only by the worker holding it); False if another took it over."""
    result = session.exec(update(SHARD_TABLE).where(
        SHARD_TABLE.c.id == shard_id, SHARD_TABLE.c.worker == worker, SHARD_TABLE.c.status == "running",
    ).values(status="done", outcome=outcome, heartbeat_at=utcnow()))
    return bool(result.rowcount)


def night_shards(session: Session, *, night: str, kind: str) -> list[NightShard]:
    """Every unit of one kind of a night, by number."""
    return list(session.exec(select(NightShard).where(
        NightShard.night == night, NightShard.kind == kind).order_by(col(NightShard.shard))))


def expired_shards(session: Session, *, night: str, kind: str, lease_seconds: float) -> list[NightShard]:
    """Units whose worker stopped beating for longer than the lease (it died with the unit)."""
    stale = utcnow() - timedelta(seconds=lease_seconds)
    return [s for s in night_shards(session, night=night, kind=kind)
            if s.status == "running" and s.heartbeat_at is not None and s.heartbeat_at < stale]


def reopen_shard(session: Session, shard_id: int, *, lost_run: str | None, lease_seconds: float) -> bool:
    """Hand a unit out again, dropping its worker's scoring claims: when pending, silent past the lease, or held by
    ``lost_run`` (a flow run that ended). False when done, or held by another flow run that beats (watch that one)."""
    from models.crud.claims import drop_worker_claims

    if (row := session.get(NightShard, shard_id)) is None:
        return False
    free = or_(SHARD_TABLE.c.status == "pending", SHARD_TABLE.c.flow_run_id == lost_run,
               SHARD_TABLE.c.heartbeat_at < utcnow() - timedelta(seconds=lease_seconds))
    result = session.execute(update(SHARD_TABLE).where(  # the worker as read: the one whose claims go
        SHARD_TABLE.c.id == shard_id, SHARD_TABLE.c.status != "done", free,
        SHARD_TABLE.c.worker.is_not_distinct_from(row.worker)).values(status="pending", worker=None))
    if result.rowcount and row.worker:  # type: ignore[attr-defined]
        drop_worker_claims(session, row.worker)
    return bool(result.rowcount)  # type: ignore[attr-defined]


def live_units(session: Session, *, other_than: str, lease_seconds: float) -> list[NightShard]:
    """Crawl and score units of nights other than ``other_than`` still running with a fresh heartbeat:
    a cancelled night's units keep crawling, and a new night must not start on the same sources."""
    fresh = utcnow() - timedelta(seconds=lease_seconds)
    return list(session.exec(select(NightShard).where(
        col(NightShard.kind).in_(("crawl", "score")), NightShard.night != other_than, NightShard.status == "running",
        col(NightShard.heartbeat_at) >= fresh).order_by(col(NightShard.heartbeat_at).desc())))


def abandon_units(session: Session, *, other_than: str, lease_seconds: float) -> int:
    """Mark ``abandoned`` the units of nights other than ``other_than`` that no worker holds: pending (their flow
    runs still queued for a worker) or silent past the lease. Called under the store's night lock, so their night
    is dead; a flow run of theirs that starts later takes nothing (:func:`take_shard`), where it crawled beside the
    new night. A Prefect retry of that night plans them again (:func:`plan_shards`). How many were marked."""
    fresh = utcnow() - timedelta(seconds=lease_seconds)
    silent = (SHARD_TABLE.c.status == "running") & or_(SHARD_TABLE.c.heartbeat_at.is_(None),
                                                        SHARD_TABLE.c.heartbeat_at < fresh)
    result = session.execute(update(SHARD_TABLE).where(
        SHARD_TABLE.c.kind.in_(("crawl", "score")), SHARD_TABLE.c.night != other_than,
        or_(SHARD_TABLE.c.status == "pending", silent)).values(status="abandoned", worker=None))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
