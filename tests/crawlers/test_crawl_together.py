"""Crawls that share one SQLite store: two processes at once, and several crawls in one process.

The nightly flow runs crawls side by side. SQLite fails a transaction at once
("database is locked") when it read, then wants to write after another
process wrote: every writing transaction of a crawl takes the write lock
first (``session_scope(write=True)``: BEGIN IMMEDIATE), so neither crawl fails.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from crawlers.runner import CrawlJob, run_crawl, run_crawls

pytestmark = pytest.mark.slow


def _runs(db_url: str) -> list[Any]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import CrawlRun

    with session_scope(get_engine(db_url), write=False) as session:
        return list(session.exec(select(CrawlRun).order_by(CrawlRun.id)))


def test_writing_scopes_take_the_sqlite_write_lock_first(tmp_path) -> None:
    from sqlalchemy import text

    from models.db import get_engine, init_db, session_scope

    url = f"sqlite:///{tmp_path / 'lock.db'}"
    init_db(url)
    with session_scope(get_engine(url)) as session:
        session.execute(text("SELECT 1"))
        # BEGIN IMMEDIATE holds the RESERVED lock: another writer cannot begin now
        other = get_engine(url).raw_connection()
        try:
            other.execute("PRAGMA busy_timeout = 0")
            with pytest.raises(Exception, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_two_crawls_at_once_into_one_sqlite_store(demo_site, local_settings, tmp_path, stored_reviews) -> None:
    from models.db import init_db

    url = f"sqlite:///{tmp_path / 'shared.db'}"
    init_db(url)
    brands = demo_site.brands[:2]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(
            lambda b: run_crawl("schemaorg", [b.url], brand=b.name, database_url=url, settings=local_settings),
            brands,
        ))
    for brand, result in zip(brands, results):
        assert result.ok, result.error_message
        assert result.items_new == len(stored_reviews(url, brand.name)) > 0
    assert sorted(r.status for r in _runs(url)) == ["ok", "ok"]


def test_several_crawls_in_one_process_keep_their_own_runs_and_failures(
    demo_site, local_settings, tmp_path, stored_reviews
) -> None:
    from models.db import init_db

    url = f"sqlite:///{tmp_path / 'batch.db'}"
    init_db(url)
    brands = demo_site.brands[:2]
    jobs = [CrawlJob("schemaorg", [b.url], brand=b.name, database_url=url, settings=local_settings) for b in brands]
    jobs.insert(1, CrawlJob("no-such-spider", [brands[0].url], brand=brands[0].name, database_url=url))

    first = run_crawls(jobs)

    assert [r.ok for r in first] == [True, False, True]
    assert "no-such-spider" in (first[1].error_message or "")
    for brand, result in zip(brands, (first[0], first[2])):
        assert result.items_new == len(stored_reviews(url, brand.name)) > 0
        assert result.run_id is not None
    again = run_crawls([jobs[0], jobs[2]])  # nothing new: each stops at its known reviews
    assert [(r.ok, r.items_new) for r in again] == [(True, 0), (True, 0)]
    # the runner opened a run for each job, the one that could not start included
    runs = _runs(url)
    assert [r.status for r in runs] == ["ok", "failed", "ok", "ok", "ok"]
    assert "no-such-spider" in (runs[1].error_message or "")


def test_a_crawl_that_finished_keeps_its_outcome_when_a_slower_one_times_the_process_out(
    demo_site, serve_site, local_settings, tmp_path, stored_reviews
) -> None:
    import threading

    from models.db import init_db

    url = f"sqlite:///{tmp_path / 'timeout.db'}"
    init_db(url)
    release = threading.Event()

    def never_answers(hit: Any) -> tuple[int, str, bytes]:
        release.wait(120)
        return 200, "text/html", b"<html></html>"

    slow = serve_site(tmp_path, {"/reviews": never_answers})
    brand = demo_site.brands[0]
    jobs = [CrawlJob("schemaorg", [brand.url], brand=brand.name, database_url=url, settings=local_settings),
            CrawlJob("schemaorg", [slow.url("/reviews")], brand="Slow", database_url=url,
                     settings={**local_settings, "DOWNLOAD_TIMEOUT": 300})]
    try:
        done, stuck = run_crawls(jobs, timeout=30)
    finally:
        release.set()
    assert done.ok, done.error_message
    assert done.items_new == len(stored_reviews(url, brand.name)) > 0
    assert not stuck.ok and stuck.error_message == "crawl timed out after 30s"
    assert [r.status for r in _runs(url)] == ["ok", "failed"]
