"""The notes of an ok crawl that left pages unread, in words its run keeps (``CrawlRun.error_message``).

:func:`crawlers.stats_summary.summarise` joins them with "; "; the run keeps the numbers
behind them in columns (``pages_unread``, ``page_cap``, ``since_cut``) for the next crawl of the source.
"""

from __future__ import annotations

from core.wording import plural


def unread_note(failed: int, first: str | None) -> str:
    """The message of an ok crawl in which ``failed`` next pages could not be fetched (after retries).

    An incremental crawl stops at the reviews stored before them, so the run
    records how many (``CrawlRun.pages_unread``, for people this note) and the
    next crawl of the source reads every page
    (``flows.tasks.crawl_jobs.last_crawl_unfinished``).
    """
    others = f" and {failed - 1} other page{'s' if failed > 2 else ''}" if failed > 1 else ""
    return f"could not fetch {first or 'a page'}{others}: the pages after {'them' if others else 'it'} were not read"


def cap_note(cap: int | None, unread: int) -> str:
    """The note of an ok crawl the page cap stopped (``CLOSESPIDER_PAGECOUNT``) with ``unread`` pages still queued.

    Its run counts them (``CrawlRun.pages_unread``), so the next crawl of the source reads every page:
    an incremental one would stop at the reviews this one stored before it reached them.
    """
    pages = plural(unread, "queued page")
    return f"stopped at the page cap{f' of {cap} pages' if cap else ''}: {pages} not read"


def since_note(day: str) -> str:
    """The note of an ok crawl that stopped paginating at ``--since day`` (or carried an earlier crawl's
    cut), for people: the run keeps the day itself (``CrawlRun.since_cut``) for the next crawl of the source."""
    return f"the store may lack the reviews before {day}: a crawl stopped paginating at --since {day}"
