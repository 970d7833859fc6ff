"""Downloader middlewares that make the crawlers polite: who we are, and backing off."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware
from scrapy.exceptions import DownloadConnectionRefusedError
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.internet.error import ConnectionRefusedError as TwistedConnectionRefusedError
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)


def contact_user_agent(version: str, contact_url: str) -> str:
    """``umot/<version> (+<contact url>)``: identifies the bot and where to reach its operator."""
    return f"umot/{version} (+{contact_url})"


class ContactUserAgentMiddleware(UserAgentMiddleware):
    """User-Agent built from ``UMOT_CONTACT_URL`` unless ``USER_AGENT`` itself was overridden.

    settings.py computes the default at import; this rebuilds it when the
    contact URL is given later (``-s CRAWL_CONTACT_URL=...``).
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContactUserAgentMiddleware:
        s = crawler.settings
        agent = s.get("USER_AGENT")
        if (s.getpriority("CRAWL_CONTACT_URL") or 0) >= (s.getpriority("USER_AGENT") or 0):
            agent = contact_user_agent(s.get("CRAWL_VERSION", "0.0.0"), s.get("CRAWL_CONTACT_URL"))
        mw = cls(agent)
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        return mw


def retry_after_seconds(response: Response) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta or HTTP date), if any."""
    raw = response.headers.get(b"Retry-After")
    if not raw:
        return None
    value = raw.decode("latin-1").strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


#: Nothing listens there (wrong address, site down): retrying after 2, 4 and 8 s only
#: delays the same error by half a minute. A busy site answers 429/5xx or times out,
#: and those keep their back-off.
NOT_RETRIED = (DownloadConnectionRefusedError, TwistedConnectionRefusedError)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry, but waiting before each retry: exponential, or what Retry-After says.

    A refused connection is not retried (:data:`NOT_RETRIED`): the crawl fails at once.
    """

    def __init__(self, settings: Any):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("CRAWL_RETRY_BACKOFF_BASE", 2.0)
        self.backoff_max = settings.getfloat("CRAWL_RETRY_BACKOFF_MAX", 120.0)

    def _delay(self, retry: Request, response: Response | None) -> float:
        attempt = max(1, int(retry.meta.get("retry_times", 1)))
        delay = self.backoff_base * (2 ** (attempt - 1))
        if response is not None:
            asked = retry_after_seconds(response)
            if asked is not None:
                delay = asked
        return min(delay, self.backoff_max)

    async def _wait(self, result: Any, response: Response | None) -> Any:
        if isinstance(result, Request):
            delay = self._delay(result, response)
            if delay > 0:
                from twisted.internet import reactor  # the one Scrapy installed

                logger.info("backing off %.1fs before retrying %s", delay, result.url)
                await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
        return result

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        return await self._wait(super().process_response(request, response), response)

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> Request | Response | None:
        if isinstance(exception, NOT_RETRIED):
            logger.info("not retrying %s: the connection was refused", request.url)
            return None
        return await self._wait(super().process_exception(request, exception), None)


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with every waiting request seeing the parsed rules.

    In Scrapy 2.19 the requests that arrive while robots.txt is still being
    fetched all await one shared Deferred; the first awaiter consumes its
    result and the others get ``None``, i.e. "no robots.txt", and are let
    through (scrapy/scrapy#6802 dropped the relay). Each waiter gets its own
    Deferred here, fed from the shared one.
    """

    async def robot_parser(self, request: Request) -> Any:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if isinstance(pending, Deferred):
            waiter: Deferred = Deferred()

            def relay(result: Any) -> Any:
                waiter.callback(result)
                return result

            pending.addCallback(relay)
            return await maybe_deferred_to_future(waiter)
        return await super().robot_parser(request)
