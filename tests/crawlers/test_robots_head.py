"""A robots.txt bigger than ``DOWNLOAD_MAXSIZE`` or 500 KiB is read up to its first 500 KiB (RFC 9309, 2.5),
and the rules found there are obeyed.

Before, Scrapy kept nothing of a download past ``DOWNLOAD_MAXSIZE``: the host was shut out for the crawl
as if its robots.txt were unreachable, and a big one under it was read whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from crawlers.robots_rules import HEAD_BYTES, robots_head
from crawlers.runner import run_crawl
from tests.crawlers.header_site import Answer, HeaderSite, Route, html, review_page, serving

_RULES = b"User-agent: *\nDisallow: /private/\n"
_PADDING = b"# the calendar of every day this shop was open\n" * (620 * 1024 // 48)  # 620 KiB


def _page(path: str, query: dict[str, list[str]]) -> Answer:
    return html(review_page(path.strip("/").replace("/", "-")))


@pytest.fixture()
def site() -> Iterator[HeaderSite]:
    pages: dict[str, Route] = {path: partial(_page, path) for path in ("/kettle/", "/private/kettle/", "/late/")}
    robots = (200, {"Content-Type": "text/plain"}, _RULES + _PADDING + b"Disallow: /late/\n")
    with serving(HeaderSite(pages, robots=robots)) as served:
        yield served


@pytest.mark.slow
@pytest.mark.parametrize("maxsize", [256 * 1024, 16 * 1024 * 1024])
def test_a_huge_robots_txt_is_obeyed_from_its_first_500_kib(
    site: HeaderSite, local_settings: dict[str, Any], tmp_path: Path, maxsize: int,
) -> None:
    urls = [site.url(path) for path in ("/kettle/", "/private/kettle/", "/late/")]
    result = run_crawl("schemaorg", urls, brand="Acme", output=tmp_path / "o.jsonl",
                       settings={**local_settings, "DOWNLOAD_MAXSIZE": maxsize, "RETRY_TIMES": 0}, timeout=120)
    assert result.ok, result.error_message
    assert site.hits_for("/kettle/") and not site.hits_for("/private/kettle/")
    assert site.hits_for("/late/")  # its rule lies past the first 500 KiB: not read
    assert result.pages == 2 and result.errors == 1  # the forbidden start URL
    assert result.error_message is None


def test_the_head_keeps_whole_lines_of_the_first_500_kib() -> None:
    small = b"User-agent: *\nDisallow: /a\n"
    assert robots_head(small) == small
    whole = b"Disallow: /x\n" * (HEAD_BYTES // 13)  # 8 bytes short of 500 KiB
    body = whole + b"Disallow: /account/settings\n" * 10
    assert robots_head(body) == whole  # "Disallow: /account/settings" cut to "Disallow" is no rule
