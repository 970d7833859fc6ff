"""Next pages that could not be fetched: the gap they leave behind them, counted for the next crawl.

An incremental crawl stops paginating at the first page of reviews the store
holds. A crawl whose next page failed (after retries) stored the pages before
it, so the next incremental crawl would stop there and never read the pages
after it: such a failure is counted (``crawlers.stats.FAILED_FOLLOWS``), the
crawl's run says so (``crawlers.crawl_notes.unread_note``) and the next crawl of the
source reads every page (``flows.tasks.crawl_jobs.last_crawl_unfinished``).

Only requests the spider made as a next page (marked :data:`NEXT_PAGE_META` where
``should_follow_next`` allowed them) count, and only failures a later crawl could
get past: a network error, a timeout, a 5xx or 429 after its retries. A next page
answering 404 or 410 does not exist: no crawl reaches the pages after it, and
counting it would make every crawl after a listing's dead last link a full one.
A failed link of a hub or a sitemap is no gap either: the next crawl reads that
page and follows the link again.

Pagination stopped at ``since`` leaves a gap too, for a crawl with no ``since``
or an earlier one: its day is recorded (:func:`record_cut`, ``crawlers.crawl_notes.since_note``
in the run's message and its `since_cut` column), and the next crawl of (brand, source) whose ``since`` does not
cover it reads every page (``IncrementalMixin.open_known``). A crawl that stops at
known reviews keeps the earlier cut (:func:`carry_cut`); a full one clears it unless
a next page failed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawlers import stats as keys

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.statscollectors import StatsCollector

#: Request meta: the request is the next page of a page the spider paginated from.
NEXT_PAGE_META = "umot_next_page"

#: Answers saying the page does not exist: no later crawl gets past them.
GONE = (404, 410)


def next_page(request: Request) -> Request:
    """``request``, marked as a next page (:data:`NEXT_PAGE_META`); redirects and retries keep the mark."""
    request.meta[NEXT_PAGE_META] = True
    return request


def count_gap(stats: StatsCollector, request: Request, exc: BaseException | None) -> None:
    """Count a failed request (``CountingMixin.request_failed`` calls this for each error) as a gap where it
    is a next page and the site did not say it is gone. An answer's status is read wherever the failure
    carries one (Scrapy's ``HttpError``); a download error (timeout, connection lost) has none and counts."""
    if not request.meta.get(NEXT_PAGE_META) or getattr(getattr(exc, "response", None), "status", None) in GONE:
        return
    stats.inc_value(keys.FAILED_FOLLOWS)
    if not stats.get_value(keys.FIRST_FAILED_FOLLOW):
        stats.set_value(keys.FIRST_FAILED_FOLLOW, request.url)
    if stats.get_value(keys.CARRIED_CUT):  # a full crawl with pages unread: the earlier cut still stands
        record_cut(stats, stats.get_value(keys.CARRIED_CUT))


def record_cut(stats: StatsCollector, day: str) -> None:
    """Record that the store may lack the reviews before ``day`` (ISO); the earliest such day wins."""
    held = stats.get_value(keys.SINCE_CUT)
    if not held or day < held:
        stats.set_value(keys.SINCE_CUT, day)


def carry_cut(stats: StatsCollector, day: str, *, full: bool) -> None:
    """An earlier crawl's cut at ``day``: kept by a crawl that stops at known reviews; a full one keeps
    it only if a next page fails (:func:`count_gap`)."""
    if full:
        stats.set_value(keys.CARRIED_CUT, day)
    else:
        record_cut(stats, day)
