"""The ``since`` rules of an incremental crawl: which reviews are too old, and the cut an earlier crawl left.

A review dated before ``since`` is skipped, and a page holding only such reviews
ends pagination (``IncrementalMixin.should_follow_next``, which records the cut:
``crawlers.spiders._next_pages.record_cut``). The runner hands the next crawl of
the source that day (``run_handover.SINCE_CUT``): unless its own ``since`` is as
late, the pages behind the cut went unread, so it reads every page.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from scrapy.crawler import Crawler

from crawlers import run_handover
from crawlers.extract.dates import parse_datetime
from crawlers.spiders._next_pages import carry_cut

logger = logging.getLogger("crawlers.spiders.base")  # the name these messages have always been logged under


class SinceMixin:
    """The ``since`` checks of :class:`crawlers.spiders._incremental.IncrementalMixin`."""

    crawler: Crawler
    since: datetime | None
    full_crawl: bool

    def read_cut(self) -> None:
        """After an earlier crawl that stopped at ``since`` (an ISO day), read every page unless ``since`` covers it.

        Called once ``full_crawl`` holds ``CRAWL_FULL``; the cut is carried on in the stats.
        """
        cut = self.crawler.settings.get(run_handover.SINCE_CUT)  # an earlier crawl stopped at --since: ISO day
        if cut and (self.since is None or self.since.date() < date.fromisoformat(cut)) and not self.full_crawl:
            logger.info("an earlier crawl stopped at --since %s: reading every page", cut)
            self.full_crawl = True
        if cut:
            carry_cut(self.crawler.stats, cut, full=self.full_crawl)

    def is_older_than_since(self, item: Any) -> bool:
        """True when the review is dated before ``since`` (undated reviews are never old)."""
        if self.since is None or not item.get("published_at"):
            return False
        published = parse_datetime(item["published_at"])
        return published is not None and published < self.since
