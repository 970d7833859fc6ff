"""Hacker News spider: the Algolia result parser, and real crawls of a local copy of the API."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.parsers import hackernews
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "hackernews"
PAGE0 = "/api/v1/search_by_date?query=acme&tags=%28story%2Ccomment%29"
PAGE1 = "/api/v1/search_by_date?query=acme&tags=%28story%2Ccomment%29&page=1"
BROKEN = "/api/v1/search_by_date?query=acme&tags=bad"


def test_comment_and_story_hits() -> None:
    page = hackernews.parse((FIXTURES / "page0.json").read_bytes(), "https://hn.algolia.com" + PAGE0)
    comment, story = page.reviews
    assert comment["external_id"] == "39600123" and comment["url"] == "https://news.ycombinator.com/item?id=39600123"
    assert comment["text"] == (
        "We moved our billing to Acme last year. Support is excellent & the API is sane. "
        "I'd recommend it.\nCaveat: EU invoices take a day."
    )
    assert comment["title"] == "Ask HN: Billing providers in 2024?"
    assert story["text"] == story["title"] == "Acme raises prices 40% overnight"
    assert story["extra"] == {"kind": "story", "story_id": 39599000, "link": "https://news.example.com/acme-prices", "points": 120}
    assert page.next_url == "https://hn.algolia.com" + PAGE1


def test_last_page() -> None:
    page = hackernews.parse((FIXTURES / "page1.json").read_bytes(), "https://hn.algolia.com" + PAGE1)
    assert page.next_url is None
    assert [r["language"] for r in page.reviews] == ["ja", "en"]


@pytest.fixture(scope="module")
def site(serve_site):
    return serve_site(
        FIXTURES,
        {PAGE0: "page0.json", PAGE1: "page1.json", BROKEN: "broken.json"},
        throttle_once={PAGE1},
    )


@pytest.fixture(scope="module")
def first_crawl(site, crawl_db, local_settings):
    urls = [site.url(p) for p in (PAGE0, BROKEN)]
    return run_crawl("hackernews", urls, brand="Acme", database_url=crawl_db, settings=local_settings)


@pytest.mark.slow
def test_crawl_stores_every_page(first_crawl, site, crawl_db, stored_reviews) -> None:
    assert first_crawl.ok, first_crawl.error_message
    assert first_crawl.errors == 1 and first_crawl.pages == 3  # the broken page counted, the rest read
    rows = {r.external_id: r for r in stored_reviews(crawl_db, "Acme")}
    assert sorted(rows) == ["39400000", "39500042", "39599000", "39600123"]
    assert len(site.hits_for(PAGE1)) == 2  # 429, then the page
    assert rows["39500042"].text == "Acme の API は使いやすいけど、ドキュメントが古い。"


@pytest.mark.slow
def test_second_crawl_stops_at_the_first_known_page(first_crawl, site, crawl_db, local_settings) -> None:
    before = len(site.hits_for(PAGE1))
    again = run_crawl("hackernews", [site.url(PAGE0)], brand="Acme", database_url=crawl_db, settings=local_settings)
    assert again.ok and again.items_new == 0 and again.pages == 1
    assert len(site.hits_for(PAGE1)) == before
