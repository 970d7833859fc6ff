"""robots.txt's Crawl-delay reaches the host's download slot through the downloader's public attributes only
(``get_slot_key``, ``slots``, ``per_slot_settings``), not Scrapy's private ``Downloader._get_slot``: a slot
there is raised, and one not made yet is made with the delay (as ``DOWNLOAD_SLOTS`` would make it)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.core.downloader import Downloader, Slot
from scrapy.utils.test import get_crawler

from crawlers.robots_delay import keep_crawl_delay


class _Rules:
    def __init__(self, delay: float | None) -> None:
        self.delay = delay

    def crawl_delay(self, agent: Any) -> float | None:
        return self.delay


def _crawler(**settings: Any) -> tuple[Any, Downloader]:
    """A crawler whose engine shows keep_crawl_delay a downloader with public attributes only."""
    crawler = get_crawler(Spider, {"CRAWL_DELAY_MAX": 60.0, "DOWNLOAD_DELAY": 0, **settings})
    real = Downloader(crawler)
    real._start_slot_gc = lambda: None  # type: ignore[method-assign] # its clean-up loop wants a running reactor
    public = SimpleNamespace(get_slot_key=real.get_slot_key, slots=real.slots, per_slot_settings=real.per_slot_settings)
    crawler.engine = SimpleNamespace(downloader=public)  # type: ignore[assignment]
    return crawler, real


REQUEST = Request("http://shop.example/kettle")


@pytest.mark.parametrize(("settings", "asked", "starts_at"), [
    ({}, 2.5, 2.5),
    ({}, 3600, 60.0),  # capped at CRAWL_DELAY_MAX
    ({"AUTOTHROTTLE_ENABLED": True, "AUTOTHROTTLE_START_DELAY": 5.0}, 2.5, 5.0),  # never below our own start
])
def test_a_slot_not_made_yet_is_made_with_the_delay(settings: dict, asked: float, starts_at: float) -> None:
    crawler, real = _crawler(**settings)
    keep_crawl_delay(crawler, _Rules(asked), REQUEST, "umot")
    _, slot = real._get_slot(REQUEST)  # what Scrapy makes of it when the request is queued
    assert (slot.delay, slot.jitter) == (starts_at, 0.0)


def test_a_made_slot_is_raised_never_lowered() -> None:
    crawler, real = _crawler()
    slot = real.slots["shop.example"] = Slot(concurrency=1, delay=1.0, jitter=0.5)
    keep_crawl_delay(crawler, _Rules(2.5), REQUEST, "umot")
    assert (slot.delay, slot.jitter) == (2.5, 0.0)
    slot.delay = 10.0  # AutoThrottle's, higher
    keep_crawl_delay(crawler, _Rules(2.5), REQUEST, "umot")
    assert slot.delay == 10.0
    keep_crawl_delay(crawler, _Rules(None), Request("http://other.example/"), "umot")
    assert set(real.slots) == {"shop.example"} and not real.per_slot_settings
