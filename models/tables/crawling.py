"""What each crawl did, and what it last read at each URL."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.status import CrawlStatus
from models.tables.base import utcnow


class CrawlRun(SQLModel, table=True):
    """One crawl of one source (or of ad-hoc URLs): what it found and how it ended."""

    id: int | None = Field(default=None, primary_key=True)
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    brand_id: int | None = Field(default=None, foreign_key="brand.id", index=True)
    spider: str = Field(default="schemaorg", max_length=50)
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
    status: str = Field(default=CrawlStatus.running, max_length=20)  # models.status.CrawlStatus
    # host:pid:boot.start of the process that opened the run (core.processes, #15): a
    # run still ``running`` whose process is gone was killed, and the next run closes it.
    owner: str | None = Field(default=None, max_length=200)
    pages: int = 0
    items_scraped: int = 0
    items_new: int = 0
    errors: int = 0
    error_message: str | None = Field(default=None, sa_column=Column(Text))  # for people: why, or what was left
    # What an ok crawl left unread, read by the next crawl of the source (``crawlers.run_store.open_run``,
    # ``flows.tasks.crawl_jobs``; 0009): next pages it could not fetch (after them no page was read), and the
    # day ``--since`` stopped its pagination (the store may lack the reviews before it).
    pages_unread: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    since_cut: date | None = None


class PageState(SQLModel, table=True):
    """What a crawl last read at a URL for a brand: validators and kind, kept in the store (#15, #16).

    A page may be skipped as "unchanged" (the site answers ``304``) only if the
    store holds what it held: this row is committed in the same transaction as
    that page's reviews, so a new store, a restored backup or a killed crawl
    never has a row for a page whose reviews it lacks. ``links``: a hub's
    in-scope links, followed again on a 304 (no page bodies are kept).
    """

    __table_args__ = (UniqueConstraint("brand_id", "url", name="uq_pagestate_brand_url"),)

    id: int | None = Field(default=None, primary_key=True)
    brand_id: int = Field(foreign_key="brand.id")
    url: str = Field(max_length=2000)
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    kind: str = Field(max_length=10)  # reviews | hub
    links: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)
