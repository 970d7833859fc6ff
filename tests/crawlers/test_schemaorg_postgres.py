"""The same crawl into PostgreSQL: batches, CrawlRun and the incremental stop work there too."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from crawlers.runner import run_crawl

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

PG = {"host": "127.0.0.1", "port": 5432, "dbname": "test"}


def _admin(user: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(user=user, autocommit=True, connect_timeout=3, **PG) as conn:
        conn.execute(sql)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this module (skips when no server answers)."""
    import psycopg

    from models.db import dispose_engines

    errors, user = [], None
    for candidate in ("postgres", "root"):
        try:
            _admin(candidate, "SELECT 1")
            user = candidate
            break
        except psycopg.Error as exc:
            errors.append(f"{candidate}: {str(exc).strip().splitlines()[0]}")
    if user is None:
        pytest.skip(f"no PostgreSQL server answers on 127.0.0.1:5432 ({'; '.join(errors)})")
    name = f"umot_crawl_{uuid.uuid4().hex[:12]}"
    _admin(user, f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://{user}@127.0.0.1:5432/{name}"
    finally:
        dispose_engines()
        _admin(user, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_crawl_into_postgresql_twice(demo_site, local_settings, pg_url, stored_reviews) -> None:
    brand = demo_site.brand("lumen-audio")
    settings = {**local_settings, "UMOT_STORE_BATCH": 5}
    first = run_crawl("schemaorg", [brand.url], brand=brand.name, database_url=pg_url, settings=settings)
    assert first.ok and first.items_new == brand.n_reviews, first
    assert first.errors == 1  # the 500 page
    second = run_crawl("schemaorg", [brand.url], brand=brand.name, database_url=pg_url, settings=settings)
    assert second.ok and second.items_new == 0 and second.pages < first.pages
    rows = stored_reviews(pg_url, brand.name)
    assert len(rows) == brand.n_reviews
    assert any(r.rating is None and r.rating_raw == 0 for r in rows)
