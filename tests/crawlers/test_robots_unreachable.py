"""A robots.txt answered with a server error forbids its host for the crawl (RFC 9309, 2.3.1.4),
named once in the crawl's errors; a robots.txt that is missing (4xx) still allows everything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "schemaorg"

pytestmark = pytest.mark.slow


def _site(serve_site: Any, robots_status: int) -> Any:
    site = serve_site(FIXTURES, {"/kettle": "jsonld_product.html", "/toaster": "jsonld_product.html"})
    served = site.answer

    def answer(hit: Any) -> tuple[int, str, bytes]:
        if hit.path == "/robots.txt":
            return robots_status, "text/html", b"<html>Service Unavailable</html>"
        return served(hit)

    site.answer = answer
    return site


def test_a_host_whose_robots_txt_fails_is_not_crawled(
    serve_site: Any, local_settings: dict[str, Any], tmp_path: Path,
) -> None:
    site = _site(serve_site, 503)
    urls = [site.url("/kettle"), site.url("/toaster")]
    result = run_crawl("schemaorg", urls, brand="Acme", output=tmp_path / "o.jsonl", settings=local_settings)
    assert not site.hits_for("/kettle") and not site.hits_for("/toaster")
    assert not result.ok and result.errors == 1 and result.pages == 0
    assert result.error_message == f"robots.txt of {site.base_url} answered HTTP 503: the host is not crawled"


def test_a_missing_robots_txt_allows_everything(
    serve_site: Any, local_settings: dict[str, Any], tmp_path: Path,
) -> None:
    site = _site(serve_site, 404)
    result = run_crawl("schemaorg", [site.url("/kettle")], brand="Acme", output=tmp_path / "o.jsonl",
                       settings=local_settings)
    assert result.ok and result.pages == 1 and site.hits_for("/kettle")
