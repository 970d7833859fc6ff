"""Names of the crawl counters, and robots.txt's refusals counted under them.

Spiders, pipelines and the stats-file extension all count into Scrapy's stats
collector under these keys; :func:`crawlers.stats_summary.summarise` turns them into the
numbers a ``CrawlRun`` row and ``crawlers.runner.CrawlResult`` report, with the notes of
:mod:`crawlers.crawl_notes`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

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
PAGE_CAP = "umot/page_cap"  # CLOSESPIDER_PAGECOUNT of the crawl (crawlers.extensions.CrawlStatsFile), for its note
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

