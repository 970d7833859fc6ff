"""The ``CrawlRun`` a :class:`crawlers.pipelines.StorePipeline` stores its reviews under.

A crawl started by ``crawlers.runner`` gets its run (and brand id) in the
settings (``crawlers.run_store``), and the runner closes it; a plain
``scrapy crawl`` opens the store and the run here, at spider open, and closes
the run with the crawl's counts at spider close (``crawlers.pipelines.store_run``).
A mixin, so the pipeline's batching reads apart from this bookkeeping.
"""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler

from crawlers import run_handover
from crawlers import stats as keys
from crawlers.pipelines.store_run import finish_crawl_run, open_crawl_run, open_store


class CrawlRunMixin:
    """Opens (or takes over) the crawl's run at spider open and closes the runs it opened.

    The pipeline sets the attributes below and connects :meth:`spider_closed`.
    """

    crawler: Crawler
    url: str
    migrated: bool
    engine: Any
    brand_id: int | None
    run_id: int | None
    managed: bool
    failed: bool

    @property
    def spider(self) -> Spider:
        assert self.crawler.spider is not None
        return self.crawler.spider

    def open_spider(self) -> None:
        brand = getattr(self.spider, "brand", None)
        if not brand:
            self.crawler.stats.set_value(keys.FIRST_ERROR, "storing reviews needs a brand: pass -a brand=NAME")
            raise ValueError("storing reviews needs a brand: pass -a brand=NAME")
        settings = self.crawler.settings
        if settings.get(run_handover.RUN_ID):
            # the runner opened the run (crawlers.run_store): the store is opened, and its
            # modules imported, only when there is something new to write
            self.run_id = settings.getint(run_handover.RUN_ID)
            self.brand_id = settings.getint(run_handover.BRAND_ID)
            self.managed = True
        else:
            self._open_run(brand)
        self.crawler.stats.set_value(keys.RUN_ID, self.run_id)

    def _open_run(self, brand: str) -> None:
        """A plain ``scrapy crawl``: open the store and record the run here."""
        self.engine = open_store(self.url, migrated=self.migrated, stats=self.crawler.stats)
        self.brand_id, self.run_id = open_crawl_run(
            self.engine, brand=brand, source_id=getattr(self.spider, "source_id", None), spider=self.spider.name)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.run_id is None or self.managed:  # the runner closes the runs it opened
            return
        finish_crawl_run(self.engine, self.run_id, self.crawler.stats.get_stats(),
                         "store_failed" if self.failed else reason)
