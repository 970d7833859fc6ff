"""Downloader middlewares that make the crawlers polite: who we are, and what robots.txt allows.

Waiting before retries is the third part of politeness, in ``crawlers.retry``.
What robots.txt forbids is counted (``crawlers.stats.count_forbidden``): a
start URL it forbids is a failed start, so a source it shuts out is not "ok".
A robots.txt answered 5xx or that could not be downloaded (a timeout, a redirect loop,
a body that unzips past ``DOWNLOAD_MAXSIZE``) forbids its whole host for the crawl
(RFC 9309, 2.3.1.4), named once in the crawl's errors; a missing one (4xx) allows
everything; where no host is there (:data:`crawlers.retry_answers.NO_HOST`) each request
fails on its own. A robots.txt is read up to its first 500 KiB, whatever its size (RFC 9309,
2.5: ``crawlers.robots_rules``). A ``Crawl-delay`` for us is honoured: its host's download slot waits at least that
long between requests, at most ``CRAWL_DELAY_MAX`` (60 s).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.downloadermiddlewares.useragent import UserAgentMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawlers import stats as keys
from crawlers.retry_answers import NO_HOST
from crawlers.robots_delay import keep_crawl_delay
from crawlers.robots_rules import RobotsSkipped, Unreachable
from crawlers.stats import count_forbidden

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


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with every waiting request seeing the parsed rules
    and every forbidden request counted into the crawl's outcome.

    Scrapy only bumps ``robotstxt/forbidden`` and drops the request (a debug
    line), so a crawl whose start URLs are all forbidden read as "ok, 0 pages".

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

    def process_request_2(self, rp: Any, request: Request) -> None:
        if isinstance(rp, Unreachable):  # its error is counted once: a start URL is a failed start
            if request.meta.get("umot_start"):
                self.crawler.stats.inc_value(keys.START_FAILURES)
            raise RobotsSkipped(rp.reason)
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest as exc:
            count_forbidden(self.crawler.stats, request.url, start=bool(request.meta.get("umot_start")))
            raise RobotsSkipped(str(exc)) from exc
        if rp is not None:
            agent = self._robotstxt_useragent or request.headers.get(b"User-Agent") or self._default_useragent
            keep_crawl_delay(self.crawler, rp, request, agent)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status < 500:
            await super()._parse_robots(response, netloc, request)
            return
        self.crawler.stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        origin = response.url.rsplit("/", 1)[0]
        self._shut(netloc, f"robots.txt of {origin} answered HTTP {response.status}: the host is not crawled")

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        """robots.txt could not be downloaded (Scrapy would allow everything): the host is not crawled.

        Unless nothing is there (its name does not resolve, or nothing listens): the host's pages
        fail the same way, each named by its URL, and a refused start keeps its "refused" verdict.
        """
        if isinstance(exc, NO_HOST):
            super()._robots_error(exc, netloc)
            return
        if not isinstance(exc, IgnoreRequest):
            self.crawler.stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        why = f"{type(exc).__name__}: {exc}".rstrip(": ")
        self._shut(netloc, f"could not fetch the robots.txt of {netloc} ({why}): the host is not crawled")

    def _shut(self, netloc: str, reason: str) -> None:
        """Forbid ``netloc`` for the crawl, as one error named ``reason``; waiting requests are let know."""
        logger.error(reason)
        stats = self.crawler.stats
        stats.inc_value(keys.REQUEST_ERRORS)
        if not stats.get_value(keys.FIRST_ERROR):
            stats.set_value(keys.FIRST_ERROR, reason)
        pending, rules = self._parsers[netloc], Unreachable(reason)
        self._parsers[netloc] = rules
        if isinstance(pending, Deferred):
            pending.callback(rules)

