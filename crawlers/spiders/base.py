"""The base of every umot spider: arguments, incremental stop and error counting.

Spider arguments (``scrapy crawl NAME -a urls=... -a brand=... -a since=...``):

- ``urls``: comma-separated start URLs
- ``brand``: brand the reviews belong to (needed to store them)
- ``since``: ISO date; reviews older than this are skipped and pagination stops there
- ``source_id``: the ``Source`` row this crawl is for (optional)

When a store is configured (``CRAWL_DATABASE_URL`` and no ``CRAWL_OUTPUT``) the spider
knows the external ids already stored for its (brand, source), so that
:meth:`ReviewSpider.should_follow_next` can stop paginating once a page holds
only reviews we already have (for spiders whose pages carry the brand's reply,
recent unanswered reviews do not count: see ``crawlers.reply_window``).
Started by ``crawlers.runner`` it reads them from
the file the runner wrote (``CRAWL_KNOWN_FILE``, see ``crawlers.run_store``);
a plain ``scrapy crawl`` reads them from the store.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime
from typing import Any

import scrapy
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers import run_store
from crawlers import stats as keys
from crawlers.extract.dates import parse_datetime
from crawlers.known_reviews import KnownReviews
from crawlers.middlewares import NOT_RETRIED

logger = logging.getLogger(__name__)


def split_urls(urls: str | Iterable[str] | None) -> list[str]:
    """``"a, b"`` or ``["a", "b"]`` -> ``["a", "b"]`` (blanks dropped)."""
    if not urls:
        return []
    parts = urls.split(",") if isinstance(urls, str) else list(urls)
    return [u.strip() for u in parts if u and u.strip()]


def store_url(settings: Any) -> str | None:
    """Database URL the crawl writes to, or None (JSONL output never touches the store)."""
    if settings.get("CRAWL_OUTPUT"):
        return None
    return settings.get("CRAWL_DATABASE_URL") or None


class ReviewSpider(scrapy.Spider):
    """Base spider: subclasses implement :meth:`parse_page` (or their own callbacks).

    Subclass contract: yield :class:`crawlers.items.ReviewItem` with ``source``
    and ``external_id`` set; call :meth:`should_follow_next` with a page's
    reviews before following its next page; report unreadable data with
    :meth:`parse_error` (never raise); use :meth:`request` for new requests
    so fetch failures are counted. Callbacks other than :meth:`parse` call
    :meth:`count_page` themselves.
    """

    name: str  # set by each concrete spider (the base class is not listed)

    def __init__(
        self,
        urls: str | None = None,
        brand: str | None = None,
        since: str | None = None,
        source_id: str | int | None = None,
        *args: Any,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.start_urls = split_urls(urls) or list(getattr(self, "start_urls", []) or [])
        self.brand = (brand or "").strip() or None
        self.since = self._parse_since(since)
        self.source_id = int(source_id) if source_id not in (None, "", "None") else None
        self.known = KnownReviews(self.name, self.brand)  # without a store until the spider opens
        self._db_url: str | None = None
        self.full_crawl = False

    @staticmethod
    def _parse_since(since: str | None) -> datetime | None:
        if not since:
            return None
        parsed = parse_datetime(since)
        if parsed is None:
            raise ValueError(f"since={since!r} is not a date (use ISO 8601, e.g. 2024-01-31)")
        return parsed

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ReviewSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._opened, signal=signals.spider_opened)
        return spider

    # --- sources and known reviews --------------------------------------------
    def source_for(self, url: str) -> str:
        """The ``source`` label of reviews found at ``url`` (default: the spider name)."""
        return self.name

    def _opened(self, spider: scrapy.Spider) -> None:
        self.crawler.stats.set_value(keys.START_URLS, len(self.start_urls))
        self._db_url = store_url(self.crawler.settings)
        # after a crawl that stopped half way, the pages behind its known reviews
        # were never read: CRAWL_FULL follows every next page once
        self.full_crawl = self.crawler.settings.getbool("CRAWL_FULL")
        known_file = self.crawler.settings.get(run_store.KNOWN_FILE)
        handed = None
        if self._db_url and self.brand and known_file:  # handed over by the runner: no store query here
            handed = run_store.read_known(known_file)
        self.known = KnownReviews(self.name, self.brand, self._db_url, handed)
        if self._db_url and self.brand:
            for source in sorted({self.source_for(u) for u in self.start_urls}):
                self.known_ids(source)

    def known_ids(self, source: str) -> set[str]:
        """External ids already stored for (brand, source); empty without a store (``crawlers.known_reviews``)."""
        return self.known.ids(source)

    def is_known(self, item: Any) -> bool:
        """Already stored? By the review's own id, else by the content id the store gives id-less reviews."""
        return self.known.contains(item)

    def has_known(self, source: str) -> bool:
        """Does the store hold any review of (brand, ``source``)? (Without a store: no.)"""
        return bool(self.known_ids(source))

    def unchanged(self, response: Response) -> bool:
        """Is this page the one the last crawl read, which stored its reviews? (Then skip it.)

        True for a ``304 Not Modified`` to the validators the store kept for the
        page (flag ``not_modified``, see ``crawlers.page_state``): the store
        wrote them with the page's reviews, so it holds them. Never on a full
        crawl, whose point is to read every page.
        """
        from crawlers.page_state import NOT_MODIFIED

        return NOT_MODIFIED in response.flags and not self.full_crawl

    def is_older_than_since(self, item: Any) -> bool:
        """True when the review is dated before ``since`` (undated reviews are never old)."""
        if self.since is None or not item.get("published_at"):
            return False
        published = parse_datetime(item["published_at"])
        return published is not None and published < self.since

    def should_follow_next(self, reviews: list[Any], url: str) -> bool:
        """Follow the page after ``url``? No once its reviews are all known or all older than ``since``.

        A page without reviews says nothing about the next one, so it is followed;
        with ``CRAWL_FULL`` known reviews do not stop pagination (``since`` still does).
        """
        if not reviews:
            return True
        if not self.full_crawl and all(r.get("known") or self.is_known(r) for r in reviews):
            logger.info("stop paginating after %s: its %d reviews are already stored", url, len(reviews))
            self.crawler.stats.inc_value(keys.STOPPED_KNOWN)
            return False
        if self.since is not None and all(self.is_older_than_since(r) for r in reviews):
            logger.info("stop paginating after %s: its reviews are older than %s", url, self.since.date())
            self.crawler.stats.inc_value(keys.STOPPED_SINCE)
            return False
        return True

    def keep(self, item: Any) -> bool:
        """False for reviews older than ``since`` (counted, not yielded)."""
        if self.is_older_than_since(item):
            self.crawler.stats.inc_value(keys.SKIPPED_OLD)
            return False
        return True

    # --- pages, requests and errors -------------------------------------------
    def count_page(self, response: Response) -> None:
        self.crawler.stats.inc_value(keys.PAGES)

    def parse_error(self, url: str, reason: str) -> None:
        """Something on ``url`` could not be read: log why, count it, carry on."""
        logger.warning("parse error at %s: %s", url, reason)
        self.crawler.stats.inc_value(keys.PARSE_ERRORS)

    def request(self, url: str, callback: Any = None, *, start: bool = False, **kwargs: Any) -> Request:
        """A request whose failure is logged and counted (``start``: a start URL)."""
        meta = dict(kwargs.pop("meta", None) or {})
        if start:
            meta["umot_start"] = True
        return Request(
            url, callback=callback or self.parse, errback=self.request_failed, meta=meta, **kwargs
        )

    def request_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        exc = failure.value
        if isinstance(exc, IgnoreRequest) and not isinstance(exc, HttpError):
            logger.info("skipped %s: %s", request.url, exc)  # robots.txt, offsite...
            return
        if isinstance(exc, HttpError):
            reason = f"HTTP {exc.response.status}"
        else:
            reason = f"{type(exc).__name__}: {exc}".rstrip(": ")
        logger.error("could not fetch %s: %s", request.url, reason)
        self.crawler.stats.inc_value(keys.REQUEST_ERRORS)
        if request.meta.get("umot_start"):
            self.crawler.stats.inc_value(keys.START_FAILURES)
            if isinstance(exc, NOT_RETRIED):
                self.crawler.stats.inc_value(keys.START_REFUSED)
            if not self.crawler.stats.get_value(keys.FIRST_ERROR):
                self.crawler.stats.set_value(keys.FIRST_ERROR, f"could not fetch {request.url}: {reason}")

    async def start(self) -> AsyncIterator[Any]:
        if not self.start_urls:
            logger.error("no start URLs: pass -a urls=URL[,URL...]")
            self.crawler.stats.set_value(keys.FIRST_ERROR, "no start URLs given")
        for url in self.start_urls:
            yield self.request(url, start=True)

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
