"""Brands, their rivals and the places to crawl for them: what umot follows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.tables.base import utcnow


class Brand(SQLModel, table=True):
    """A brand whose reviews and mentions we follow."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    webhook_url: str | None = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=utcnow)
    # What the webhook has not had yet (flows.notify_state): the brand's newest flag id when a
    # night last settled it (None: never), and the ids of flags whose post failed.
    webhook_seen_flag_id: int | None = None
    webhook_unsent: list[int] | None = Field(default=None, sa_column=Column(JSON))


class BrandCompetitor(SQLModel, table=True):
    """A rival a brand compares itself with (``umot brands link``, ``[[competitors]]`` in umot.toml)."""

    brand_id: int = Field(foreign_key="brand.id", primary_key=True)
    competitor_id: int = Field(foreign_key="brand.id", primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)


class Source(SQLModel, table=True):
    """One place to crawl for a brand: a spider name and its start URLs."""

    __table_args__ = (UniqueConstraint("brand_id", "name", name="uq_source_brand_name"),)

    id: int | None = Field(default=None, primary_key=True)
    brand_id: int = Field(foreign_key="brand.id", index=True)
    name: str = Field(max_length=200)
    spider: str = Field(default="schemaorg", max_length=50)
    urls: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    options: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    enabled: bool = True
    created_at: datetime = Field(default_factory=utcnow)
