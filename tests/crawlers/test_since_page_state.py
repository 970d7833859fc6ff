"""A page a ``--since`` crawl read only in part is read again by the next crawl, not skipped on a 304."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl
from tests.crawlers.etag_site import EtagSite

pytestmark = pytest.mark.slow


def _page(reviews: list[tuple[str, str, str]], next_url: str | None = None) -> str:
    """A product page of reviews ``(id, day, text)``."""
    graph = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle",
             "review": [{"@type": "Review", "@id": f"#{rid}", "reviewBody": text, "datePublished": day,
                         "author": {"@type": "Person", "name": "Ann"},
                         "reviewRating": {"@type": "Rating", "ratingValue": 1}} for rid, day, text in reviews]}
    link = f'<a rel="next" href="{next_url}">next</a>' if next_url else ""
    return f'<html><script type="application/ld+json">{json.dumps(graph)}</script>{link}</html>'


def _store(tmp_path: Path) -> str:
    from models.db import init_db

    url = f"sqlite:///{tmp_path / 'since.db'}"
    init_db(url)
    return url


@pytest.fixture
def site() -> Iterator[EtagSite]:
    pages = {
        "/shop/": _page([("a", "2024-03-10", "Boils fast, pours well."), ("b", "2024-02-10", "Leaked in a week.")]),
    }
    yield EtagSite(pages)


def test_reviews_since_left_out_are_stored_by_the_next_crawl(
    site: EtagSite, local_settings: dict[str, Any], tmp_path: Path,
    stored_reviews: Callable[[str, str], list[Any]],
) -> None:
    db_url, url = _store(tmp_path), site.url
    settings = {**local_settings, "HTTPCACHE_DIR": str(tmp_path / "httpcache")}
    try:
        first = run_crawl("schemaorg", [url], brand="Acme", database_url=db_url, since=datetime(2024, 3, 1),
                          settings=settings)
        assert first.ok and first.items_new == 1, first.error_message
        again = run_crawl("schemaorg", [url], brand="Acme", database_url=db_url, settings=settings)
        assert again.ok and again.items_new == 1, again.error_message
    finally:
        site.close()
    assert len(stored_reviews(db_url, "Acme")) == 2
