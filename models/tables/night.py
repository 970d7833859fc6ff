"""Units of work of a fanned-out nightly run: scoring claims and shards (#16)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.tables.base import utcnow


class ScoreClaim(SQLModel, table=True):
    """A review a scoring worker is scoring now with one model version; gone once its score is written.

    Claims are taken with ``INSERT ... ON CONFLICT DO UPDATE ... WHERE expires_at < now``,
    so only one live claim exists per review; a worker that dies leaves a claim
    that expires, and another worker takes the review.
    """

    review_id: int = Field(foreign_key="review.id", primary_key=True)
    model_version: str = Field(max_length=200, primary_key=True)
    claimed_by: str = Field(max_length=300)
    expires_at: datetime = Field(index=True)


class NightShard(SQLModel, table=True):
    """One unit of a fanned-out nightly run (a shard of sources to crawl, or a scoring worker).

    The parent flow plans the rows; the child flow run that does the work
    claims its row, beats ``heartbeat_at`` while it runs and writes its
    ``outcome`` there, so the parent reads results from the store, not from
    a worker's disk, and re-runs a shard whose worker stopped beating.
    """

    __table_args__ = (UniqueConstraint("night", "kind", "shard", name="uq_nightshard_unit"),)

    id: int | None = Field(default=None, primary_key=True)
    night: str = Field(max_length=64, index=True)  # the parent flow run's id
    kind: str = Field(max_length=10)  # crawl | score; night: a whole night's row (models.crud.night_counts)
    shard: int
    source_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="pending", max_length=10)  # pending | running | done | abandoned
    attempts: int = 0
    worker: str | None = Field(default=None, max_length=300)  # host:pid:token of the flow run doing it (flows.heartbeat)
    flow_run_id: str | None = Field(default=None, max_length=64)
    heartbeat_at: datetime | None = None
    outcome: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
