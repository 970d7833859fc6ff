"""The nightly run never loses or doubles a review: killed runs, dead sites, broken pages.

Real Scrapy crawls of the generated demo site into a real SQLite store; only
the model is the keyword double (the real one is exercised end to end in
tests/test_end_to_end.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from umot.demo.server import LocalSiteServer

pytestmark = pytest.mark.slow

RUNNER = Path(__file__).with_name("umot_keyword_scorer.py")
BRANDS = ("Northwind Outdoor", "Bellhaven Hotels")


def store_counts(url: str) -> dict[str, int]:
    from models.db import get_engine
    from models.tables import Flag, Review, Score

    with get_engine(url).connect() as conn:
        one = lambda q: conn.execute(q).scalar_one()  # noqa: E731
        return {
            "reviews": one(select(func.count()).select_from(Review)),
            "distinct": one(select(func.count(func.distinct(Review.external_id))).select_from(Review)),
            "scores": one(select(func.count()).select_from(Score)),
            "detractor_scores": one(select(func.count()).select_from(Score).where(Score.detractor == True)),  # noqa: E712
            "flags": one(select(func.count()).select_from(Flag)),
        }


def stored_ids(url: str) -> set[str]:
    from models.db import get_engine
    from models.tables import Review

    with get_engine(url).connect() as conn:
        return set(conn.execute(select(Review.external_id)).scalars())


@pytest.fixture
def slow_site() -> Iterator[Callable[..., tuple[str, dict[str, set[str]]]]]:
    """The demo site's pages served with a delay per product page; returns (base URL, ids per brand)."""
    from umot.demo.brands import BRANDS as SPECS
    from umot.demo.pages import build_pages
    from umot.demo.site import build_content

    servers = []

    def start(n_reviews: int, delay: float) -> tuple[str, dict[str, set[str]]]:
        content = build_content(n_reviews=n_reviews, seed=3)
        pages = build_pages(content)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                path = urlsplit(self.path).path
                status, body = (200, "User-agent: *\nAllow: /\n") if path == "/robots.txt" else pages.get(path, (404, ""))
                if path.count("/") > 3:  # a product page
                    time.sleep(delay)
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        server = LocalSiteServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        ids = {spec.name: {r.external_id for p in content.brand_products(spec.slug) for r in p.reviews}
               for spec in SPECS}
        return f"http://127.0.0.1:{server.server_address[1]}", ids

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _umot(env: dict[str, str], *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(RUNNER), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,  # its own process group: the kill takes Scrapy and Prefect too
    )


def _kill_when(proc: subprocess.Popen, ready: Callable[[], bool], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"umot run ended before it could be killed:\n{proc.stdout.read()}")
        try:
            if ready():
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(30)
                return
        except Exception as exc:  # noqa: BLE001 - the store may not exist yet
            if "no such table" not in str(exc):
                raise
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    pytest.fail("umot run never reached the point to kill it")


