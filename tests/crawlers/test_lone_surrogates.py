"""A lone surrogate in a page's text (``"...great \\ud83d"`` in JSON, an emoji cut in half) becomes U+FFFD
where the crawlers read values (``crawlers.extract.surrogates``: JSON-LD's strings, text, a platform row's id).

Kept, it crashed the page at the review's id (``models.identity`` encodes to UTF-8): 1 of 3 reviews
read, 1 error and the next page never fetched, on every crawl; the App Store's page read no review;
in an ``@id`` or a ``url`` it failed the store's whole batch.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse
from scrapy.utils.test import get_crawler

from crawlers import stats as keys
from crawlers.extract.node_text import text_of
from crawlers.extract.schemaorg import extract_page
from crawlers.extract.surrogates import without_lone_surrogates
from crawlers.items import ReviewItem
from crawlers.parsers import appstore
from crawlers.parsers.common import make_review
from crawlers.parsers.values import clean, html_to_text
from crawlers.runner import run_crawl
from crawlers.spiders.appstore import AppStoreSpider
from crawlers.spiders.base import ReviewSpider
from crawlers.spiders.schemaorg import SchemaOrgSpider
from tests.crawlers.header_site import HeaderSite, html, review_page, serving

CUT = "Love this kettle, boils in a minute and looks great \ud83d"  # the emoji's second half is gone
READ = "Love this kettle, boils in a minute and looks great \ufffd"
FEED = "https://itunes.apple.com/us/rss/customerreviews/page=1/id=1234567890/sortby=mostrecent/json"
APPSTORE = Path(__file__).parent / "fixtures" / "appstore" / "page1.json"


def _appstore_body() -> bytes:
    text = APPSTORE.read_text(encoding="utf-8")
    return text.replace("Stay away until they fix it.", "Stay away until they fix it \\ud83d").encode()


def test_lone_surrogates_become_replacement_characters_and_pairs_join() -> None:
    assert without_lone_surrogates(CUT) == READ
    assert without_lone_surrogates("\udc00 low first") == "\ufffd low first"
    assert without_lone_surrogates("a \ud83d\ude00 b") == "a \U0001f600 b"  # a pair in two code points
    assert without_lone_surrogates("Zoë 🎉") == "Zoë 🎉"
    assert text_of(CUT) == READ and clean(f"  {CUT} ") == READ and html_to_text(f"<p>{CUT}</p>") == READ


def test_the_app_store_parser_reads_the_review_as_utf_8_can_hold_it() -> None:
    page = appstore.parse(_appstore_body(), FEED)
    assert page.reviews[0]["text"].endswith("Stay away until they fix it \ufffd")
    assert all(json.dumps(r, default=str, ensure_ascii=False).encode("utf-8") for r in page.reviews)


def test_ids_urls_and_authors_lose_them_too() -> None:
    """The store takes no lone surrogate in any column: a review's ``@id`` or ``url`` with one failed its batch."""
    reviews = [{"@type": "Review", "@id": "https://shop.test/r/\ud83d", "url": "https://shop.test/u/\udc00",
                "author": "Ann \ud83d", "reviewBody": "Boils fast."}]
    page = f'<script type="application/ld+json">{json.dumps({"@type": "Product", "review": reviews})}</script>'
    [row] = extract_page(page, "https://shop.test/").reviews
    assert row["external_id"] == "https://shop.test/r/\ufffd" and row["url"] == "https://shop.test/u/\ufffd"
    assert row["author"] == "Ann \ufffd"
    made = make_review(source="s", external_id="id \ud83d", url="https://x.test/\ud83d", text="t", author="A \ud83d")
    assert (made["external_id"], made["url"], made["author"]) == ("id \ufffd", "https://x.test/\ufffd", "A \ufffd")
    assert make_review(source="s", external_id=None, text="t", author="A \ud83d")["external_id"].startswith("sha1:")


def _spider(cls: type[ReviewSpider], url: str) -> ReviewSpider:
    spider = cls.from_crawler(get_crawler(cls), urls=url)
    spider._opened(spider)  # no store: nothing is known
    return spider


@pytest.mark.parametrize(("cls", "url", "response"), [
    (SchemaOrgSpider, "http://shop.test/kettle/", HtmlResponse),
    (AppStoreSpider, FEED, TextResponse),
], ids=["schemaorg", "appstore"])
def test_a_spider_reads_every_review_of_the_page_and_its_next_page(
    cls: type[ReviewSpider], url: str, response: type[TextResponse],
) -> None:
    spider = _spider(cls, url)
    body = _appstore_body() if cls is AppStoreSpider else review_page(
        "sur", "/kettle/?page=2", ["Fine kettle, boils fast.", CUT, "Works well, no complaints."]).encode()
    out = list(spider.parse(response(url, body=body, encoding="utf-8", request=Request(url))))
    reviews = [o for o in out if isinstance(o, ReviewItem)]
    assert len(reviews) == (2 if cls is AppStoreSpider else 3)
    assert any(isinstance(o, Request) for o in out)  # the next page
    assert spider.crawler.stats.get_value(keys.PARSE_ERRORS) is None


@pytest.mark.slow
def test_a_crawl_writes_the_page_and_reads_the_next(local_settings: dict[str, Any], tmp_path: Path) -> None:
    routes = {
        "/kettle/": lambda q: html(review_page("p1", "/more/", ["Fine kettle, boils fast.", CUT, "Works well."])),
        "/more/": lambda q: html(review_page("p2")),
    }
    out = tmp_path / "out.jsonl"
    with serving(HeaderSite(routes)) as site:
        result = run_crawl("schemaorg", [site.url("/kettle/")], brand="Acme", output=out, settings=local_settings)
    assert result.ok and result.errors == 0 and result.pages == 2 and result.items_new == 6
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert READ in texts
