"""crawlers/retry_answers.py: a ``Retry-After`` delta that is no time to wait (``nan``, ``inf``, negative)
is as if none was sent, so the normal back-off applies; read as 0 it retried a busy site at once."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.settings import Settings

from crawlers.retry import BackoffRetryMiddleware
from crawlers.retry_answers import retry_after_seconds


def _busy(value: str) -> HtmlResponse:
    return HtmlResponse("http://x/", status=429, headers={"Retry-After": value}, body=b"")


@pytest.mark.parametrize("value", ["nan", "NaN", "-5", "-0.5", "inf", "-inf", "Infinity"])
def test_a_retry_after_that_is_no_wait_is_none(value: str) -> None:
    assert retry_after_seconds(_busy(value)) is None


def test_a_wait_of_zero_or_more_seconds_is_kept() -> None:
    assert retry_after_seconds(_busy("0")) == 0.0 and retry_after_seconds(_busy("2.5")) == 2.5


def test_the_retry_waits_the_normal_back_off() -> None:
    mw = BackoffRetryMiddleware(Settings({"CRAWL_RETRY_BACKOFF_BASE": 2.0, "CRAWL_RETRY_BACKOFF_MAX": 120.0}))
    retry = Request("http://x/", meta={"retry_times": 2})
    assert mw._delay(retry, _busy("nan")) == 4.0 and mw._delay(retry, _busy("-5")) == 4.0
