"""Reviews to a JSON Lines file (``umot crawl -o``, ``scrapy crawl -s CRAWL_OUTPUT=...``) instead of the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawlers import stats as keys
from crawlers.items import item_to_row
from crawlers.page_state import PageStateItem


class JsonLinesPipeline:
    """One JSON object per review, one per line, to ``CRAWL_OUTPUT`` (overwritten)."""

    def __init__(self, crawler: Crawler, path: Path):
        self.crawler = crawler
        self.path = path
        self.file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonLinesPipeline:
        path = crawler.settings.get("CRAWL_OUTPUT")
        if not path:
            raise NotConfigured
        return cls(crawler, Path(path))

    def open_spider(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - open for the whole crawl, closed in close_spider

    def process_item(self, item: Any) -> Any:
        assert self.file is not None
        if isinstance(item, PageStateItem):  # only a store remembers pages
            return item
        self.file.write(json.dumps(item_to_row(item), ensure_ascii=False, default=str) + "\n")
        self.file.flush()  # a crash keeps every line written so far
        self.crawler.stats.inc_value(keys.ITEMS_NEW)
        return item

    def close_spider(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