def test_sigkill_while_crawling_then_while_scoring_loses_and_doubles_nothing(
    tmp_path: Path, slow_site, prefect_harness
) -> None:
    import prefect.settings

    base, ids = slow_site(n_reviews=400, delay=0.5)
    expected = set().union(*(ids[b] for b in BRANDS))
    url = f"sqlite:///{tmp_path / 'umot.db'}"
    env = {**os.environ, "UMOT_DATABASE_URL": url, "UMOT_DATA_DIR": str(tmp_path / "data"),
           "UMOT_CONFIG": str(tmp_path / "umot.toml"), "UMOT_TEST_SCORE_DELAY": "0.3",
           # the session's test API: no temporary server to start (or orphan) per killed process
           "PREFECT_API_URL": prefect.settings.PREFECT_API_URL.value()}
    from models import crud
    from models.db import get_engine, init_db, session_scope
    from umot.demo.brands import BRANDS as SPECS

    init_db(url)
    with session_scope(get_engine(url)) as session:
        for spec in SPECS:
            if spec.name in BRANDS:
                crud.add_source(session, brand=spec.name, name="site", urls=[f"{base}/brands/{spec.slug}/"])
    run = ["run", "--set", "CRAWL_STORE_BATCH=10", "--set", "AUTOTHROTTLE_ENABLED=False",
           "--set", "DOWNLOAD_DELAY=0", "--set", "ROBOTSTXT_OBEY=False", "--batch-size", "20", "--retries", "0"]

    crawling = _umot(env, *run)
    _kill_when(crawling, lambda: 0 < store_counts(url)["reviews"] < len(expected) // 2)
    after_crawl_kill = store_counts(url)
    assert after_crawl_kill["scores"] == 0

    scoring = _umot(env, *run)
    _kill_when(scoring, lambda: 0 < store_counts(url)["scores"] < len(expected) // 2)
    after_score_kill = store_counts(url)
    assert after_score_kill["flags"] == after_score_kill["detractor_scores"]  # each batch is one transaction

    finishing = _umot(env, *run)
    out, _ = finishing.communicate(timeout=600)
    assert finishing.returncode == 0, out
    final = store_counts(url)
    assert stored_ids(url) == expected, "a review went missing"
    assert final["reviews"] == final["distinct"] == len(expected) == final["scores"]
    assert final["flags"] == final["detractor_scores"] > 0


def test_a_dead_site_or_broken_pages_never_lose_stored_reviews(
    store, prefect_harness, fake_scorer
) -> None:
    from crawlers.runner import LOCAL_SITE_SETTINGS
    from flows.nightly import nightly
    from models import crud
    from models.db import get_engine, session_scope
    from umot.demo import start_demo_site

    site = start_demo_site(reviews_per_product=4)
    acme, lumen = site.brand("Acme Kitchen"), site.brand("Lumen Audio")  # malformed page; a 500 page
    with session_scope(get_engine()) as session:
        for brand in (acme, lumen):
            crud.add_source(session, brand=brand.name, name="site", urls=[brand.url])
    params = dict(crawl_settings=dict(LOCAL_SITE_SETTINGS), crawl_retries=0, batch_size=50)
    try:
        first = nightly(**params)
    finally:
        site.stop()
    assert not first.failed_sources
    assert all(s.errors > 0 for s in first.sources), "the broken pages were counted"
    assert first.new_reviews == acme.n_reviews + lumen.n_reviews
    before = store_counts(store)

    second = nightly(**params, return_state=True)  # the site is gone

    assert second.is_completed()
    result = second.result()
    assert sorted(s.source.label for s in result.failed_sources) == ["Acme Kitchen/site", "Lumen Audio/site"]
    assert store_counts(store) == before


def test_a_crawl_killed_after_its_first_pages_is_crawled_in_full_next_time(
    store, prefect_harness, fake_scorer
) -> None:
    """A killed crawl stored page 1 of each product: an incremental crawl would stop right there."""
    from crawlers.runner import LOCAL_SITE_SETTINGS
    from flows.nightly import nightly
    from models import crud
    from models.db import get_engine, session_scope
    from umot.demo import start_demo_site

    site = start_demo_site(reviews_per_product=25)  # 3 pages per product
    brand = site.brand("Northwind Outdoor")
    products = site.content.brand_products(brand.slug)
    with session_scope(get_engine()) as session:
        source_id = crud.add_source(session, brand=brand.name, name="site", urls=[brand.url]).id
        owner = crud.get_or_create_brand(session, brand.name)
        killed = crud.start_crawl_run(session, brand_id=owner.id, source_id=source_id, spider="schemaorg")
        first_pages = [{"source": "schemaorg:127.0.0.1", "external_id": r.external_id, "text": r.text,
                        "author": r.author} for p in products for r in p.reviews[:10]]
        crud.upsert_reviews(session, first_pages, brand_id=owner.id, source_id=source_id, crawl_run_id=killed.id)
    try:
        result = nightly(crawl_settings=dict(LOCAL_SITE_SETTINGS), crawl_retries=0, batch_size=100)
    finally:
        site.stop()

    assert not result.failed_sources
    assert stored_ids(store) == {r.external_id for p in products for r in p.reviews}
