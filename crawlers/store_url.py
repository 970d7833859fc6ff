"""Which store a crawl writes to, from its settings: one rule for the spider and the store pipeline.

The spider reads the store to skip the reviews it already holds
(``crawlers.spiders._incremental``) and :class:`crawlers.pipelines.StorePipeline`
writes to it; both must agree that a crawl writing JSONL (``CRAWL_OUTPUT``)
neither reads nor writes the store, even when a database URL is set.
"""

from __future__ import annotations

from typing import Any


def store_url(settings: Any) -> str | None:
    """Database URL the crawl writes to, or None (JSONL output never touches the store)."""
    if settings.get("CRAWL_OUTPUT"):
        return None
    return settings.get("CRAWL_DATABASE_URL") or None
