"""The notes of an ok crawl that left pages unread, in words its run keeps (``CrawlRun.error_message``).

:func:`crawlers.stats_summary.summarise` joins them with "; "; the run keeps the numbers
behind two of them in columns (``pages_unread``, ``since_cut``) for the next crawl of the source.
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


def cap_reached(cap: int | None) -> str:
    """What a crawl the page cap (``CLOSESPIDER_PAGECOUNT``) stopped left: the head of its note and of
    ``umot crawl``'s line (``umot.cli._crawl_summary.cap_hint``), which add how to read the rest."""
    size = f" of {plural(cap, 'page')}" if cap else ""
    return f"stopped at the page cap{size} (--max-pages, UMOT_CRAWL_MAX_PAGES): the pages past it were not read"


def cap_note(cap: int | None) -> str:
    """The note of an ok crawl the page cap stopped with pages still queued.

    Unlike a failed next page it leaves the next crawl incremental (``pages_unread`` stays 0): a full
    one would stop at the same cap, re-reading the same pages every night and never the rest. Those
    are read by one crawl with a higher cap that reads every page (``CRAWL_FULL``), as the note says.
    """
    return f"{cap_reached(cap)} (a crawl with a higher cap and CRAWL_FULL=1 reads them)"


def since_note(day: str) -> str:
    """The note of an ok crawl that stopped paginating at ``--since day`` (or carried an earlier crawl's
    cut), for people: the run keeps the day itself (``CrawlRun.since_cut``) for the next crawl of the source."""
    return f"the store may lack the reviews before {day}: a crawl stopped paginating at --since {day}"
