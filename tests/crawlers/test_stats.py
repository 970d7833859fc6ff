"""A crawl's verdict from its counters: when it failed, and whether retrying soon could help."""

from __future__ import annotations

from crawlers import stats as keys
from crawlers.stats import summarise


def test_refused_only_when_every_start_url_was_refused() -> None:
    refused = {keys.START_URLS: 2, keys.START_FAILURES: 2, keys.START_REFUSED: 2, keys.FIRST_ERROR: "refused"}
    one_busy = {**refused, keys.START_REFUSED: 1}  # the other answered 503 after its retries
    assert summarise(refused, "finished")["refused"] and not summarise(refused, "finished")["ok"]
    assert not summarise(one_busy, "finished")["refused"]
    assert not summarise({keys.START_URLS: 2, keys.START_FAILURES: 1, keys.START_REFUSED: 1}, "finished")["refused"]


def test_a_crawl_that_fetched_its_start_pages_is_ok_with_errors() -> None:
    summary = summarise({keys.START_URLS: 1, keys.PAGES: 3, keys.REQUEST_ERRORS: 1}, "finished")
    assert summary["ok"] and summary["errors"] == 1 and summary["error_message"] is None
