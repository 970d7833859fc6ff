"""Conditional requests: an unchanged page costs the site a 304 and the crawl no parsing,
a changed one is read in full, and a site that is down is still reported as down."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings

from crawlers.httpcache import PageKinds, RevalidatePolicy
from crawlers.runner import run_crawl
from umot.demo.server import LocalSiteServer


def _review_page(reviews: list[tuple[str, str, int]], next_url: str | None = None) -> str:
    graph = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle",
             "review": [{"@type": "Review", "@id": f"#{rid}", "reviewBody": text,
                         "author": {"@type": "Person", "name": "Ann"},
                         "reviewRating": {"@type": "Rating", "ratingValue": stars}} for rid, text, stars in reviews]}
    link = f'<a rel="next" href="{next_url}">next</a>' if next_url else ""
    return f'<html><script type="application/ld+json">{json.dumps(graph)}</script>{link}</html>'


class EtagSite:
    """Pages with ETags; a GET with a matching If-None-Match gets 304. ``down`` refuses everything."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {
            "/shop/": '<html><a href="/shop/kettle/">Kettle</a> <a href="/shop/toaster/">Toaster</a></html>',
            "/shop/kettle/": _review_page([("k1", "Boils fast and quietly.", 5), ("k2", "Lid broke.", 2)],
                                          "/shop/kettle/?page=2"),
            "/shop/kettle/?page=2": _review_page([("k3", "Fine for the price.", 4)]),
            "/shop/toaster/": _review_page([("t1", "Burns one side.", 1)]),
        }
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


@pytest.fixture
def etag_site() -> Iterator[EtagSite]:
    site = EtagSite()
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture
def crawl(db_url: str, local_settings: dict[str, Any], tmp_path: Path, etag_site: EtagSite):
    settings = {**local_settings, "HTTPCACHE_DIR": str(tmp_path / "httpcache")}

    def run(**extra: Any) -> Any:
        return run_crawl("schemaorg", [etag_site.url], brand="Acme", database_url=db_url, settings={**settings, **extra})

    return run


def test_the_policy_always_asks_the_site_and_only_a_304_keeps_the_copy() -> None:
    policy = RevalidatePolicy(Settings())
    kept = HtmlResponse("https://a.example/p", body=b"<html></html>",
                        headers={"ETag": '"v1"', "Last-Modified": "Mon, 02 Nov 2026 10:00:00 GMT",
                                 "Cache-Control": "max-age=31536000"})
    request = Request("https://a.example/p")
    assert policy.is_cached_response_fresh(kept, request) is False  # not even with a year's max-age
    assert request.headers["If-None-Match"] == b'"v1"'
    assert request.headers["If-Modified-Since"] == b"Mon, 02 Nov 2026 10:00:00 GMT"
    assert policy.is_cached_response_valid(kept, HtmlResponse("https://a.example/p", status=304), request)
    for status in (200, 500, 503):
        assert not policy.is_cached_response_valid(kept, HtmlResponse("https://a.example/p", status=status), request)


def test_page_kinds_survive_a_crawl_and_an_unreadable_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "kinds.json"
    kinds = PageKinds(path)
    kinds.set("https://a.example/", "hub")
    kinds.set("https://a.example/p", "reviews")
    kinds.save()
    again = PageKinds(path)
    assert again.get("https://a.example/") == "hub" and again.get("https://a.example/p") == "reviews"
    assert again.get("https://a.example/other") is None
    path.write_text("{not json")
    assert PageKinds(path).get("https://a.example/") is None  # every kept page is read again


@pytest.mark.slow
def test_unchanged_pages_cost_a_304_and_no_parsing_and_changes_are_read(crawl, etag_site: EtagSite) -> None:
    first = crawl()
    assert first.ok and first.items_new == 4, first.error_message
    assert set(etag_site.crawl_answers().values()) == {200}

    second = crawl()  # nothing changed: every page answers 304; the kettle's page 2 is not even asked for
    assert second.ok and second.items_new == 0
    assert etag_site.crawl_answers() == {"/shop/": 304, "/shop/kettle/": 304, "/shop/toaster/": 304}

    etag_site.pages["/shop/toaster/"] = _review_page([("t2", "Toasts evenly now.", 4), ("t1", "Burns one side.", 1)])
    third = crawl()  # the changed page is read in full, through the hub that did not change
    assert third.ok and third.items_new == 1
    assert etag_site.crawl_answers() == {"/shop/": 304, "/shop/kettle/": 304, "/shop/toaster/": 200}


@pytest.mark.slow
def test_an_unchanged_hub_is_followed_by_what_it_was_not_by_what_it_declares(
    crawl, etag_site: EtagSite, tmp_path: Path
) -> None:
    # a hub whose markup names a Review type (here an empty review list) but holds none
    etag_site.pages["/shop/"] = ('<html><script type="application/ld+json">{"@type": "Store", "review": '
                                 '[{"@type": "Review"}]}</script><a href="/shop/kettle/">Kettle</a> '
                                 '<a href="/shop/toaster/">Toaster</a></html>')
    assert crawl().items_new == 4
    etag_site.crawl_answers()
    etag_site.pages["/shop/toaster/"] = _review_page([("t2", "Toasts evenly now.", 4), ("t1", "Burns one side.", 1)])
    second = crawl()  # the hub answers 304 and is followed: it was a hub when last read
    assert second.ok and second.items_new == 1
    assert etag_site.crawl_answers() == {"/shop/": 304, "/shop/kettle/": 304, "/shop/toaster/": 200}

    for kinds in (tmp_path / "httpcache").rglob("page-kinds-*.json"):
        kinds.unlink()  # as after a crawl killed before it saved them
    third = crawl()  # kept pages of no remembered kind are read in full: nothing new, nothing missed
    assert third.ok and third.items_new == 0 and third.unchanged == 0
    assert etag_site.crawl_answers() == {"/shop/": 304, "/shop/kettle/": 304, "/shop/toaster/": 304}
    fourth = crawl()  # and remembered again
    assert fourth.ok and fourth.unchanged == 2


@pytest.mark.slow
def test_a_full_crawl_reads_unchanged_pages_and_a_site_that_is_down_is_not_taken_for_unchanged(
    crawl, etag_site: EtagSite
) -> None:
    assert crawl().items_new == 4
    etag_site.crawl_answers()
    full = crawl(UMOT_FULL_CRAWL=True)  # after an interrupted crawl: every page, kept copies read again
    assert full.ok and full.items_new == 0 and full.items_scraped == 4
    assert "/shop/kettle/?page=2" in etag_site.crawl_answers()

    etag_site.server.shutdown()
    etag_site.server.server_close()
    down = crawl()
    assert not down.ok and "could not fetch" in (down.error_message or "")


@pytest.mark.slow
def test_a_page_two_brands_crawl_is_read_for_each(crawl, etag_site: EtagSite, db_url: str,
                                                  local_settings: dict[str, Any], tmp_path: Path) -> None:
    settings = {**local_settings, "HTTPCACHE_DIR": str(tmp_path / "httpcache")}

    def rival(url: str) -> Any:
        return run_crawl("schemaorg", [url], brand="Rival", database_url=db_url, settings=settings)

    assert rival(etag_site.url + "toaster/").items_new == 1  # Rival has reviews from this site now
    assert crawl().items_new == 4  # Acme reads every page
    # the kettle's pages did not change since Acme read them, but Rival never did
    later = rival(etag_site.url)
    assert later.ok and later.items_new == 3 and later.unchanged == 1  # the toaster's page only
    assert len(list((tmp_path / "httpcache").iterdir())) == 2  # one folder per brand
