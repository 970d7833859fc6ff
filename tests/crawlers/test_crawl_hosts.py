"""One source, one name: pages served from two hosts (``localhost`` and ``127.0.0.1``) store each review once.

The fixture site listens on 127.0.0.1 and is reached as either name; it can
redirect its listing to the other host and write its next links with either,
as a site that moved or that links to itself by another name does. Each crawl
is a ``run_crawl`` subprocess, so the runner's hand-over (known ids, awaiting
replies) is what the spider reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from crawlers.runner import run_crawl
from tests.crawlers.header_site import Answer, send
from tests.local_http import QuietHandler, serving
from umot.demo.server import LocalSiteServer

PER_PAGE = 2


@dataclass
class TwoHostSite:
    """A review listing (newest first, ``PER_PAGE`` a page) and a feed, on 127.0.0.1, named either way."""

    port: int = 0
    reviews: list[dict[str, Any]] = field(default_factory=list)
    next_host: str = ""  # "" keeps next links relative; else they name this host
    redirect_to: str = ""  # "": no redirect; else /reviews and /feed.xml on the other host redirect here
    sitemap_host: str = "localhost"  # the host the sitemap's page URLs name

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"

    def add(self, n: int, published: datetime) -> None:
        """Review ``n`` at the top of the listing: every second one has no id of its own."""
        review: dict[str, Any] = {
            "@type": "Review", "author": {"@type": "Person", "name": f"Author {n}"},
            "reviewBody": f"Review number {n}: the kettle boils water as promised.",
            "reviewRating": {"@type": "Rating", "ratingValue": 1 + n % 5}, "datePublished": published.isoformat(),
        }
        if n % 2:
            review["identifier"] = f"review-{n}"
        self.reviews.insert(0, review)

    def answer(self, host: str, path: str, query: dict[str, list[str]]) -> Answer:
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow:\n"
        if self.redirect_to and host != self.redirect_to and path in ("/reviews", "/feed.xml"):
            return 301, {"Location": self.url(self.redirect_to, path)}, b""
        page = int(query.get("page", ["1"])[0])
        if path == "/reviews":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, self._listing(page).encode()
        if path == "/feed.xml":
            return 200, {"Content-Type": "application/atom+xml"}, self._feed(page).encode()
        if path == "/sitemap.xml":
            locs = "".join(f"<url><loc>{self.url(self.sitemap_host, f'/reviews/{i}')}</loc></url>"
                           for i in range(len(self.reviews)))
            xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
            return 200, {"Content-Type": "application/xml"}, xml.encode()
        if path.startswith("/reviews/"):  # one page per review, as the sitemap lists them
            review = self.reviews[int(path.rsplit("/", 1)[1])]
            return 200, {"Content-Type": "text/html; charset=utf-8"}, _html([review], "").encode()
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def _next(self, path: str, page: int) -> str:
        if page * PER_PAGE >= len(self.reviews):
            return ""
        return (self.url(self.next_host, "") if self.next_host else "") + f"{path}?page={page + 1}"

    def _listing(self, page: int) -> str:
        return _html(self.reviews[(page - 1) * PER_PAGE: page * PER_PAGE], self._next("/reviews", page))

    def _feed(self, page: int) -> str:
        entries = "".join(
            (f"<entry><id>urn:entry:{r['identifier']}</id>" if "identifier" in r else "<entry>")
            + f"<title>{r['author']['name']}</title><author><name>{r['author']['name']}</name></author>"
            f"<updated>{r['datePublished']}</updated><content>{r['reviewBody']}</content></entry>"
            for r in self.reviews[(page - 1) * PER_PAGE: page * PER_PAGE]
        )
        nxt = self._next("/feed.xml", page)
        link = f'<link rel="next" href="{nxt}"/>' if nxt else ""
        return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Acme news</title>{link}{entries}</feed>'


def _html(reviews: list[dict[str, Any]], next_href: str) -> str:
    product = {"@context": "https://schema.org", "@type": "Product", "name": "Acme Kettle", "review": reviews}
    link = f'<a rel="next" href="{next_href}">next</a>' if next_href else ""
    return (f'<html lang="en"><head><script type="application/ld+json">{json.dumps(product)}</script></head>'
            f"<body><h1>Acme Kettle</h1>{link}</body></html>")


@pytest.fixture()
def site() -> Iterator[TwoHostSite]:
    state = TwoHostSite()

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            parts = urlsplit(self.path)
            host = (self.headers.get("Host") or "127.0.0.1").rsplit(":", 1)[0]
            send(self, state.answer(host, parts.path, parse_qs(parts.query)))

    with serving(Handler, LocalSiteServer) as base_url:
        state.port = int(base_url.rsplit(":", 1)[1])
        yield state


def _rows(db_url: str) -> list[tuple[str, str, str]]:
    """(source, author, text) of every stored review."""
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url), write=False) as session:
        return [(r.source, r.author or "", r.text) for r in session.exec(select(Review))]


def _assert_each_once(db_url: str, expected: int) -> set[str]:
    rows = _rows(db_url)
    reviews = [(author, text) for _, author, text in rows]
    assert len(reviews) == expected and len(set(reviews)) == expected, sorted(rows)
    return {source for source, _, _ in rows}


def _crawl(spider: str, url: str, db_url: str, local_settings: dict[str, Any]) -> Any:
    result = run_crawl(spider, [url], brand="Acme", database_url=db_url, settings=local_settings)
    assert result.ok, result.error_message
    return result


def _fill(site: TwoHostSite, n: int, *, recent: bool) -> None:
    start = datetime.now(UTC) - timedelta(days=20) if recent else datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(1, n + 1):
        site.add(i, start + timedelta(hours=i))


@pytest.mark.slow
def test_a_site_that_moves_to_another_host_is_not_stored_again(site, db_url, local_settings) -> None:
    _fill(site, 6, recent=False)
    start = site.url("127.0.0.1", "/reviews")
    assert _crawl("schemaorg", start, db_url, local_settings).items_new == 6
    site.redirect_to = "localhost"  # the site moved: its listing and next pages are on localhost now
    second = _crawl("schemaorg", start, db_url, local_settings)
    assert second.items_new == 0
    assert _assert_each_once(db_url, 6) == {"schemaorg:127.0.0.1"}  # the configured source's name


@pytest.mark.slow
@pytest.mark.parametrize("recent", [False, True], ids=["settled", "awaiting-reply"])
def test_next_links_to_another_host_keep_the_start_urls_source(site, db_url, local_settings, recent) -> None:
    _fill(site, 6, recent=recent)
    site.next_host = "127.0.0.1"  # page 1 on localhost, its next pages on 127.0.0.1
    start = site.url("localhost", "/reviews")
    assert _crawl("schemaorg", start, db_url, local_settings).items_new == 6
    site.add(7, datetime.now(UTC) - timedelta(days=1))  # review 5 moves from page 1 to page 2
    assert _crawl("schemaorg", start, db_url, local_settings).items_new == 1
    assert _crawl("schemaorg", start, db_url, local_settings).items_new == 0
    assert _assert_each_once(db_url, 7) == {"schemaorg:localhost"}


@pytest.mark.slow
@pytest.mark.parametrize("recent", [False, True], ids=["settled", "awaiting-reply"])
def test_reviews_stored_under_their_page_host_are_not_stored_again(site, db_url, local_settings, recent) -> None:
    """A store whose earlier crawls named reviews after each page's host keeps them once."""
    _fill(site, 6, recent=recent)
    site.next_host = "127.0.0.1"
    start = site.url("localhost", "/reviews")
    first = run_crawl("schemaorg", [start], brand=None, output=db_url.removeprefix("sqlite:///") + ".jsonl",
                      settings=local_settings)
    assert first.ok, first.error_message
    from models import crud
    from models.db import get_engine, session_scope

    with open(db_url.removeprefix("sqlite:///") + ".jsonl", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    for row in rows[PER_PAGE:]:  # as crawls before stored them: page 1 under localhost, the rest under 127.0.0.1
        row["source"] = "schemaorg:127.0.0.1"
        if row["external_id"].startswith("sha1:"):  # no id of its own: the store makes it from the source
            row["external_id"] = None
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, rows, brand_id=crud.get_or_create_brand(session, "Acme").id)
    site.add(7, datetime.now(UTC) - timedelta(days=1))  # review 5 moves to page 2, on 127.0.0.1
    assert _crawl("schemaorg", start, db_url, local_settings).items_new == 1
    assert _crawl("schemaorg", start, db_url, local_settings).items_new == 0
    assert _assert_each_once(db_url, 7) == {"schemaorg:localhost", "schemaorg:127.0.0.1"}


@pytest.mark.slow
def test_a_feed_that_moves_to_another_host_is_not_stored_again(site, db_url, local_settings) -> None:
    _fill(site, 6, recent=False)
    start = site.url("127.0.0.1", "/feed.xml")
    assert _crawl("feed", start, db_url, local_settings).items_new == 6
    site.redirect_to = "localhost"
    assert _crawl("feed", start, db_url, local_settings).items_new == 0
    assert _assert_each_once(db_url, 6) == {"feed:127.0.0.1"}


@pytest.mark.slow
def test_a_sitemaps_pages_take_its_source_whatever_host_they_name(site, db_url, local_settings) -> None:
    _fill(site, 3, recent=False)
    start = site.url("127.0.0.1", "/sitemap.xml")
    args = {"pattern": "/reviews/"}
    for host in ("localhost", "127.0.0.1"):  # the sitemap names its pages on one host, then the other
        site.sitemap_host = host
        result = run_crawl("sitemap", [start], brand="Acme", database_url=db_url, settings=local_settings,
                           spider_args=args)
        assert result.ok, result.error_message
    assert _assert_each_once(db_url, 3) == {"schemaorg:127.0.0.1"}
