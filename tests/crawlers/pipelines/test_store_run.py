"""crawlers.pipelines.store_run: the store and the run row of a plain ``scrapy crawl`` (no runner)."""

from __future__ import annotations

import logging

import pytest
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawlers import stats as keys
from crawlers.pipelines.store_run import finish_crawl_run, open_crawl_run, open_store


def _stats() -> MemoryStatsCollector:
    return MemoryStatsCollector(get_crawler())


def test_a_plain_crawl_opens_a_running_run_for_a_new_brand_and_closes_it_with_its_counts(db_url: str, stored_run) -> None:
    engine = open_store(db_url, migrated=True, stats=_stats())
    brand_id, run_id = open_crawl_run(engine, brand="Acme", source_id=None, spider="schemaorg")
    again, second = open_crawl_run(engine, brand="Acme", source_id=None, spider="schemaorg")
    assert again == brand_id and second != run_id  # the brand is found, each crawl gets its own run
    run = stored_run(db_url, run_id)
    assert (run.status, run.brand_id, run.spider) == ("running", brand_id, "schemaorg")

    finish_crawl_run(engine, run_id, {keys.START_URLS: 1, keys.PAGES: 3, "item_scraped_count": 2,
                                      keys.ITEMS_NEW: 2}, "finished")
    run = stored_run(db_url, run_id)
    assert (run.status, run.pages, run.items_scraped, run.items_new) == ("ok", 3, 2, 2)


def test_a_crawl_stopped_by_the_store_is_recorded_as_failed_with_the_first_error(db_url: str, stored_run) -> None:
    engine = open_store(db_url, migrated=True, stats=_stats())
    _, run_id = open_crawl_run(engine, brand="Acme", source_id=None, spider="schemaorg")
    finish_crawl_run(engine, run_id, {keys.START_URLS: 1, keys.PAGES: 1,
                                      keys.FIRST_ERROR: "could not store 3 reviews: OperationalError"}, "store_failed")
    run = stored_run(db_url, run_id)
    assert run.status == "failed"
    assert run.error_message == "could not store 3 reviews: OperationalError"


def test_a_run_that_cannot_be_closed_is_logged_not_raised(db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    engine = open_store(db_url, migrated=True, stats=_stats())
    with caplog.at_level(logging.ERROR, logger="crawlers.pipelines.store_run"):
        finish_crawl_run(engine, 999_999, {}, "finished")  # no such run: the reviews are stored all the same
    assert "could not finish crawl run 999999" in caplog.text


def test_a_store_that_cannot_be_opened_names_it_without_its_password_and_raises(tmp_path) -> None:
    stats = _stats()
    with pytest.raises(Exception):  # noqa: B017 - whatever the driver raises reaches Scrapy
        open_store("postgresql://umot:s3cret@127.0.0.1:1/none", migrated=False, stats=stats)
    first = stats.get_value(keys.FIRST_ERROR)
    assert first.startswith("cannot open the store postgresql://umot:***@127.0.0.1:1/none: ")
    assert "s3cret" not in first and "\n" not in first


def test_a_plain_crawl_keeps_what_it_left_unread_for_the_next_crawl(db_url: str, stored_run) -> None:
    """Pages it could not fetch and a --since cut go in the run's columns, which the next crawl reads."""
    engine = open_store(db_url, migrated=True, stats=_stats())
    _, run_id = open_crawl_run(engine, brand="Acme", source_id=None, spider="schemaorg")
    finish_crawl_run(engine, run_id, {keys.START_URLS: 1, keys.PAGES: 2, keys.FAILED_FOLLOWS: 2,
                                      keys.FIRST_FAILED_FOLLOW: "http://x/p3", keys.SINCE_CUT: "2024-06-01"}, "finished")
    run = stored_run(db_url, run_id)
    assert (run.status, run.pages_unread, str(run.since_cut)) == ("ok", 2, "2024-06-01")
