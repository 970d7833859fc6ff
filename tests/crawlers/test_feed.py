"""Feed spider: RSS 2.0 and Atom parsing, and real crawls of local feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.parsers import feed
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "feed"
RSS = "/feed.xml"
RSS2 = "/feed.xml?paged=2"
ATOM = "/forum/acme.atom"
BROKEN = "/old-feed.xml"


def test_rss_entries_and_next_page() -> None:
    page = feed.parse((FIXTURES / "rss.xml").read_bytes(), "https://blog.example" + RSS)
    first, second = page.reviews
    assert first["source"] == "feed:blog.example" and first["external_id"] == "blog.example-post-812"
    assert first["title"] == "Acme Kettle review: fast & quiet" and first["author"] == "Maya R."
    assert first["text"].startswith("After a month with the Acme kettle") and "<" not in first["text"]
    assert first["published_at"].isoformat() == "2024-03-08T08:30:00+00:00"
    assert (first["rating"], first["language"]) == (None, "en")
    assert second["text"] == "Uneven toast, a rattling lever and a plastic smell. Save your money."
    assert page.next_url == "https://blog.example" + RSS2
    assert feed.parse((FIXTURES / "rss-2.xml").read_bytes(), "https://blog.example" + RSS2).next_url is None


def test_atom_entries() -> None:
    page = feed.parse((FIXTURES / "atom.xml").read_bytes(), "https://forum.example" + ATOM)
    thread, reply = page.reviews
    assert (thread["author"], thread["language"]) == ("Jürgen", "de")
    assert thread["published_at"].isoformat() == "2024-03-09T10:00:00+00:00"
    assert reply["author"] == "Ελένη" and reply["text"].endswith("👍")
    assert reply["published_at"].isoformat() == "2024-03-09T12:00:00+00:00"  # updated, no published


@pytest.fixture(scope="module")
def site(serve_site):
    routes = {RSS: "rss.xml", RSS2: "rss-2.xml", ATOM: "atom.xml", BROKEN: "broken.xml"}
    return serve_site(FIXTURES, routes, throttle_once={RSS2})


@pytest.fixture(scope="module")
def first_crawl(site, crawl_db, local_settings):
    urls = [site.url(p) for p in (RSS, ATOM, BROKEN)]
    return run_crawl("feed", urls, brand="Acme", database_url=crawl_db, settings=local_settings)


@pytest.mark.slow
def test_crawl_stores_every_entry(first_crawl, site, crawl_db, stored_reviews) -> None:
    assert first_crawl.ok, first_crawl.error_message
    assert first_crawl.errors == 1 and first_crawl.pages == 4  # the broken page counted, the rest read
    rows = {r.external_id: r for r in stored_reviews(crawl_db, "Acme")}
    assert len(rows) == 5 and first_crawl.items_new == 5
    assert {r.source for r in rows.values()} == {"feed:127.0.0.1"}
    assert len(site.hits_for(RSS2)) == 2  # 429, then the page
    assert rows["tag:forum.example,2024:post-5502"].author == "Ελένη"


@pytest.mark.slow
def test_second_crawl_stops_at_the_first_known_page(first_crawl, site, crawl_db, local_settings) -> None:
    before = len(site.hits_for(RSS2))
    again = run_crawl("feed", [site.url(RSS)], brand="Acme", database_url=crawl_db, settings=local_settings)
    assert again.ok and again.items_new == 0 and again.pages == 1
    assert len(site.hits_for(RSS2)) == before
