"""The conditional-request pieces one by one: which pages are remembered, what a request asks, a failed fetch."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from twisted.internet.error import TimeoutError as TwistedTimeoutError

from crawlers.httpcache import RevalidatingCacheMiddleware
from crawlers.page_state import REVIEWS, ConditionalRequestMiddleware, page_state_item
from crawlers.stored_pages import StoredPages

URL = "https://shop.example/p/1"


def test_only_a_page_read_in_full_with_a_validator_is_remembered() -> None:
    def page(status: int, **headers: str) -> HtmlResponse:
        return HtmlResponse(URL, status=status, headers=headers, body=b"<html></html>")

    state = page_state_item(page(200, ETag='"v1"', **{"Last-Modified": "Wed, 21 Oct 2026 07:28:00 GMT"}), REVIEWS)
    assert state is not None and (state["etag"], state["last_modified"]) == ('"v1"', "Wed, 21 Oct 2026 07:28:00 GMT")
    assert page_state_item(page(200), REVIEWS) is None  # nothing to ask with next time
    assert page_state_item(page(404, ETag='"gone"'), REVIEWS) is None  # an error page says nothing of the reviews
    assert page_state_item(page(500, ETag='"err"'), REVIEWS) is None


def test_a_request_carries_each_validator_the_store_kept() -> None:
    crawler = get_crawler(Spider, {"HTTPCACHE_ENABLED": True})
    pages = StoredPages({URL: {"etag": None, "last_modified": "Wed, 21 Oct 2026 07:28:00 GMT"},
                         URL + "?page=2": {"etag": '"v2"', "last_modified": None}})
    crawler.spider = SimpleNamespace(stored_pages=pages, full_crawl=False)
    mw = ConditionalRequestMiddleware.from_crawler(crawler)
    first, second = Request(URL), Request(URL + "?page=2")
    mw.process_request(first)
    mw.process_request(second)
    assert first.headers.get(b"If-Modified-Since") == b"Wed, 21 Oct 2026 07:28:00 GMT" and b"If-None-Match" not in first.headers
    assert second.headers.get(b"If-None-Match") == b'"v2"' and b"If-Modified-Since" not in second.headers
    assert 304 in first.meta["handle_httpstatus_list"] and first.meta["umot_conditional"]


def test_a_failed_fetch_fails_instead_of_handing_back_the_kept_copy(tmp_path: Path) -> None:
    crawler = get_crawler(Spider, {"HTTPCACHE_ENABLED": True, "HTTPCACHE_DIR": str(tmp_path)})
    crawler.spider = crawler._create_spider("cache-test")
    mw = RevalidatingCacheMiddleware.from_crawler(crawler)
    kept = HtmlResponse(URL, body=b"<html>yesterday</html>")
    request = Request(URL, meta={"cached_response": kept})
    assert mw.process_exception(request, TwistedTimeoutError()) is None  # a site that is down is not "unchanged"
    assert "cached_response" not in request.meta
