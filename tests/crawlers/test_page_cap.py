"""A site whose next-page links never end (a calendar, session ids in links) stops at the crawl's page cap.

Every ``?page=N`` holds reviews no other page holds and links to N+1: nothing but a cap ends the crawl
(before, the nightly flow's crawl timeout did). The cap is Scrapy's ``CLOSESPIDER_PAGECOUNT`` (every
response, robots.txt included); the stopped crawl is ok but unfinished, and its note says so. The next crawl
of the source stays incremental: a full one (what a capped crawl asked for before) stopped at the same cap
every time, re-reading the same pages and never the rest. A crawl whose last response is the cap's is complete.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from crawlers.crawl_notes import cap_note
from crawlers.runner import run_crawl
from crawlers.stats import CAPPED, PAGE_CAP
from crawlers.stats_summary import summarise
from tests.crawlers.conftest import Answer, FixtureSite, Hit

pytestmark = pytest.mark.slow


def endless(hit: Hit) -> Answer:
    """Page N: two reviews of its own, and a next link to N+1, forever."""
    n = int(parse_qs(urlsplit(hit.path).query).get("page", ["1"])[0])
    reviews = [{"@type": "Review", "@id": f"p{n}r{i}", "author": {"@type": "Person", "name": f"A{n}.{i}"},
                "reviewBody": f"review {i} of page {n}: the kettle is fine", "datePublished": "2024-03-05",
                "reviewRating": {"@type": "Rating", "ratingValue": "4"}} for i in (1, 2)]
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "review": reviews}
    body = (f"<!doctype html><html lang='en'><head><title>t</title></head><body>"
            f'<script type="application/ld+json">{json.dumps(data)}</script>'
            f'<a rel="next" href="?page={n + 1}&sid={n * 7919}">next</a></body></html>')
    return 200, "text/html; charset=utf-8", body.encode()


def short(hit: Hit) -> Answer:
    """A finite site: three pages of two reviews each, the third with no next link."""
    status, kind, body = endless(hit)
    n = int(parse_qs(urlsplit(hit.path).query).get("page", ["1"])[0])
    return status, kind, body.split(b"<a rel=")[0] + b"</body></html>" if n >= 3 else body


@pytest.fixture(scope="module")
def site(serve_site: Callable[..., FixtureSite], tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    return serve_site(tmp_path_factory.mktemp("site"), {"/calendar/": endless, "/short/": short})


def test_a_capped_crawl_leaves_the_next_one_incremental(
    site: FixtureSite, local_settings: dict[str, Any], crawl_db: str, stored_run: Callable[[str, int], Any]
) -> None:
    settings = {**local_settings, "CLOSESPIDER_PAGECOUNT": 5}
    first = run_crawl("schemaorg", [site.url("/calendar/")], brand="Capped", database_url=crawl_db,
                      settings=settings, timeout=120)
    # robots.txt and four pages make five responses; page 5, queued, is left
    assert first.ok, first.error_message
    assert first.pages == 4 and len(site.hits_for("/calendar/")) == 4 and first.items_new == 8
    assert (first.page_cap, first.pages_unread, first.failed_follows) == (5, 0, 0)
    assert first.error_message == ("stopped at the page cap of 5 pages (--max-pages, UMOT_CRAWL_MAX_PAGES): the "
                                   "pages past it were not read (a crawl with a higher cap and CRAWL_FULL=1 reads them)")
    assert first.run_id is not None
    run = stored_run(crawl_db, first.run_id)
    assert (run.status, run.pages_unread, run.error_message) == ("ok", 0, first.error_message)

    # the same cap again: incremental, it stops at page 1's known reviews (before, it read pages 1-4 again, and
    # again every night after, never page 5)
    again = run_crawl("schemaorg", [site.url("/calendar/")], brand="Capped", database_url=crawl_db,
                      settings=settings, timeout=120)
    assert again.ok and (again.pages, again.items_new, again.page_cap, again.error_message) == (1, 0, None, None)
    assert len(site.hits_for("/calendar/")) == 5

    # what the note says: a higher cap, reading every page, gets past it
    full = run_crawl("schemaorg", [site.url("/calendar/")], brand="Capped", database_url=crawl_db,
                     settings={**local_settings, "CLOSESPIDER_PAGECOUNT": 8, "CRAWL_FULL": True}, timeout=120)
    assert full.ok and full.pages == 7 and full.items_new == 6 and (full.page_cap, full.pages_unread) == (8, 0)


def test_the_cap_comes_from_the_umot_setting(
    site: FixtureSite, local_settings: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UMOT_CRAWL_MAX_PAGES", "3")
    result = run_crawl("schemaorg", [site.url("/calendar/")], brand=None, output=tmp_path / "o.jsonl",
                       settings=local_settings, timeout=120)
    assert result.ok and result.pages == 2 and result.page_cap == 3 and result.pages_unread == 0


@pytest.mark.parametrize(("cap", "page_cap"), [(4, None), (3, 3)])
def test_a_crawl_whose_last_response_is_the_caps_is_complete(
    site: FixtureSite, local_settings: dict[str, Any], tmp_path: Path, cap: int, page_cap: int | None
) -> None:
    """robots.txt and three pages: a cap of 4 stops the crawl at its last response (Scrapy's finish reason says
    capped, but nothing was left); a cap of 3 leaves page 3 queued."""
    result = run_crawl("schemaorg", [site.url("/short/")], brand=None, output=tmp_path / "o.jsonl",
                       settings={**local_settings, "CLOSESPIDER_PAGECOUNT": cap}, timeout=120)
    assert result.ok and result.pages == cap - 1 and result.page_cap == page_cap
    assert (result.error_message is None) is (page_cap is None)


def test_a_crawl_that_ends_before_the_cap_is_complete() -> None:
    done = summarise({"umot/start_urls": 1, "umot/pages": 3, PAGE_CAP: 5000}, "finished")
    assert done["ok"] and done["pages_unread"] == 0 and done["page_cap"] is None and done["error_message"] is None
    last = summarise({"umot/start_urls": 1, "umot/pages": 3, "scheduler/enqueued": 3, "scheduler/dequeued": 3,
                      PAGE_CAP: 4}, CAPPED)
    assert last["ok"] and last["page_cap"] is None and last["error_message"] is None
    capped = summarise({"umot/start_urls": 1, "umot/failed_follows": 2, "umot/first_failed_follow": "http://s/p?2",
                        "scheduler/enqueued": 9, "scheduler/dequeued": 6, PAGE_CAP: 40}, CAPPED)
    # only the failed next pages make the next crawl a full one
    assert capped["ok"] and (capped["pages_unread"], capped["page_cap"], capped["failed_follows"]) == (2, 40, 2)
    assert capped["error_message"].split("; ")[1] == cap_note(40)


def test_a_cap_of_one_page_reads_right() -> None:
    one = summarise({"umot/start_urls": 1, "scheduler/enqueued": 1, "scheduler/dequeued": 0, PAGE_CAP: 1}, CAPPED)
    assert one["error_message"].startswith("stopped at the page cap of 1 page (--max-pages")


def test_the_cap_is_in_the_stats_without_a_stats_file() -> None:
    """A plain ``scrapy crawl`` into the store (no CRAWL_STATS_FILE) names the cap in its run's note too."""
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.test import get_crawler

    from crawlers.extensions import CrawlStatsFile

    crawler = get_crawler(settings_dict={"CLOSESPIDER_PAGECOUNT": 7})
    crawler._apply_settings()
    with pytest.raises(NotConfigured):
        CrawlStatsFile.from_crawler(crawler)
    assert crawler.stats.get_value(PAGE_CAP) == 7
