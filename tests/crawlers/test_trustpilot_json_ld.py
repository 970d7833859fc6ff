"""Trustpilot's JSON-LD fallback reads authors and text as the schema.org crawl does: a string author,
one given by ``@id``, entities and markup in the text (it stored None, ``Fast &amp; friendly.<br>``)."""

from __future__ import annotations

import json

from crawlers.parsers import trustpilot

URL = "https://www.trustpilot.com/review/acme.example"
REVIEW = "https://www.trustpilot.com/#/schema/Review/acme.example/"


def _page(graph: list[dict]) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@graph": graph})
    return f'<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>'


def _review(review_id: str, **fields: object) -> dict:
    return {"@type": "Review", "@id": REVIEW + review_id, "reviewRating": {"ratingValue": "4", "bestRating": "5"},
            "datePublished": "2024-03-05T10:00:00Z", "reviewBody": "Fine.", **fields}


def test_string_and_referenced_authors_are_read() -> None:
    page = _page([
        _review("abc123", author="Ann"),
        _review("def456", author={"@id": "https://www.trustpilot.com/#/schema/Person/1"}),
        {"@type": "Person", "@id": "https://www.trustpilot.com/#/schema/Person/1", "name": "Bob"},
        _review("ghi789", author={"@type": "Person", "name": "Cy &amp; Di"}),
    ])
    rows = trustpilot.parse(page, URL).reviews
    assert [(r["external_id"], r["author"]) for r in rows] == [("abc123", "Ann"), ("def456", "Bob"),
                                                                ("ghi789", "Cy & Di")]


def test_text_and_title_lose_entities_and_markup() -> None:
    page = _page([_review("abc123", author="Ann", headline="Good &amp; <b>fast</b>",
                          reviewBody="Fast &amp; friendly.<br>Would buy again")])
    (row,) = trustpilot.parse(page, URL).reviews
    assert (row["title"], row["text"]) == ("Good & fast", "Fast & friendly.\nWould buy again")
