"""``umot crawl``: the lines a crawl ends with, its summary and the notes an ok but unfinished crawl adds.

The numbers come from :class:`crawlers.crawl_result.CrawlResult`; the run's own words for what was
left unread from :mod:`crawlers.crawl_notes`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.wording import plural

if TYPE_CHECKING:
    from pathlib import Path

    from crawlers.crawl_result import CrawlResult


def unread_hint(message: str | None, *, stored: bool, source_id: int | None) -> str:
    """What to do about pages an ok crawl could not fetch (its message's first note; a ``--since`` note follows)."""
    unread = (message or "").partition("; ")[0]
    if not stored:
        return f"{unread}; crawl again to read them"
    source = f" of source {source_id}" if source_id is not None else ""
    return f"{unread}; crawl again to read them (the next crawl{source} reads every page)"


def cap_hint(result: CrawlResult, *, stored: bool, source_id: int | None) -> str:
    """The line of a crawl its page cap stopped: the cap, and how to read the pages past it.

    An -o crawl reads every page anyway: a higher cap does it. One into the store stopped at the
    reviews it stored would not get past them: it needs ``CRAWL_FULL`` too, while the next crawl
    without it stays incremental (a capped crawl leaves no gap it must fill: ``crawlers.crawl_notes``).
    """
    from crawlers.crawl_notes import cap_reached  # here: starting the CLI loads no crawler module

    if not stored:
        return f"{cap_reached(result.page_cap)}; crawl again with a higher --max-pages to read them"
    source = f" of source {source_id}" if source_id is not None else ""
    return (f"{cap_reached(result.page_cap)}; crawl again with a higher --max-pages and --set CRAWL_FULL=1 "
            f"to read them (a crawl{source} without CRAWL_FULL stops at the reviews stored now)")


def crawl_summary(spider: str, result: CrawlResult, output: Path | None, *, nothing_written: bool = False) -> str:
    """The one line a crawl ends with: what it found, stored (or wrote) and how many pages and errors.
    ``nothing_written``: a failed -o crawl that wrote no file (not "0 written to FILE": FILE is as it was)."""
    if nothing_written:
        where = "nothing written"
    else:
        where = f"{result.items_new} written to {output}" if output is not None else f"{result.items_new} new"
    if result.items_edited:  # into the store only: stored reviews whose text or rating the site changed
        where += f", {result.items_edited} edited"
    run = f", run {result.run_id}" if result.run_id else ""
    return (
        f"{spider}: {plural(result.items_scraped, 'review')} found, {where}, "
        f"{plural(result.pages, 'page')}{f' ({result.unchanged} unchanged)' if result.unchanged else ''}, "
        f"{plural(result.errors, 'error')}{run}"
    )
