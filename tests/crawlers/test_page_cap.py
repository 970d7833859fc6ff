"""A site whose next-page links never end (a calendar, session ids in links) stops at the crawl's page cap.

Every ``?page=N`` holds reviews no other page holds and links to N+1: nothing but a cap ends the crawl
(before, the nightly flow's crawl timeout did). The cap is Scrapy's ``CLOSESPIDER_PAGECOUNT`` (every
response, robots.txt included); the stopped crawl is ok but unfinished: its run counts the pages left
queued, so the next crawl of the source reads every page instead of stopping at the reviews it stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

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


@pytest.fixture(scope="module")
def site(serve_site: Callable[..., FixtureSite], tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    return serve_site(tmp_path_factory.mktemp("site"), {"/calendar/": endless})


def test_endless_pages_stop_at_the_cap_and_the_run_is_left_unfinished(
    site: FixtureSite, local_settings: dict[str, Any], crawl_db: str, stored_run: Callable[[str, int], Any]
) -> None:
    settings = {**local_settings, "CLOSESPIDER_PAGECOUNT": 5}
    first = run_crawl("schemaorg", [site.url("/calendar/")], brand="Capped", database_url=crawl_db,
                      settings=settings, timeout=120)
    # robots.txt and four pages make five responses; page 5, queued, is left
    assert first.ok, first.error_message
    assert first.pages == 4 and len(site.hits_for("/calendar/")) == 4 and first.items_new == 8
    assert (first.page_cap, first.pages_unread, first.failed_follows) == (5, 1, 0)
    assert first.error_message == "stopped at the page cap of 5 pages: 1 queued page not read"
    assert first.run_id is not None
    run = stored_run(crawl_db, first.run_id)
    assert (run.status, run.pages_unread, run.error_message) == ("ok", 1, first.error_message)

    # not complete: the next crawl reads every page again (an incremental one would stop at page 1's known reviews)
    again = run_crawl("schemaorg", [site.url("/calendar/")], brand="Capped", database_url=crawl_db,
                      settings={**local_settings, "CLOSESPIDER_PAGECOUNT": 8}, timeout=120)
    assert again.ok and again.pages == 7 and again.items_new == 6 and again.pages_unread == 1


def test_the_cap_comes_from_the_umot_setting(
    site: FixtureSite, local_settings: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UMOT_CRAWL_MAX_PAGES", "3")
    result = run_crawl("schemaorg", [site.url("/calendar/")], brand=None, output=tmp_path / "o.jsonl",
                       settings=local_settings, timeout=120)
    assert result.ok and result.pages == 2 and result.page_cap == 3 and result.pages_unread == 1


def test_a_crawl_that_ends_before_the_cap_is_complete() -> None:
    done = summarise({"umot/start_urls": 1, "umot/pages": 3, PAGE_CAP: 5000}, "finished")
    assert done["ok"] and done["pages_unread"] == 0 and done["page_cap"] is None and done["error_message"] is None
    capped = summarise({"umot/start_urls": 1, "umot/failed_follows": 2, "umot/first_failed_follow": "http://s/p?2",
                        "scheduler/enqueued": 9, "scheduler/dequeued": 6, PAGE_CAP: 40}, CAPPED)
    assert capped["ok"] and (capped["pages_unread"], capped["page_cap"], capped["failed_follows"]) == (5, 40, 2)
    assert capped["error_message"].split("; ")[1] == "stopped at the page cap of 40 pages: 3 queued pages not read"
