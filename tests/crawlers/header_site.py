"""A local site on 127.0.0.1 whose answers carry any headers: redirects, gzip bodies, robots.txt that fails.

The fixture site of ``conftest.py`` answers a status, a type and a body; the hostile
answers a crawl must count (a redirect chain, a body that unzips past
``DOWNLOAD_MAXSIZE``) need ``Location`` and ``Content-Encoding`` too.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from tests import local_http
from tests.local_http import QuietHandler
from umot.demo.server import LocalSiteServer

#: An answer: (status, headers, body).
Answer = tuple[int, dict[str, str], bytes]
#: A route: the answer to a path's request, given its query (``{"page": ["2"]}``).
Route = Callable[[dict[str, list[str]]], Answer]

ROBOTS_OK: Answer = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n")


def html(body: str) -> Answer:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode("utf-8")


def redirect(location: str) -> Answer:
    return 302, {"Location": location}, b""


def gzipped(body: bytes) -> Answer:
    """``body`` gzip'd, as a page the HTTP layer unzips (a small download that may unzip past the limit)."""
    return 200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(body, 9)


def review_page(prefix: str, next_url: str | None = None, texts: list[str] | None = None) -> str:
    """A product page with three JSON-LD reviews (``texts`` their bodies) and an optional next page."""
    texts = texts or [f"Review {i} of {prefix}: the kettle is fine and boils fast." for i in range(3)]
    reviews = [{"@type": "Review", "@id": f"https://shop.example/{prefix}/{i}", "reviewBody": text,
                "author": {"@type": "Person", "name": f"Author {prefix} {i}"},
                "reviewRating": {"@type": "Rating", "ratingValue": 4}, "datePublished": "2024-03-05"}
               for i, text in enumerate(texts)]
    graph = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "review": reviews})
    link = f'<link rel="next" href="{next_url}">' if next_url else ""
    return (f'<!doctype html><html lang="en"><head>{link}<script type="application/ld+json">{graph}</script>'
            "</head><body><h1>Kettle</h1></body></html>")


class HeaderSite:
    """Routes by path (any query); ``robots`` answers /robots.txt; ``hits`` lists the paths asked, with queries."""

    def __init__(self, routes: dict[str, Route], robots: Answer = ROBOTS_OK) -> None:
        self.routes = routes
        self.robots = robots
        self.hits: list[str] = []
        self.base_url = ""

    def url(self, path: str) -> str:
        return self.base_url + path

    def hits_for(self, path: str) -> list[str]:
        return [hit for hit in self.hits if hit.split("?", 1)[0] == path]

    def answer(self, target: str) -> Answer:
        parts = urlsplit(target)
        if parts.path == "/robots.txt":
            return self.robots
        route = self.routes.get(parts.path)
        return route(parse_qs(parts.query)) if route else (404, {"Content-Type": "text/plain"}, b"not found")


def send(handler: BaseHTTPRequestHandler, answer: Answer) -> None:
    """Write ``answer`` as the reply to ``handler``'s request, its ``Content-Length`` added."""
    status, headers, body = answer
    handler.send_response(status)
    for name, value in {**headers, "Content-Length": str(len(body))}.items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


@contextmanager
def serving(site: HeaderSite) -> Iterator[HeaderSite]:
    """``site`` served on a free port of 127.0.0.1 while the block runs."""

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            site.hits.append(self.path)
            send(self, site.answer(self.path))

    with local_http.serving(Handler, LocalSiteServer) as base_url:
        site.base_url = base_url
        yield site
