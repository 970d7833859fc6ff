"""Incremental crawling: which reviews the store already holds, and when to stop paginating.

When a store is configured (``CRAWL_DATABASE_URL`` and no ``CRAWL_OUTPUT``) the spider
knows the external ids already stored for its (brand, source), so that
:meth:`IncrementalMixin.should_follow_next` can stop paginating once a page holds
only reviews we already have (for spiders whose pages carry the brand's reply,
recent unanswered reviews do not count: see ``crawlers.reply_window``).
It also stops at a page holding only reviews this crawl already read (a site
that answers ``?page=N`` past its last page with the same page again, with a
next link to N+1: a crawl would never end), and never emits a review twice.
A next page the spider follows is marked as one (``_next_pages.next_page``): one that
could not be fetched is counted apart (:mod:`crawlers.spiders._next_pages`), the
pages behind it went unread, so the next crawl of the source reads every page;
so does the next crawl after one that stopped at ``since``, unless its own ``since``
is as late (the runner hands over the cut: ``run_store.SINCE_CUT``).
Started by ``crawlers.runner`` it reads them from
the file the runner wrote (``CRAWL_KNOWN_FILE``, see ``crawlers.run_store``);
a plain ``scrapy crawl`` reads them from the store.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.http import Response

from crawlers import run_store
from crawlers import stats as keys
from crawlers.extract.dates import parse_datetime
from crawlers.known_reviews import KnownReviews
from crawlers.spiders._next_pages import carry_cut, record_cut
from crawlers.store_url import store_url
from models.identity import content_id, is_content_id

#: Request meta: the source of the start URL a request descends from (see :meth:`IncrementalMixin.page_sources`).
SOURCE_META = "umot_source"

logger = logging.getLogger("crawlers.spiders.base")  # the name these messages have always been logged under


class IncrementalMixin:
    """The known-review and ``since`` checks of :class:`crawlers.spiders.base.ReviewSpider`.

    A mixin so the spider's arguments and callbacks read apart from the rules that
    decide what is new; ReviewSpider sets the attributes below.
    """

    name: str
    crawler: Crawler
    brand: str | None
    since: datetime | None
    start_urls: list[str]
    known: KnownReviews
    full_crawl: bool
    _read: set[tuple[str, str]]  # identities of the reviews this crawl has read
    _read_again: set[tuple[str, str]]  # ... and of those it met on a later page again
    _db_url: str | None

    def source_for(self, url: str) -> str:
        """The ``source`` label of reviews found at ``url`` (default: the spider name)."""
        return self.name

    def open_known(self) -> None:
        """Load what the store holds, once the spider is open (settings are only final then)."""
        self._db_url = store_url(self.crawler.settings)
        # after a crawl that stopped half way, the pages behind its known reviews
        # were never read: CRAWL_FULL follows every next page once
        self.full_crawl = self.crawler.settings.getbool("CRAWL_FULL")
        cut = self.crawler.settings.get(run_store.SINCE_CUT)  # an earlier crawl stopped at --since: ISO day
        if cut and (self.since is None or self.since.date() < date.fromisoformat(cut)) and not self.full_crawl:
            logger.info("an earlier crawl stopped at --since %s: reading every page", cut)
            self.full_crawl = True
        if cut:
            carry_cut(self.crawler.stats, cut, full=self.full_crawl)
        self._read, self._read_again = set(), set()
        known_file = self.crawler.settings.get(run_store.KNOWN_FILE)
        awaiting_file = self.crawler.settings.get(run_store.AWAITING_FILE)
        handed = handed_awaiting = None
        if self._db_url and self.brand and known_file:  # handed over by the runner: no store query here
            handed = run_store.read_known(known_file)
            handed_awaiting = run_store.read_known(awaiting_file) if awaiting_file else {}
        self.known = KnownReviews(self.name, self.brand, self._db_url, handed, handed_awaiting)
        if self._db_url and self.brand:
            for source in sorted({self.source_for(u) for u in self.start_urls}):
                self.known_ids(source)

    def page_sources(self, response: Response) -> tuple[str, str]:
        """(the source of the start URL the page was reached from, the source its own host names).

        The first (:data:`SOURCE_META`, carried by redirects, next pages and followed links)
        keeps one configured source one name whatever host serves its pages; earlier crawls
        used the second (see :meth:`KnownReviews.label_for`).
        """
        page = self.source_for(response.url)
        return response.meta.get(SOURCE_META) or page, page

    def known_ids(self, source: str) -> set[str]:
        """External ids already stored for (brand, source); empty without a store (``crawlers.known_reviews``)."""
        return self.known.ids(source)

    def is_known(self, item: Any) -> bool:
        """Already stored? By the review's own id, else by the content id the store gives id-less reviews."""
        return self.known.contains(item)

    def has_known(self, source: str) -> bool:
        """Does the store hold any review of (brand, ``source``)? (Without a store: no.)"""
        return bool(self.known_ids(source))

    def unchanged(self, response: Response) -> bool:
        """Is this page the one the last crawl read, which stored its reviews? (Then skip it.)

        True for a ``304 Not Modified`` to the validators the store kept for the
        page (flag ``not_modified``, see ``crawlers.page_state``): the store
        wrote them with the page's reviews, so it holds them. Never on a full
        crawl, whose point is to read every page.
        """
        from crawlers.page_state import NOT_MODIFIED

        return NOT_MODIFIED in response.flags and not self.full_crawl

    def is_older_than_since(self, item: Any) -> bool:
        """True when the review is dated before ``since`` (undated reviews are never old)."""
        if self.since is None or not item.get("published_at"):
            return False
        published = parse_datetime(item["published_at"])
        return published is not None and published < self.since

    def read_key(self, item: Any) -> tuple[str, str] | None:
        """The identity the known-ids check uses (``KnownReviews.contains``): (source, the site's id, else content id).

        None for a review with no id, author or text (a bare rating): nothing tells two such apart.
        """
        source = item.get("source") or self.name
        external_id, author, text = item.get("external_id"), item.get("author"), item.get("text")
        if not (external_id or author or text):
            return None
        return source, content_id(source, author, text) if is_content_id(external_id, source, author, text) else external_id

    def read_before(self, item: Any) -> bool:
        """Did this crawl read ``item`` on an earlier page (so :meth:`keep` dropped it here)?"""
        key = self.read_key(item)
        return key is not None and key in self._read_again

    def should_follow_next(self, reviews: list[Any], url: str) -> bool:
        """Follow the page after ``url``? No once its reviews are all known, all read earlier in this crawl,
        or all older than ``since``.

        A page without reviews says nothing about the next one, so it is followed;
        with ``CRAWL_FULL`` known reviews do not stop pagination (reviews this crawl
        already read and ``since`` still do: a normal site never repeats a whole page).
        The request for the page it allows goes out marked by ``_next_pages.next_page``.
        """
        if not reviews:
            return True
        stored = [not self.full_crawl and bool(r.get("known") or self.is_known(r)) for r in reviews]
        if all(stored):
            logger.info("stop paginating after %s: its %d reviews are already stored", url, len(reviews))
            self.crawler.stats.inc_value(keys.STOPPED_KNOWN)
            return False
        if all(known or self.read_before(r) for known, r in zip(stored, reviews, strict=True)):
            logger.info("stop paginating after %s: its %d reviews were read before by this crawl", url, len(reviews))
            self.crawler.stats.inc_value(keys.STOPPED_REPEATED)
            return False
        if self.since is not None and all(self.is_older_than_since(r) for r in reviews):
            logger.info("stop paginating after %s: its reviews are older than %s", url, self.since.date())
            self.crawler.stats.inc_value(keys.STOPPED_SINCE)
            record_cut(self.crawler.stats, self.since.date().isoformat())  # the next crawl without it reads on
            return False
        return True

    def keep(self, item: Any) -> bool:
        """False for reviews older than ``since`` and for those this crawl already read (counted, not yielded)."""
        key = self.read_key(item)
        if key is not None:
            if key in self._read:
                self._read_again.add(key)
                self.crawler.stats.inc_value(keys.REPEATED)
                return False
            self._read.add(key)
        if self.is_older_than_since(item):
            self.crawler.stats.inc_value(keys.SKIPPED_OLD)
            return False
        return True
