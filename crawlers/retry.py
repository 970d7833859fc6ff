"""Retrying failed downloads politely: waiting before each retry, and not retrying the hopeless.

Scrapy's own retry middleware retries at once; a site that answered 429 or 5xx
is then asked again while it is still busy. ``DOWNLOADER_MIDDLEWARES``
(``crawlers.settings``) swaps it for :class:`BackoffRetryMiddleware`; the wait a
busy host asks of all its requests is held by :mod:`crawlers.host_pause`, and
what an answer asks for (its ``Retry-After``, never a retry) is read by
:mod:`crawlers.retry_answers`.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from crawlers.host_pause import HostPause
from crawlers.retry_answers import HOST_BUSY, NOT_RETRIED, retry_after_seconds

logger = logging.getLogger(__name__)

_HANDLED = "umot_host_wait_handled"  # request meta: response_downloaded paused (or gave up) its host


async def _sleep(seconds: float) -> None:
    from twisted.internet import reactor  # the one Scrapy installed

    await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry, but waiting before each retry: exponential, or what Retry-After says.

    A 429/503, or any retried answer with ``Retry-After``, pauses its whole host
    (every request to it, queued or new) for that wait; a Retry-After longer than
    ``CRAWL_RETRY_BACKOFF_MAX`` gives the host up for this crawl, with an error
    naming it, rather than coming back sooner than asked. A refused connection is
    not retried (:data:`crawlers.retry_answers.NOT_RETRIED`): the crawl fails at once.
    """

    hosts: HostPause  # set by from_crawler, as Scrapy sets ``crawler``

    def __init__(self, settings: BaseSettings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("CRAWL_RETRY_BACKOFF_BASE", 2.0)
        self.backoff_max = settings.getfloat("CRAWL_RETRY_BACKOFF_MAX", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        middleware.hosts = HostPause(crawler, middleware.backoff_max)
        # As AutoThrottle does: sent before the download slot takes its next request,
        # where process_response would come too late to hold it.
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        return middleware

    def _delay(self, retry: Request, response: Response | None) -> float:
        attempt = max(1, int(retry.meta.get("retry_times", 1)))
        delay = self.backoff_base * (2 ** (attempt - 1))
        if response is not None:
            asked = retry_after_seconds(response)
            if asked is not None:
                delay = asked
        return min(delay, self.backoff_max)

    def host_wait(self, request: Request, response: Response) -> float | None:
        """How long ``response`` asks its whole host to wait (uncapped); None when it is about its page only."""
        if response.status not in self.retry_http_codes or request.meta.get("dont_retry"):
            return None
        asked = retry_after_seconds(response)
        if asked is not None:
            return asked
        attempt = int(request.meta.get("retry_times", 0)) + 1
        if response.status in HOST_BUSY and attempt <= request.meta.get("max_retry_times", self.max_retry_times):
            return self._delay(Request(request.url, meta={"retry_times": attempt}), None)
        return None

    def response_downloaded(self, response: Response, request: Request) -> None:
        """Pause or give up the host the moment a busy answer arrives (:meth:`process_response` does it otherwise)."""
        wait = self.host_wait(request, response)
        if wait is not None:
            request.meta[_HANDLED] = True
            self.hosts.pause_or_give_up(request, response.status, wait)

    async def _wait(self, result: Any, response: Response | None) -> Any:
        if isinstance(result, Request):
            delay = self._delay(result, response)
            if delay > 0:
                logger.info("backing off %.1fs before retrying %s", delay, result.url)
                await _sleep(delay)
        return result

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        left = self.hosts.time_left(request)  # raises HostGivenUp for a host this crawl gave up
        if left > 0:
            await _sleep(left)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        wait = self.host_wait(request, response)
        if wait is None:
            return await self._wait(super().process_response(request, response), response)
        if not request.meta.pop(_HANDLED, False):  # a cached answer, never downloaded
            self.hosts.pause_or_give_up(request, response.status, wait)
        if wait > self.backoff_max:
            return response  # not retried: the host is given up
        return super().process_response(request, response)  # the retry waits with its host (process_request)

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> Request | Response | None:
        if isinstance(exception, NOT_RETRIED):
            logger.info("not retrying %s: the connection was refused", request.url)
            return None
        return await self._wait(super().process_exception(request, exception), None)
