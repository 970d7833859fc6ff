"""A review finds its item's scale and aggregate rating wherever the page wrote them.

An item described in two places under one ``@id`` (a stub under the review's ``itemReviewed`` and the
full node in the ``@graph``; the hotel in one script block and its reviews under its ``@id`` in another)
was read as two items: a 3/10 review was stored as 3 of 5 stars and carried no aggregate rating. And a
microdata review nested inside the item's ``aggregateRating`` took the rating for its item.
"""

from __future__ import annotations

import json
from typing import Any

from crawlers.extract.graph import ReviewGraph
from crawlers.extract.schemaorg import extract_page

PAGE = "https://hotel.example/bay/"
HOTEL_ID = "https://hotel.example/bay/#hotel"
AGGREGATE = {"@type": "AggregateRating", "ratingValue": "6.1", "bestRating": "10", "reviewCount": "40"}


def _page(*blocks: Any, body: str = "") -> str:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(b)}</script>' for b in blocks)
    return f'<html lang="en"><head>{scripts}</head><body>{body}</body></html>'


def _review(author: str, rating: str, **more: Any) -> dict[str, Any]:
    return {"@type": "Review", "author": {"@type": "Person", "name": author}, "reviewBody": f"Stay of {author}.",
            "reviewRating": {"@type": "Rating", "ratingValue": rating}, **more}


def _read(html: str) -> list[tuple[Any, ...]]:
    return [(r["author"], r["rating"], r["extra"].get("item_reviewed"), r["extra"].get("aggregate_count"))
            for r in extract_page(html, PAGE).reviews]


def test_a_review_naming_a_stub_of_its_item_gets_the_full_items_scale_and_rating() -> None:
    stub = {"@type": "Hotel", "@id": HOTEL_ID, "name": "Bay Hotel"}
    graph = {"@context": "https://schema.org", "@graph": [
        _review("Wes", "3", itemReviewed=stub),
        {"@type": "Hotel", "@id": HOTEL_ID, "name": "Bay Hotel", "aggregateRating": AGGREGATE}]}
    assert _read(_page(graph)) == [("Wes", 1.89, "Bay Hotel", 40)]


def test_reviews_listed_under_the_items_id_in_another_block_are_its_reviews() -> None:
    hotel = {"@context": "https://schema.org", "@type": "Hotel", "@id": HOTEL_ID, "name": "Bay Hotel",
             "aggregateRating": AGGREGATE}
    reviews = {"@context": "https://schema.org", "@id": HOTEL_ID, "review": [_review("Ola", "4"), _review("Pia", "9")]}
    assert _read(_page(hotel, reviews)) == [("Ola", 2.33, "Bay Hotel", 40), ("Pia", 4.56, "Bay Hotel", 40)]


def test_merging_copies_leaves_the_pages_nodes_as_they_are() -> None:
    stub = {"@type": "Hotel", "@id": HOTEL_ID, "name": "Bay Hotel"}
    full = {"@type": "Hotel", "@id": HOTEL_ID, "name": "Bay Hotel", "aggregateRating": AGGREGATE}
    graph = ReviewGraph([("json-ld", {"@graph": [_review("Wes", "3", itemReviewed=stub), full]})])
    assert graph.resolve(stub) is graph.resolve(full) is graph.resolve({"@id": HOTEL_ID})
    assert "aggregateRating" in graph.resolve(stub) and "aggregateRating" not in stub


def test_copies_saying_different_things_under_one_id_stay_apart() -> None:
    """A site giving every review one ``@id``: merged, the reviews were one."""
    reviews = [_review(name, "4", **{"@id": "https://hotel.example/bay/#review"}) for name in ("Ann", "Bo")]
    hotel = {"@context": "https://schema.org", "@type": "Hotel", "name": "Bay Hotel", "review": reviews}
    assert [r[0] for r in _read(_page(hotel))] == ["Ann", "Bo"]


def test_a_microdata_review_inside_the_aggregate_rating_reviews_the_item() -> None:
    body = ('<div itemscope itemtype="https://schema.org/Hotel"><h1 itemprop="name">Harbour Inn</h1>'
            '<div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">'
            '<span itemprop="ratingValue">7.2</span>/<span itemprop="bestRating">10</span> from '
            '<span itemprop="reviewCount">88</span> reviews'
            '<div itemprop="review" itemscope itemtype="https://schema.org/Review"><span itemprop="author">Uma</span>'
            '<div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">'
            '<span itemprop="ratingValue">3</span></div><p itemprop="reviewBody">Cold room.</p></div></div></div>')
    rows = extract_page(_page(body=body), PAGE).reviews
    assert [(r["rating"], r["extra"].get("item_reviewed"), r["extra"].get("aggregate_count")) for r in rows] == [
        (1.89, "Harbour Inn", 88)]


def test_reviews_sharing_an_id_stay_apart_even_when_they_say_nothing_against_each_other() -> None:
    """One with an author and text, the other a rating, date and description: merged, the second was lost."""
    shared = {"@id": PAGE + "#reviews", "@type": "Review"}
    hotel = {"@context": "https://schema.org", "@type": "Hotel", "name": "Bay Hotel", "review": [
        {**shared, "author": "Ann", "reviewBody": "Quiet room."},
        {**shared, "reviewRating": {"@type": "Rating", "ratingValue": "1"}, "datePublished": "2024-05-01",
         "description": "Noisy bar."}]}
    rows = extract_page(_page(hotel), PAGE).reviews
    assert [(r["author"], r["text"], r["rating"]) for r in rows] == [("Ann", "Quiet room.", None),
                                                                     (None, "Noisy bar.", 1.0)]


def test_ratings_and_comments_sharing_an_id_are_not_merged() -> None:
    rating = {"@id": PAGE + "#rating", "@type": "Rating", "ratingValue": "5"}
    other = {"@id": PAGE + "#rating", "@type": "Rating", "bestRating": "10"}
    comment = {"@id": PAGE + "#reply", "@type": "Comment", "text": "Thank you, Ann."}
    reply = {"@id": PAGE + "#reply", "@type": "Comment", "author": "Bay Hotel"}
    graph = ReviewGraph([("json-ld", {"@graph": [rating, other, comment, reply]})])
    assert all(graph.resolve(node) is node for node in (rating, other, comment, reply))


def test_a_review_under_its_items_id_leaves_the_items_copies_merged() -> None:
    """A site giving a review its product's ``@id``: the item's two copies are still one, the review its own."""
    stub = {"@type": "Hotel", "@id": HOTEL_ID, "name": "Bay Hotel"}
    graph = {"@context": "https://schema.org", "@graph": [
        _review("Wes", "3", itemReviewed=stub, **{"@id": HOTEL_ID}),
        {"@type": "Hotel", "@id": HOTEL_ID, "name": "Bay Hotel", "aggregateRating": AGGREGATE}]}
    assert _read(_page(graph)) == [("Wes", 1.89, "Bay Hotel", 40)]


def test_an_aggregate_rating_typed_a_rating_too_is_still_merged() -> None:
    rating = {"@id": HOTEL_ID + "-rating", "@type": ["AggregateRating", "Rating"]}
    stub, full = {**rating, "ratingValue": "6.1"}, {**rating, "ratingValue": "6.1", "bestRating": "10"}
    graph = ReviewGraph([("json-ld", {"@graph": [stub, full]})])
    assert graph.resolve(stub) is graph.resolve(full) and graph.resolve(stub)["bestRating"] == "10"
