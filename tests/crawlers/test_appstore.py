"""App Store spider: feed parser on fixtures, and real crawls of a local copy of the feed."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest

from crawlers.parsers import appstore
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "appstore"
FEED = "/{country}/rss/customerreviews/page={page}/id=1234567890/sortby=mostrecent/json"
PAGE1 = FEED.format(country="us", page=1)
PAGE2 = FEED.format(country="us", page=2)
BROKEN = FEED.format(country="gb", page=1)


def test_parse_page_skips_the_app_entry_and_links_the_next_page() -> None:
    page = appstore.parse((FIXTURES / "page1.json").read_bytes(), "https://itunes.apple.com" + PAGE1)
    assert [r["external_id"] for r in page.reviews] == ["10987654321", "10987654320"]
    first = page.reviews[0]
    assert first["rating"] == 1.0 and first["rating_scale"] == 5.0
    assert first["author"] == "Zoë Müller"
    assert first["published_at"].isoformat() == "2024-03-05T16:15:00+00:00"
    assert first["extra"] == {"app_id": "1234567890", "country": "us", "version": "4.2.0", "vote_sum": 3, "vote_count": 4}
    assert "referral_intent" not in first  # read from the text at score time
    assert page.reviews[1]["title"] == "最高のアプリ 🎉"
    assert page.next_url == "https://itunes.apple.com" + PAGE2


def test_last_page_has_no_next() -> None:
    page = appstore.parse((FIXTURES / "page2.json").read_bytes(), "https://itunes.apple.com" + PAGE2)
    assert len(page.reviews) == 2 and page.next_url is None
    assert page.reviews[1]["language"] == "ru"


def test_single_entry_object_and_default_urls() -> None:
    page = appstore.parse((FIXTURES / "single.json").read_bytes(), "https://itunes.apple.com" + BROKEN)
    assert [r["external_id"] for r in page.reviews] == ["20000000001"]
    assert page.next_url is None  # the "last" link says page 1
    from crawlers.spiders.appstore import AppStoreSpider

    assert AppStoreSpider.default_urls(None, {"app_id": "42", "countries": "us, gb"}) == [
        "https://itunes.apple.com/us/rss/customerreviews/page=1/id=42/sortby=mostrecent/json",
        "https://itunes.apple.com/gb/rss/customerreviews/page=1/id=42/sortby=mostrecent/json",
    ]


@pytest.fixture(scope="module")
def site(serve_site):
    return serve_site(
        FIXTURES,
        {PAGE1: "page1.json", PAGE2: "page2.json", BROKEN: "malformed.json"},
        throttle_once={PAGE2},
    )


@pytest.fixture(scope="module")
def first_crawl(site, crawl_db, local_settings):
    urls = [site.url(PAGE1), site.url(BROKEN)]
    return run_crawl("appstore", urls, brand="Acme", database_url=crawl_db, settings=local_settings)


@pytest.mark.slow
def test_crawl_stores_every_page_through_a_429(first_crawl, site, crawl_db, stored_reviews) -> None:
    assert first_crawl.ok, first_crawl.error_message
    rows = stored_reviews(crawl_db, "Acme")
    assert sorted(r.external_id for r in rows) == ["10987654299", "10987654300", "10987654320", "10987654321"]
    assert first_crawl.items_new == 4
    assert len(site.hits_for(PAGE2)) == 2  # 429, then the page
    by_id = {r.external_id: r for r in rows}
    assert by_id["10987654320"].text == "とても使いやすいです。友達にもおすすめです！"
    assert by_id["10987654320"].referral_intent is None  # set when scored
    assert by_id["10987654299"].language == "ru" and by_id["10987654299"].title == "Медленно"
    assert by_id["10987654321"].author == "Zoë Müller" and by_id["10987654321"].source_id is None
    assert all("umot/" in h.user_agent and "+http" in h.user_agent for h in site.hits)


@pytest.mark.slow
def test_crawl_counts_the_malformed_feed_in_its_run(first_crawl, crawl_db) -> None:
    assert first_crawl.errors == 1  # the broken gb feed, logged and counted, crawl went on
    assert first_crawl.pages == 3
    from models.db import get_engine, session_scope
    from models.tables import CrawlRun

    with session_scope(get_engine(crawl_db)) as session:
        run = session.get(CrawlRun, first_crawl.run_id)
        assert (run.status, run.spider, run.errors, run.pages, run.items_new) == ("ok", "appstore", 1, 3, 4)


@pytest.mark.slow
def test_second_crawl_stops_at_the_first_known_page(first_crawl, site, crawl_db, local_settings) -> None:
    before = len(site.hits_for(PAGE2))
    again = run_crawl("appstore", [site.url(PAGE1)], brand="Acme", database_url=crawl_db, settings=local_settings)
    assert again.ok and again.items_new == 0 and again.pages == 1
    assert len(site.hits_for(PAGE2)) == before


@pytest.mark.slow
def test_since_drops_older_reviews_and_stops(site, tmp_path, local_settings) -> None:
    import json
    from datetime import datetime

    out = tmp_path / "reviews.jsonl"
    result = run_crawl(
        "appstore", [site.url(PAGE1)], brand="Acme", output=out, settings=local_settings,
        since=datetime(2024, 2, 1, tzinfo=UTC),
    )
    assert result.ok
    ids = [json.loads(line)["external_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["10987654321", "10987654320"]


