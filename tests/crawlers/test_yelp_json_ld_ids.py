"""A Yelp page read from its JSON-LD (no review ids) finds the reviews stored under Yelp's ids:
the night Yelp's embedded feed changed stored every review a second time."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "yelp"
PAGE = "/biz/acme-coffee-san-francisco?sort_by=date_desc"

pytestmark = pytest.mark.slow


def _json_ld_page(reviews: list[tuple[str, str, str, int]]) -> bytes:
    """The business page with only its JSON-LD ``review`` list: (author, day, text, stars)."""
    graph = {"@context": "https://schema.org/", "@type": "Restaurant", "name": "Acme Coffee",
             "review": [{"author": author, "datePublished": day, "description": text,
                         "reviewRating": {"ratingValue": stars}} for author, day, text, stars in reviews]}
    return (f'<!DOCTYPE html><html lang="en-US"><head><script type="application/ld+json">{json.dumps(graph)}'
            "</script></head><body></body></html>").encode()


def test_json_ld_reviews_take_the_ids_they_are_stored_under(
    serve_site: Any, local_settings: dict[str, Any], tmp_path: Path,
) -> None:
    from models.db import init_db

    db_url = f"sqlite:///{tmp_path / 'yelp.db'}"
    init_db(db_url)
    tonight: dict[str, bytes] = {"page": (FIXTURES / "page1.html").read_bytes()}
    site = serve_site(FIXTURES, {PAGE: lambda hit: (200, "text/html; charset=utf-8", tonight["page"])})
    settings = {**local_settings, "HTTPCACHE_ENABLED": False}

    def crawl() -> Any:
        result = run_crawl("yelp", [site.url(PAGE)], brand="Acme", database_url=db_url, settings=settings)
        assert result.ok, result.error_message
        return result

    assert crawl().items_new >= 2  # the feed's first page: rv-001, rv-002 (and the next page's)
    tonight["page"] = _json_ld_page([
        ("Chris L.", "2024-03-09", "Cold brew was watery and the barista was rude.\nWaited 20 minutes. Save your money.", 1),
        ("María José G.", "2024-03-07", "¡El mejor café de la ciudad! Lo recomiendo a todos mis amigos. ☕️", 5),
        ("Sam P.", "2024-03-10", "New review, only in the JSON-LD.", 4),
    ])
    again = crawl()
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        authors = [row[0] for row in conn.execute("SELECT author FROM review")]
    assert again.items_new == 1 and sorted(authors).count("Chris L.") == 1 and "Sam P." in authors
