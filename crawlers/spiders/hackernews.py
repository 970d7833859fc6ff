"""Hacker News: newest stories and comments that mention a brand (Algolia search API).

``umot crawl --spider hackernews URL`` with a search URL
(``https://hn.algolia.com/api/v1/search_by_date?query=Acme&tags=(story,comment)``),
or the argument ``query=...`` (default: the brand's name) to build it (a ``/search`` URL, sorted
by relevance, is read from ``/search_by_date``). Follows
``page=N`` until a page holds only stored items or older than ``since``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawlers.parsers import hackernews
from crawlers.spiders._listing import ListingSpider


class HackerNewsSpider(ListingSpider):
    name = "hackernews"
    parser = staticmethod(hackernews.parse)
    url_options = ("query",)

    @classmethod
    def sorted_newest(cls, url: str) -> tuple[str, str | None]:
        return hackernews.sorted_newest(url)

    @classmethod
    def default_urls(cls, brand: str | None, options: Mapping[str, Any]) -> list[str]:
        query = str(options.get("query") or brand or "").strip()
        return [hackernews.search_url(query)] if query else []
