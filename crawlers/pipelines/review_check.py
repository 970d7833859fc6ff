"""The first pipeline: every spider's reviews completed the same way, empty ones dropped."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawlers import stats as keys
from crawlers.page_state import PageStateItem
from models.identity import content_id


class ReviewCheckPipeline:
    """Completes every review the same way whatever spider produced it.

    Tidies whitespace, fills a content-hash ``external_id`` where the site gave
    none, and drops items with neither text nor rating (counted as parse errors).
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReviewCheckPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageStateItem):
            return item
        for name in ("author", "title", "text"):
            value = item.get(name)
            if value is not None:
                item[name] = " ".join(str(value).split()) if name != "text" else str(value).strip()
        if not item.get("text") and item.get("rating") is None:
            self.crawler.stats.inc_value(keys.PARSE_ERRORS)
            raise DropItem(f"review without text or rating at {item.get('url')}")
        item.setdefault("text", "")
        if item.get("text") is None:
            item["text"] = ""
        if not item.get("external_id"):
            item["external_id"] = content_id(item.get("source"), item.get("author"), item.get("text"))
        if item.get("extra") is None:
            item["extra"] = {}
        return item
