"""Guid-less feed entries stored before umot read their HTML's block elements as line breaks
(``<h2>Acme kettle</h2>is`` was ``Acme kettleis``) keep the content id of that text: a crawl after the
upgrade stores none of them a second time."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from crawlers.parsers import feed
from crawlers.parsers.values import legacy_html_to_text
from crawlers.runner import run_crawl
from models.identity import content_id, legacy_content_id

ANN = ("<item><title>Acme kettle</title><link>{base}/t/1</link><author>ann@example.com (Ann)</author>"
       "<description><![CDATA[<h2>Acme kettle</h2><p>The kettle is great.</p><h2>Verdict</h2>Buy it]]>"
       "</description><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>")
BOB = ("<item><title>Acme toaster</title><link>{base}/t/2</link><author>bob@example.com (Bob)</author>"
       "<description><![CDATA[<div>Toaster</div><div>burns everything</div>]]></description>"
       "<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate></item>")
CY = ("<item><title>Acme mug</title><link>{base}/t/3</link><description><![CDATA[<p>The mug is fine.</p>]]>"
      "</description><pubDate>Wed, 06 Mar 2024 11:00:00 GMT</pubDate></item>")
GUID = ("<item><title>Acme lid</title><link>{base}/t/4</link><guid>lid-1</guid>"
        "<description><![CDATA[<h2>Lid</h2>is loose]]></description></item>")
OLD_TEXTS = {"ANN": "Acme kettle\nThe kettle is great.VerdictBuy it", "BOB": "Toasterburns everything"}

pytestmark = pytest.mark.slow


def _rss(base: str, *items: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Forum</title><link>{base}/</link>'
            + "".join(items) + "</channel></rss>").replace("{base}", base).encode()


def _store(db_url: str, rows: list[dict[str, Any]]) -> None:
    """Rows as a crawl before the upgrade stored them."""
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    with session_scope(get_engine(db_url)) as session:
        brand = stored_id(crud.get_or_create_brand(session, "Acme"))
        crud.upsert_reviews(session, rows, brand_id=brand)


class FeedSite:
    """The forum's feed on the fixture site, and a store to crawl it into."""

    def __init__(self, serve_site: Any, tmp_path: Path, settings: dict[str, Any]):
        from models.db import init_db

        self.body = b""
        self.site = serve_site(tmp_path, {"/feed.xml": lambda hit: (200, "application/rss+xml", self.body)})
        self.source = feed.source_name(self.site.url("/feed.xml"))
        self.settings = settings
        self.db_url = f"sqlite:///{tmp_path / 'feed.db'}"
        init_db(self.db_url)

    def crawl(self, *items: str) -> Any:
        self.body = _rss(self.site.base_url, *items)
        result = run_crawl("feed", [self.site.url("/feed.xml")], brand="Acme", database_url=self.db_url,
                           settings=self.settings)
        assert result.ok, result.error_message
        return result

    def ids(self) -> set[str]:
        with sqlite3.connect(self.db_url.removeprefix("sqlite:///")) as conn:
            return {row[0] for row in conn.execute("SELECT external_id FROM review")}


@pytest.fixture
def forum(serve_site: Any, tmp_path: Path, local_settings: dict[str, Any]) -> FeedSite:
    return FeedSite(serve_site, tmp_path, local_settings)


def test_the_old_reading_is_what_umot_stored_before() -> None:
    assert legacy_html_to_text("<h2>Acme kettle</h2><p>The kettle is great.</p><h2>Verdict</h2>Buy it") \
        == OLD_TEXTS["ANN"]
    assert legacy_html_to_text("<div>Toaster</div><div>burns everything</div>") == OLD_TEXTS["BOB"]


def test_the_parser_hands_over_the_earlier_text_only_where_it_differs() -> None:
    page = feed.parse(_rss("https://forum.example", ANN, CY, GUID), "https://forum.example/feed.xml")
    assert page.reviews[0]["text"] == "Acme kettle\nThe kettle is great.\nVerdict\nBuy it"
    assert page.earlier_texts == {0: OLD_TEXTS["ANN"]}  # the mug reads alike, the lid has a guid


def test_entries_stored_under_their_old_text_are_not_stored_again(forum: FeedSite) -> None:
    source = forum.source
    _store(forum.db_url, [
        {"source": source, "author": "Ann", "text": OLD_TEXTS["ANN"],
         "external_id": content_id(source, "Ann", OLD_TEXTS["ANN"]), "published_at": "2024-03-05T10:00:00Z"},
        {"source": source, "author": "Bob", "text": OLD_TEXTS["BOB"],  # an id from the crawls before those
         "external_id": legacy_content_id(source, "Bob", OLD_TEXTS["BOB"]), "published_at": "2024-03-06T10:00:00Z"},
        {"source": source, "author": None, "text": "The mug is fine.",
         "external_id": content_id(source, None, "The mug is fine."), "published_at": "2024-03-06T11:00:00Z"},
    ])
    stored = forum.ids()
    result = forum.crawl(ANN, BOB, CY)
    assert result.items_new == 0 and result.items_edited == 0 and forum.ids() == stored


def test_an_entry_stored_as_read_now_keeps_its_new_id(forum: FeedSite) -> None:
    """Stored under both readings (a crawl after the upgrade, before this fix): the new id is the one kept;
    an entry stored under neither is new, under the id of its text as read now."""
    source = forum.source
    new_text = "Acme kettle\nThe kettle is great.\nVerdict\nBuy it"
    _store(forum.db_url, [
        {"source": source, "author": "Ann", "text": text, "external_id": content_id(source, "Ann", text),
         "published_at": "2024-03-05T10:00:00Z"} for text in (OLD_TEXTS["ANN"], new_text)
    ])
    result = forum.crawl(ANN, BOB)
    ids = forum.ids()
    assert result.items_new == 1 and content_id(source, "Bob", "Toaster\nburns everything") in ids and len(ids) == 3
