"""Serving the demo site on 127.0.0.1 from a background thread."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from umot.demo.brands import BrandSpec
from umot.demo.layout import BANNER
from umot.demo.pages import ROBOTS_TXT, build_pages
from umot.demo.site import SiteContent


@dataclass
class DemoBrand:
    """A brand of the demo site: crawl ``url`` with ``--brand name``; ``n_reviews`` a crawl should find."""

    name: str
    slug: str
    url: str
    n_reviews: int

    def __str__(self) -> str:
        return self.name


@dataclass
class DemoSite:
    """A running demo site. Use as a context manager, or call :meth:`stop`."""

    base_url: str
    brands: list[DemoBrand]
    content: SiteContent
    requested_paths: list[str] = field(default_factory=list)
    _server: Any = None
    _thread: Any = None

    @property
    def n_reviews(self) -> int:
        """Reviews a crawl of the whole site (from :attr:`base_url`) should find."""
        return sum(b.n_reviews for b in self.brands)

    @property
    def crawl_settings(self) -> dict[str, Any]:
        """Crawl settings for this local site: politeness delays off (robots.txt still obeyed)."""
        from crawlers.runner import LOCAL_SITE_SETTINGS

        return dict(LOCAL_SITE_SETTINGS)

    def brand(self, name: str) -> DemoBrand:
        for b in self.brands:
            if b.name == name or b.slug == name:
                return b
        raise KeyError(name)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> DemoSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _handler(pages: dict[str, tuple[int, str]], log: list[str]) -> type[BaseHTTPRequestHandler]:
    robots = ROBOTS_TXT.encode()
    not_found = f"<!doctype html><p>{BANNER}</p><h1>404 Not Found</h1>".encode()
    # like most real sites, every page has an ETag and a conditional GET of an
    # unchanged page gets "304 Not Modified" without the page
    bodies = {path: (status, text.encode("utf-8")) for path, (status, text) in pages.items()}
    etags = {path: f'"{hashlib.sha1(body).hexdigest()[:16]}"' for path, (_, body) in bodies.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path = urlsplit(self.path).path
            log.append(path)
            etag = etags.get(path)
            if path == "/robots.txt":
                status, ctype, body = 200, "text/plain; charset=utf-8", robots
            elif path in bodies:
                status, body = bodies[path]
                ctype = "text/html; charset=utf-8"
                if status == 200 and etag and etag in (self.headers.get("If-None-Match") or ""):
                    status, body = 304, b""
            else:
                status, ctype, body = 404, "text/html; charset=utf-8", not_found
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", ctype)
            if etag and status in (200, 304):
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:  # quiet: the crawler logs what matters
            pass

    return Handler


class LocalSiteServer(ThreadingHTTPServer):
    """A threaded server with a web server's listen backlog (the demo site's; tests' sites use it too).

    socketserver's default backlog is 5 connections: a crawl of several brands
    at once (8 connections each) overflows it, and every dropped connection
    waits a TCP retransmission (~1 s) that no real site would cost.
    """

    request_queue_size = 128
    daemon_threads = True


def serve(content: SiteContent, brand_specs: tuple[BrandSpec, ...]) -> DemoSite:
    """Start serving ``content`` on a free port of 127.0.0.1."""
    pages = build_pages(content)
    log: list[str] = []
    server = LocalSiteServer(("127.0.0.1", 0), _handler(pages, log))
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    brands = []
    for spec in brand_specs:
        n = sum(len(p.reviews) for p in content.brand_products(spec.slug))
        if spec.slug == content.clearance.brand.slug:
            n += len(content.clearance.reviews)
        brands.append(DemoBrand(spec.name, spec.slug, f"{base_url}/brands/{spec.slug}/", n))
    thread = threading.Thread(target=server.serve_forever, name="umot-demo-site", daemon=True)
    thread.start()
    return DemoSite(base_url, brands, content, log, server, thread)
