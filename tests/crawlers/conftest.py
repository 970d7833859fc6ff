"""A fixture web site on 127.0.0.1 for crawl tests: files, robots.txt, 429s, a request log.

Spiders crawl it through the real Scrapy engine (``crawlers.runner.run_crawl``),
so tests exercise pagination, robots.txt, retries and parse errors end to end
without the network.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from umot.demo.server import LocalSiteServer

FIXTURES = Path(__file__).parent / "fixtures"

DEFAULT_ROBOTS = "User-agent: *\nDisallow: /private/\n"

#: A handler's answer: (status, content type, body).
Answer = tuple[int, str, bytes]
#: A route: a fixture file (relative to the site's root) or a function of the request.
Route = str | Path | Callable[["Hit"], Answer]

_TYPES = {
    ".json": "application/json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/octet-stream",
}


@dataclass(frozen=True)
class Hit:
    """One request the site answered."""

    method: str
    path: str  # path and query, as sent
    body: bytes = b""
    user_agent: str = ""
    at: float = field(default_factory=time.monotonic)  # when it arrived (monotonic clock)


@dataclass
class FixtureSite:
    """Routes ``"/path?query"`` (exact) or ``"/path"`` (any query) to fixture files or functions.

    ``throttle_once`` lists routes answered ``429 Too Many Requests`` (with
    ``Retry-After: retry_after``, default 0) the first time they are asked for, then normally.
    POST routes are keyed ``"POST /path"``. Unknown paths get a 404.
    """

    root: Path
    routes: dict[str, Route] = field(default_factory=dict)
    robots: str | None = DEFAULT_ROBOTS
    throttle_once: set[str] = field(default_factory=set)
    hits: list[Hit] = field(default_factory=list)
    base_url: str = ""
    retry_after: str = "0"  # the Retry-After header of every 429

    def url(self, path: str) -> str:
        return self.base_url + path

    def hits_for(self, path: str, method: str | None = None) -> list[Hit]:
        """Requests for ``path`` (with its query when ``path`` has one)."""
        return [
            h
            for h in self.hits
            if (h.path == path or ("?" not in path and h.path.split("?", 1)[0] == path))
            and (method is None or h.method == method)
        ]

    def answer(self, hit: Hit) -> Answer:
        path = hit.path.split("?", 1)[0]
        if hit.method == "GET" and path == "/robots.txt":
            if self.robots is None:
                return 404, "text/plain", b"no robots.txt"
            return 200, "text/plain; charset=utf-8", self.robots.encode()
        prefix = "" if hit.method == "GET" else f"{hit.method} "
        for key in (prefix + hit.path, prefix + path):
            if key in self.routes:
                if key in self.throttle_once:
                    self.throttle_once.discard(key)
                    return 429, "text/plain", b"slow down"
                route = self.routes[key]
                if callable(route):
                    return route(hit)
                file = self.root / route
                return 200, _TYPES.get(file.suffix, "application/octet-stream"), file.read_bytes()
        return 404, "text/plain", b"not found"


def _handler(site: FixtureSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            hit = Hit(method, self.path, self.rfile.read(length) if length else b"",
                      self.headers.get("User-Agent", ""))
            site.hits.append(hit)
            status, ctype, body = site.answer(hit)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if status == 429:
                self.send_header("Retry-After", site.retry_after)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._serve("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._serve("POST")

        def log_message(self, *args: Any) -> None:  # keep pytest output clean
            pass

    return Handler


@pytest.fixture(scope="module")
def serve_site() -> Iterator[Callable[..., FixtureSite]]:
    """``serve_site(root, routes, ...)`` starts a :class:`FixtureSite` for the test module."""
    servers: list[ThreadingHTTPServer] = []

    def start(root: Path, routes: dict[str, Route], **kwargs: Any) -> FixtureSite:
        site = FixtureSite(root=Path(root), routes=routes, **kwargs)
        server = LocalSiteServer(("127.0.0.1", 0), _handler(site))
        site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def crawl_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated SQLite store shared by one test module's crawls."""
    from models.db import init_db

    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'umot.db'}"
    init_db(url)
    return url


@pytest.fixture(scope="session")
def local_settings() -> dict[str, Any]:
    """Crawl settings for the fixture site: robots.txt and retries on, waits off."""
    from crawlers.runner import LOCAL_SITE_SETTINGS

    return {**LOCAL_SITE_SETTINGS, "ROBOTSTXT_OBEY": True, "RETRY_TIMES": 2}


@pytest.fixture(scope="session")
def stored_reviews() -> Callable[[str, str], list[Any]]:
    """``stored_reviews(db_url, brand)``: every review stored for ``brand``, oldest first."""
    return _stored_reviews


@pytest.fixture(scope="session")
def stored_run() -> Callable[[str, int], Any]:
    """``stored_run(db_url, run_id)``: the ``CrawlRun`` row as stored now."""
    return _stored_run


def _stored_run(db_url: str, run_id: int) -> Any:
    from models.db import get_engine, session_scope
    from models.tables import CrawlRun

    with session_scope(get_engine(db_url), write=False) as session:
        run = session.get(CrawlRun, run_id)
        session.expunge(run)
        return run


def _stored_reviews(db_url: str, brand: str) -> list[Any]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Brand, Review

    with session_scope(get_engine(db_url)) as session:
        brand_row = session.exec(select(Brand).where(Brand.name == brand)).first()
        if brand_row is None:
            return []
        rows = list(
            session.exec(select(Review).where(Review.brand_id == brand_row.id).order_by(Review.published_at))
        )
        for row in rows:
            session.expunge(row)
        return rows


@pytest.fixture(scope="module")
def demo_site() -> Iterator[Any]:
    """The umot demo review site (seeded, small), served on 127.0.0.1 for one test module."""
    from datetime import date

    from umot.demo import start_demo_site

    with start_demo_site(seed=7, anchor=date(2025, 6, 30)) as site:
        yield site
