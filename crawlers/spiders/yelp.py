"""Yelp: a business page's review feed, newest first.

``umot crawl --spider yelp URL`` with a business URL
(``https://www.yelp.com/biz/acme-coffee-san-francisco?sort_by=date_desc``), or the
argument ``biz=acme-coffee-san-francisco`` to build it (a URL given with another sort, or none,
is read with ``sort_by=date_desc``). Follows ``&start=N``
until a page holds only stored reviews or older than ``since``. A page read from its
JSON-LD (no review ids) gives each review the Yelp id the store holds it under
(``crawlers.yelp_stored``), so it is not stored twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scrapy.http import Response

from crawlers.parsers import yelp
from crawlers.parsers.common import ParsedPage
from crawlers.spiders._listing import ListingSpider
from crawlers.yelp_stored import StoredYelpReviews
from models.identity import is_content_id


class YelpSpider(ListingSpider):
    name = "yelp"
    parser = staticmethod(yelp.parse)
    url_options = ("biz",)
    newest_sort = ("sort_by", "date_desc")
    _stored_yelp: StoredYelpReviews | None = None  # read on the first page without review ids

    @classmethod
    def default_urls(cls, brand: str | None, options: Mapping[str, Any]) -> list[str]:
        alias = str(options.get("biz") or "").strip()
        return [yelp.page_url(alias)] if alias else []

    def parse_listing(self, response: Response) -> ParsedPage:
        page = super().parse_listing(response)
        idless = [row for row in page.reviews
                  if is_content_id(row.get("external_id"), row.get("source"), row.get("author"), row.get("text"))]
        if idless and self._db_url and self.brand:
            if self._stored_yelp is None:  # the store is read once, and only when a page has no ids
                self._stored_yelp = StoredYelpReviews.load(self._db_url, self.brand)
            for row in idless:
                row["external_id"] = self._stored_yelp.id_of(row) or row["external_id"]
        return page
