"""crawlers/spiders/_counting.py: an ``IgnoreRequest`` is a fetch error unless robots.txt or an offsite
link is why; a start URL that got neither a page nor an error by the crawl's end is a failed start.

Scrapy raises ``IgnoreRequest`` for a redirect chain past ``REDIRECT_MAX_TIMES`` and a body
that unzips past ``DOWNLOAD_MAXSIZE``: all of them were logged "skipped" and not counted.
"""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawlers import stats as keys
from crawlers.robots_rules import RobotsSkipped
from crawlers.spiders._next_pages import NEXT_PAGE_META
from crawlers.spiders.schemaorg import SchemaOrgSpider
from crawlers.stats_summary import summarise

START, PAGE2 = "http://shop.test/kettle/", "http://shop.test/kettle/?page=2"
REDIRECTS = IgnoreRequest("max redirections reached")
UNZIPPED = IgnoreRequest("Ignoring response <200 http://shop.test/kettle/>: exceeded DOWNLOAD_MAXSIZE "
                         "(1048576 B) during decompression.")


def _spider(urls: str = START) -> SchemaOrgSpider:
    spider = SchemaOrgSpider.from_crawler(get_crawler(SchemaOrgSpider), urls=urls)
    spider._opened(spider)  # no store: nothing is known
    return spider


def _fail(spider: SchemaOrgSpider, url: str, exc: Exception, *, start: bool = False, next_page: bool = False) -> None:
    request = spider.request(url, start=start, meta={NEXT_PAGE_META: True} if next_page else None)
    failure = Failure(exc)
    failure.request = request  # type: ignore[attr-defined]  # as Scrapy hands it to an errback
    spider.request_failed(failure)


def test_a_start_url_scrapy_ignores_is_a_failed_start_named_first() -> None:
    for exc in (REDIRECTS, UNZIPPED):
        spider = _spider()
        stats = spider.crawler.stats
        _fail(spider, START, exc, start=True)
        assert stats.get_value(keys.REQUEST_ERRORS) == 1 and stats.get_value(keys.START_FAILURES) == 1
        assert stats.get_value(keys.FIRST_ERROR) == f"could not fetch {START}: IgnoreRequest: {exc}"
        assert not summarise(stats.get_stats(), reason="finished")["ok"]


def test_a_next_page_scrapy_ignores_leaves_a_gap() -> None:
    spider = _spider()
    stats = spider.crawler.stats
    _fail(spider, PAGE2, REDIRECTS, next_page=True)
    assert stats.get_value(keys.REQUEST_ERRORS) == 1 and stats.get_value(keys.FAILED_FOLLOWS) == 1
    assert stats.get_value(keys.FIRST_FAILED_FOLLOW) == PAGE2


def test_robots_txt_and_offsite_links_are_skipped_not_counted() -> None:
    """robots.txt counts its own (``crawlers.stats.count_forbidden``, an unreachable one in its middleware)."""
    spider = _spider()
    stats = spider.crawler.stats
    _fail(spider, START, RobotsSkipped("Forbidden by robots.txt"), start=True)
    _fail(spider, PAGE2, RobotsSkipped("Forbidden by robots.txt"), next_page=True)
    _fail(spider, "http://elsewhere.test/", IgnoreRequest("Filtered offsite request to 'elsewhere.test'"))
    assert stats.get_value(keys.REQUEST_ERRORS) is None and stats.get_value(keys.FAILED_FOLLOWS) is None
    spider.closed("finished")  # the start URL was answered (with robots.txt's refusal)
    assert stats.get_value(keys.START_FAILURES) is None


def test_a_start_url_nothing_came_back_for_is_a_failed_start() -> None:
    """A redirect back to a page already asked for is dropped as a duplicate: no page, no errback."""
    other = "http://shop.test/toaster/"
    spider = _spider(f"{START},{other}")
    stats = spider.crawler.stats
    spider.request(START, start=True)
    spider.request(other, start=True)
    page = spider.request(START, start=True).replace(url=START + "moved/")  # where it was redirected to
    spider.count_page(HtmlResponse(page.url, body=b"<html></html>", request=page))
    spider.closed("finished")
    assert stats.get_value(keys.START_FAILURES) == 1 and stats.get_value(keys.REQUEST_ERRORS) == 1
    assert stats.get_value(keys.FIRST_ERROR).startswith(f"could not fetch {other}: no page came back")


def test_a_crawl_stopped_early_does_not_count_the_starts_it_never_reached() -> None:
    spider = _spider()
    spider.request(START, start=True)
    spider.closed("shutdown")
    assert spider.crawler.stats.get_value(keys.START_FAILURES) is None
