"""Trustpilot: a business's review pages, newest first.

``umot crawl --spider trustpilot URL`` with a page URL
(``https://www.trustpilot.com/review/acme.example?sort=recency``), or the
argument ``domain=acme.example`` to build it (a URL given without ``sort=recency``, or with
another sort, is read with it). Follows ``?page=N`` until a page
holds only stored reviews or older than ``since``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crawlers.parsers import trustpilot
from crawlers.spiders._listing import ListingSpider


class TrustpilotSpider(ListingSpider):
    name = "trustpilot"
    parser = staticmethod(trustpilot.parse)
    url_options = ("domain",)
    newest_sort = ("sort", "recency")

    @classmethod
    def default_urls(cls, brand: str | None, options: Mapping[str, Any]) -> list[str]:
        domain = str(options.get("domain") or "").strip()
        return [trustpilot.page_url(domain)] if domain else []
