"""What a review's rating does not state of its scale (``bestRating``, ``worstRating``) its item's
``aggregateRating`` may.

A hotel rated out of 10 (``"bestRating": "10"`` on its aggregate rating) with reviews rated 4 and 9
and no ``bestRating`` of their own: 9 was read on the inferred 10 scale but 4 as 4 of 5 stars,
so a 4/10 complaint was stored as a 4-star review and never flagged.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from crawlers.extract.schemaorg import extract_page

PAGE = "https://hotels.example/seaview"


def _hotel(ratings: list[dict[str, Any]], aggregate: dict[str, Any] | None) -> str:
    hotel: dict[str, Any] = {"@context": "https://schema.org", "@type": "Hotel", "name": "Seaview", "review": [
        {"@type": "Review", "@id": f"r{i}", "author": f"Guest {i}", "reviewBody": f"Stay number {i}.",
         "reviewRating": {"@type": "Rating", **rating}} for i, rating in enumerate(ratings)]}
    if aggregate is not None:
        hotel["aggregateRating"] = {"@type": "AggregateRating", "ratingValue": "6.5", "reviewCount": "2", **aggregate}
    return f'<html lang="en"><head><script type="application/ld+json">{json.dumps(hotel)}</script></head></html>'


def _ratings(html: str) -> list[tuple[float | None, float | None, float | None]]:
    return [(r["rating"], r["rating_raw"], r["rating_scale"]) for r in extract_page(html, PAGE).reviews]


def test_reviews_without_a_scale_take_the_one_their_items_aggregate_rating_states() -> None:
    html = _hotel([{"ratingValue": "4"}, {"ratingValue": "9"}], {"bestRating": "10", "worstRating": "1"})
    assert _ratings(html) == [(2.33, 4.0, 10.0), (4.56, 9.0, 10.0)]


@pytest.mark.parametrize(("rating", "aggregate", "expected"), [
    ({"ratingValue": "4", "bestRating": "5"}, {"bestRating": "10"}, (4.0, 4.0, 5.0)),  # its own best wins
    ({"ratingValue": "0", "worstRating": "0"}, {"bestRating": "10", "worstRating": "1"}, (1.0, 0.0, 10.0)),
    ({"ratingValue": "4", "worstRating": "1"}, {"bestRating": "10", "worstRating": "0"}, (2.33, 4.0, 10.0)),
    ({"ratingValue": "40"}, {"bestRating": "100", "worstRating": "0"}, (2.6, 40.0, 100.0)),
    ({"ratingValue": "4"}, {"bestRating": "10"}, (2.33, 4.0, 10.0)),  # worst 1, schema.org's default
    ({"ratingValue": "4"}, {}, (4.0, 4.0, 5.0)),  # an aggregate rating that states no scale: inferred
    ({"ratingValue": "4"}, None, (4.0, 4.0, 5.0)),
])
def test_what_a_review_states_of_its_scale_comes_first(rating: dict[str, str], aggregate: dict[str, str] | None,
                                         expected: tuple[float, float, float]) -> None:
    assert _ratings(_hotel([rating], aggregate)) == [expected]


def test_a_review_naming_its_item_takes_the_items_scale_and_another_items_review_does_not() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Hotel", "@id": "#hotel", "name": "Seaview",
         "aggregateRating": {"@type": "AggregateRating", "ratingValue": "6.5", "bestRating": "10", "reviewCount": "1"}},
        {"@type": "Review", "itemReviewed": {"@id": "#hotel"}, "author": "Ann", "reviewBody": "Noisy.",
         "reviewRating": {"ratingValue": "3"}},
        {"@type": "Review", "itemReviewed": {"@type": "Hotel", "name": "Harbour Inn"}, "author": "Bob",
         "reviewBody": "Fine.", "reviewRating": {"ratingValue": "3"}},
    ]}
    html = f'<html lang="en"><head><script type="application/ld+json">{json.dumps(graph)}</script></head></html>'
    assert _ratings(html) == [(1.89, 3.0, 10.0), (3.0, 3.0, 5.0)]
