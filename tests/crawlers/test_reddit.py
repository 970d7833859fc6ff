"""Reddit spider: the search listing parser, and real crawls of a local copy of the listing."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.parsers import reddit
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "reddit"
PAGE1 = "/search.json?q=acme&sort=new&limit=100"
PAGE2 = "/search.json?q=acme&sort=new&limit=100&after=t3_1b9xk02"
BLOCKED = "/r/de/search.json?q=acme&restrict_sr=1&sort=new"


def test_listing_page() -> None:
    page = reddit.parse((FIXTURES / "page1.json").read_bytes(), "https://www.reddit.com" + PAGE1)
    first, second = page.reviews
    assert first["external_id"] == "t3_1b9xk01" and first["rating"] is None
    assert first["url"] == "https://www.reddit.com/r/BuyItForLife/comments/1b9xk01/acme_kettle_two_years_in/"
    assert first["published_at"].isoformat() == "2024-03-08T12:13:20+00:00"
    assert first["extra"]["subreddit"] == "BuyItForLife"
    # a title-only post: the title is the text
    assert second["text"] == second["title"] == "Finger weg von Acme – Rückerstattung seit 6 Wochen offen 😡"
    assert (second["author"], second["language"]) == ("Müller_Ö", "de")
    assert page.next_url == "https://www.reddit.com" + PAGE2


def test_last_page_keeps_link_posts_target() -> None:
    page = reddit.parse((FIXTURES / "page2.json").read_bytes(), "https://www.reddit.com" + PAGE2)
    assert page.next_url is None
    assert [r["extra"].get("link") for r in page.reviews] == [None, "https://example.org/article-acme"]


def test_default_url_searches_the_brand() -> None:
    from crawlers.spiders.reddit import RedditSpider

    assert RedditSpider.default_urls("Acme Inc", {}) == ["https://www.reddit.com/search.json?q=Acme+Inc&sort=new&limit=100&raw_json=1"]
    assert RedditSpider.default_urls("Acme", {"query": '"acme kettle"'})[0].startswith(
        "https://www.reddit.com/search.json?q=%22acme+kettle%22"
    )


@pytest.fixture(scope="module")
def site(serve_site):
    return serve_site(
        FIXTURES,
        {PAGE1: "page1.json", PAGE2: "page2.json", BLOCKED: "blocked.html"},
        throttle_once={PAGE2},
    )


@pytest.fixture(scope="module")
def first_crawl(site, crawl_db, local_settings):
    urls = [site.url(p) for p in (PAGE1, BLOCKED)]
    return run_crawl("reddit", urls, brand="Acme", database_url=crawl_db, settings=local_settings)


@pytest.mark.slow
def test_crawl_stores_mentions_leaving_referral_intent_to_scoring(first_crawl, site, crawl_db, stored_reviews) -> None:
    assert first_crawl.ok, first_crawl.error_message
    assert first_crawl.errors == 1 and first_crawl.pages == 3  # the broken page counted, the rest read
    rows = {r.external_id: r for r in stored_reviews(crawl_db, "Acme")}
    assert sorted(rows) == ["t3_1b7aa10", "t3_1b7aa11", "t3_1b9xk01", "t3_1b9xk02"]
    assert len(site.hits_for(PAGE2)) == 2  # 429, then the page
    assert all(r.referral_intent is None for r in rows.values())  # the score task reads it from the text
    assert rows["t3_1b7aa11"].author == "zoé_75" and rows["t3_1b7aa11"].language == "fr"
    assert all(r.rating is None for r in rows.values())


@pytest.mark.slow
def test_second_crawl_stops_at_the_first_known_page(first_crawl, site, crawl_db, local_settings) -> None:
    before = len(site.hits_for(PAGE2))
    again = run_crawl("reddit", [site.url(PAGE1)], brand="Acme", database_url=crawl_db, settings=local_settings)
    assert again.ok and again.items_new == 0 and again.pages == 1
    assert len(site.hits_for(PAGE2)) == before
