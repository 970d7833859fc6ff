"""Spider arguments (``scrapy crawl NAME -a urls=... -a since=...``) parsed into what a spider uses.

Scrapy hands every ``-a`` argument over as a string; these helpers turn them
into lists, dates and ids once, in ``ReviewSpider.__init__``, so that a bad
``since`` stops the crawl before its first request.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time

from crawlers.extract.dates import parse_datetime


def split_urls(urls: str | Iterable[str] | None) -> list[str]:
    """``"a, b"`` or ``["a", "b"]`` -> ``["a", "b"]`` (blanks dropped)."""
    if not urls:
        return []
    parts = urls.split(",") if isinstance(urls, str) else list(urls)
    return [u.strip() for u in parts if u and u.strip()]


def parse_since(since: str | None) -> datetime | None:
    """``since=`` as a date; ValueError for text that is not one (a typo must not crawl everything)."""
    if not since:
        return None
    parsed = parse_datetime(since, day_at=time(0))  # a day: from its start
    if parsed is None:
        raise ValueError(f"since={since!r} is not a date (use ISO 8601, e.g. 2024-01-31)")
    return parsed


def parse_source_id(source_id: str | int | None) -> int | None:
    """``source_id=`` as an int; unset, empty or ``"None"`` (a None passed through the shell) is None."""
    return int(source_id) if source_id not in (None, "", "None") else None
