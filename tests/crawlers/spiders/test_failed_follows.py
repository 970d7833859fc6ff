"""crawlers/spiders/_next_pages.py: a next page that could not be fetched is counted apart (the pages after
it went unread, and the reviews stored before it would stop the next incremental crawl there). A failed
start URL, a request robots.txt dropped, or a failed link of a hub (read again, its links followed again,
by the next crawl) is not: a dead product link must not make every crawl a full one."""

from __future__ import annotations

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawlers import stats as keys
from crawlers.spiders.schemaorg import SchemaOrgSpider

HUB, LISTING = "http://shop.test/", "http://shop.test/kettle/"


def _failure(spider: SchemaOrgSpider, url: str, exc: Exception, *, start: bool = False,
             referer: str | None = None) -> Failure:
    request = spider.request(url, start=start, headers={"Referer": referer} if referer else None)
    failure = Failure(exc)
    failure.request = request  # type: ignore[attr-defined]  # as Scrapy hands it to an errback
    return failure


def _http_error(url: str, status: int) -> HttpError:
    return HttpError(Response(url, status=status, request=Request(url)), "Ignoring non-200 response")


def _spider() -> SchemaOrgSpider:
    spider = SchemaOrgSpider.from_crawler(get_crawler(SchemaOrgSpider), urls=HUB)
    for url in (HUB, LISTING):  # both read; the listing's next page followed
        spider.count_page(HtmlResponse(url, body=b"<html></html>"))
    spider.paginated(LISTING)
    return spider


def test_a_failed_next_page_is_counted_as_leaving_pages_unread() -> None:
    spider = _spider()
    stats = spider.crawler.stats
    spider.request_failed(_failure(spider, LISTING + "?page=2", _http_error(LISTING + "?page=2", 500), referer=LISTING))
    spider.request_failed(_failure(spider, LISTING + "?page=3", ConnectionRefusedError("refused"), referer=LISTING))
    assert stats.get_value(keys.REQUEST_ERRORS) == 2 and stats.get_value(keys.FAILED_FOLLOWS) == 2
    assert stats.get_value(keys.FIRST_FAILED_FOLLOW) == LISTING + "?page=2"


def test_a_failed_start_url_a_dropped_request_and_a_hubs_dead_link_are_not() -> None:
    spider = _spider()
    stats = spider.crawler.stats
    spider.request_failed(_failure(spider, HUB, _http_error(HUB, 503), start=True))
    spider.request_failed(_failure(spider, HUB + "private/", IgnoreRequest("robots.txt"), referer=HUB))
    spider.request_failed(_failure(spider, HUB + "gone/", _http_error(HUB + "gone/", 404), referer=HUB))
    assert stats.get_value(keys.REQUEST_ERRORS) == 2 and stats.get_value(keys.FAILED_FOLLOWS) is None


def test_a_failed_request_from_a_page_it_cannot_name_counts() -> None:
    """No Referer sent, or one a site's Referrer-Policy cut to its origin: a gap, to be safe."""
    spider = _spider()
    spider.request_failed(_failure(spider, LISTING + "?page=2", _http_error(LISTING + "?page=2", 500)))
    spider.request_failed(_failure(spider, LISTING + "?page=3", _http_error(LISTING + "?page=3", 500),
                                   referer="http://other.test/"))
    assert spider.crawler.stats.get_value(keys.FAILED_FOLLOWS) == 2
