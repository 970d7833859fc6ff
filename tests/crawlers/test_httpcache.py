"""Conditional requests: an unchanged page costs the site a 304 and the crawl no parsing,
a changed one is read in full, and a site that is down is still reported as down.

The validators and page kinds of the skipping spiders live in the store (crawlers/page_state.py);
tests/crawlers/test_page_state.py checks that only a store holding a page's reviews skips it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings

from crawlers.httpcache import RevalidatePolicy
from crawlers.runner import run_crawl
from tests.crawlers.etag_site import EtagSite
from tests.crawlers.etag_site import review_page as _review_page

HUB_AND_PAGES = {
    "/shop/": '<html><a href="/shop/kettle/">Kettle</a> <a href="/shop/toaster/">Toaster</a></html>',
    "/shop/kettle/": _review_page([("k1", "Boils fast and quietly.", 5), ("k2", "Lid broke.", 2)],
                                  "/shop/kettle/?page=2"),
    "/shop/kettle/?page=2": _review_page([("k3", "Fine for the price.", 4)]),
    "/shop/toaster/": _review_page([("t1", "Burns one side.", 1)]),
}


@pytest.fixture
def etag_site() -> Iterator[EtagSite]:
    site = EtagSite(dict(HUB_AND_PAGES))
    yield site
    site.close()


@pytest.fixture
def crawl(db_url: str, local_settings: dict[str, Any], tmp_path: Path, etag_site: EtagSite):
    settings = {**local_settings, "HTTPCACHE_DIR": str(tmp_path / "httpcache")}

    def run(**extra: Any) -> Any:
        return run_crawl("schemaorg", [etag_site.url], brand="Acme", database_url=db_url, settings={**settings, **extra})

    return run


def test_the_policy_always_asks_the_site_and_only_a_304_keeps_the_copy() -> None:
    policy = RevalidatePolicy(Settings())
    kept = HtmlResponse("https://a.example/p", body=b"<html></html>",
                        headers={"ETag": '"v1"', "Last-Modified": "Mon, 02 Nov 2026 10:00:00 GMT",
                                 "Cache-Control": "max-age=31536000"})
    request = Request("https://a.example/p")
    assert policy.is_cached_response_fresh(kept, request) is False  # not even with a year's max-age
    assert request.headers["If-None-Match"] == b'"v1"'
    assert request.headers["If-Modified-Since"] == b"Mon, 02 Nov 2026 10:00:00 GMT"
    assert policy.is_cached_response_valid(kept, HtmlResponse("https://a.example/p", status=304), request)
    for status in (200, 500, 503):
        assert not policy.is_cached_response_valid(kept, HtmlResponse("https://a.example/p", status=status), request)


@pytest.mark.slow
def test_unchanged_pages_cost_a_304_and_no_parsing_and_changes_are_read(crawl, etag_site: EtagSite) -> None:
    first = crawl()
    assert first.ok and first.items_new == 4, first.error_message
    assert set(etag_site.crawl_answers().values()) == {200}

    second = crawl()  # nothing changed: every page answers 304; the kettle's page 2 is not even asked for
    assert second.ok and second.items_new == 0
    assert etag_site.crawl_answers() == {"/shop/": 304, "/shop/kettle/": 304, "/shop/toaster/": 304}

    etag_site.pages["/shop/toaster/"] = _review_page([("t2", "Toasts evenly now.", 4), ("t1", "Burns one side.", 1)])
    third = crawl()  # the changed page is read in full, through the hub that did not change
    assert third.ok and third.items_new == 1
    assert etag_site.crawl_answers() == {"/shop/": 304, "/shop/kettle/": 304, "/shop/toaster/": 200}


def _forget_pages(db_url: str) -> None:
    from sqlmodel import delete

    from models.db import get_engine, session_scope
    from models.tables import PageState

    with session_scope(get_engine(db_url)) as session:
        session.exec(delete(PageState))


@pytest.mark.slow
def test_an_unchanged_hub_is_followed_by_what_it_was_not_by_what_it_declares(
    crawl, etag_site: EtagSite, db_url: str
) -> None:
    # a hub whose markup names a Review type (here an empty review list) but holds none
    etag_site.pages["/shop/"] = ('<html><script type="application/ld+json">{"@type": "Store", "review": '
                                 '[{"@type": "Review"}]}</script><a href="/shop/kettle/">Kettle</a> '
                                 '<a href="/shop/toaster/">Toaster</a></html>')
    assert crawl().items_new == 4
    etag_site.crawl_answers()
    etag_site.pages["/shop/toaster/"] = _review_page([("t2", "Toasts evenly now.", 4), ("t1", "Burns one side.", 1)])
    second = crawl()  # the hub answers 304 and is followed: it was a hub when last read
    assert second.ok and second.items_new == 1
    assert etag_site.crawl_answers() == {"/shop/": 304, "/shop/kettle/": 304, "/shop/toaster/": 200}

    _forget_pages(db_url)  # as a store that never committed them
    third = crawl()  # pages the store has no state of are read in full: nothing new, nothing missed
    assert third.ok and third.items_new == 0 and third.unchanged == 0
    answers = etag_site.crawl_answers()
    assert [answers.get(page) for page in ("/shop/", "/shop/kettle/", "/shop/toaster/")] == [200, 200, 200]
    fourth = crawl()  # and remembered again
    assert fourth.ok and fourth.unchanged == 2


@pytest.mark.slow
def test_a_full_crawl_reads_unchanged_pages_and_a_site_that_is_down_is_not_taken_for_unchanged(
    crawl, etag_site: EtagSite
) -> None:
    assert crawl().items_new == 4
    etag_site.crawl_answers()
    full = crawl(CRAWL_FULL=True)  # after an interrupted crawl: every page, kept copies read again
    assert full.ok and full.items_new == 0 and full.items_scraped == 4
    assert "/shop/kettle/?page=2" in etag_site.crawl_answers()

    etag_site.server.shutdown()
    etag_site.server.server_close()
    down = crawl()
    assert not down.ok and "could not fetch" in (down.error_message or "")


@pytest.mark.slow
def test_a_page_two_brands_crawl_is_read_for_each(crawl, etag_site: EtagSite, db_url: str,
                                                  local_settings: dict[str, Any], tmp_path: Path) -> None:
    settings = {**local_settings, "HTTPCACHE_DIR": str(tmp_path / "httpcache")}

    def rival(url: str) -> Any:
        return run_crawl("schemaorg", [url], brand="Rival", database_url=db_url, settings=settings)

    assert rival(etag_site.url + "toaster/").items_new == 1  # Rival has reviews from this site now
    assert crawl().items_new == 4  # Acme reads every page
    # the kettle's pages did not change since Acme read them, but Rival never did
    later = rival(etag_site.url)
    assert later.ok and later.items_new == 3 and later.unchanged == 1  # the toaster's page only
    assert not (tmp_path / "httpcache").exists()  # the skipping spiders keep nothing on this disk
