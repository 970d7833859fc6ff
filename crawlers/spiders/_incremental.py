"""Incremental crawling: which reviews the store already holds, and when to stop paginating.

When a store is configured (``CRAWL_DATABASE_URL`` and no ``CRAWL_OUTPUT``) the spider
knows the external ids already stored for its (brand, source) (``crawlers.spiders._known``),
so that :meth:`IncrementalMixin.should_follow_next` can stop paginating once a page holds
only reviews we already have (for spiders whose pages carry the brand's reply,
recent unanswered reviews do not count: see ``crawlers.reply_window``).
It also stops at a page holding only reviews this crawl already read (a site
that answers ``?page=N`` past its last page with the same page again, with a
next link to N+1: a crawl would never end), and never emits a review twice
(``crawlers.spiders._read_again``).
A next page the spider follows is marked as one (``_next_pages.next_page``): one that
could not be fetched is counted apart (:mod:`crawlers.spiders._next_pages`), the
pages behind it went unread, so the next crawl of the source reads every page;
so does the next crawl after one that stopped at ``since``, unless its own ``since``
is as late (the runner hands over the cut: ``run_handover.SINCE_CUT``, ``crawlers.spiders._since``).
"""

from __future__ import annotations

import logging
from typing import Any

from crawlers import stats as keys
from crawlers.spiders._known import SOURCE_META, KnownMixin
from crawlers.spiders._next_pages import record_cut
from crawlers.spiders._read_again import ReadAgainMixin
from crawlers.spiders._since import SinceMixin
from crawlers.store_url import store_url

__all__ = ["SOURCE_META", "IncrementalMixin"]  # SOURCE_META: spiders import it from here

logger = logging.getLogger("crawlers.spiders.base")  # the name these messages have always been logged under


class IncrementalMixin(KnownMixin, ReadAgainMixin, SinceMixin):
    """The known-review and ``since`` checks of :class:`crawlers.spiders.base.ReviewSpider`.

    A mixin so the spider's arguments and callbacks read apart from the rules that
    decide what is new; ReviewSpider sets the attributes its parts declare.
    """

    def open_known(self) -> None:
        """Load what the store holds, once the spider is open (settings are only final then)."""
        self._db_url = store_url(self.crawler.settings)
        # after a crawl that stopped half way, the pages behind its known reviews
        # were never read: CRAWL_FULL follows every next page once
        self.full_crawl = self.crawler.settings.getbool("CRAWL_FULL")
        self.read_cut()
        self._read, self._read_again = set(), set()
        self.load_known()

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
        if not self.first_read(item):
            return False
        if self.is_older_than_since(item):
            self.crawler.stats.inc_value(keys.SKIPPED_OLD)
            return False
        return True
