"""End to end: the schemaorg spider crawls the demo site through the real Scrapy engine.

Each crawl is a ``run_crawl`` subprocess (a few seconds each), so the module
keeps the number of crawls small and checks several things per crawl.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawlers.runner import run_crawl

pytestmark = pytest.mark.slow

FIELDS = {"source", "url", "external_id", "author", "rating", "rating_raw", "rating_scale",
          "title", "text", "published_at", "language", "extra"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def expected_reviews(site, brand_slug: str | None = None) -> dict:
    products = [*list(site.content.products), site.content.clearance]
    return {
        r.external_id: r
        for p in products
        if brand_slug is None or p.brand.slug == brand_slug
        for r in p.reviews
    }


def test_whole_site_to_jsonl(demo_site, local_settings, tmp_path: Path) -> None:
    out = tmp_path / "reviews.jsonl"
    result = run_crawl("schemaorg", [demo_site.base_url + "/"], brand=None, output=out, settings=local_settings)
    assert result.ok, result.error_message
    rows = read_jsonl(out)
    expected = expected_reviews(demo_site)
    # every paginated page followed, across JSON-LD, @graph, microdata and RDFa brands
    assert len(rows) == result.items_scraped == result.items_new == demo_site.n_reviews == len(expected)
    assert {r["external_id"] for r in rows} == set(expected)
    for row in rows:
        assert set(row) >= FIELDS
        want = expected[row["external_id"]]
        assert row["rating"] == want.rating, row
        assert row["author"] == want.author and row["text"] == want.text
        assert datetime.fromisoformat(row["published_at"]).tzinfo is not None
        assert row["source"] == "schemaorg:127.0.0.1"
    assert {r["extra"]["syntax"] for r in rows} == {"json-ld", "microdata", "rdfa"}
    assert {r["rating_scale"] for r in rows if r["rating_scale"]} == {5.0, 10.0}
    assert any(r["rating"] is None for r in rows)  # published as 0
    assert {"de", "fr", "en"} <= {r["language"] for r in rows}
    # the malformed page's unreadable block and the 500 page are counted, not fatal
    assert result.errors == 2
    # robots.txt obeyed: the forbidden pages were never asked for
    assert not [p for p in demo_site.requested_paths if p.startswith("/private/") or "/internal/" in p]
    assert "/robots.txt" in demo_site.requested_paths


def test_store_incremental_and_unreachable(demo_site, local_settings, crawl_db, stored_reviews) -> None:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import CrawlRun

    brand = demo_site.brand("acme-kitchen")
    settings = {**local_settings, "CRAWL_STORE_BATCH": 7}
    before = len(demo_site.requested_paths)
    first = run_crawl("schemaorg", [brand.url], brand=brand.name, database_url=crawl_db, settings=settings)
    assert first.ok, first.error_message
    assert first.items_new == first.items_scraped == brand.n_reviews == 40
    assert first.errors == 1 and first.run_id is not None
    first_paths = demo_site.requested_paths[before:]
    assert any("/page/2/" in p for p in first_paths)
    assert "/brands/acme-kitchen/internal/staff-picks/" not in first_paths  # robots.txt

    stored = stored_reviews(crawl_db, brand.name)
    assert len(stored) == 40 and all(r.crawl_run_id == first.run_id for r in stored)

    before = len(demo_site.requested_paths)
    second = run_crawl("schemaorg", [brand.url], brand=brand.name, database_url=crawl_db, settings=settings)
    assert second.ok and second.items_new == 0
    # the site answers 304 for every page it served before (ETag): none is read again
    assert second.unchanged > 0 and second.items_scraped == 0
    assert not any("/page/" in p for p in demo_site.requested_paths[before:])
    assert second.pages < first.pages

    before = len(demo_site.requested_paths)
    uncached = run_crawl("schemaorg", [brand.url], brand=brand.name, database_url=crawl_db,
                         settings={**settings, "HTTPCACHE_ENABLED": False})
    assert uncached.ok and uncached.items_new == 0 and uncached.unchanged == 0
    # without conditional requests the first pages are read: their reviews are found
    # (counted) but, being stored, not emitted again, and no page 2 is fetched
    assert uncached.items_scraped > 0
    assert not any("/page/" in p for p in demo_site.requested_paths[before:])
    assert uncached.pages == second.pages
    assert len(stored_reviews(crawl_db, brand.name)) == 40

    before = len(demo_site.requested_paths)
    full = run_crawl("schemaorg", [brand.url], brand=brand.name, database_url=crawl_db,
                     settings={**settings, "CRAWL_FULL": True})
    assert full.ok and full.items_new == 0 and full.pages == first.pages
    assert any("/page/2/" in p for p in demo_site.requested_paths[before:])

    dead = run_crawl("schemaorg", ["http://127.0.0.1:9/brands/acme-kitchen/"], brand=brand.name,
                     database_url=crawl_db, settings=local_settings)
    assert not dead.ok
    assert "could not fetch http://127.0.0.1:9/brands/acme-kitchen/" in dead.error_message
    assert len(stored_reviews(crawl_db, brand.name)) == 40  # nothing lost

    with session_scope(get_engine(crawl_db)) as session:
        runs = {r.id: r for r in session.exec(select(CrawlRun))}
        assert runs[first.run_id].status == "ok" and runs[first.run_id].items_new == 40
        assert runs[first.run_id].pages == first.pages and runs[first.run_id].errors == 1
        assert runs[second.run_id].items_new == 0
        assert runs[dead.run_id].status == "failed"
        assert "could not fetch" in runs[dead.run_id].error_message
        assert runs[dead.run_id].finished_at is not None


def test_since_skips_older_reviews_and_stops_paginating(demo_site, local_settings, tmp_path: Path) -> None:
    brand = demo_site.brand("bellhaven-hotels")
    expected = expected_reviews(demo_site, "bellhaven-hotels")
    products = demo_site.content.brand_products("bellhaven-hotels")
    # the day of the newest review of all: other products' first pages are all older
    newest = max(p.reviews[0].published.date() for p in products)
    since = datetime(newest.year, newest.month, newest.day, tzinfo=UTC)
    newer = {k for k, r in expected.items() if r.published >= since}
    assert 0 < len(newer) < len(expected)
    before = len(demo_site.requested_paths)
    out = tmp_path / "since.jsonl"
    result = run_crawl("schemaorg", [brand.url], brand=None, output=out, since=since, settings=local_settings)
    assert result.ok
    rows = read_jsonl(out)
    # published_at on the page may be date-only, so compare by the page's own day
    assert {r["external_id"] for r in rows} == {
        k for k, r in expected.items() if r.published.date() >= since.date()
    }
    # a next page is fetched only when the page before it still held a review since that day
    fetched = {p for p in demo_site.requested_paths[before:] if "/page/" in p}
    wanted = {
        p.page_path(2)
        for p in products
        if p.n_pages > 1 and any(r.published.date() >= since.date() for r in p.reviews[:10])
    }
    assert fetched == wanted and len(wanted) < len(products)


def test_crawl_stopped_early_keeps_stored_batches(demo_site, local_settings, tmp_path: Path, stored_reviews) -> None:
    from models.db import init_db

    db = f"sqlite:///{tmp_path / 'early.db'}"
    init_db(db)
    brand = demo_site.brand("northwind-outdoor")
    result = run_crawl(
        "schemaorg", [brand.url], brand=brand.name, database_url=db,
        settings={**local_settings, "CRAWL_STORE_BATCH": 3, "CLOSESPIDER_PAGECOUNT": 3,
                  "CONCURRENT_REQUESTS_PER_DOMAIN": 1},
    )
    # the page cap stops a crawl as ok but unfinished (test_page_cap.py), leaving the next one incremental;
    # it keeps what it stored
    assert result.ok and result.page_cap == 3 and result.pages_unread == 0
    assert 0 < result.items_new == len(stored_reviews(db, brand.name)) < brand.n_reviews


def test_unknown_spider_fails_cleanly(tmp_path: Path) -> None:
    result = run_crawl("no-such-spider", ["http://127.0.0.1:9/"], brand=None, output=tmp_path / "x.jsonl")
    assert not result.ok
    assert result.error_message == "could not start the crawl: KeyError: 'Spider not found: no-such-spider'"
