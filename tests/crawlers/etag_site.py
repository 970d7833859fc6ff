"""A local site whose pages carry ETags and answer 304 to a matching If-None-Match."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import Any

from umot.demo.server import LocalSiteServer


def review_page(reviews: list[tuple[str, str, int]], next_url: str | None = None) -> str:
    """A product page with schema.org reviews ``(id, text, stars)`` and an optional next page."""
    graph = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle",
             "review": [{"@type": "Review", "@id": f"#{rid}", "reviewBody": text,
                         "author": {"@type": "Person", "name": "Ann"},
                         "reviewRating": {"@type": "Rating", "ratingValue": stars}} for rid, text, stars in reviews]}
    link = f'<a rel="next" href="{next_url}">next</a>' if next_url else ""
    return f'<html><script type="application/ld+json">{json.dumps(graph)}</script>{link}</html>'


class EtagSite:
    """Pages with ETags; a GET with a matching If-None-Match gets 304.

    ``delay``: seconds each product page (not the hub, not robots.txt) takes to answer,
    one page at a time (so a crawl stores its pages one after the other).
    """

    def __init__(self, pages: dict[str, str], delay: float = 0.0) -> None:
        self.pages = pages
        self.delay = delay
        self.lock = threading.Lock()
        self.answers: list[tuple[str, int]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                if self.path == "/robots.txt":
                    body, status, etag = b"User-agent: *\nAllow: /\n", 200, None
                elif self.path in site.pages:
                    body = site.pages[self.path].encode()
                    etag = '"' + hashlib.sha1(body).hexdigest() + '"'
                    status = 304 if self.headers.get("If-None-Match") == etag else 200
                    if site.delay and self.path != "/shop/":
                        with site.lock:
                            time.sleep(site.delay)
                else:
                    body, status, etag = b"not found", 404, None
                site.answers.append((self.path, status))
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                body = b"" if status == 304 else body
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = LocalSiteServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/shop/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def crawl_answers(self) -> dict[str, int]:
        answers, self.answers = dict(self.answers), []
        answers.pop("/robots.txt", None)
        return answers

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def shop_pages(products: int, reviews_each: int, version: int = 1) -> dict[str, str]:
    """A hub ``/shop/`` linking ``products`` product pages of ``reviews_each`` reviews each.

    A higher ``version`` adds one newer review to every product page (new ETags).
    """
    links = " ".join(f'<a href="/shop/p{i}/">Product {i}</a>' for i in range(products))
    pages = {"/shop/": f"<html>{links}</html>"}
    for i in range(products):
        reviews = [(f"p{i}-r{j}", f"Review {j} of product {i}: it works as described.", 1 + j % 5)
                   for j in range(reviews_each)]
        reviews += [(f"p{i}-v{v}", f"Update {v} on product {i}: still fine.", 4) for v in range(2, version + 1)]
        pages[f"/shop/p{i}/"] = review_page(reviews)
    return pages
