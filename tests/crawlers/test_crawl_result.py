"""crawlers.crawl_result: one crawl's outcome from its stats file, exit code and log (no store involved)."""

from __future__ import annotations

from crawlers.crawl_result import crawl_result

LOG = "INFO: Spider opened\nERROR: Error while obtaining start requests\nValueError: could not convert string to float: 'abc'\n"


def test_a_process_that_ended_without_its_counts_says_so_with_the_last_error() -> None:
    result = crawl_result({}, 0, LOG, None, None)
    assert not result.ok
    assert result.error_message == "crawl process ended without reporting its counts: ValueError: could not convert string to float: 'abc'"


def test_a_process_that_died_names_its_exit_code() -> None:
    result = crawl_result({}, 1, LOG, None, None)
    assert not result.ok and result.error_message.startswith("crawl process exited with code 1: ValueError")


def test_a_crawl_that_timed_out() -> None:
    result = crawl_result({"ok": True, "status": "running", "pages": 3}, None, LOG, 5.0, None)
    assert not result.ok and result.error_message == "crawl timed out after 5s" and result.pages == 3


def test_a_finished_crawl_keeps_its_counts() -> None:
    stats = {"ok": True, "status": "ok", "pages": 2, "items_scraped": 7, "items_new": 4, "unchanged": 1}
    result = crawl_result(stats, 0, "", None, None)
    assert result.ok and (result.pages, result.items_scraped, result.items_new, result.unchanged) == (2, 7, 4, 1)
    assert result.error_message is None
