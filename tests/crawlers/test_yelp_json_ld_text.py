"""Yelp's JSON-LD fallback reads authors and text as the schema.org crawl does (as Trustpilot's does): an author
given by ``@id``, entities and markup in the text (it stored None and ``Fish &amp; chips.<br>``)."""

from __future__ import annotations

import json

from crawlers.parsers import yelp
from models.identity import content_id

URL = "https://www.yelp.com/biz/acme-coffee"


def _page(graph: list[dict]) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@graph": graph})
    return f'<html lang="en-US"><head><script type="application/ld+json">{ld}</script></head><body></body></html>'


def _business(*reviews: dict) -> dict:
    return {"@type": "Restaurant", "name": "Acme Coffee", "review": list(reviews)}


def _review(author: object, text: str = "Fine.") -> dict:
    return {"author": author, "datePublished": "2024-03-05", "description": text, "reviewRating": {"ratingValue": 4}}


def test_string_and_referenced_authors_are_read() -> None:
    page = _page([
        _business(_review("Ann"), _review({"@id": "https://www.yelp.com/user_details?userid=1"}),
                  _review({"@type": "Person", "name": "Cy &amp; Di"})),
        {"@type": "Person", "@id": "https://www.yelp.com/user_details?userid=1", "name": "Bob"},
    ])
    rows = yelp.parse(page, URL).reviews
    assert [r["author"] for r in rows] == ["Ann", "Bob", "Cy & Di"]


def test_text_loses_entities_and_markup_and_its_content_id_follows() -> None:
    page = _page([_business(_review("Ann", "Fish &amp; chips, I&#39;d go back.<br>Great <b>coffee</b>"))])
    (row,) = yelp.parse(page, URL).reviews
    assert row["text"] == "Fish & chips, I'd go back.\nGreat coffee"
    assert row["external_id"] == content_id("yelp", "Ann", row["text"])  # what the feed's stored reviews say
