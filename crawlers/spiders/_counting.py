"""Pages read and things gone wrong, counted in the crawl stats (keys in ``crawlers.stats``).

A spider never raises on a bad page or a failed fetch: it logs and counts it
here and carries on, and the runner reads the counts to report the crawl.

Scrapy hands an errback ``IgnoreRequest`` for what robots.txt forbids and for an
offsite link, the site's choice (the robots.txt middleware counts its own), but
also for a page it could not get: a redirect chain past ``REDIRECT_MAX_TIMES``, a
body that unzips past ``DOWNLOAD_MAXSIZE``. Those are fetch errors like a timeout:
a failed start (a crawl of nothing but those fails) and, for a next page, a gap.
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
from crawlers.robots_rules import RobotsSkipped
from crawlers.spiders._next_pages import count_gap

if TYPE_CHECKING:
    from scrapy.http.request import CallbackT  # a type scrapy defines for checkers only

logger = logging.getLogger("crawlers.spiders.base")  # the name these messages have always been logged under

#: Request meta: the start URL the request is (kept by its redirects and retries).
START_META = "umot_start"


def _skipped(exc: BaseException | None, start: bool) -> bool:
    """Is ``exc`` the site's choice rather than a page lost: robots.txt (counted where it is raised), an offsite link?"""
    if isinstance(exc, RobotsSkipped):
        return True
    return not start and type(exc) is IgnoreRequest and str(exc).startswith("Filtered offsite request")


class CountingMixin:
    """The page, parse-error and fetch-error counting of :class:`crawlers.spiders.base.ReviewSpider`.

    A mixin so every request a spider makes gets the same errback; the
    spider (a ``scrapy.Spider``) supplies the attributes below.
    """

    crawler: Crawler
    parse: CallbackT
    starts_unanswered: set[str]  # start URLs that got neither a page nor an error yet

    def count_page(self, response: Response) -> None:
        self.crawler.stats.inc_value(keys.PAGES)
        if response.request is not None:
            self.starts_unanswered.discard(response.meta.get(START_META) or "")

    def parse_error(self, url: str, reason: str) -> None:
        """Something on ``url`` could not be read: log why, count it, carry on."""
        logger.warning("parse error at %s: %s", url, reason)
        self.crawler.stats.inc_value(keys.PARSE_ERRORS)

    def request(self, url: str, callback: Any = None, *, start: bool = False, **kwargs: Any) -> Request:
        """A request whose failure is logged and counted (``start``: a start URL)."""
        meta = dict(kwargs.pop("meta", None) or {})
        if start:
            meta[START_META] = url
            self.starts_unanswered.add(url)
        return Request(
            url, callback=callback or self.parse, errback=self.request_failed, meta=meta, **kwargs
        )

    def request_failed(self, failure: Failure) -> None:
        """The errback of :meth:`request`: a failed start URL is also the crawl's first error."""
        request = failure.request  # type: ignore[attr-defined]
        exc = failure.value
        start = request.meta.get(START_META)
        self.starts_unanswered.discard(start or "")
        if _skipped(exc, bool(start)):
            logger.info("skipped %s: %s", request.url, exc)
            return
        if isinstance(exc, HttpError):
            reason = f"HTTP {exc.response.status}"
        else:
            reason = f"{type(exc).__name__}: {exc}".rstrip(": ")
        self.fetch_error(request.url, reason, start=bool(start))
        count_gap(self.crawler.stats, request, exc)  # a failed next page: the next crawl reads every page
        if start and isinstance(exc, NOT_RETRIED):
            self.crawler.stats.inc_value(keys.START_REFUSED)

    def fetch_error(self, url: str, reason: str, *, start: bool) -> None:
        """``url`` could not be fetched: logged and counted; a start URL is a failed start, the first named."""
        logger.error("could not fetch %s: %s", url, reason)
        self.crawler.stats.inc_value(keys.REQUEST_ERRORS)
        if start:
            self.crawler.stats.inc_value(keys.START_FAILURES)
            if not self.crawler.stats.get_value(keys.FIRST_ERROR):
                self.crawler.stats.set_value(keys.FIRST_ERROR, f"could not fetch {url}: {reason}")

    def closed(self, reason: str) -> None:
        """A finished crawl's start URLs that got neither a page nor an error (a redirect back to a page
        already asked for, dropped as a duplicate) are failed starts: nothing was read from them."""
        if reason != "finished":
            return
        for url in sorted(self.starts_unanswered):
            self.fetch_error(url, "no page came back (redirected to a page already asked for?)", start=True)
        self.starts_unanswered.clear()
