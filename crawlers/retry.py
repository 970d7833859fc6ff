"""Retrying failed downloads politely: waiting before each retry, and not retrying the hopeless.

Scrapy's own retry middleware retries at once; a site that answered 429 or 5xx
is then asked again while it is still busy. ``DOWNLOADER_MIDDLEWARES``
(``crawlers.settings``) swaps it for :class:`BackoffRetryMiddleware`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import DownloadConnectionRefusedError
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.error import ConnectionRefusedError as TwistedConnectionRefusedError
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)


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
