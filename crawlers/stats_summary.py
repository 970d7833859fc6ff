"""How the crawl counters (:mod:`crawlers.stats`) add up to one crawl's outcome: its counts, its verdict
and the message its run keeps."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawlers.crawl_notes import cap_note, since_note, unread_note
from crawlers.stats import (
    CAPPED,
    FAILED_FOLLOWS,
    FIRST_ERROR,
    FIRST_FAILED_FOLLOW,
    ITEMS_EDITED,
    ITEMS_NEW,
    KNOWN,
    PAGE_CAP,
    PAGE_STATES,
    PAGES,
    PARSE_ERRORS,
    REQUEST_ERRORS,
    ROBOTS_FORBIDDEN,
    RUN_ID,
    SINCE_CUT,
    START_FAILURES,
    START_FORBIDDEN,
    START_REFUSED,
    START_URLS,
    UNCHANGED,
)


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
    carries :func:`crawlers.crawl_notes.unread_note` as its ``error_message``, which its run keeps,
    and :func:`crawlers.crawl_notes.since_note` after it where ``since`` cut its pagination
    (:data:`crawlers.stats.SINCE_CUT`), whose ISO day is ``since_cut`` (None unless ok): the run keeps
    both as columns (``pages_unread``: ``failed_follows``). A crawl the page cap stopped
    (:data:`crawlers.stats.CAPPED`) with requests still queued is ok but unfinished:
    :func:`crawlers.crawl_notes.cap_note` and ``page_cap`` say so, and ``pages_unread`` leaves them out, so the
    next crawl is incremental, not a full one that would stop at the same cap. One whose last response
    was the cap's (nothing queued: Scrapy waits for the requests in flight) read everything: complete.
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
    # what the cap left queued: none when the cap's response was the crawl's last
    queued = int(stats.get("scheduler/enqueued", 0) or 0) - int(stats.get("scheduler/dequeued", 0) or 0)
    left = capped and ok and queued > 0
    cap = int(stats.get(PAGE_CAP) or 0) or None
    cut = stats.get(SINCE_CUT) if ok else None
    if ok:
        notes = (unread_note(failed_follows, stats.get(FIRST_FAILED_FOLLOW)) if failed_follows else None,
                 cap_note(cap) if left else None, since_note(cut) if cut else None)
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
        "pages_unread": failed_follows,
        "page_cap": cap if left else None,
        "since_cut": cut or None,
        "refused": not ok and bool(starts) and refused >= starts,
        "forbidden": not ok and bool(starts) and forbidden >= starts,
        "run_id": stats.get(RUN_ID),
        "finish_reason": reason,
    }
