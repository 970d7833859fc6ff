"""Listings whose first page named no page still go on to the next: an App Store feed URL without
``/page=N/`` read one page and reported ok, and a Yelp page read from its JSON-LD was never paginated."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.parsers import appstore, yelp
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures"
APPS = "https://itunes.apple.com"
UNPAGED = "/us/rss/customerreviews/id=1234567890/sortby=mostrecent/json"
PAGE2 = "/us/rss/customerreviews/page=2/id=1234567890/sortby=mostrecent/json"


def test_a_feed_url_without_a_page_is_page_one_and_has_a_next() -> None:
    page = appstore.parse((FIXTURES / "appstore" / "page1.json").read_bytes(), APPS + UNPAGED)
    assert len(page.reviews) == 2 and page.next_url == APPS + PAGE2


def test_an_unpaged_feed_on_its_last_page_has_no_next() -> None:
    page = appstore.parse((FIXTURES / "appstore" / "single.json").read_bytes(), APPS + UNPAGED)
    assert page.next_url is None  # its "last" link says page 1


def _yelp_json_ld(next_link: str) -> str:
    html = (FIXTURES / "yelp" / "jsonld.html").read_text(encoding="utf-8")
    return html.replace("</head>", f"{next_link}</head>")


@pytest.mark.parametrize("link", ['<link rel="next" href="/biz/other-place?start=10">',
                                  '<a rel="next" href="https://www.yelp.com/biz/other-place?start=10">'])
def test_a_yelp_page_read_from_its_json_ld_follows_its_next_link(link: str) -> None:
    page = yelp.parse(_yelp_json_ld(link), "https://www.yelp.com/biz/other-place?sort_by=date_desc")
    assert len(page.reviews) == 2
    assert page.next_url == "https://www.yelp.com/biz/other-place?start=10"


def test_a_yelp_json_ld_page_without_a_next_link_is_the_last() -> None:
    assert yelp.parse(_yelp_json_ld(""), "https://www.yelp.com/biz/other-place").next_url is None


@pytest.mark.slow
def test_a_crawl_of_an_unpaged_feed_reads_every_page(serve_site, tmp_path, local_settings) -> None:
    site = serve_site(FIXTURES / "appstore", {UNPAGED: "page1.json", PAGE2: "page2.json"})
    result = run_crawl("appstore", [site.url(UNPAGED)], brand="Acme", output=tmp_path / "out.jsonl",
                       settings=local_settings)
    assert result.ok and result.pages == 2 and result.items_new == 4, result.error_message
    assert len(site.hits_for(PAGE2)) == 1
