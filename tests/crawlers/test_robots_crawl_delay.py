"""robots.txt's ``Crawl-delay`` is honoured (docs say robots.txt is obeyed; it was ignored): the host's
requests are that far apart, up to ``CRAWL_DELAY_MAX``, even with no delay of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "appstore"
FEED = "/us/rss/customerreviews/page={}/id=1234567890/sortby=mostrecent/json"
PAGES = {FEED.format(1): "page1.json", FEED.format(2): "page2.json"}


def _gap(robots: str, serve_site, tmp_path: Path, settings: dict) -> float:
    """Seconds between the crawl's two feed pages, with ``robots`` as the site's robots.txt."""
    site = serve_site(FIXTURES, PAGES, robots=robots)
    result = run_crawl("appstore", [site.url(FEED.format(1))], brand="Acme", output=tmp_path / "out.jsonl",
                       settings=settings)
    assert result.ok and result.pages == 2, result.error_message
    first, second = (site.hits_for(path)[0].at for path in PAGES)
    return second - first


@pytest.mark.slow
def test_a_crawl_delay_spaces_the_hosts_requests(serve_site, tmp_path, local_settings) -> None:
    assert _gap("User-agent: *\nCrawl-delay: 2.5\n", serve_site, tmp_path, local_settings) >= 2.4


@pytest.mark.slow
def test_a_crawl_delay_for_another_agent_does_not(serve_site, tmp_path, local_settings) -> None:
    assert _gap("User-agent: otherbot\nCrawl-delay: 30\n", serve_site, tmp_path, local_settings) < 2  # about 1 s here


@pytest.mark.slow
def test_a_huge_crawl_delay_is_capped(serve_site, tmp_path, local_settings) -> None:
    gap = _gap("User-agent: umot\nCrawl-delay: 3600\n", serve_site, tmp_path, {**local_settings, "CRAWL_DELAY_MAX": 2.5})
    assert 2.4 <= gap < 10
