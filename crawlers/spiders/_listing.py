"""Shared shape of the review-platform and mention spiders: parse a page, emit, follow.

Each site's format lives in a pure parser (:mod:`crawlers.parsers`); the spider
turns a :class:`ParsedPage` into items (dropping reviews older than
``since``) and follows the next page only while
:meth:`ReviewSpider.should_follow_next` says the listing still holds something
new. Defaults for the real site come from spider arguments (``app_id=``,
``query=``, ...) through :meth:`ListingSpider.default_urls`, which
``umot sources`` uses too, so a configured source always has its URLs. Every start URL,
given or built, is read newest first (:meth:`ListingSpider.newest_first`): the incremental
stop at the first page of stored reviews holds only in that order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from scrapy import Request
from scrapy.http import HtmlResponse, Response

from crawlers.items import ReviewItem
from crawlers.parsers.common import ParsedPage, ParseError
from crawlers.parsers.urls import with_query
from crawlers.spiders._incremental import SOURCE_META
from crawlers.spiders._next_pages import next_page
from crawlers.spiders.arguments import check_common_arguments
from crawlers.spiders.base import ReviewSpider
from crawlers.spiders.page_text import page_text

logger = logging.getLogger(__name__)


class ListingSpider(ReviewSpider):
    """A paginated listing read by ``parser(body, url) -> ParsedPage`` (body: :func:`listing_body`)."""

    parser: Callable[[bytes | str, str], ParsedPage]
    #: Spider arguments that build the real site's URLs when none are given.
    url_options: tuple[str, ...] = ()
    #: The query parameter and value that list the site's reviews newest first (None: no such parameter).
    newest_sort: tuple[str, str] | None = None

    @classmethod
    def check_arguments(cls, values: Mapping[str, Any]) -> None:
        """A listing's own arguments are those that build its URLs (:attr:`url_options`)."""
        check_common_arguments(cls.name, values, cls.arguments + cls.url_options)

    def __init__(self, urls: str | None = None, brand: str | None = None, *args: Any, **kwargs: Any):
        options = {k: kwargs.pop(k) for k in list(kwargs) if k in self.url_options}
        super().__init__(urls, brand, *args, **kwargs)
        if not self.start_urls:
            self.start_urls = self.default_urls(self.brand, options)
        self.start_urls = [self.newest_first(url) for url in self.start_urls]

    @classmethod
    def newest_first(cls, url: str) -> str:
        """``url`` listing its reviews newest first; another sort it asked for is overridden, in one info line."""
        resorted, other = cls.sorted_newest(url)
        if other is not None:
            logger.info("%s sorts by %s: reading it newest first instead (an incremental crawl stops at the "
                        "first page of stored reviews, which holds only in that order)", url, other)
        return resorted

    @classmethod
    def sorted_newest(cls, url: str) -> tuple[str, str | None]:
        """(``url`` sorted newest first, the other sort it named or None); by :attr:`newest_sort` here."""
        if cls.newest_sort is None:
            return url, None
        key, value = cls.newest_sort
        given = next((v for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True) if k == key), None)
        if given == value:
            return url, None
        return with_query(url, key, value), (f"{key}={given}" if given else None)

    def parse_listing(self, response: Response) -> ParsedPage:
        return type(self).parser(listing_body(response), response.url)

    def read_listing(self, response: Response) -> ParsedPage | None:
        """:meth:`parse_listing`, or None with one parse error naming the URL and why. A value of a shape
        the parser did not expect (a ``ValueError``/``TypeError``/... it let through) is such an error
        too, not a traceback that loses the crawl's other pages from the count."""
        try:
            return self.parse_listing(response)
        except ParseError as exc:
            self.parse_error(response.url, str(exc))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            logger.debug("parser failed on %s", response.url, exc_info=True)  # parse_error logs the one line
            self.parse_error(response.url, f"unexpected page shape ({type(exc).__name__}: {exc})")
        return None

    def parse_page(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = self.read_listing(response)
        if page is None:
            return
        yield from self.items(page, response.url)
        follow = self.next_request(page, response)
        if follow is not None and self.should_follow_next(page.reviews, response.url):
            yield next_page(follow)

    def items(self, page: ParsedPage, url: str) -> Iterator[ReviewItem]:
        """The page's reviews as items, less those older than ``since``; what it skipped (``url``'s), counted."""
        for reason in page.skipped:
            self.parse_error(url, reason)
        for row in page.reviews:
            item = ReviewItem(**row)
            if self.keep(item):
                yield item

    def next_request(self, page: ParsedPage, response: Response) -> Request | None:
        """The request for the page after ``response`` (default: ``page.next_url``)."""
        if not page.next_url:
            return None
        source = response.meta.get(SOURCE_META)  # the next page is its start URL's source, on any host
        return self.request(page.next_url, callback=self.parse, meta={SOURCE_META: source} if source else None)


def listing_body(response: Response) -> bytes | str:
    """An HTML page as text in the encoding it declares (:func:`page_text`, as ``schemaorg`` reads pages);
    anything else as its bytes: JSON APIs are UTF-8 by spec, and a feed's XML declares its own encoding."""
    return page_text(response) if isinstance(response, HtmlResponse) else response.body


def option_list(value: Any) -> list[str]:
    """``"us, gb"`` or ``["us", "gb"]`` -> ``["us", "gb"]``."""
    if value is None:
        return []
    parts = value.split(",") if isinstance(value, str) else list(value)
    return [str(p).strip() for p in parts if str(p).strip()]
