"""crawlers.pipelines.StorePipeline: a crawl whose last batch the store refuses fails, and a page URL
longer than ``pagestate.url`` holds keeps its reviews (and its 304 on the next crawl) on PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from crawlers.runner import run_crawl
from tests.crawlers.etag_site import EtagSite, review_page

pytestmark = pytest.mark.slow

LONG_PATH = "/shop/p?q=" + "x" * 2030  # over pagestate.url (2000); Scrapy fetches URLs up to 2083


@pytest.fixture
def long_url_shop() -> Iterator[EtagSite]:
    pages = {"/shop/": f'<html><a href="{LONG_PATH}">Kettle</a></html>',
             LONG_PATH: review_page([("r1", "Broke in a week, awful kettle.", 1), ("r2", "Lovely, works great.", 5)])}
    site = EtagSite(pages)
    yield site
    site.close()


def test_a_crawl_whose_last_batch_the_store_refuses_fails_with_one_line(
    long_url_shop: EtagSite, db_url: str, local_settings: dict[str, Any], stored_run: Any
) -> None:
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:  # a store that refuses every review
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON review BEGIN SELECT RAISE(ABORT, 'disk quota'); END")
    result = run_crawl("schemaorg", [long_url_shop.url], brand="Acme", database_url=db_url, settings=local_settings)
    assert not result.ok  # the only batch is the last one: it was "finished", ok, 0 new
    assert result.error_message.startswith("could not store 2 reviews: IntegrityError: ")
    assert "disk quota" in result.error_message and "\n" not in result.error_message
    assert stored_run(db_url, result.run_id).status == "failed"


@pytest.mark.postgres
def test_a_page_url_longer_than_the_column_keeps_its_reviews_and_is_asked_again_with_its_etag(
    long_url_shop: EtagSite, pg_database: str, local_settings: dict[str, Any], stored_reviews: Any
) -> None:
    from models.db import init_db

    init_db(pg_database)
    first = run_crawl("schemaorg", [long_url_shop.url], brand="Acme", database_url=pg_database,
                      settings=local_settings)
    assert (first.ok, first.items_new) == (True, 2), first.error_message
    assert len(stored_reviews(pg_database, "Acme")) == 2
    long_url_shop.crawl_answers()
    again = run_crawl("schemaorg", [long_url_shop.url], brand="Acme", database_url=pg_database,
                      settings=local_settings)
    assert again.ok, again.error_message
    assert long_url_shop.crawl_answers()[LONG_PATH] == 304  # found under the same fitted key
