"""The base of every umot spider: arguments, incremental stop and error counting.

Spider arguments (``scrapy crawl NAME -a urls=... -a brand=... -a since=...``,
parsed by ``crawlers.spiders.arguments``):

- ``urls``: comma-separated start URLs
- ``brand``: brand the reviews belong to (needed to store them)
- ``since``: ISO date; reviews older than this are skipped and pagination stops there
- ``source_id``: the ``Source`` row this crawl is for (optional)

and each spider's own (:attr:`ReviewSpider.arguments`), all checked before a crawl starts
by :meth:`ReviewSpider.check_arguments`.

What the store already holds, and when pagination stops, is
``crawlers.spiders._incremental``; the counting of pages, parse errors and
failed fetches is ``crawlers.spiders._counting``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawlers import stats as keys
from crawlers.known_reviews import KnownReviews
from crawlers.spiders._counting import CountingMixin
from crawlers.spiders._incremental import SOURCE_META, IncrementalMixin
from crawlers.spiders.arguments import check_common_arguments, parse_since, parse_source_id, split_urls

logger = logging.getLogger(__name__)


class ReviewSpider(IncrementalMixin, CountingMixin, scrapy.Spider):
    """Base spider: subclasses implement :meth:`parse_page` (or their own callbacks).

    Subclass contract: yield :class:`crawlers.items.ReviewItem` with ``source``
    and ``external_id`` set; call :meth:`should_follow_next` with a page's
    reviews before following its next page, and mark that request with
    ``crawlers.spiders._next_pages.next_page`` (a failed one makes the next
    crawl full); report unreadable data with
    :meth:`parse_error` (never raise); use :meth:`request` for new requests
    so fetch failures are counted. Callbacks other than :meth:`parse` call
    :meth:`count_page` themselves.
    """

    name: str  # set by each concrete spider (the base class is not listed)
    #: The spider's own arguments, besides ``urls``, ``brand``, ``since`` and ``source_id``.
    arguments: tuple[str, ...] = ()

    @classmethod
    def check_arguments(cls, values: Mapping[str, Any]) -> None:
        """Raise :class:`crawlers.spiders.arguments.SpiderArgumentError` for an argument the spider
        does not take or cannot read: called before a crawl starts (``umot crawl -a``, ``umot sources``)."""
        check_common_arguments(cls.name, values, cls.arguments)

    @classmethod
    def default_urls(cls, brand: str | None, options: Mapping[str, Any]) -> list[str]:
        """The start URLs these arguments build when none are given (``[]``: URLs are needed)."""
        return []

    def __init__(
        self,
        urls: str | list[str] | None = None,  # a list from the runner (one URL may hold a comma)
        brand: str | None = None,
        since: str | None = None,
        source_id: str | int | None = None,
        *args: Any,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.start_urls = split_urls(urls) or list(getattr(self, "start_urls", []) or [])
        self.brand = (brand or "").strip() or None
        self.since = parse_since(since)
        self.source_id = parse_source_id(source_id)
        self.known = KnownReviews(self.name, self.brand)  # without a store until the spider opens
        self._db_url: str | None = None
        self.full_crawl = False
        self.starts_unanswered: set[str] = set()  # CountingMixin: a start URL nothing came back for is a failed start

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ReviewSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._opened, signal=signals.spider_opened)
        return spider

    def _opened(self, spider: scrapy.Spider) -> None:
        self.crawler.stats.set_value(keys.START_URLS, len(self.start_urls))
        self.open_known()

    async def start(self) -> AsyncIterator[Any]:
        if not self.start_urls:
            logger.error("no start URLs: pass -a urls=URL[,URL...]")
            self.crawler.stats.set_value(keys.FIRST_ERROR, "no start URLs given")
        for url in self.start_urls:
            yield self.request(url, start=True, meta={SOURCE_META: self.source_for(url)})

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """Count the page and hand it to :meth:`parse_page`; a crash there is a parse error."""
        self.count_page(response)
        try:
            yield from self.parse_page(response, **kwargs)
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the crawl
            logger.exception("spider failed on %s", response.url)
            self.parse_error(response.url, f"{type(exc).__name__}: {exc}")

    def parse_page(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        raise NotImplementedError(f"{type(self).__name__} must implement parse_page()")
