"""A crawl that left pages unread makes the next crawl of its source a full one, end to end (real Scrapy).

Two ways a crawl stores its first pages only: a next page that could not be
fetched (the crawl still ends ok), and a crawl killed at its timeout (its stats
file said 0 pages). Either way an incremental crawl after it stops at the reviews
it stored and never reads the pages behind them; ``last_crawl_unfinished`` must
ask for ``CRAWL_FULL``, which sends no validators, so no 304 skips a page. A dead
link of a hub or a sitemap leaves no gap (the next crawl reads the hub and follows
it again), even from a site whose ``Referrer-Policy: no-referrer`` tells no link
from a next page by its Referer, and nor does a next page answering 404 (no crawl
gets past it): they ask for no full crawl, or such a site would be crawled in full
every night.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from crawlers.runner import LOCAL_SITE_SETTINGS, CrawlResult, run_crawl
from flows.stage_outcomes import SourceSpec
from flows.tasks.crawl_jobs import crawl_job, last_crawl_unfinished
from tests.crawlers.etag_site import review_page
from tests.local_http import QuietHandler, serving

pytestmark = pytest.mark.slow

#: Three pages of two reviews each, linked by next links; a hub linking to a product and to a dead link;
#: a sitemap (its URLs made absolute when served) listing a product and two dead ones.
PAGES = {
    "/hub/": '<html><a href="/hub/gone/">Old kettle</a> <a href="/hub/kettle/">Kettle</a></html>',
    "/sitemap.xml": '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    + "".join(f"<url><loc>{{base}}/products/{name}/</loc></url>" for name in ("kettle", "old", "down"))
                    + "</urlset>",
    "/products/kettle/": review_page([("k1", "Boils fast.", 5)]),
    "/hub/kettle/": review_page([("k1", "Boils fast.", 5)]),
    "/shop/": review_page([("r1", "Boils fast.", 5), ("r2", "Pours well.", 4)], "/shop/2/"),
    "/shop/2/": review_page([("r3", "Leaked in a week.", 1), ("r4", "Loud but fast.", 3)], "/shop/3/"),
    "/shop/3/": review_page([("r5", "Lid broke.", 2), ("r6", "Fine kettle.", 4)]),
}


class Shop:
    """:data:`PAGES` with ETags (304 to a matching If-None-Match), each with the ``headers``; a page in
    ``failing`` answers its status, a page not in :data:`PAGES` 404, a ``held`` one only once ``release`` is set."""

    def __init__(self) -> None:
        self.failing: dict[str, int] = {}
        self.held: set[str] = set()
        self.headers: dict[str, str] = {}
        self.release = threading.Event()
        self.answers: list[tuple[str, int]] = []
        self.referers: dict[str, str | None] = {}  # the Referer each page was last asked with

    def handler(self) -> type[QuietHandler]:
        shop = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                if self.path in shop.held:
                    shop.release.wait(120)
                page = PAGES.get(self.path, "").replace("{base}", f"http://{self.headers['Host']}")
                body = b"User-agent: *\nAllow: /\n" if self.path == "/robots.txt" else page.encode()
                etag = '"' + hashlib.sha1(body).hexdigest() + '"'
                status = shop.failing.get(self.path, 200 if body else 404)
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                shop.answers.append((self.path, status))
                shop.referers[self.path] = self.headers.get("Referer")
                try:
                    self.send_response(status)
                    self.send_header("ETag", etag)
                    for name, value in shop.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the crawl was killed while this page was held
                    pass

        return Handler

    def crawl_answers(self) -> dict[str, int]:
        """The pages answered since the last call, and how (robots.txt left out)."""
        answers, self.answers = dict(self.answers), []
        answers.pop("/robots.txt", None)
        return answers


@pytest.fixture
def shop() -> Iterator[tuple[Shop, str]]:
    site = Shop()
    with serving(site.handler()) as base:
        try:
            yield site, base + "/shop/"
        finally:
            site.release.set()


def _crawl(spec: SourceSpec, timeout: float = 120, **settings: Any) -> CrawlResult:
    """The crawl a night runs for ``spec``: in full when its last crawl stopped half way."""
    job = crawl_job(spec, {**LOCAL_SITE_SETTINGS, **settings}, full=last_crawl_unfinished(spec.source_id))
    return run_crawl(job.spider, job.urls, brand=job.brand, source_id=job.source_id, settings=job.settings,
                     timeout=timeout)


def _stored(store: str) -> list[str]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(store), write=False) as session:
        return sorted(r.external_id.rsplit("#", 1)[-1] for r in session.exec(select(Review)))


def _spec(add_source: Callable[..., int], url: str, spider: str = "schemaorg") -> SourceSpec:
    return SourceSpec(source_id=add_source("Acme", "shop", [url]), name="shop", brand_id=1, brand="Acme",
                      spider=spider, urls=(url,))


def test_a_next_page_that_failed_makes_the_next_crawl_read_every_page(
    shop: tuple[Shop, str], store: str, add_source: Callable[..., int]
) -> None:
    """A 500 after its retries: the site may answer tomorrow, and an incremental crawl would stop before it."""
    site, url = shop
    spec = _spec(add_source, url)
    site.failing["/shop/2/"] = 500

    first = _crawl(spec)
    assert first.ok and (first.items_new, first.errors, first.failed_follows) == (2, 1, 1), first.error_message
    assert first.error_message == f"could not fetch {url}2/: the pages after it were not read"
    assert last_crawl_unfinished(spec.source_id)  # the run is ok, but pages 2 and 3 were never read

    site.failing.clear()
    site.crawl_answers()
    second = _crawl(spec)  # in full: the stored validators of page 1 are not sent
    assert second.ok and second.items_new == 4 and second.error_message is None
    assert site.crawl_answers() == {"/shop/": 200, "/shop/2/": 200, "/shop/3/": 200}
    assert _stored(store) == ["r1", "r2", "r3", "r4", "r5", "r6"]
    assert not last_crawl_unfinished(spec.source_id)  # a good crawl read them all: incremental again
    assert _crawl(spec).items_new == 0 and site.crawl_answers() == {"/shop/": 304}


def test_a_crawl_killed_at_its_timeout_counts_what_it_stored_and_the_next_one_reads_every_page(
    shop: tuple[Shop, str], store: str, add_source: Callable[..., int]
) -> None:
    site, url = shop
    spec = _spec(add_source, url)
    site.held.add("/shop/2/")

    killed = _crawl(spec, CRAWL_STORE_BATCH=1, timeout=20)
    assert not killed.ok and killed.error_message == "crawl timed out after 20s"
    assert (killed.items_new, killed.items_scraped) == (2, 2) and _stored(store) == ["r1", "r2"]
    assert last_crawl_unfinished(spec.source_id)

    site.release.set()
    site.crawl_answers()
    again = _crawl(spec)
    assert again.ok and again.items_new == 4, again.error_message
    assert site.crawl_answers() == {"/shop/": 200, "/shop/2/": 200, "/shop/3/": 200}
    assert len(_stored(store)) == 6


def test_a_hubs_dead_link_leaves_no_gap_and_asks_for_no_full_crawl(
    shop: tuple[Shop, str], store: str, add_source: Callable[..., int]
) -> None:
    site, url = shop
    spec = _spec(add_source, url.replace("/shop/", "/hub/"))
    first = _crawl(spec)
    assert first.ok and (first.items_new, first.errors, first.failed_follows) == (1, 1, 0), first.error_message
    assert first.error_message is None and site.crawl_answers()["/hub/gone/"] == 404
    assert not last_crawl_unfinished(spec.source_id)


def test_a_next_page_that_does_not_exist_leaves_no_gap_and_the_next_crawl_stays_incremental(
    shop: tuple[Shop, str], store: str, add_source: Callable[..., int]
) -> None:
    """A listing's dead last link (page 3 answers 404): no crawl gets past it, so the crawl that met it asks
    for no full crawl; a full crawl would meet it again and ask for the next, every night for good."""
    site, url = shop
    spec = _spec(add_source, url)
    site.failing["/shop/3/"] = 404

    first = _crawl(spec)
    assert first.ok and (first.items_new, first.errors, first.failed_follows) == (4, 1, 0), first.error_message
    assert first.error_message is None and site.crawl_answers()["/shop/3/"] == 404
    assert not last_crawl_unfinished(spec.source_id)
    assert _crawl(spec).items_new == 0 and site.crawl_answers() == {"/shop/": 304}  # incremental: page 1 unchanged


def test_a_sitemaps_dead_product_links_leave_no_gap_on_a_site_that_sends_no_referer(
    shop: tuple[Shop, str], store: str, add_source: Callable[..., int]
) -> None:
    """``Referrer-Policy: no-referrer``: the failed requests name no page they came from; they are no next page."""
    site, url = shop
    site.headers["Referrer-Policy"] = "no-referrer"
    site.failing["/products/down/"] = 500  # the product page fails after its retries: the next crawl asks again
    spec = _spec(add_source, url.replace("/shop/", "/sitemap.xml"), spider="sitemap")

    first = _crawl(spec)
    assert first.ok and (first.items_new, first.errors, first.failed_follows) == (1, 2, 0), first.error_message
    answers = site.crawl_answers()
    assert (answers["/products/old/"], answers["/products/down/"]) == (404, 500) and first.error_message is None
    assert site.referers["/products/down/"] is None  # the site's policy was honoured: no Referer to go by
    assert not last_crawl_unfinished(spec.source_id)


def test_a_crawl_not_asked_for_in_full_after_a_gap_reads_every_page_too(
    shop: tuple[Shop, str], store: str, add_source: Callable[..., int]
) -> None:
    """`umot crawl` of the source after a next page failed (not the nightly check): before, it stopped at page 1's
    stored reviews, and its ok run without a note hid the gap from the next nightly crawl too."""
    site, url = shop
    spec = _spec(add_source, url)
    site.failing["/shop/2/"] = 500
    assert _crawl(spec).failed_follows == 1

    site.failing.clear()
    site.crawl_answers()
    job = crawl_job(spec, dict(LOCAL_SITE_SETTINGS), full=False)  # as `umot crawl` runs it
    again = run_crawl(job.spider, job.urls, brand=job.brand, source_id=job.source_id, settings=job.settings,
                      timeout=120)
    assert again.ok and again.items_new == 4, again.error_message
    assert site.crawl_answers() == {"/shop/": 200, "/shop/2/": 200, "/shop/3/": 200}
    assert not last_crawl_unfinished(spec.source_id)
