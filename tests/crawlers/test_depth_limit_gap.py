"""A next page ``DEPTH_LIMIT`` drops is a gap, counted as a failed next page: a first crawl capped with the
advised ``-s DEPTH_LIMIT=20`` stored its pages and reported ok, and the next incremental crawl stopped at
them, so the pages behind the cap were never read and nothing said so."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawlers import stats as keys
from crawlers.runner import run_crawl
from crawlers.spiders._next_pages import NEXT_PAGE_META, DepthGapMiddleware
from crawlers.spiders.trustpilot import TrustpilotSpider
from crawlers.stats import left_pages_unread
from tests.crawlers.conftest import Answer, Hit

FIXTURES = Path(__file__).parent / "fixtures" / "trustpilot"


def _middleware() -> DepthGapMiddleware:
    crawler = get_crawler(TrustpilotSpider, {"DEPTH_LIMIT": 1})
    return DepthGapMiddleware.from_crawler(crawler)


def _response(depth: int) -> HtmlResponse:
    request = Request("http://tp.test/review/acme.example", meta={"depth": depth})
    return HtmlResponse(request.url, body=b"<html></html>", request=request)


def test_a_next_page_past_the_depth_limit_is_counted_as_a_gap() -> None:
    mw = _middleware()
    dropped = Request("http://tp.test/review/acme.example?page=3", meta={NEXT_PAGE_META: True})
    assert mw.get_processed_request(dropped, _response(1)) is None
    assert mw.stats.get_value(keys.FAILED_FOLLOWS) == 1
    assert mw.stats.get_value(keys.FIRST_FAILED_FOLLOW) == dropped.url


def test_other_links_past_it_and_next_pages_within_it_are_no_gap() -> None:
    mw = _middleware()
    assert mw.get_processed_request(Request("http://tp.test/other"), _response(1)) is None  # a hub's link
    kept = Request("http://tp.test/review/acme.example?page=2", meta={NEXT_PAGE_META: True})
    assert mw.get_processed_request(kept, _response(0)) is kept
    assert not mw.stats.get_value(keys.FAILED_FOLLOWS)


def _listing(hit: Hit) -> Answer:
    """Three pages of two reviews each, newest first, as Trustpilot's ``__NEXT_DATA__`` gives them."""
    page = int(parse_qs(urlsplit(hit.path).query).get("page", ["1"])[0])
    reviews = [{"id": f"r{n}", "rating": 3, "title": f"r{n}", "text": f"Review r{n} about the shop",
                "dates": {"publishedDate": f"2024-03-{20 - n:02d}T10:00:00Z"}, "consumer": {"displayName": f"U{n}"}}
               for n in (2 * page - 1, 2 * page)]
    data = {"props": {"pageProps": {"businessUnit": {"identifyingName": "acme.example"}, "reviews": reviews,
                                    "filters": {"pagination": {"currentPage": page, "totalPages": 3}}}}}
    body = f'<html><body><script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script></body></html>'
    return 200, "text/html; charset=utf-8", body.encode()


@pytest.mark.slow
def test_a_crawl_capped_by_depth_says_the_pages_after_the_cap_went_unread(serve_site, crawl_db, local_settings) -> None:
    site = serve_site(FIXTURES, {"/review/acme.example": _listing})
    capped = run_crawl("trustpilot", [site.url("/review/acme.example")], brand="Acme", database_url=crawl_db,
                       settings={**local_settings, "DEPTH_LIMIT": 1})
    assert capped.ok and capped.pages == 2 and capped.items_new == 4
    assert left_pages_unread(capped.error_message), capped.error_message  # the next crawl reads every page
    assert "page=3" in (capped.error_message or "")
