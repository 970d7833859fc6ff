"""Scrapy extension: report a crawl's counts to whoever started it (with the page cap they are read against)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawlers.stats import PAGE_CAP
from crawlers.stats_summary import summarise
from models.status import CrawlStatus


class CrawlStatsFile:
    """Writes the crawl's summary as JSON to ``CRAWL_STATS_FILE`` at open and at close.

    The file written at open says ``running`` and carries the CrawlRun id, so a
    runner whose crawl process died can still mark that run failed. It also puts the crawl's page
    cap in its stats (:data:`crawlers.stats.PAGE_CAP`), with or without a file: a plain ``scrapy crawl``
    into the store summarises them too (``crawlers.pipelines.store_run``).
    """

    def __init__(self, crawler: Crawler, path: Path):
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlStatsFile:
        cap = crawler.settings.getint("CLOSESPIDER_PAGECOUNT")  # Scrapy's CloseSpider enforces it
        if cap > 0:  # named by the note of a crawl it stops (crawlers.crawl_notes.cap_note)
            crawler.stats.set_value(PAGE_CAP, cap)
        path = crawler.settings.get("CRAWL_STATS_FILE")
        if not path:
            raise NotConfigured
        ext = cls(crawler, Path(path))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, default=str))
        os.replace(tmp, self.path)  # readers never see half a file

    def spider_opened(self, spider: Spider) -> None:
        data = summarise(self.crawler.stats.get_stats(), reason="running")
        data.update(status=CrawlStatus.running, ok=False, error_message=None)
        self._write(data)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        data = summarise(self.crawler.stats.get_stats(), reason=reason)
        data["status"] = CrawlStatus.ok if data["ok"] else CrawlStatus.failed
        self._write(data)
