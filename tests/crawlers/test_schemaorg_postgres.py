"""The same crawl into PostgreSQL: batches, CrawlRun and the incremental stop work there too."""

from __future__ import annotations

import pytest

from crawlers.runner import run_crawl

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_crawl_into_postgresql_twice(demo_site, local_settings, pg_database, stored_reviews) -> None:
    brand = demo_site.brand("lumen-audio")
    settings = {**local_settings, "CRAWL_STORE_BATCH": 5}
    first = run_crawl("schemaorg", [brand.url], brand=brand.name, database_url=pg_database, settings=settings)
    assert first.ok and first.items_new == brand.n_reviews, first
    assert first.errors == 1  # the 500 page
    second = run_crawl("schemaorg", [brand.url], brand=brand.name, database_url=pg_database, settings=settings)
    assert second.ok and second.items_new == 0 and second.pages < first.pages
    rows = stored_reviews(pg_database, brand.name)
    assert len(rows) == brand.n_reviews
    assert any(r.rating is None and r.rating_raw == 0 for r in rows)
