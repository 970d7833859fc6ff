"""``umot crawl``'s options checked before anything is crawled: the start URLs, the spider
and its -a arguments (:mod:`umot.cli._crawl_spider`), --since, --set, --max-pages, -o's format and folder, and
--source-id (:mod:`umot.cli._crawl_source`). A mistake costs one line (exit 2) now, not a failed crawl
minutes later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from umot.cli._crawl_source import check_source
from umot.cli._crawl_spider import (
    check_spider,
    check_spider_arguments,
    check_start_urls,
    project_settings,
    spider_names,
)
from umot.cli._errors import check_writable, fail

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from scrapy.settings import Settings

# The spider's and the source's checks, importable from here as before the split.
__all__ = ["check_output", "check_settings", "check_source", "check_spider", "check_spider_arguments",
           "check_start_urls", "parse_since", "project_settings", "set_max_pages", "spider_names"]


def parse_since(since: str | None) -> datetime | None:
    """``--since`` as a datetime (None when not given); text that is not a date fails here, and so does one
    without a day, month and year (``--since 2024`` is no date, not a day in 2024 made up from today), or
    a day in the future beyond the slack review dates get (``core.dates.FUTURE_SLACK``): ``--since 2204-01-01``
    crawled and found 0 reviews, exit 0."""
    if not since:
        return None
    from datetime import UTC, datetime, time

    from core.dates import FUTURE_SLACK
    from crawlers.extract.dates import parse_datetime

    since_dt = parse_datetime(since, day_at=time(0))  # a day: from its start
    if since_dt is None:
        fail(f"--since {since!r} is not a date with a day, month and year (e.g. 2024-01-31)")
    if since_dt > datetime.now(UTC) + FUTURE_SLACK:
        fail(f"--since {since!r} is in the future: no review is dated after it yet (give a day up to today)")
    return since_dt


def check_settings(overrides: dict[str, str], settings: Settings) -> None:
    """A ``--set`` value its setting cannot take (``crawlers.setting_checks``) fails here, not inside the crawl."""
    from crawlers.setting_checks import setting_problem

    for name, value in overrides.items():
        problem = setting_problem(name, value, settings.get(name))
        if problem:
            fail(f"--set '{name}={value}': {name} takes {problem}")


def set_max_pages(max_pages: int | None, overrides: dict[str, str]) -> None:
    """``--max-pages N`` into the crawl's ``--set`` overrides as ``CLOSESPIDER_PAGECOUNT``; a negative N, or
    the cap given both ways, fails here."""
    if max_pages is not None:
        if max_pages < 0:
            fail(f"--max-pages {max_pages}: give a number of pages, or 0 for no cap")
        if "CLOSESPIDER_PAGECOUNT" in overrides:
            fail(f"--set 'CLOSESPIDER_PAGECOUNT={overrides['CLOSESPIDER_PAGECOUNT']}': --max-pages gives the cap "
                 "already; give it one way")
        overrides["CLOSESPIDER_PAGECOUNT"] = str(max_pages)


def check_output(output: Path | None) -> None:
    """-o's name says a format the crawl writes, and its folder takes the file and the partial one beside it."""
    if output is None:
        return
    from crawlers.output_file import OutputFormatError, partial_path

    try:
        partial = partial_path(output)
    except OutputFormatError as exc:
        fail(f"-o {exc}")
    check_writable(output, "-o")
    check_writable(partial, "-o")  # what the crawl writes first: a new file in that folder

