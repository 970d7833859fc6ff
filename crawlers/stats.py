"""Names of the crawl counters and how they add up to one crawl's outcome.

Spiders, pipelines and the stats-file extension all count into Scrapy's stats
collector under these keys; :func:`summarise` turns them into the numbers a
``CrawlRun`` row and ``crawlers.runner.CrawlResult`` report.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from core.wording import plural

if TYPE_CHECKING:
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

PAGES = "umot/pages"  # pages handed to a spider callback (not robots.txt, not errors)
PARSE_ERRORS = "umot/parse_errors"  # unreadable pages / reviews, skipped
REQUEST_ERRORS = "umot/request_errors"  # pages that could not be fetched (after retries), start URLs robots.txt forbids
ROBOTS_FORBIDDEN = "umot/robots_forbidden"  # requests robots.txt forbids, never sent (links to them: not errors)
START_URLS = "umot/start_urls"
START_FAILURES = "umot/start_failures"  # start URLs that could not be fetched (or robots.txt forbids)
START_REFUSED = "umot/start_refused"  # of those, refused at connection level: nothing listens there
START_FORBIDDEN = "umot/start_forbidden"  # of those, forbidden by robots.txt
FAILED_FOLLOWS = "umot/failed_follows"  # next pages that could not be fetched (crawlers.spiders._next_pages)
FIRST_FAILED_FOLLOW = "umot/first_failed_follow"  # the first of them, for the run's note
SINCE_CUT = "umot/since_cut"  # ISO day before which the store may lack reviews (crawlers.spiders._next_pages)
CARRIED_CUT = "umot/carried_cut"  # an earlier crawl's cut a full crawl clears only if no next page failed
FIRST_ERROR = "umot/first_error"  # first fatal-looking message, for the user
ITEMS_NEW = "umot/items_new"  # reviews the store did not have yet (or lines written to JSONL)
ITEMS_EDITED = "umot/items_edited"  # stored reviews whose text, title or rating the site changed (models.crud.review_edits)
RUN_ID = "umot/run_id"  # CrawlRun id, when storing
STOPPED_KNOWN = "umot/stopped_at_known"  # pagination stopped: page held only known reviews
STOPPED_SINCE = "umot/stopped_at_since"  # pagination stopped: page older than --since
STOPPED_REPEATED = "umot/stopped_at_repeated"  # pagination stopped: page held only reviews this crawl already read
REPEATED = "umot/repeated_reviews"  # read again on another page of the same crawl: not emitted twice
SKIPPED_OLD = "umot/skipped_older_than_since"
KNOWN = "umot/known_reviews"  # found but already stored: not emitted again (still "found")
UNCHANGED = "umot/unchanged_pages"  # answered 304 Not Modified: read by an earlier crawl, skipped
PAGE_STATES = "umot/page_states"  # page states passed to the store (scraped items, but not reviews)
PAGE_CAP = "umot/page_cap"  # CLOSESPIDER_PAGECOUNT of the crawl (crawlers.extensions.PageCapStat), for its note
CAPPED = "closespider_pagecount"  # Scrapy's finish reason: the crawl read CLOSESPIDER_PAGECOUNT responses


def count_forbidden(stats: StatsCollector, url: str, *, start: bool) -> None:
    """A request robots.txt forbids, counted; a start URL is also an error and a failed start, named.

    A link to a forbidden page is the site's choice, not an error (most sites
    have some); a forbidden start URL means the source cannot be crawled.
    """
    stats.inc_value(ROBOTS_FORBIDDEN)
    if not start:
        logger.info("robots.txt forbids %s", url)
        return
    logger.error("robots.txt forbids start URL %s", url)
    stats.inc_value(REQUEST_ERRORS)
    stats.inc_value(START_FAILURES)
    stats.inc_value(START_FORBIDDEN)
    if not stats.get_value(FIRST_ERROR):
        stats.set_value(FIRST_ERROR, f"robots.txt forbids {url}")


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


def summarise(stats: Mapping[str, Any], reason: str | None = None) -> dict[str, Any]:
    """Counts and verdict of one crawl.

    A crawl fails when Scrapy did not finish normally or when none of its start
    URLs could be fetched (site unreachable, 5xx after retries); a crawl that
    fetched its start pages but hit some bad pages succeeds with ``errors > 0``.
    ``refused``: it failed because every start URL's connection was refused,
    which trying again in a few seconds does not change (no retry is due);
    ``forbidden``: because robots.txt forbids every start URL (a site's rules
    do not change in seconds either). ``failed_follows``: next pages that could
    not be fetched (``crawlers.spiders._next_pages``); an ok crawl with some
    carries :func:`unread_note` as its ``error_message``, which its run keeps, and
    :func:`since_note` after it where ``since`` cut its pagination (:data:`SINCE_CUT`),
    whose ISO day is ``since_cut`` (None unless ok): the run keeps both as columns.
    A crawl the page cap stopped (:data:`CAPPED`) is ok but unfinished: :func:`cap_note`, and
    ``pages_unread`` (what the run keeps: ``failed_follows`` and the pages the cap left queued)
    and ``page_cap`` say so.
    """
    reason = reason or stats.get("finish_reason")
    capped = reason == CAPPED
    starts = int(stats.get(START_URLS, 0) or 0)
    start_failures = int(stats.get(START_FAILURES, 0) or 0)
    refused = int(stats.get(START_REFUSED, 0) or 0)
    forbidden = int(stats.get(START_FORBIDDEN, 0) or 0)
    message = stats.get(FIRST_ERROR)
    ok = True
    if reason not in (None, "finished", CAPPED):
        ok = False
        message = message or f"crawl stopped early: {reason}"
    elif starts and start_failures >= starts:
        ok = False
        message = message or "no start URL could be fetched"
    elif not starts and message:
        ok = False
    failed_follows = int(stats.get(FAILED_FOLLOWS, 0) or 0)
    # what the cap left queued (at least one: it stopped a crawl that was not over)
    left = max(1, int(stats.get("scheduler/enqueued", 0) or 0) - int(stats.get("scheduler/dequeued", 0) or 0)) \
        if capped and ok else 0
    cut = stats.get(SINCE_CUT) if ok else None
    if ok:
        notes = (unread_note(failed_follows, stats.get(FIRST_FAILED_FOLLOW)) if failed_follows else None,
                 cap_note(stats.get(PAGE_CAP), left) if left else None, since_note(cut) if cut else None)
        message = "; ".join(note for note in notes if note) or None
    return {
        "ok": ok,
        "pages": int(stats.get(PAGES, 0) or 0),
        "items_scraped": max(0, int(stats.get("item_scraped_count", 0) or 0) - int(stats.get(PAGE_STATES, 0) or 0))
        + int(stats.get(KNOWN, 0) or 0),
        "items_new": int(stats.get(ITEMS_NEW, 0) or 0),
        "items_edited": int(stats.get(ITEMS_EDITED, 0) or 0),
        "unchanged": int(stats.get(UNCHANGED, 0) or 0),
        "errors": int(stats.get(PARSE_ERRORS, 0) or 0) + int(stats.get(REQUEST_ERRORS, 0) or 0),
        "robots_forbidden": int(stats.get(ROBOTS_FORBIDDEN, 0) or 0),
        "error_message": message,
        "failed_follows": failed_follows,
        "pages_unread": failed_follows + left,
        "page_cap": (int(stats.get(PAGE_CAP) or 0) or None) if left else None,
        "since_cut": cut or None,
        "refused": not ok and bool(starts) and refused >= starts,
        "forbidden": not ok and bool(starts) and forbidden >= starts,
        "run_id": stats.get(RUN_ID),
        "finish_reason": reason,
    }
