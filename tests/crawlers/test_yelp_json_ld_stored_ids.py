"""Reviews stored from Yelp's JSON-LD before its authors and text were read as written (an ``@id`` author
stored as None, ``I&#39;d`` kept) are found again, not stored a second time under a new content id."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "yelp"
PAGE = "/biz/acme-coffee-san-francisco?sort_by=date_desc"
PERSON = "https://www.yelp.com/user_details?userid=1"

pytestmark = pytest.mark.slow


def test_json_ld_reviews_stored_as_read_before_are_not_stored_again(
    serve_site: Any, local_settings: dict[str, Any], tmp_path: Path,
) -> None:
    from models import crud
    from models.db import get_engine, init_db, session_scope

    db_url = f"sqlite:///{tmp_path / 'yelp.db'}"
    init_db(db_url)
    with session_scope(get_engine(db_url)) as session:  # the rows the JSON-LD fallback gave before
        brand = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, [
            {"source": "yelp", "author": None, "text": "Good coffee.", "published_at": "2024-03-09T12:00:00Z"},
            {"source": "yelp", "author": "Ann", "text": "I&#39;d go back.<br>Fish &amp; chips too.",
             "published_at": "2024-03-08T12:00:00Z"},
        ], brand_id=brand)
    graph = {"@context": "https://schema.org/", "@graph": [
        {"@type": "Restaurant", "name": "Acme Coffee", "review": [
            {"author": {"@id": PERSON}, "datePublished": "2024-03-09", "description": "Good coffee.",
             "reviewRating": {"ratingValue": 5}},
            {"author": "Ann", "datePublished": "2024-03-08", "description": "I&#39;d go back.<br>Fish &amp; chips too.",
             "reviewRating": {"ratingValue": 4}}]},
        {"@type": "Person", "@id": PERSON, "name": "Bob"}]}
    page = (f'<!DOCTYPE html><html lang="en-US"><head><script type="application/ld+json">{json.dumps(graph)}'
            "</script></head><body></body></html>").encode()
    site = serve_site(FIXTURES, {PAGE: lambda hit: (200, "text/html; charset=utf-8", page)})
    result = run_crawl("yelp", [site.url(PAGE)], brand="Acme", database_url=db_url,
                       settings={**local_settings, "HTTPCACHE_ENABLED": False})
    assert result.ok, result.error_message
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        assert conn.execute("SELECT count(*) FROM review").fetchone()[0] == 2
