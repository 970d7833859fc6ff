"""The demo site's answers: an ETag on every page and a 304 for an unchanged one, as real sites do."""

from __future__ import annotations

import hashlib
import http.client
import threading
from collections.abc import Iterator

import pytest

from umot.demo.layout import BANNER
from umot.demo.page_handler import page_handler
from umot.demo.server import LocalSiteServer

PAGES = {"/": (200, "<p>home</p>"), "/broken/": (500, "<p>oops</p>")}


@pytest.fixture
def site() -> Iterator[tuple[int, list[str]]]:
    log: list[str] = []
    server = LocalSiteServer(("127.0.0.1", 0), page_handler(PAGES, log))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], log
    server.shutdown()
    server.server_close()


def get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_a_page_has_an_etag_and_an_unchanged_one_answers_304_without_a_body(site: tuple[int, list[str]]) -> None:
    port, _ = site
    status, headers, body = get(port, "/")
    assert status == 200 and body == b"<p>home</p>" and headers["Content-Type"] == "text/html; charset=utf-8"
    etag = headers["ETag"]
    status, headers, body = get(port, "/", **{"If-None-Match": etag})
    assert status == 304 and body == b"" and headers["ETag"] == etag and "Content-Type" not in headers
    assert get(port, "/", **{"If-None-Match": '"stale"'})[0] == 200


def test_an_error_page_is_always_sent_and_carries_no_etag(site: tuple[int, list[str]]) -> None:
    port, _ = site
    its_etag = f'"{hashlib.sha1(b"<p>oops</p>").hexdigest()[:16]}"'  # what a 200 page's ETag would be
    status, headers, body = get(port, "/broken/", **{"If-None-Match": its_etag})
    assert status == 500 and body == b"<p>oops</p>" and "ETag" not in headers


def test_robots_and_unknown_paths_and_the_log_of_paths(site: tuple[int, list[str]]) -> None:
    port, log = site
    status, headers, body = get(port, "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain") and b"Disallow:" in body
    assert "ETag" not in headers
    status, headers, body = get(port, "/nope?page=2")
    assert status == 404 and BANNER in body.decode() and "ETag" not in headers
    assert log == ["/robots.txt", "/nope"]
