"""Spider arguments (``scrapy crawl NAME -a urls=... -a since=...``) parsed into what a spider uses.

Scrapy hands every ``-a`` argument over as a string; these helpers turn them
into lists, dates and ids once, in ``ReviewSpider.__init__``, so that a bad
``since`` stops the crawl before its first request. ``crawlers.runner`` passes
``urls`` as a list, which is taken as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, time

from crawlers.extract.dates import parse_datetime

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def split_urls(urls: str | Iterable[str] | None) -> list[str]:
    """``"a, b"`` or ``["a", "b"]`` -> ``["a", "b"]`` (blanks dropped).

    In a string, a comma separates two URLs only with a space beside it or a new
    ``scheme://`` after it: ``…&tags=(story,comment)`` is one URL, not two.
    """
    if not urls:
        return []
    parts = _split_on_separating_commas(urls) if isinstance(urls, str) else list(urls)
    return [u.strip() for u in parts if u and u.strip()]


def _split_on_separating_commas(urls: str) -> list[str]:
    """The string cut at each comma that separates URLs; a comma inside a URL (no space beside it,
    no ``scheme://`` after it) joins its pieces again."""
    parts: list[str] = []
    for piece in urls.split(","):
        previous = parts[-1] if parts else ""
        if previous and piece and not previous[-1].isspace() and not piece[0].isspace() and not _SCHEME.match(piece):
            parts[-1] = f"{previous},{piece}"
        else:
            parts.append(piece)
    return parts


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
