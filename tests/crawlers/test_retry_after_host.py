"""A 429's ``Retry-After`` pauses the whole host, and a wait past CRAWL_RETRY_BACKOFF_MAX gives the host up.

Before, only the throttled request waited (in the retry middleware, after its
download slot was free), so the crawl's other requests to the same host went out
during the wait the site had asked for; a long wait was silently cut to 120 s.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl
from umot.demo.server import LocalSiteServer

PAGE = (Path(__file__).parent / "fixtures" / "schemaorg" / "jsonld_product.html").read_bytes()
PATHS = ["/a", "/b", "/c", "/d"]


@dataclass
class Site:
    """Answers the first page request with 429 and ``Retry-After: retry_after``; logs when each page was asked."""

    retry_after: str
    hits: list[tuple[float, str, int]] = field(default_factory=list)  # (monotonic time, path, status)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, path: str) -> int:
        with self.lock:
            status = 429 if path != "/robots.txt" and not any(p != "/robots.txt" for _, p, _ in self.hits) else 200
            self.hits.append((time.monotonic(), path, status))
        return status


@pytest.fixture
def site() -> Iterator[Any]:
    def start(retry_after: str) -> tuple[Site, str]:
        state = Site(retry_after)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                status = state.answer(self.path)
                body = b"User-agent: *\nAllow: /\n" if self.path == "/robots.txt" else PAGE
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                if status == 429:
                    self.send_header("Retry-After", state.retry_after)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        server = LocalSiteServer(("127.0.0.1", 0), Handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return state, f"http://127.0.0.1:{server.server_address[1]}"

    servers: list[LocalSiteServer] = []
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _crawl(base: str, local_settings: dict[str, Any], tmp_path: Path, **settings: Any) -> Any:
    return run_crawl(
        "schemaorg", [base + p for p in PATHS], brand=None, output=tmp_path / "out.jsonl",
        # one request every 0.3 s: the others wait in the download slot, not yet sent, when the 429 comes
        settings={**local_settings, "DOWNLOAD_DELAY": 0.3, "DOWNLOAD_DELAY_JITTER": 0, "RETRY_TIMES": 2, **settings},
    )


@pytest.mark.slow
def test_retry_after_pauses_every_request_to_the_host(site, local_settings, tmp_path: Path) -> None:
    state, base = site("2")
    result = _crawl(base, local_settings, tmp_path)
    assert result.ok and result.errors == 0
    pages = [(t, p, s) for t, p, s in state.hits if p != "/robots.txt"]
    throttled_at, throttled, _ = pages[0]
    assert pages[0][2] == 429 and sorted(p for _, p, _ in pages[1:]) == sorted(PATHS)  # retried, all read
    early = [(round(t - throttled_at, 2), p) for t, p, _ in pages[1:] if t < throttled_at + 1.9]
    assert early == [], f"asked while {throttled}'s Retry-After: 2 ran"


def test_a_wait_longer_than_the_back_off_cap_gives_the_host_up(site, local_settings, tmp_path: Path) -> None:
    state, base = site("3600")
    started = time.monotonic()
    result = _crawl(base, local_settings, tmp_path, CRAWL_RETRY_BACKOFF_MAX=60)
    assert time.monotonic() - started < 60  # neither an hour's wait nor the cap's minute
    assert not result.ok and result.errors == len(PATHS)  # every page counted as not fetched
    assert "asked to wait 3600s (Retry-After" in (result.error_message or "")
    assert "CRAWL_RETRY_BACKOFF_MAX (60s)" in (result.error_message or "")
    assert [p for _, p, _ in state.hits if p != "/robots.txt"] == [state.hits[1][1]]  # one request, none after
