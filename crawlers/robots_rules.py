"""What a host's robots.txt leaves the crawl: its first 500 KiB read, whatever its size, or nothing when it
cannot be read; and the drop it causes.

RFC 9309 (2.5) has crawlers parse at least a robots.txt's first 500 KiB. Scrapy kept nothing of a download
past ``DOWNLOAD_MAXSIZE`` (the host was shut out as unreachable) and read a big one whole: here its download
stops after :data:`HEAD_BYTES` (Scrapy's ``StopDownload`` keeps what came) and its rules are those
of the complete lines in them. Kept apart from :mod:`crawlers.middlewares` so the spiders' error counting
(:mod:`crawlers.spiders._counting`) can tell a request robots.txt dropped, which
the middleware counted already, from one Scrapy dropped as unfetchable.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured, StopDownload
from scrapy.http import Response
from scrapy.robotstxt import ProtegoRobotParser, RobotParser
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)

HEAD_BYTES = 500 * 1024  # what RFC 9309 has a crawler parse at least
_HEAD = "umot_robots_head"  # request meta: a robots.txt request, read up to HEAD_BYTES
_READ = "umot_robots_read"  # request meta: its bytes received so far


class RobotsSkipped(IgnoreRequest):
    """A request robots.txt forbids, or whose host's robots.txt is unreachable: counted where it is raised."""


class Unreachable(RobotParser):
    """The rules of a host whose robots.txt answered 5xx or could not be downloaded: nothing is allowed."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    @classmethod
    def from_crawler(cls, crawler: Crawler, robotstxt_body: bytes) -> Unreachable:
        return cls("robots.txt unreachable")

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


def robots_head(body: bytes) -> bytes:
    """The complete lines of ``body``'s first :data:`HEAD_BYTES`: a rule cut short (``Disallow: /acc``) is none."""
    if len(body) <= HEAD_BYTES:
        return body
    head = body[:HEAD_BYTES]
    return head[: head.rfind(b"\n") + 1]


class RobotsHeadParser(ProtegoRobotParser):
    """Scrapy's default parser (Protego), given a robots.txt's first 500 KiB only (:func:`robots_head`)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, robotstxt_body: bytes) -> RobotsHeadParser:
        return super().from_crawler(crawler, robots_head(robotstxt_body))


class RobotsHeadMiddleware:
    """Downloader middleware: a robots.txt request is read up to :data:`HEAD_BYTES`, however big the file.

    Its own ``download_maxsize`` is lifted (a declared size past ``DOWNLOAD_MAXSIZE`` aborted the download
    before its first byte) and the download stops at :data:`HEAD_BYTES` instead; it asks for the file
    uncompressed, whose first bytes are its first rules. A body compressed anyway is unzipped under
    ``DOWNLOAD_MAXSIZE`` as before (``HttpCompressionMiddleware`` runs after this on the way back).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.maxsize = crawler.settings.getint("DOWNLOAD_MAXSIZE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsHeadMiddleware:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured("ROBOTSTXT_OBEY is off: no robots.txt is read")
        middleware = cls(crawler)
        crawler.signals.connect(middleware.bytes_received, signal=signals.bytes_received)
        return middleware

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        # Scrapy's robots.txt request (a redirect or retry of it keeps the mark)
        if not request.meta.get(_HEAD) and not (
            request.meta.get("dont_obey_robotstxt") and urlparse_cached(request).path == "/robots.txt"
        ):
            return None
        request.meta.update({_HEAD: True, _READ: 0, "download_maxsize": 0})
        request.headers[b"Accept-Encoding"] = b"identity"
        return None

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        if request.meta.get(_HEAD):
            request.meta["download_maxsize"] = self.maxsize  # what a compressed body may unzip to
            if "download_stopped" in response.flags:
                logger.warning("%s is over %d KiB: its rules are read from its first %d KiB",
                               response.url, HEAD_BYTES // 1024, HEAD_BYTES // 1024)
        return response

    def bytes_received(self, data: bytes, request: Request, **_: Any) -> None:
        """Stop a robots.txt download once :data:`HEAD_BYTES` came; the response keeps them."""
        if not request.meta.get(_HEAD):
            return
        request.meta[_READ] = request.meta.get(_READ, 0) + len(data)
        if request.meta[_READ] > HEAD_BYTES:
            raise StopDownload(fail=False)
