"""robots.txt's ``Crawl-delay`` for us, honoured: the host's download slot waits at least that long.

Scrapy parses it (``RobotParser.crawl_delay``) and applies nothing. The delay is raised on the
request's slot before the request is queued, and again for each request, since AutoThrottle
lowers a slot's delay after each answer; capped at ``CRAWL_DELAY_MAX`` (a site asking an hour
between pages would stall the night). Only the downloader's public attributes are used: the slot
key of a request (``get_slot_key``), the slots (``slots``, which AutoThrottle adjusts too) and, for a
slot not made yet, the per-slot settings it will be made with (``per_slot_settings``: ``DOWNLOAD_SLOTS``).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings


def _start_delay(settings: BaseSettings) -> float:
    """The delay a new slot starts with: ``DOWNLOAD_DELAY``, or AutoThrottle's start delay when higher."""
    delay = settings.getfloat("DOWNLOAD_DELAY")
    if settings.getbool("AUTOTHROTTLE_ENABLED"):
        delay = max(delay, settings.getfloat("AUTOTHROTTLE_START_DELAY"))
    return delay


def keep_crawl_delay(crawler: Crawler, rp: Any, request: Request, agent: Any) -> None:
    """Raise ``request``'s download slot to the ``Crawl-delay`` ``rp`` gives ``agent`` (capped); none: nothing.
    A parser without ``crawl_delay`` (one older than Scrapy 2.18's API) has none."""
    crawl_delay = getattr(rp, "crawl_delay", None)
    delay = crawl_delay(agent) if crawl_delay else None
    if not delay or delay <= 0 or crawler.engine is None:
        return
    delay = min(delay, crawler.settings.getfloat("CRAWL_DELAY_MAX"))
    downloader = crawler.engine.downloader
    key = downloader.get_slot_key(request)
    slot = downloader.slots.get(key)
    if slot is not None:  # no jitter: a random shortening would go below what the site asked
        slot.delay, slot.jitter = max(slot.delay, delay), 0.0
        return
    # not made yet (Scrapy makes a slot for its first queued request, and drops one idle for a minute)
    entry = downloader.per_slot_settings.setdefault(key, {})
    entry["delay"] = max(float(entry.get("delay", 0.0)), delay, _start_delay(crawler.settings))
    entry["jitter"] = 0.0
