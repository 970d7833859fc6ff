"""Serving the demo site on 127.0.0.1 from a background thread.

What it answers: :mod:`umot.demo.page_handler`; what the caller gets back to
crawl and stop it: :mod:`umot.demo.running_site`.
"""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer

from umot.demo.brands import BrandSpec
from umot.demo.page_handler import page_handler
from umot.demo.pages import build_pages
from umot.demo.running_site import DemoBrand, DemoSite
from umot.demo.site import SiteContent


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
    server = LocalSiteServer(("127.0.0.1", 0), page_handler(pages, log))
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
