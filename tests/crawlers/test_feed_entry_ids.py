"""Feed entries are stored once each, night after night, whatever else the feed holds that night."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl

pytestmark = pytest.mark.slow

ANN = ("<item><title>Acme kettle broke</title><link>{base}/t/1</link><author>ann@example.com (Ann)</author>"
       "<description>My Acme kettle broke after two days, terrible quality.</description>"
       "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>")
BOB = ("<item><title>Re: Acme kettle broke</title><link>{base}/t/1</link><author>bob@example.com (Bob)</author>"
       "<description>Same here, mine leaked from day one.</description>"
       "<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate></item>")
CY = ("<item><title>Acme toaster</title><link>{base}/t/2</link>"
      "<description>The toaster is fine.</description><pubDate>Wed, 06 Mar 2024 11:00:00 GMT</pubDate></item>")


def _rss(*items: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Forum</title><link>{base}/</link>'
            + "".join(items) + "</channel></rss>").encode()


class Feed:
    """The one feed of the site, as it is tonight."""

    body = b""

    def __call__(self, hit: Any) -> tuple[int, str, bytes]:
        return 200, "application/rss+xml", self.body


@pytest.fixture
def night(serve_site: Callable[..., Any], tmp_path: Path, local_settings: dict[str, Any]) -> Callable[[bytes], Any]:
    """``night(rss)``: crawl the feed as it is tonight into one store; the crawl's result."""
    from models.db import init_db

    tonight = Feed()
    site = serve_site(tmp_path, {"/feed.xml": tonight})
    db_url = f"sqlite:///{tmp_path / 'feed.db'}"
    init_db(db_url)

    def crawl(rss: bytes) -> Any:
        tonight.body = rss.replace(b"{base}", site.base_url.encode())
        result = run_crawl("feed", [site.url("/feed.xml")], brand="Acme", database_url=db_url,
                           settings=local_settings)
        assert result.ok, result.error_message
        return result

    crawl.db = db_url.removeprefix("sqlite:///")  # type: ignore[attr-defined]
    crawl.base = site.base_url  # type: ignore[attr-defined]
    return crawl


def _ids(db: str) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT external_id FROM review ORDER BY id")]


def test_entries_sharing_a_guid_are_each_stored(night: Any) -> None:
    shared = '<guid>{base}/t/1</guid></item>'
    night(_rss(ANN.replace("</item>", shared), BOB.replace("</item>", shared)))
    assert len(_ids(night.db)) == 2


def test_an_entry_is_stored_once_when_a_later_entry_shares_its_link(night: Any) -> None:
    night(_rss(ANN))
    night(_rss(BOB, ANN))
    assert len(_ids(night.db)) == 2


def test_an_entry_stored_under_its_link_by_an_older_crawl_is_not_stored_again(night: Any) -> None:
    night(_rss(ANN, CY))
    link = f"{night.base}/t/2"
    with sqlite3.connect(night.db) as conn:  # as crawls stored an entry without a guid before
        conn.execute("UPDATE review SET external_id = ? WHERE url = ?", (link, link))
    again = night(_rss(BOB, ANN, CY))
    assert again.items_new == 1 and len(_ids(night.db)) == 3 and link in _ids(night.db)
