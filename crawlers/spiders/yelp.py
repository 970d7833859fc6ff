"""Yelp: a business page's review feed, newest first.

``umot crawl --spider yelp URL`` with a business URL
(``https://www.yelp.com/biz/acme-coffee-san-francisco?sort_by=date_desc``), or the
argument ``biz=acme-coffee-san-francisco`` to build it. Follows ``&start=N``
until a page holds only stored reviews or older than ``since``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawlers.parsers import yelp
from crawlers.spiders._listing import ListingSpider


class YelpSpider(ListingSpider):
    name = "yelp"
    parser = staticmethod(yelp.parse)
    url_options = ("biz",)

    @classmethod
    def default_urls(cls, brand: str | None, options: Mapping[str, Any]) -> list[str]:
        alias = str(options.get("biz") or "").strip()
        return [yelp.page_url(alias)] if alias else []
