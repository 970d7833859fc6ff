"""What a host's robots.txt leaves the crawl when it cannot be read, and the drop it causes.

Kept apart from :mod:`crawlers.middlewares` so the spiders' error counting
(:mod:`crawlers.spiders._counting`) can tell a request robots.txt dropped, which
the middleware counted already, from one Scrapy dropped as unfetchable.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.robotstxt import RobotParser


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
