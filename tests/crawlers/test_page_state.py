"""A page is skipped as unchanged only if the store it writes to holds that page's reviews (#15).

Each test shares one data dir (one ``HTTPCACHE_DIR``) between stores, as a team
does that moves to PostgreSQL, restores a backup or reruns a killed crawl and
keeps ``./data``: every review must end up stored.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl
from tests.crawlers.etag_site import EtagSite, shop_pages

PRODUCTS, REVIEWS_EACH = 8, 3
ALL = PRODUCTS * REVIEWS_EACH

pytestmark = pytest.mark.slow


@pytest.fixture
def shop() -> Iterator[EtagSite]:
    site = EtagSite(shop_pages(PRODUCTS, REVIEWS_EACH))
    yield site
    site.close()


@pytest.fixture
def settings(local_settings: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """One data dir for every store of the test."""
    return {**local_settings, "HTTPCACHE_DIR": str(tmp_path / "shared-data" / "httpcache")}


def _store(tmp_path: Path, name: str) -> str:
    from models.db import init_db

    url = f"sqlite:///{tmp_path / f'{name}.db'}"
    init_db(url)
    return url


def _crawl(url: str, db_url: str, settings: dict[str, Any]) -> Any:
    result = run_crawl("schemaorg", [url], brand="Acme", database_url=db_url, settings=settings)
    assert result.ok, result.error_message
    return result


def _count(db_url: str) -> int:
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        try:
            return conn.execute("SELECT count(*) FROM review").fetchone()[0]
        except sqlite3.OperationalError:  # not migrated yet
            return 0


def test_a_crawl_killed_half_way_then_run_again_stores_every_review(
    shop: EtagSite, settings: dict[str, Any], tmp_path: Path
) -> None:
    first = _store(tmp_path, "first")
    assert _crawl(shop.url, first, settings).items_new == ALL
    second = _store(tmp_path, "second")  # a second store sharing the data dir
    shop.delay = 0.5  # one page at a time: half a second between committed pages
    slow = {**settings, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "CRAWL_STORE_BATCH": 3}
    code = ("import json, sys; from crawlers.runner import run_crawl; "
            "run_crawl('schemaorg', [sys.argv[1]], brand='Acme', database_url=sys.argv[2], "
            "settings=json.loads(sys.argv[3]))")
    proc = subprocess.Popen([sys.executable, "-c", code, shop.url, second, json.dumps(slow)],
                            start_new_session=True, env=os.environ.copy(), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    try:
        while not 0 < _count(second) < ALL:
            assert proc.poll() is None, f"the crawl ended before it could be killed: {proc.stderr.read()[-3000:]}"
            assert time.monotonic() < deadline, "the crawl stored nothing in 120 s"
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)
    assert 0 < _count(second) < ALL
    shop.delay = 0
    _crawl(shop.url, second, settings)
    assert _count(second) == ALL


def test_a_new_store_with_an_old_data_dir_stores_every_review(
    shop: EtagSite, settings: dict[str, Any], tmp_path: Path
) -> None:
    old = _store(tmp_path, "old")
    assert _crawl(shop.url, old, settings).items_new == ALL
    new = _store(tmp_path, "new")
    assert _crawl(shop.url + "p0/", new, settings).items_new == REVIEWS_EACH  # it knows the source now
    _crawl(shop.url, new, settings)
    assert _count(new) == ALL


def test_a_store_restored_from_a_backup_taken_before_the_last_crawl_stores_every_review(
    shop: EtagSite, settings: dict[str, Any], tmp_path: Path
) -> None:
    store = _store(tmp_path, "store")
    path = store.removeprefix("sqlite:///")
    assert _crawl(shop.url, store, settings).items_new == ALL
    backup = tmp_path / "backup.db"
    with sqlite3.connect(path) as live, sqlite3.connect(backup) as copy:
        live.backup(copy)
    shop.pages.update(shop_pages(PRODUCTS, REVIEWS_EACH, version=2))  # a new review on every product
    assert _crawl(shop.url, store, settings).items_new == PRODUCTS
    with sqlite3.connect(backup) as copy, sqlite3.connect(path) as live:
        copy.backup(live)  # restored: the last crawl's reviews are gone
    assert _count(store) == ALL
    _crawl(shop.url, store, settings)
    assert _count(store) == ALL + PRODUCTS
