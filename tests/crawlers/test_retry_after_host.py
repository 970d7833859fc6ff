"""A 429's ``Retry-After`` pauses the whole host, and a wait past CRAWL_RETRY_BACKOFF_MAX gives the host up.

Before, only the throttled request waited (in the retry middleware, after its
download slot was free), so the crawl's other requests to the same host went out
during the wait the site had asked for; a long wait was silently cut to 120 s.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl
from tests.crawlers.conftest import FIXTURES, Answer, FixtureSite, Hit

PATHS = ["/a", "/b", "/c", "/d"]
PAGE = (FIXTURES / "schemaorg" / "jsonld_product.html").read_bytes()


def _site(serve_site: Any, retry_after: str) -> FixtureSite:
    """Four pages; the first page asked for answers 429 with ``Retry-After: retry_after``, every other ask 200."""
    asked: list[str] = []

    def page(hit: Hit) -> Answer:
        asked.append(hit.path)
        return (429, "text/plain", b"slow down") if len(asked) == 1 else (200, "text/html; charset=utf-8", PAGE)

    return serve_site(FIXTURES, dict.fromkeys(PATHS, page), retry_after=retry_after)


def _pages(site: FixtureSite) -> list[tuple[float, str]]:
    """(when, path) of each page request, robots.txt left out."""
    return [(h.at, h.path) for h in site.hits if h.path != "/robots.txt"]


def _crawl(site: FixtureSite, local_settings: dict[str, Any], tmp_path: Path, **settings: Any) -> Any:
    return run_crawl(
        "schemaorg", [site.url(p) for p in PATHS], brand=None, output=tmp_path / "out.jsonl",
        # one request every 0.3 s: the others wait in the download slot, not yet sent, when the 429 comes
        settings={**local_settings, "DOWNLOAD_DELAY": 0.3, "DOWNLOAD_DELAY_JITTER": 0, "RETRY_TIMES": 2, **settings},
    )


@pytest.mark.slow
def test_retry_after_pauses_every_request_to_the_host(serve_site, local_settings, tmp_path: Path) -> None:
    site = _site(serve_site, "2")
    result = _crawl(site, local_settings, tmp_path)
    assert result.ok and result.errors == 0
    pages = _pages(site)
    throttled_at, throttled = pages[0]
    assert sorted(p for _, p in pages[1:]) == sorted(PATHS)  # the throttled page retried, all read
    early = [(round(t - throttled_at, 2), p) for t, p in pages[1:] if t < throttled_at + 1.9]
    assert early == [], f"asked while {throttled}'s Retry-After: 2 ran"


def test_a_wait_longer_than_the_back_off_cap_gives_the_host_up(serve_site, local_settings, tmp_path: Path) -> None:
    site = _site(serve_site, "3600")
    started = time.monotonic()
    result = _crawl(site, local_settings, tmp_path, CRAWL_RETRY_BACKOFF_MAX=60)
    assert time.monotonic() - started < 60  # neither an hour's wait nor the cap's minute
    assert not result.ok and result.errors == len(PATHS)  # every page counted as not fetched
    assert "asked to wait 3600s (Retry-After" in (result.error_message or "")
    assert "CRAWL_RETRY_BACKOFF_MAX (60s)" in (result.error_message or "")
    assert len(_pages(site)) == 1  # one request, none after
