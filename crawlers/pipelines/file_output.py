"""Reviews to a file (``umot crawl -o``, ``scrapy crawl -s CRAWL_OUTPUT=...``) instead of the store.

The format follows the name (:mod:`crawlers.output_file`: JSON lines, CSV, gzip'd or not).
Reviews go to ``NAME.partial.SUFFIX`` while the crawl runs; a crawl that succeeds renames
it over ``CRAWL_OUTPUT``, one that fails leaves ``CRAWL_OUTPUT`` as it was and keeps what
it read in the partial file (removed when it read nothing): a site that is down must not
empty the file a good crawl wrote yesterday.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawlers import stats as keys
from crawlers.items import item_to_row
from crawlers.output_file import ReviewWriter, output_format, partial_path
from crawlers.page_state import PageStateItem
from crawlers.stats_summary import summarise

logger = logging.getLogger(__name__)


class FileOutputPipeline:
    """One row per review to ``CRAWL_OUTPUT``, replaced only by a crawl that succeeded."""

    def __init__(self, crawler: Crawler, path: Path):
        self.crawler = crawler
        self.path = path
        self.format = output_format(path)  # an unknown suffix stops the crawl before it fetches anything
        self.partial = partial_path(path)
        self.writer: ReviewWriter | None = None
        self.rows = 0
        self.opened = False  # the partial file is this crawl's (an older one may lie there)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FileOutputPipeline:
        path = crawler.settings.get("CRAWL_OUTPUT")
        if not path:
            raise NotConfigured
        pipeline = cls(crawler, Path(path))
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.writer = ReviewWriter(self.partial, self.format, name=self.path)
        self.opened = True

    def process_item(self, item: Any) -> Any:
        assert self.writer is not None
        if isinstance(item, PageStateItem):  # only a store remembers pages
            return item
        self.writer.write(item_to_row(item))
        self.rows += 1
        self.crawler.stats.inc_value(keys.ITEMS_NEW)
        return item

    def close_spider(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """The crawl's verdict (the one its stats file reports) decides: replace the output, or keep it."""
        if not self.opened:  # the crawl stopped before it started: nothing of its own to keep
            return
        self.close_spider()
        if summarise(self.crawler.stats.get_stats(), reason=reason)["ok"]:
            try:
                os.replace(self.partial, self.path)
            except OSError as exc:  # the folder took the partial file minutes ago: all but impossible
                logger.error("could not replace %s with %s: %s", self.path, self.partial, exc)
        elif self.rows:  # a warning, not an error: crawl_result reads the log's last error as the cause
            logger.warning("the crawl failed: %s left as it was, the %d reviews read are in %s",
                           self.path, self.rows, self.partial)
        else:
            self.partial.unlink(missing_ok=True)
