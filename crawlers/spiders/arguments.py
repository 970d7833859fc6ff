"""Spider arguments (``scrapy crawl NAME -a urls=... -a since=...``) parsed into what a spider uses.

Scrapy hands every ``-a`` argument over as a string; these helpers turn them
into lists, dates and ids once, in ``ReviewSpider.__init__``, so that a bad
``since`` stops the crawl before its first request. ``crawlers.runner`` passes
``urls`` as a list, which is taken as it is. Before a crawl starts (``umot crawl -a``,
``umot sources`` options) ``ReviewSpider.check_arguments`` checks them with the helpers
below: a misspelt name or a bad value is one line then, not a failed crawl (or a night's).
``urls``, ``brand`` and ``source_id`` are the crawl's own (:data:`SET_BY_CRAWL`): refused there.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time
from typing import Any

from core.dates import FUTURE_SLACK
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


class FutureSinceError(ValueError):
    """``since=`` a day past today (beyond ``core.dates.FUTURE_SLACK``): every review would be dropped."""


def parse_since(since: str | None) -> datetime | None:
    """``since=`` as a date; ValueError for text that is not one (a typo must not crawl everything), and
    :class:`FutureSinceError` for a day in the future, as ``umot crawl --since`` refuses it (a source's
    ``since=2204-01-01`` dropped every review, every night)."""
    if not since:
        return None
    parsed = parse_datetime(since, day_at=time(0))  # a day: from its start
    if parsed is None:
        raise ValueError(f"since={since!r} is not a date (use ISO 8601, e.g. 2024-01-31)")
    if parsed > datetime.now(UTC) + FUTURE_SLACK:
        raise FutureSinceError(f"since={since!r} is in the future: no review is dated after it yet")
    return parsed


def parse_source_id(source_id: str | int | None) -> int | None:
    """``source_id=`` as an int; unset, empty or ``"None"`` (a None passed through the shell) is None."""
    return int(source_id) if source_id not in (None, "", "None") else None


#: The arguments every spider takes (``crawlers.spiders.base.ReviewSpider``).
COMMON_ARGUMENTS = ("urls", "brand", "since", "source_id")

#: Those the crawl sets itself from its job (``crawlers.crawl_job.spider_arguments``), each with where it
#: comes from: given as ``-a`` or a source's option as well, it won over the job's own (a source's reviews
#: stored under another brand's source, the night fetching a feed ``sources list`` did not show). ``since``
#: is not one: a source's ``since`` option is its own cap.
SET_BY_CRAWL = {
    "urls": "give start URLs as the source's urls (umot sources add --url) or umot crawl's URL arguments",
    "brand": "the reviews go to the source's brand (umot crawl: --brand)",
    "source_id": "a crawl is counted under its own source (umot crawl: --source-id)",
}


class SpiderArgumentError(ValueError):
    """A spider argument the spider cannot take; ``name`` is the argument, the message says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(reason)
        self.name = name


def check_common_arguments(spider: str, values: Mapping[str, Any], own: tuple[str, ...]) -> None:
    """Every name one ``spider`` takes (its ``own`` or ``since``), none the crawl sets itself
    (:data:`SET_BY_CRAWL`), and ``since`` a date."""
    given = tuple(name for name in COMMON_ARGUMENTS if name not in SET_BY_CRAWL)
    for name in values:
        if name in SET_BY_CRAWL:
            raise SpiderArgumentError(name, f"set by the crawl itself: {SET_BY_CRAWL[name]}")
        if name not in own and name not in given:
            close = difflib.get_close_matches(name, own + given, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            takes = ", ".join(own) + "; and " if own else ""
            raise SpiderArgumentError(name, f"spider {spider!r} takes no such argument "
                                            f"({hint}it takes {takes}{', '.join(given)})")
    try:
        parse_since(_text(values.get("since")))
    except FutureSinceError:
        raise SpiderArgumentError("since", "in the future: no review is dated after it yet "
                                           "(give a day up to today)") from None
    except ValueError:
        raise SpiderArgumentError("since", "not a date with a day, month and year (e.g. 2024-01-31)") from None


def whole_number(values: Mapping[str, Any], name: str, what: str) -> None:
    """``values[name]``, when given, is a whole number of at least 0 (``what`` says what it counts)."""
    value = values.get(name)
    if value is None or value == "":
        return
    try:
        number = int(str(value).strip())
    except ValueError:
        number = -1
    if number < 0:
        raise SpiderArgumentError(name, f"not a whole number of {what} (e.g. 2)")


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
