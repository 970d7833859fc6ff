"""Trustpilot spider: __NEXT_DATA__ and JSON-LD parsing, and real crawls of local review pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.parsers import trustpilot
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "trustpilot"
PAGE1 = "/review/acme.example?sort=recency"
PAGE2 = "/review/acme.example?sort=recency&page=2"
JSONLD = "/review/other.example"
BROKEN = "/review/broken.example"


def test_next_data_page() -> None:
    page = trustpilot.parse((FIXTURES / "page1.html").read_bytes(), "https://www.trustpilot.com" + PAGE1)
    first, second = page.reviews
    assert first["external_id"] == "65f0c0ffee0000000000a001"
    assert first["url"] == "https://www.trustpilot.com/reviews/65f0c0ffee0000000000a001"
    assert (first["rating"], first["title"], first["author"]) == (1.0, "Never arrived", "Jordan P.")
    assert first["published_at"].isoformat() == "2024-03-08T14:22:10+00:00"
    assert (first["reply_text"], first["reply_author"]) == ("Sorry Jordan, we have refunded you.", "Acme Example")
    assert first["replied_at"].isoformat() == "2024-03-09T09:00:00+00:00"
    assert second["reply_text"] is None
    assert (second["language"], second["title"]) == ("fr", "Très bien 👍")
    assert page.next_url == "https://www.trustpilot.com" + PAGE2


def test_last_page_and_json_ld_fallback() -> None:
    last = trustpilot.parse((FIXTURES / "page2.html").read_bytes(), "https://www.trustpilot.com" + PAGE2)
    assert len(last.reviews) == 2 and last.next_url is None
    ld = trustpilot.parse((FIXTURES / "jsonld.html").read_bytes(), "https://www.trustpilot.com" + JSONLD)
    assert [(r["external_id"], r["author"], r["rating"]) for r in ld.reviews] == [("66aa00000000000000000b01", "Lee W.", 5.0)]


def test_default_urls() -> None:
    from crawlers.spiders.trustpilot import TrustpilotSpider

    assert TrustpilotSpider.default_urls(None, {"domain": "acme.example"}) == [
        "https://www.trustpilot.com/review/acme.example?sort=recency"
    ]


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
    return run_crawl("trustpilot", urls, brand="Acme", database_url=crawl_db, settings=local_settings)


@pytest.mark.slow
def test_crawl_stores_both_pages_and_the_json_ld_page(first_crawl, site, crawl_db, stored_reviews) -> None:
    assert first_crawl.ok, first_crawl.error_message
    assert first_crawl.errors == 1 and first_crawl.pages == 4  # the broken page counted, the rest read
    rows = {r.external_id: r for r in stored_reviews(crawl_db, "Acme")}
    assert len(rows) == 5 and first_crawl.items_new == 5
    assert len(site.hits_for(PAGE2)) == 2  # 429, then the page
    assert rows["65f0c0ffee0000000000a004"].author == "Jürgen Weiß"
    assert rows["65f0c0ffee0000000000a004"].language == "de"
    assert rows["65f0c0ffee0000000000a002"].text.endswith("★★★★★")
    assert all(r.source == "trustpilot" for r in rows.values())


@pytest.mark.slow
def test_second_crawl_stops_at_the_first_known_page(first_crawl, site, crawl_db, local_settings) -> None:
    before = len(site.hits_for(PAGE2))
    again = run_crawl("trustpilot", [site.url(PAGE1)], brand="Acme", database_url=crawl_db, settings=local_settings)
    assert again.ok and again.items_new == 0 and again.pages == 1
    assert len(site.hits_for(PAGE2)) == before
