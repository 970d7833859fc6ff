"""crawlers/spiders/_next_pages.py: a next page that could not be fetched is counted apart (the pages after
it went unread, and the reviews stored before it would stop the next incremental crawl there).

Only requests the spider marked as next pages count, and only failures a later crawl could get past: a
next page answering 404 or 410 does not exist (counting it made every crawl after a listing's dead last
link a full one), and a failed link of a hub or a sitemap is followed again by the next crawl whatever
Referer it was sent with (a site's ``Referrer-Policy: no-referrer`` made any dead link count).
"""

from __future__ import annotations

from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.internet.error import TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from crawlers import stats as keys
from crawlers.host_pause import HostGivenUp
from crawlers.parsers.common import ParsedPage, make_review
from crawlers.robots_rules import RobotsSkipped
from crawlers.spiders._listing import ListingSpider
from crawlers.spiders._next_pages import NEXT_PAGE_META
from crawlers.spiders.base import ReviewSpider
from crawlers.spiders.schemaorg import SchemaOrgSpider
from tests.crawlers.etag_site import review_page

HUB, LISTING = "http://shop.test/", "http://shop.test/kettle/"
PAGE2 = LISTING + "?page=2"


def _failure(spider: ReviewSpider, url: str, exc: Exception, *, start: bool = False, next_page: bool = False,
             headers: dict[str, str] | None = None) -> Failure:
    request = spider.request(url, start=start, headers=headers, meta={NEXT_PAGE_META: True} if next_page else None)
    failure = Failure(exc)
    failure.request = request  # type: ignore[attr-defined]  # as Scrapy hands it to an errback
    return failure


def _http_error(url: str, status: int) -> HttpError:
    """What Scrapy's HttpErrorMiddleware hands the errback for a non-2xx answer (after any retries)."""
    return HttpError(Response(url, status=status, request=Request(url)), "Ignoring non-200 response")


def _spider(cls: type[ReviewSpider] = SchemaOrgSpider) -> ReviewSpider:
    spider = cls.from_crawler(get_crawler(cls), urls=HUB)
    spider._opened(spider)  # no store: nothing is known
    return spider


@pytest.mark.parametrize("exc", [
    _http_error(PAGE2, 500), _http_error(PAGE2, 503), _http_error(PAGE2, 429),  # after their retries
    TimeoutError("took too long"), TCPTimedOutError(), ConnectionRefusedError("refused"),
    HostGivenUp("shop.test asked for a 3600s wait"),
], ids=["500", "503", "429", "timeout", "tcp-timeout", "refused", "host-given-up"])
def test_a_next_page_a_later_crawl_could_fetch_is_counted_as_leaving_pages_unread(exc: Exception) -> None:
    spider = _spider()
    stats = spider.crawler.stats
    spider.request_failed(_failure(spider, PAGE2, exc, next_page=True))
    assert stats.get_value(keys.REQUEST_ERRORS) == 1 and stats.get_value(keys.FAILED_FOLLOWS) == 1
    assert stats.get_value(keys.FIRST_FAILED_FOLLOW) == PAGE2


def test_the_first_failed_next_page_names_the_note() -> None:
    spider = _spider()
    stats = spider.crawler.stats
    spider.request_failed(_failure(spider, PAGE2, _http_error(PAGE2, 500), next_page=True))
    spider.request_failed(_failure(spider, LISTING + "?page=3", TimeoutError(), next_page=True))
    assert stats.get_value(keys.FAILED_FOLLOWS) == 2 and stats.get_value(keys.FIRST_FAILED_FOLLOW) == PAGE2


@pytest.mark.parametrize("status", [404, 410])
def test_a_next_page_the_site_says_does_not_exist_is_an_error_but_no_gap(status: int) -> None:
    """No crawl gets past it: counting it would make every crawl after it a full one, for good."""
    spider = _spider()
    stats = spider.crawler.stats
    spider.request_failed(_failure(spider, PAGE2, _http_error(PAGE2, status), next_page=True))
    assert stats.get_value(keys.REQUEST_ERRORS) == 1 and stats.get_value(keys.FAILED_FOLLOWS) is None


def test_failed_links_that_are_no_next_page_are_no_gap_whatever_their_referer() -> None:
    """A start URL, a request robots.txt dropped, a hub's or a sitemap's dead link with no Referer sent
    (``Referrer-Policy: no-referrer``), with one cut to the site's origin, or with the listing's own."""
    spider = _spider()
    stats = spider.crawler.stats
    spider.request_failed(_failure(spider, HUB, _http_error(HUB, 503), start=True))
    spider.request_failed(_failure(spider, PAGE2, RobotsSkipped("Forbidden by robots.txt"), next_page=True))
    spider.request_failed(_failure(spider, HUB + "gone/", _http_error(HUB + "gone/", 500)))
    spider.request_failed(_failure(spider, HUB + "down/", TimeoutError(), headers={"Referer": "http://shop.test/"}))
    spider.request_failed(_failure(spider, PAGE2, _http_error(PAGE2, 500), headers={"Referer": LISTING}))
    assert stats.get_value(keys.REQUEST_ERRORS) == 4 and stats.get_value(keys.FAILED_FOLLOWS) is None


def _page(url: str, body: str) -> HtmlResponse:
    """``url``'s page as the crawl reached it (a followed link: ``response.meta`` is its request's)."""
    return HtmlResponse(url, body=body.encode(), request=Request(url))


def _requests(output: Any) -> list[Request]:
    return [r for r in output if isinstance(r, Request)]


def test_schemaorg_marks_its_next_pages_and_not_a_hubs_links() -> None:
    spider = _spider()
    listing = _page(LISTING, review_page([("r1", "Boils fast.", 5)], PAGE2))
    hub = _page(HUB, f'<html><a href="{LISTING}">Kettle</a></html>')
    [follow] = _requests(spider.parse(listing))
    [link] = _requests(spider.parse(hub))
    assert follow.url == PAGE2 and follow.meta.get(NEXT_PAGE_META) is True
    assert link.url == LISTING and NEXT_PAGE_META not in link.meta


def _parse_listing(body: bytes | str, url: str) -> ParsedPage:
    """A listing page of one review, always with a next page."""
    return ParsedPage(reviews=[make_review(source="pages", external_id=url, text="Boils fast.", language="en")],
                      next_url=PAGE2)


class PagesSpider(ListingSpider):
    name = "pages"
    parser = staticmethod(_parse_listing)


def test_a_listing_spider_marks_the_next_page_it_follows() -> None:
    spider = _spider(PagesSpider)
    [follow] = _requests(spider.parse(_page(LISTING, "<html></html>")))
    assert follow.url == PAGE2 and follow.meta.get(NEXT_PAGE_META) is True
