"""Google Play: an app's reviews, from its details page and then newest first.

``umot crawl --spider googleplay URL`` with a details URL
(``https://play.google.com/store/apps/details?id=com.acme.shop&hl=en&gl=us``), or
the arguments ``app_id=com.acme.shop`` (``lang=en``, ``country=us``) to build it.
The page's embedded reviews are read first; then ``batchexecute`` pages
(newest first, 100 a page) are followed by continuation token until a page
holds only stored reviews or older than ``since``. The details page's own
reviews are Google's "most relevant" choice, so they never stop the crawl.
The format is undocumented (see :mod:`crawlers.parsers.googleplay`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from scrapy import Request
from scrapy.http import Response

from crawlers.parsers import googleplay, googleplay_requests
from crawlers.parsers.common import ParsedPage
from crawlers.spiders._listing import ListingSpider, listing_body

BATCH_SIZE = 100


class GooglePlaySpider(ListingSpider):
    name = "googleplay"
    url_options = ("app_id", "lang", "country")

    @classmethod
    def default_urls(cls, brand: str | None, options: Mapping[str, Any]) -> list[str]:
        app_id = str(options.get("app_id") or "").strip()
        if not app_id:
            return []
        return [googleplay_requests.details_url(app_id, options.get("lang") or "en", options.get("country") or "us")]

    def parse_listing(self, response: Response) -> ParsedPage:
        if response.meta.get("gp_app_id"):
            return googleplay.parse_batch(response.body, response.url, response.meta["gp_app_id"])
        return googleplay.parse_page(listing_body(response), response.url)  # the HTML details page, as declared

    def parse_page(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        if response.meta.get("gp_app_id"):
            yield from super().parse_page(response, **kwargs)
            return
        # The details page: its reviews, then always on to the newest-first pages.
        page = self.read_listing(response)  # a parse error (or an odd value) counted, not a traceback
        if page is not None:
            yield from self.items(page, response.url)
        app_id = googleplay_requests.app_id_of(response.url)
        if not app_id:
            self.parse_error(response.url, "no ?id=<package> in the Google Play URL")
            return
        yield self.batch_request(response.url, app_id, token=None)

    def next_request(self, page: ParsedPage, response: Response) -> Request | None:
        if not page.next_token:
            return None
        return self.batch_request(response.meta["gp_page_url"], response.meta["gp_app_id"], page.next_token)

    def batch_request(self, page_url: str, app_id: str, token: str | None) -> Request:
        """POST for the next ``BATCH_SIZE`` newest reviews after ``token``."""
        return self.request(
            googleplay_requests.batch_url(page_url),
            callback=self.parse,
            method="POST",
            body=googleplay_requests.batch_body(app_id, count=BATCH_SIZE, token=token),
            headers={"Content-Type": "application/x-www-form-urlencoded;charset=UTF-8"},
            meta={"gp_app_id": app_id, "gp_page_url": page_url},
        )
