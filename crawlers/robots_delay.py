"""robots.txt's ``Crawl-delay`` for us, honoured: the host's download slot waits at least that long.

Scrapy parses it (``RobotParser.crawl_delay``) and applies nothing. The delay is raised on the
request's slot before the request is queued, and again for each request, since AutoThrottle
lowers a slot's delay after each answer; capped at ``CRAWL_DELAY_MAX`` (a site asking an hour
between pages would stall the night). Reaches into the downloader's slots (``_get_slot``: Scrapy
has no public way to set one slot's delay at run time).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler


def keep_crawl_delay(crawler: Crawler, rp: Any, request: Request, agent: Any) -> None:
    """Raise ``request``'s download slot to the ``Crawl-delay`` ``rp`` gives ``agent`` (capped); none: nothing.
    A parser without ``crawl_delay`` (one older than Scrapy 2.18's API) has none."""
    crawl_delay = getattr(rp, "crawl_delay", None)
    delay = crawl_delay(agent) if crawl_delay else None
    if not delay or delay <= 0:
        return
    delay = min(delay, crawler.settings.getfloat("CRAWL_DELAY_MAX"))
    engine = crawler.engine
    _, slot = engine.downloader._get_slot(request) if engine else (None, None)
    if slot is not None:  # no jitter: a random shortening would go below what the site asked
        slot.delay, slot.jitter = max(slot.delay, delay), 0.0
