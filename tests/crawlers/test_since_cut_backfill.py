"""A crawl that stopped paginating at ``--since`` makes the next crawl without it (or with an earlier one)
read every page, end to end (real Scrapy, a listing on 127.0.0.1, newest reviews first).

Its first page holds only reviews the ``--since`` crawl stored, so an incremental crawl would stop
there and never fetch the older pages ``--since`` left out. The cut is kept in the run's note
(``crawlers.crawl_notes.since_note``) until a full crawl reads past it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import CrawlResult, run_crawl
from tests.local_http import QuietHandler, serving

pytestmark = pytest.mark.slow

#: Reviews (id, day) by page, newest first; each page links to the next.
LISTING = {
    "/shop/": [("r1", "2024-07-20"), ("r2", "2024-07-02")],
    "/shop/2/": [("r3", "2024-05-20"), ("r4", "2024-05-02")],
    "/shop/3/": [("r5", "2024-04-10"), ("r6", "2024-04-01")],
}


def _page(path: str) -> bytes:
    reviews = [{"@type": "Review", "@id": f"#{rid}", "reviewBody": f"Review {rid} of the kettle.",
                "datePublished": day, "author": {"@type": "Person", "name": "Ann"},
                "reviewRating": {"@type": "Rating", "ratingValue": 4}} for rid, day in LISTING[path]]
    graph = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "review": reviews}
    pages = list(LISTING)
    after = pages.index(path) + 1
    link = f'<a rel="next" href="{pages[after]}">next</a>' if after < len(pages) else ""
    return f'<html><script type="application/ld+json">{json.dumps(graph)}</script>{link}</html>'.encode()


class Site:
    """:data:`LISTING`, the pages asked for kept in ``asked``; a path in ``failing`` answers 500."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.failing: set[str] = set()

    def handler(self) -> type[QuietHandler]:
        site = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                if self.path == "/robots.txt":
                    status, body = 200, b"User-agent: *\nAllow: /\n"
                else:
                    site.asked.append(self.path)
                    status = 500 if self.path in site.failing else 200 if self.path in LISTING else 404
                    body = _page(self.path) if status == 200 else b""
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def pages(self) -> list[str]:
        """The listing pages asked for since the last call."""
        asked, self.asked = sorted(set(self.asked)), []
        return asked


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    shop = Site()
    with serving(shop.handler()) as base:
        yield shop, base + "/shop/"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh SQLite store, the default one too (``last_crawl_unfinished`` reads that)."""
    from models.db import dispose_engines, init_db

    url = f"sqlite:///{tmp_path / 'cut.db'}"
    monkeypatch.setenv("UMOT_DATABASE_URL", url)
    init_db(url)
    yield url
    dispose_engines()


def _ids(store: str) -> list[str]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(store), write=False) as session:
        return sorted(r.external_id.rsplit("#", 1)[-1] for r in session.exec(select(Review)))


def _source(store: str, url: str) -> int:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(store)) as session:
        return int(crud.add_source(session, brand="Acme", name="shop", urls=[url]).id or 0)


def _crawler(url: str, store: str, settings: dict[str, Any], **job: Any) -> Callable[..., CrawlResult]:
    def crawl(since: str | None = None, **more: Any) -> CrawlResult:
        day = datetime.fromisoformat(since) if since else None
        result = run_crawl("schemaorg", [url], brand="Acme", database_url=store, since=day,
                           settings={**settings, **more}, **job)
        assert result.ok, result.error_message
        return result

    return crawl


def test_a_crawl_without_since_reads_the_pages_since_left_out(
    site: tuple[Site, str], store: str, local_settings: dict[str, Any]
) -> None:
    shop, url = site
    crawl = _crawler(url, store, local_settings)
    cut = crawl("2024-06-01")
    assert (cut.items_new, shop.pages(), _ids(store)) == (2, ["/shop/", "/shop/2/"], ["r1", "r2"])
    again = crawl()  # page 1 is all known: an incremental crawl would stop there
    assert again.items_new == 4 and shop.pages() == ["/shop/", "/shop/2/", "/shop/3/"]
    assert _ids(store) == ["r1", "r2", "r3", "r4", "r5", "r6"] and again.error_message is None
    assert crawl().items_new == 0 and shop.pages() == ["/shop/"]  # the cut is cleared: incremental again
    assert cut.error_message == (
        "the store may lack the reviews before 2024-06-01: a crawl stopped paginating at --since 2024-06-01")


def test_a_full_crawl_that_could_not_fetch_a_next_page_keeps_the_cut(
    site: tuple[Site, str], store: str, local_settings: dict[str, Any]
) -> None:
    shop, url = site
    crawl = _crawler(url, store, local_settings)
    crawl("2024-06-01")
    shop.failing.add("/shop/2/")
    broken = crawl()
    assert broken.failed_follows == 1 and "--since 2024-06-01" in (broken.error_message or "")
    shop.failing.clear()
    shop.pages()
    assert crawl().items_new == 4 and _ids(store) == ["r1", "r2", "r3", "r4", "r5", "r6"]


def test_the_nightly_crawl_and_an_earlier_since_read_on_a_later_since_does_not(
    site: tuple[Site, str], store: str, local_settings: dict[str, Any]
) -> None:
    from flows.tasks.crawl_jobs import last_crawl_unfinished

    shop, url = site
    source_id = _source(store, url)
    crawl = _crawler(url, store, local_settings, source_id=source_id)
    crawl("2024-06-01")
    # no CRAWL_FULL for the night: the cut handed to its crawl (no --since) makes it read every page
    assert not last_crawl_unfinished(source_id)
    shop.pages()
    for since in ("2024-06-01", "2024-06-15"):  # as late or later: stops at the stored page, the cut kept
        assert crawl(since).items_new == 0 and shop.pages() == ["/shop/"]
    earlier = crawl("2024-04-15")  # reads page 2, stops at page 3: the cut moves back
    assert earlier.items_new == 2 and _ids(store) == ["r1", "r2", "r3", "r4"]
    assert "--since 2024-04-15" in (earlier.error_message or "")
    nightly = crawl(CRAWL_FULL=last_crawl_unfinished(source_id))
    assert nightly.items_new == 2 and _ids(store) == ["r1", "r2", "r3", "r4", "r5", "r6"]
    assert not last_crawl_unfinished(source_id)


def test_a_source_whose_own_since_cuts_it_stays_incremental_night_after_night(
    site: tuple[Site, str], store: str, local_settings: dict[str, Any]
) -> None:
    """A source with since= in its umot.toml options: each night's crawl has that since, so its own cut never asks
    for more. Was: every night's run carried the cut's note, read as unfinished, and crawled in full down to since."""
    from flows.tasks.crawl_jobs import last_crawl_unfinished

    shop, url = site
    source_id = _source(store, url)
    crawl = _crawler(url, store, local_settings, source_id=source_id)
    pages = []
    for _night in range(3):
        crawl("2024-06-01", CRAWL_FULL=last_crawl_unfinished(source_id))
        pages.append(shop.pages())
    assert pages == [["/shop/", "/shop/2/"], ["/shop/"], ["/shop/"]]
