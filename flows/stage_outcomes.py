"""What the plan, crawl and score stages of a nightly run return, as plain dataclasses.

Copied out of the store while its session is open, so nothing downstream
depends on a session that has already closed. The summary built from them
(per brand and for the whole run) is in :mod:`flows.outcomes`, which
re-exports these too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from crawlers.runner import CrawlResult
from models.stored import stored_id

if TYPE_CHECKING:
    from models.tables import Source


@dataclass(frozen=True)
class SourceSpec:
    """One enabled source to crawl, copied out of the store."""

    source_id: int
    name: str
    brand_id: int
    brand: str
    spider: str
    urls: tuple[str, ...]
    options: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def label(self) -> str:
        """``brand/source``: how logs, task names and the report name it."""
        return f"{self.brand}/{self.name}"

    @classmethod
    def of(cls, row: Source, brand: str) -> SourceSpec:
        """The spec of a stored source whose brand is called ``brand`` (read while its session is open)."""
        return cls(source_id=stored_id(row), name=row.name, brand_id=row.brand_id, brand=brand, spider=row.spider,
                   urls=tuple(row.urls or ()), options=dict(row.options or {}))


@dataclass(frozen=True)
class RunScope:
    """What a run covers: the brands to score and report (``None``: all) and the sources to crawl."""

    brand_ids: tuple[int, ...] | None
    sources: tuple[SourceSpec, ...]
    config_warnings: tuple[str, ...] = ()  # what in umot.toml this night could not use (flows.config_check)


@dataclass
class SourceOutcome(CrawlResult):
    """How the crawl of one source ended (after Prefect's retries): the crawl's result and its source."""

    source: SourceSpec = field(kw_only=True)
    permanent: bool = False  # retrying cannot mend it (flows.tasks.crawl_jobs.permanent_failure): not retried


@dataclass
class BatchOutcome:
    """One scored batch: counts per brand and the detractors it flagged."""

    review_ids: list[int] = field(default_factory=list)  # read: scored, unless edited before the write
    read_as: list[tuple[int, datetime | None]] = field(default_factory=list)  # (review id, edited_at as read)
    scored: int = 0
    labels: dict[int, dict[str, int]] = field(default_factory=dict)  # brand_id -> label -> n
    new_flags: int = 0
