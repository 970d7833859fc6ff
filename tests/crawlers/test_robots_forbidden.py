"""A start URL robots.txt forbids is a named error, not "ok, 0 pages"; forbidden links are only counted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from crawlers import stats as keys
from crawlers.middlewares import RobotsTxtMiddleware
from crawlers.runner import run_crawl
from crawlers.stats_summary import summarise

FIXTURES = Path(__file__).parent / "fixtures" / "schemaorg"


class _Parser:
    """A robots.txt parser that forbids /private/."""

    def allowed(self, url: str, user_agent: str) -> bool:
        return "/private/" not in url


def test_the_middleware_counts_every_forbidden_request_and_names_a_start_url() -> None:
    crawler = get_crawler(Spider, {"ROBOTSTXT_OBEY": True})
    crawler.stats.open_spider()
    mw = RobotsTxtMiddleware.from_crawler(crawler)
    crawler.stats.set_value(keys.START_URLS, 2)
    mw.process_request_2(_Parser(), Request("http://s.example/kettle", meta={"umot_start": True}))
    for url, meta in (("http://s.example/private/a", {}), ("http://s.example/private/b", {"umot_start": True})):
        with pytest.raises(IgnoreRequest):
            mw.process_request_2(_Parser(), Request(url, meta=meta))
    summary = summarise(crawler.stats.get_stats(), "finished")
    assert summary["robots_forbidden"] == 2  # the link and the start URL
    assert summary["errors"] == 1 and summary["ok"]  # one start URL was allowed
    assert crawler.stats.get_value(keys.FIRST_ERROR) == "robots.txt forbids http://s.example/private/b"


@pytest.mark.parametrize(("allowed", "forbidden"), [(0, True), (1, False)], ids=["every-start", "one-allowed"])
def test_a_crawl_whose_every_start_url_is_forbidden_says_so_for_the_retries(allowed: int, forbidden: bool) -> None:
    """Two start URLs, both forbidden: the nightly run retried it (only a lone start URL counted as forbidden)."""
    crawler = get_crawler(Spider, {"ROBOTSTXT_OBEY": True})
    crawler.stats.open_spider()
    mw = RobotsTxtMiddleware.from_crawler(crawler)
    crawler.stats.set_value(keys.START_URLS, 2)
    for url in ("http://s.example/private/a", "http://s.example/private/b")[allowed:]:
        with pytest.raises(IgnoreRequest):
            mw.process_request_2(_Parser(), Request(url, meta={"umot_start": True}))
    if allowed:  # the allowed start URL failed for another reason (a network error: may pass)
        crawler.stats.inc_value(keys.START_FAILURES)
    summary = summarise(crawler.stats.get_stats(), "finished")
    assert not summary["ok"] and summary["forbidden"] is forbidden and not summary["refused"]


@pytest.mark.slow
def test_a_source_whose_only_start_url_is_forbidden_fails_and_says_why(
    serve_site: Any, local_settings: dict[str, Any], crawl_db: str, stored_run: Any,
) -> None:
    site = serve_site(FIXTURES, {"/private/kettle": "jsonld_product.html"})
    url = site.url("/private/kettle")
    result = run_crawl("schemaorg", [url], brand="Acme", database_url=crawl_db, settings=local_settings)
    assert not result.ok and not result.refused and result.forbidden
    assert result.error_message == f"robots.txt forbids {url}"
    assert result.errors == 1 and result.pages == 0
    assert not site.hits_for("/private/kettle")  # still never asked for
    run = stored_run(crawl_db, result.run_id)
    assert run.status == "failed" and run.errors == 1 and run.error_message == f"robots.txt forbids {url}"


@pytest.mark.slow
def test_forbidden_links_of_an_allowed_start_are_counted_but_not_errors(
    serve_site: Any, local_settings: dict[str, Any], tmp_path: Path,
) -> None:
    hub = tmp_path / "hub.html"
    hub.write_text('<html><body><a href="/kettle">Kettle</a> <a href="/private/draft">Draft</a></body></html>')
    site = serve_site(tmp_path, {"/": "hub.html", "/kettle": FIXTURES / "jsonld_product.html",
                                 "/private/draft": FIXTURES / "jsonld_product.html"})
    log = tmp_path / "crawl.log"
    result = run_crawl("schemaorg", [site.url("/")], brand=None, output=tmp_path / "out.jsonl",
                       settings={**local_settings, "LOG_FILE": str(log)})
    assert result.ok and result.errors == 0 and result.items_scraped == 2, result.error_message
    assert not site.hits_for("/private/draft")
    assert f"'{keys.ROBOTS_FORBIDDEN}': 1" in log.read_text()  # Scrapy's stats dump at close
