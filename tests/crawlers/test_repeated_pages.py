"""A site that answers ``?page=N`` past its last page with the same page (and a next link to N+1).

Many real sites do; a crawl that only stopped at reviews stored before it opened
followed them forever. Each crawl here has ``CLOSESPIDER_PAGECOUNT`` as a safety
net (and a timeout), so the old behaviour fails on the page count instead of hanging.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from crawlers import stats as keys
from crawlers.runner import run_crawl
from tests.crawlers.conftest import Answer, Hit

pytestmark = pytest.mark.slow

SAFETY_NET = {"CLOSESPIDER_PAGECOUNT": 50}


def _page_number(hit: Hit) -> int:
    return int(parse_qs(urlsplit(hit.path).query).get("page", ["1"])[0])


def _html(reviews: list[dict], next_page: int | None) -> Answer:
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "review": reviews}
    link = f'<a rel="next" href="?page={next_page}">next</a>' if next_page else ""
    body = (f"<!doctype html><html lang='en'><head><title>t</title></head><body>"
            f'<script type="application/ld+json">{json.dumps(data)}</script>{link}</body></html>')
    return 200, "text/html; charset=utf-8", body.encode()


def _review(n: int, with_id: bool = True) -> dict:
    review = {"@type": "Review", "author": {"@type": "Person", "name": f"A{n}"},
              "reviewBody": f"review number {n}, the kettle is fine", "datePublished": "2024-03-05",
              "reviewRating": {"@type": "Rating", "ratingValue": "4"}}
    return {**review, "@id": f"r{n}"} if with_id else review


def same_forever(hit: Hit) -> Answer:
    """Every ?page=N: the one review (same @id), next: N+1."""
    return _html([_review(1)], _page_number(hit) + 1)


def same_forever_without_ids(hit: Hit) -> Answer:
    """Two id-less reviews (identified by author + text) on every page, forever."""
    return _html([_review(1, with_id=False), _review(2, with_id=False)], _page_number(hit) + 1)


def three_pages(hit: Hit) -> Answer:
    """A normal site: pages 1-3 of two reviews each, then no next link."""
    n = _page_number(hit)
    return _html([_review(2 * n - 1), _review(2 * n)], n + 1 if n < 3 else None)


def rss_forever(hit: Hit) -> Answer:
    """A paged feed whose every page lists the same entry, with a next link to the page after."""
    n = int(parse_qs(urlsplit(hit.path).query).get("paged", ["1"])[0])
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Blog</title>
<link>https://blog.example/</link><description>d</description>
<atom:link href="/feed.xml?paged={n + 1}" rel="next" type="application/rss+xml"/>
<item><title>Acme kettle</title><link>https://blog.example/p1</link><guid isPermaLink="false">post-1</guid>
<pubDate>Mon, 12 Feb 2024 08:00:00 GMT</pubDate><description>The Acme kettle is loud but fast.</description></item>
</channel></rss>"""
    return 200, "application/rss+xml; charset=utf-8", body.encode()


@pytest.fixture(scope="module")
def site(serve_site, tmp_path_factory):
    routes = {"/infsame/": same_forever, "/noids/": same_forever_without_ids, "/normal/": three_pages,
              "/full/": three_pages, "/feed.xml": rss_forever}
    return serve_site(tmp_path_factory.mktemp("site"), routes)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _stats(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")


def test_same_page_forever_to_jsonl_ends_with_each_review_once(site, local_settings, tmp_path: Path) -> None:
    out, log = tmp_path / "t.jsonl", tmp_path / "crawl.log"
    result = run_crawl("schemaorg", [site.url("/infsame/")], brand=None, output=out,
                       settings={**local_settings, **SAFETY_NET}, timeout=120, log_file=log)
    assert result.ok, result.error_message
    assert result.pages == 2 and len(site.hits_for("/infsame/")) == 2  # page 1, then page 2 repeats it: stop
    assert [r["author"] for r in _rows(out)] == ["A1"]
    assert result.items_scraped == result.items_new == 1
    assert "were read before by this crawl" in _stats(log) and keys.STOPPED_REPEATED in _stats(log)


def test_same_page_forever_without_ids(site, local_settings, tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    result = run_crawl("schemaorg", [site.url("/noids/")], brand=None, output=out,
                       settings={**local_settings, **SAFETY_NET}, timeout=120)
    assert result.ok, result.error_message
    assert result.pages == 2
    assert sorted(r["author"] for r in _rows(out)) == ["A1", "A2"]


def test_same_page_forever_into_the_store_and_under_crawl_full(
    site, local_settings, crawl_db, stored_reviews
) -> None:
    settings = {**local_settings, **SAFETY_NET}
    first = run_crawl("schemaorg", [site.url("/infsame/")], brand="Acme", database_url=crawl_db,
                      settings=settings, timeout=120)
    assert first.ok, first.error_message
    assert first.pages == 2 and first.items_new == 1
    full = run_crawl("schemaorg", [site.url("/infsame/")], brand="Acme", database_url=crawl_db,
                     settings={**settings, "CRAWL_FULL": True}, timeout=120)
    assert full.ok, full.error_message
    assert full.pages == 2 and full.items_new == 0
    assert [r.author for r in stored_reviews(crawl_db, "Acme")] == ["A1"]


def test_crawl_full_still_reads_every_page_of_a_normal_site(site, local_settings, crawl_db) -> None:
    settings = {**local_settings, **SAFETY_NET}
    first = run_crawl("schemaorg", [site.url("/full/")], brand="Normal", database_url=crawl_db,
                      settings=settings, timeout=120)
    assert first.ok and first.pages == 3 and first.items_new == 6
    again = run_crawl("schemaorg", [site.url("/full/")], brand="Normal", database_url=crawl_db,
                      settings=settings, timeout=120)
    assert again.ok and again.pages == 1  # known reviews stop an incremental crawl at page 1
    full = run_crawl("schemaorg", [site.url("/full/")], brand="Normal", database_url=crawl_db,
                     settings={**settings, "CRAWL_FULL": True}, timeout=120)
    assert full.ok and full.pages == 3 and full.items_scraped == 6


def test_listing_spider_stops_at_a_repeated_feed_page(site, local_settings, tmp_path: Path) -> None:
    out = tmp_path / "feed.jsonl"
    result = run_crawl("feed", [site.url("/feed.xml")], brand=None, output=out,
                       settings={**local_settings, **SAFETY_NET}, timeout=120)
    assert result.ok, result.error_message
    assert result.pages == 2 and len(site.hits_for("/feed.xml")) == 2
    assert [r["external_id"] for r in _rows(out)] == ["post-1"]
