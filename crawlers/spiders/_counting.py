"""Pages read and things gone wrong, counted in the crawl stats (keys in ``crawlers.stats``).

A spider never raises on a bad page or a failed fetch: it logs and counts it
here and carries on, and the runner reads the counts to report the crawl.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers import stats as keys
from crawlers.retry_answers import NOT_RETRIED
from crawlers.spiders._next_pages import count_gap

if TYPE_CHECKING:
    from scrapy.http.request import CallbackT  # a type scrapy defines for checkers only

logger = logging.getLogger("crawlers.spiders.base")  # the name these messages have always been logged under


class CountingMixin:
    """The page, parse-error and fetch-error counting of :class:`crawlers.spiders.base.ReviewSpider`.

    A mixin so every request a spider makes gets the same errback; the
    spider (a ``scrapy.Spider``) supplies the attributes below.
    """

    crawler: Crawler
    parse: CallbackT

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
        """The errback of :meth:`request`: a failed start URL is also the crawl's first error."""
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
        count_gap(self.crawler.stats, request, exc)  # a failed next page: the next crawl reads every page
        if request.meta.get("umot_start"):
            self.crawler.stats.inc_value(keys.START_FAILURES)
            if isinstance(exc, NOT_RETRIED):
                self.crawler.stats.inc_value(keys.START_REFUSED)
            if not self.crawler.stats.get_value(keys.FIRST_ERROR):
                self.crawler.stats.set_value(keys.FIRST_ERROR, f"could not fetch {request.url}: {reason}")
