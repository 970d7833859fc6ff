"""A start URL with a comma in it (Algolia's ``tags=(story,comment)``, as docs/sources.md gives it)
is one URL: from ``umot crawl``/``umot sources`` through the runner, and by hand (``-a urls=...``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawlers.crawl_job import CrawlJob, spider_arguments
from crawlers.runner import run_crawl
from crawlers.spiders.arguments import split_urls

FIXTURES = Path(__file__).parent / "fixtures" / "hackernews"
SEARCH = "/api/v1/search_by_date"
QUERY = "?query=acme&tags=(story,comment)"


@pytest.mark.parametrize(
    ("urls", "expected"),
    [
        ("http://a/s?tags=(story,comment)", ["http://a/s?tags=(story,comment)"]),
        ("http://a/s?tags=(story,comment), http://b/", ["http://a/s?tags=(story,comment)", "http://b/"]),
        ("http://a/1,http://a/2", ["http://a/1", "http://a/2"]),  # a new scheme:// starts a new URL
        ("http://a/1 ,http://a/s?x=1,2 , ", ["http://a/1", "http://a/s?x=1,2"]),
        (" , ,", []),
    ],
)
def test_by_hand_a_comma_inside_a_url_does_not_split_it(urls: str, expected: list[str]) -> None:
    assert split_urls(urls) == expected


def test_the_runner_hands_urls_over_as_a_list() -> None:
    url = "http://a" + SEARCH + QUERY
    args = spider_arguments(CrawlJob("hackernews", [url, "http://b/"]), [url, "http://b/"])
    assert args["urls"] == [url, "http://b/"]
    assert split_urls(json.loads(json.dumps(args))["urls"]) == [url, "http://b/"]  # as crawlers.batch reads it


@pytest.mark.slow
def test_crawl_asks_for_the_whole_url(serve_site, local_settings, tmp_path: Path) -> None:
    site = serve_site(FIXTURES, {SEARCH: "page1.json"})
    out = tmp_path / "hn.jsonl"
    result = run_crawl("hackernews", [site.url(SEARCH + QUERY)], brand=None, output=out, settings=local_settings)
    assert result.ok, result.error_message
    assert [h.path for h in site.hits_for(SEARCH)] == [SEARCH + QUERY]
    assert result.items_new == 2 and len(out.read_text().splitlines()) == 2


def test_a_stored_sources_options_never_set_the_crawls_own_arguments() -> None:
    """A source stored before options were checked, with ``source_id = 3`` or other ``urls`` in its options:
    its reviews went to another brand's source, and the night fetched a feed `sources list` did not show."""
    job = CrawlJob("feed", ["http://a/feed.xml"], brand="Acme", source_id=7,
                   spider_args={"source_id": "3", "urls": "http://b/other.xml", "brand": "Rival", "max_pages": "2"})
    args = spider_arguments(job, ["http://a/feed.xml"])
    assert (args["urls"], args["brand"], args["source_id"], args["max_pages"]) == (["http://a/feed.xml"], "Acme", "7", "2")
