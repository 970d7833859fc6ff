"""A robots.txt that could not be downloaded forbids its host for the crawl, as a 5xx one does
(RFC 9309, 2.3.1.4: network errors and timeouts mean complete disallow), named once in the crawl's errors.

Scrapy lets every request through then, as if the site had no robots.txt: a timeout, a body that unzips
past ``DOWNLOAD_MAXSIZE``, or a redirect loop. (A plain body past it is read up to its first 500 KiB:
``test_robots_head.py``.)
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl
from tests.crawlers.header_site import Answer, HeaderSite, gzipped, html, redirect, review_page, serving

pytestmark = pytest.mark.slow

_RULES = b"User-agent: *\nAllow: /\n"


def _slow() -> Answer:
    time.sleep(3)
    return 200, {"Content-Type": "text/plain"}, _RULES


ROBOTS = {
    "gzip-bomb": lambda: gzipped(_RULES + b"#" * (2 << 20)),
    "redirect-loop": lambda: redirect("/robots.txt"),
    "timeout": _slow,
}


@pytest.fixture()
def site() -> Iterator[HeaderSite]:
    with serving(HeaderSite({"/kettle/": lambda q: html(review_page("k"))})) as served:
        yield served


@pytest.mark.parametrize("kind", list(ROBOTS))
def test_a_host_whose_robots_txt_cannot_be_downloaded_is_not_crawled(
    site: HeaderSite, local_settings: dict[str, Any], tmp_path: Path, kind: str,
) -> None:
    answer = ROBOTS[kind]
    site.answer = lambda target, served=site.answer: answer() if target == "/robots.txt" else served(target)  # type: ignore[method-assign]
    settings = {**local_settings, "DOWNLOAD_MAXSIZE": 1 << 20, "DOWNLOAD_TIMEOUT": 1, "RETRY_TIMES": 0}
    result = run_crawl("schemaorg", [site.url("/kettle/")], brand="Acme", output=tmp_path / "o.jsonl",
                       settings=settings)
    assert site.hits_for("/robots.txt") and not site.hits_for("/kettle/")
    assert not result.ok and result.errors == 1 and result.pages == 0 and not result.refused
    netloc = site.base_url.split("//", 1)[1]
    assert result.error_message and result.error_message.startswith(f"could not fetch the robots.txt of {netloc} (")
    assert result.error_message.endswith("): the host is not crawled")
