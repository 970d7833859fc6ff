"""Yelp spider: the embedded review feed and JSON-LD, and real crawls of local business pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.parsers import yelp
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "yelp"
PAGE1 = "/biz/acme-coffee-san-francisco?sort_by=date_desc"
PAGE2 = "/biz/acme-coffee-san-francisco?sort_by=date_desc&start=2"
JSONLD = "/biz/other-place"
BROKEN = "/biz/broken-place"


def test_embedded_feed() -> None:
    page = yelp.parse((FIXTURES / "page1.html").read_bytes(), "https://www.yelp.com" + PAGE1)
    first, second = page.reviews
    assert (first["external_id"], first["author"], first["rating"]) == ("rv-001", "Chris L.", 1.0)
    assert first["text"] == "Cold brew was watery and the barista was rude.\nWaited 20 minutes. Save your money."
    assert first["published_at"].date().isoformat() == "2024-03-09"
    assert first["extra"]["useful"] == 4
    assert second["language"] == "es"
    assert page.next_url == "https://www.yelp.com" + PAGE2


def test_last_page_and_json_ld_fallback() -> None:
    last = yelp.parse((FIXTURES / "page2.html").read_bytes(), "https://www.yelp.com" + PAGE2)
    assert [r["external_id"] for r in last.reviews] == ["rv-003", "rv-004"] and last.next_url is None
    ld = yelp.parse((FIXTURES / "jsonld.html").read_bytes(), "https://www.yelp.com" + JSONLD)
    assert [(r["author"], r["rating"]) for r in ld.reviews] == [("Robin T.", 5.0), ("Alex M.", 2.0)]
    assert all(r["external_id"].startswith("sha1:") for r in ld.reviews)  # no ids: content ids (models/identity.py)


def test_default_urls() -> None:
    from crawlers.spiders.yelp import YelpSpider

    assert YelpSpider.default_urls(None, {"biz": "acme-coffee"}) == ["https://www.yelp.com/biz/acme-coffee?sort_by=date_desc"]


@pytest.fixture(scope="module")
def site(serve_site):
    return serve_site(
        FIXTURES,
        {PAGE1: "page1.html", PAGE2: "page2.html", JSONLD: "jsonld.html", BROKEN: "malformed.html"},
        throttle_once={PAGE2},
    )


@pytest.fixture(scope="module")
def first_crawl(site, crawl_db, local_settings):
    urls = [site.url(p) for p in (PAGE1, JSONLD, BROKEN)]
    return run_crawl("yelp", urls, brand="Acme", database_url=crawl_db, settings=local_settings)


@pytest.mark.slow
def test_crawl_stores_every_page(first_crawl, site, crawl_db, stored_reviews) -> None:
    assert first_crawl.ok, first_crawl.error_message
    assert first_crawl.errors == 1 and first_crawl.pages == 4  # the broken page counted, the rest read
    rows = {r.external_id: r for r in stored_reviews(crawl_db, "Acme")}
    assert len(rows) == 6 and first_crawl.items_new == 6
    assert len(site.hits_for(PAGE2)) == 2  # 429, then the page
    assert rows["rv-004"].author == "小林" and rows["rv-004"].language == "ja"
    assert rows["rv-002"].text.endswith("☕️")


@pytest.mark.slow
def test_second_crawl_fetches_only_what_is_new(first_crawl, site, crawl_db, local_settings) -> None:
    before = len(site.hits_for(PAGE2))
    again = run_crawl("yelp", [site.url(PAGE1), site.url(JSONLD)], brand="Acme", database_url=crawl_db,
                      settings=local_settings)
    assert again.ok and again.items_new == 0 and again.pages == 2
    assert len(site.hits_for(PAGE2)) == before
