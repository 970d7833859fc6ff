"""A page Scrapy drops with ``IgnoreRequest`` is a page not read (crawlers/spiders/_counting.py).

A redirect chain past ``REDIRECT_MAX_TIMES`` or a body that unzips past
``DOWNLOAD_MAXSIZE`` reached the spider's errback as "skipped", like what
robots.txt forbids: a crawl of such a start URL was "ok, 0 pages, 0 errors" and
replaced its JSONL file with an empty one; as a next page it left no gap, so later
crawls never read past it. A start URL whose redirect came back to a page already
asked for (dropped as a duplicate) got neither a page nor an error, and read as ok too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl
from tests.crawlers.header_site import HeaderSite, gzipped, html, redirect, review_page, serving

pytestmark = pytest.mark.slow

KEPT = '{"external_id": "kept"}\n'


def _page_after(query: dict[str, list[str]]) -> int:
    return int(query.get("page", ["1"])[0]) + 1


@pytest.fixture(scope="module")
def site() -> Iterator[HeaderSite]:
    routes = {
        "/chain/": lambda q: redirect(f"/chain/?page={_page_after(q)}"),  # each redirect to a new page
        "/bomb/": lambda q: gzipped(b"A" * (2 << 20)),  # 2 MiB unzipped, past the crawl's 1 MiB
        "/there/": lambda q: redirect("/back/"),
        "/back/": lambda q: redirect("/there/"),  # asked for already: dropped as a duplicate
        "/listing/": lambda q: html(review_page("p1", q.get("next", ["/chain/"])[0])),
    }
    with serving(HeaderSite(routes)) as served:
        yield served


@pytest.fixture()
def settings(local_settings: dict[str, Any]) -> dict[str, Any]:
    return {**local_settings, "REDIRECT_MAX_TIMES": 3, "DOWNLOAD_MAXSIZE": 1 << 20}


@pytest.mark.parametrize(("path", "why"), [
    ("/chain/", "max redirections reached"),
    ("/bomb/", "DOWNLOAD_MAXSIZE"),
    ("/there/", "no page came back"),
], ids=["redirect-chain", "gzip-bomb", "redirect-back"])
def test_a_start_url_scrapy_drops_fails_the_crawl_and_keeps_the_file(
    site: HeaderSite, settings: dict[str, Any], tmp_path: Path, path: str, why: str,
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(KEPT, encoding="utf-8")
    result = run_crawl("schemaorg", [site.url(path)], brand="Acme", output=out, settings=settings)
    assert not result.ok and result.errors == 1 and result.pages == 0
    assert result.error_message and why in result.error_message and site.url(path) in result.error_message
    assert out.read_text(encoding="utf-8") == KEPT


@pytest.mark.parametrize("next_url", ["/chain/", "/bomb/"], ids=["redirect-chain", "gzip-bomb"])
def test_a_next_page_scrapy_drops_leaves_its_gap_in_the_stored_run(
    site: HeaderSite, settings: dict[str, Any], crawl_db: str, stored_run: Any, next_url: str,
) -> None:
    result = run_crawl("schemaorg", [site.url(f"/listing/?next={next_url}")], brand=f"Acme {next_url}",
                       database_url=crawl_db, settings=settings)
    assert result.ok and result.pages == 1 and result.items_new == 3
    assert result.errors == 1 and result.failed_follows == 1
    assert result.error_message and result.error_message.startswith(f"could not fetch {site.url(next_url)}")
    run = stored_run(crawl_db, result.run_id)
    assert run.errors == 1 and run.pages_unread == 1
