"""Conditional requests from the store: a page is skipped as unchanged only if the store holds it.

A spider that skips unchanged pages (``schemaorg``, ``sitemap``: they set
``stored_pages``) asks the site with ``If-None-Match`` / ``If-Modified-Since``
taken from the store's ``PageState`` rows of the brand, not from a cache in
the data dir. Those rows are committed by ``crawlers.pipelines.StorePipeline``
in the same transaction as the reviews read on the same page (the spider
yields a :class:`PageStateItem` after a page's reviews), so a new store, a
store restored from a backup, or a crawl killed before it committed, has no
row for a page whose reviews it lacks: the page is read in full again. A
``304`` comes back flagged ``not_modified`` with no body: the spider acts on
the page's stored kind (a review page: nothing to do; a hub: follow its stored links).

The states a crawl asks with are looked up in :mod:`crawlers.stored_pages`.
Other spiders keep Scrapy's local HTTP cache (``crawlers.httpcache``): they
parse a kept copy again, so it saves bandwidth and never skips a review.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import scrapy
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

if TYPE_CHECKING:
    from crawlers.stored_pages import StoredPages

logger = logging.getLogger(__name__)

REVIEWS, HUB = "reviews", "hub"  # what a page was when a crawl last read it in full
NOT_MODIFIED = "not_modified"  # response flag: the site answered 304 to our validators


class PageStateItem(scrapy.Item):
    """What a crawl read at ``url``: stored with the page's reviews, never written to JSONL."""

    url = scrapy.Field()
    etag = scrapy.Field()
    last_modified = scrapy.Field()
    kind = scrapy.Field()  # REVIEWS | HUB
    links = scrapy.Field()  # a hub's in-scope links


def page_state_item(response: Response, kind: str, links: list[str] | None = None) -> PageStateItem | None:
    """The state to remember for a page read in full, or None when it carries no validator."""
    etag = response.headers.get(b"ETag")
    modified = response.headers.get(b"Last-Modified")
    if response.status != 200 or not (etag or modified):
        return None
    return PageStateItem(
        url=response.url,
        etag=etag.decode("latin-1")[:500] if etag else None,
        last_modified=modified.decode("latin-1")[:100] if modified else None,
        kind=kind,
        links=list(links or []),
    )


class ConditionalRequestMiddleware:
    """Downloader middleware: validators from the store on requests of spiders with ``stored_pages``.

    Runs before Scrapy's HTTP cache and switches it off for those requests
    (``dont_cache``): their "unchanged" must come from the store alone. Off,
    like the cache, with ``HTTPCACHE_ENABLED = False``: a crawl told to keep no
    validators sends none, so every page is read.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        if not crawler.settings.getbool("HTTPCACHE_ENABLED"):
            raise NotConfigured("HTTPCACHE_ENABLED is off: no conditional requests")
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        spider = self.crawler.spider
        pages: StoredPages | None = getattr(spider, "stored_pages", None)
        if pages is None:
            return None
        request.meta["dont_cache"] = True
        state = pages.get(request.url)
        if state is None or getattr(spider, "full_crawl", False):
            return None
        if state.get("etag"):
            request.headers[b"If-None-Match"] = state["etag"]
        if state.get("last_modified"):
            request.headers[b"If-Modified-Since"] = state["last_modified"]
        allowed = list(request.meta.get("handle_httpstatus_list", []))
        request.meta["handle_httpstatus_list"] = [*allowed, 304]
        request.meta["umot_conditional"] = True
        return None

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        if response.status == 304 and request.meta.get("umot_conditional"):
            self.crawler.stats.inc_value("umot/revalidated")
            return response.replace(flags=[*response.flags, NOT_MODIFIED])
        return response
