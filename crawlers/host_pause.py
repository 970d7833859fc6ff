"""Holding a busy host: every request to it waits, or the crawl gives it up.

A 429/503 is about the whole site: were only the retried request to wait, the
crawl's other requests to that host would go out during the wait it asked for.
:class:`crawlers.retry.BackoffRetryMiddleware` says how long; this holds the host.
"""

from __future__ import annotations

import logging
from time import monotonic
from weakref import WeakSet

from scrapy import Request
from scrapy.core.downloader import Downloader, Slot
from scrapy.crawler import Crawler
from scrapy.utils.asyncio import call_later
from scrapy.utils.httpobj import urlparse_cached

from crawlers import stats as keys

logger = logging.getLogger("crawlers.retry")  # the name these messages have always been logged under

#: Download slot (host) -> the ``monotonic()`` time before which no crawl in this process sends it a request
#: (crawls batched in one process, :mod:`crawlers.batch`, often share a site).
PAUSED_UNTIL: dict[str, float] = {}
_LIVE: WeakSet[HostPause] = WeakSet()


class HostGivenUp(Exception):
    """The host asked for a longer wait than ``CRAWL_RETRY_BACKOFF_MAX``: no more requests to it in this crawl."""


def hold_slot(downloader: Downloader, slot: Slot, seconds: float) -> None:
    """Let ``slot`` send nothing, queued or new, for ``seconds``; then it goes on as before."""
    # Scrapy 2.19.0 (pinned) has no public way to hold a slot. Its Downloader._process_queue sends
    # nothing while slot.latercall is pending, and the private Downloader._latercall clears it and
    # sends the queue, so we schedule that ourselves. A Scrapy that renames _latercall raises
    # AttributeError here (read first, so the slot is left as it was, not stuck) and hosts are no
    # longer paused; one that stops honouring slot.latercall lets queued requests out during the
    # wait. tests/crawlers/test_retry_after_host.py fails on both: run it on any Scrapy upgrade.
    resume = downloader._latercall
    if slot.latercall:
        slot.latercall.cancel()
    slot.latercall = call_later(seconds, resume, slot)


class HostPause:
    """One crawl's side of the host pause: its download slots, and the hosts it gave up."""

    def __init__(self, crawler: Crawler, backoff_max: float) -> None:
        self.crawler = crawler
        self.backoff_max = backoff_max
        self.given_up: dict[str, str] = {}  # download slot (host) -> why
        _LIVE.add(self)

    def downloader(self) -> Downloader | None:
        """This crawl's downloader; None before its engine starts (a middleware tried on its own)."""
        try:
            return self.crawler.engine.downloader
        except (AttributeError, RuntimeError):
            return None

    def slot_key(self, request: Request) -> str:
        """The download slot (host) ``request`` goes through."""
        downloader = self.downloader()
        return str(downloader.get_slot_key(request)) if downloader else urlparse_cached(request).hostname or ""

    def slot(self, key: str) -> Slot | None:
        """This crawl's download slot for ``key``, if it has one."""
        downloader = self.downloader()
        return downloader.slots.get(key) if downloader else None

    def time_left(self, request: Request) -> float:
        """Seconds ``request`` must still wait for its host; raises :class:`HostGivenUp` for a host given up."""
        key = self.slot_key(request)
        if key in self.given_up:
            raise HostGivenUp(self.given_up[key])
        return PAUSED_UNTIL.get(key, 0.0) - monotonic()

    def pause_or_give_up(self, request: Request, status: int, wait: float) -> None:
        """Hold ``request``'s host for ``wait`` seconds in every crawl of this process, or give it up past the cap."""
        key = self.slot_key(request)
        if wait > self.backoff_max:
            self._give_up(key, request, wait)
            return
        until = monotonic() + wait
        if wait <= 0 or until <= PAUSED_UNTIL.get(key, 0.0):
            return
        PAUSED_UNTIL[key] = until
        logger.info("pausing requests to %s for %.1fs: HTTP %d on %s", key, wait, status, request.url)
        for pause in list(_LIVE):  # each crawl of this process holds its own queue for that host
            slot, downloader = pause.slot(key), pause.downloader()
            if slot is not None and downloader is not None:
                hold_slot(downloader, slot, wait)

    def _give_up(self, key: str, request: Request, asked: float) -> None:
        if key in self.given_up:
            return
        why = (f"{key} asked to wait {asked:.0f}s (Retry-After on {request.url}), more than "
               f"CRAWL_RETRY_BACKOFF_MAX ({self.backoff_max:.0f}s): no more requests to it in this crawl")
        self.given_up[key] = why
        logger.error(why)
        if not self.crawler.stats.get_value(keys.FIRST_ERROR):
            self.crawler.stats.set_value(keys.FIRST_ERROR, why)
        slot = self.slot(key)
        while slot is not None and slot.queue:  # already past process_request: they fail here
            slot.queue.popleft()[1].errback(HostGivenUp(why))
