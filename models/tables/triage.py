"""Detractor flags and the audit trail of their triage."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel

from models.status import FlagStatus
from models.tables.base import utcnow


class Flag(SQLModel, table=True):
    """A detractor worth acting on, and its triage state (one per review)."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", unique=True)
    score_id: int | None = Field(default=None, foreign_key="score.id")
    brand_id: int = Field(foreign_key="brand.id", index=True)
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    severity: float = 0.0  # higher = act first
    # new -> in_progress -> responded -> resolved, or dismissed (not a detractor)
    status: str = Field(default=FlagStatus.new, max_length=20, index=True)  # models.status.FlagStatus
    assignee: str | None = Field(default=None, max_length=300)
    note: str | None = Field(default=None, sa_column=Column(Text))
    corrected_label: str | None = Field(default=None, max_length=20)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class FlagEvent(SQLModel, table=True):
    """Audit trail: who changed what on a flag, when, from -> to."""

    id: int | None = Field(default=None, primary_key=True)
    flag_id: int = Field(foreign_key="flag.id", index=True)
    actor: str = Field(max_length=300)
    at: datetime = Field(default_factory=utcnow)
    field_name: str = Field(max_length=50)  # status | assignee | note
    old_value: str | None = Field(default=None, sa_column=Column(Text))
    new_value: str | None = Field(default=None, sa_column=Column(Text))
