"""What the store already holds for a spider's (brand, source): the reviews an incremental crawl recognises.

When a store is configured (``CRAWL_DATABASE_URL`` and no ``CRAWL_OUTPUT``) the spider
knows the external ids already stored for its (brand, source) (for spiders whose pages
carry the brand's reply, recent unanswered reviews do not count: see ``crawlers.reply_window``).
Started by ``crawlers.runner`` it reads them from the file the runner wrote
(``CRAWL_KNOWN_FILE``, see ``crawlers.run_handover``); a plain ``scrapy crawl`` reads
them from the store. A page the store kept validators for, answered ``304``, is one
it read too (:meth:`KnownMixin.unchanged`).
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.http import Response

from crawlers import run_handover
from crawlers.known_reviews import KnownReviews

#: Request meta: the source of the start URL a request descends from (see :meth:`KnownMixin.page_sources`).
SOURCE_META = "umot_source"


class KnownMixin:
    """The known-review checks of :class:`crawlers.spiders._incremental.IncrementalMixin`."""

    name: str
    crawler: Crawler
    brand: str | None
    start_urls: list[str]
    known: KnownReviews
    full_crawl: bool
    _db_url: str | None

    def source_for(self, url: str) -> str:
        """The ``source`` label of reviews found at ``url`` (default: the spider name)."""
        return self.name

    def load_known(self) -> None:
        """Take the ids the runner handed over, or ready the store query; load each start URL's source."""
        known_file = self.crawler.settings.get(run_handover.KNOWN_FILE)
        awaiting_file = self.crawler.settings.get(run_handover.AWAITING_FILE)
        handed = handed_awaiting = None
        if self._db_url and self.brand and known_file:  # handed over by the runner: no store query here
            handed = run_handover.read_known(known_file)
            handed_awaiting = run_handover.read_known(awaiting_file) if awaiting_file else {}
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
