"""A crawl's verdict from its counters: when it failed, and whether retrying soon could help."""

from __future__ import annotations

from crawlers import stats as keys
from crawlers.stats_summary import summarise


def test_refused_only_when_every_start_url_was_refused() -> None:
    refused = {keys.START_URLS: 2, keys.START_FAILURES: 2, keys.START_REFUSED: 2, keys.FIRST_ERROR: "refused"}
    one_busy = {**refused, keys.START_REFUSED: 1}  # the other answered 503 after its retries
    assert summarise(refused, "finished")["refused"] and not summarise(refused, "finished")["ok"]
    assert not summarise(one_busy, "finished")["refused"]
    assert not summarise({keys.START_URLS: 2, keys.START_FAILURES: 1, keys.START_REFUSED: 1}, "finished")["refused"]


def test_a_crawl_that_fetched_its_start_pages_is_ok_with_errors() -> None:
    summary = summarise({keys.START_URLS: 1, keys.PAGES: 3, keys.REQUEST_ERRORS: 1}, "finished")
    assert summary["ok"] and summary["errors"] == 1 and summary["error_message"] is None


def test_an_ok_crawl_that_could_not_fetch_a_page_after_its_start_urls_says_which() -> None:
    """Its run keeps the note: the next crawl of the source reads every page (flows.tasks.crawl_jobs)."""
    stats = {keys.START_URLS: 1, keys.PAGES: 1, keys.REQUEST_ERRORS: 1, keys.FAILED_FOLLOWS: 1,
             keys.FIRST_FAILED_FOLLOW: "http://shop.test/?page=2"}
    summary = summarise(stats, "finished")
    assert summary["ok"] and summary["errors"] == 1 and summary["failed_follows"] == 1
    assert summary["error_message"] == "could not fetch http://shop.test/?page=2: the pages after it were not read"
    three = summarise({**stats, keys.FAILED_FOLLOWS: 3}, "finished")["error_message"]
    assert three == "could not fetch http://shop.test/?page=2 and 2 other pages: the pages after them were not read"
    failed = summarise({**stats, keys.FIRST_ERROR: "boom"}, "shutdown")
    assert not failed["ok"] and failed["error_message"] == "boom"  # a failure says why it failed


def test_an_ok_crawl_cut_at_since_gives_its_day_apart_from_its_note() -> None:
    """The run keeps the day in a column (CrawlRun.since_cut): nothing reads it back from the words."""
    stats = {keys.START_URLS: 1, keys.PAGES: 1, keys.SINCE_CUT: "2024-06-01"}
    summary = summarise(stats, "finished")
    assert summary["ok"] and summary["since_cut"] == "2024-06-01"
    assert summary["error_message"] == (
        "the store may lack the reviews before 2024-06-01: a crawl stopped paginating at --since 2024-06-01")
    assert summarise({keys.START_URLS: 1, keys.PAGES: 1}, "finished")["since_cut"] is None
    assert summarise({**stats, keys.FIRST_ERROR: "boom"}, "shutdown")["since_cut"] is None  # failed: no handover
