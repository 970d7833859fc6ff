"""An item's aggregate rating as a row, and the rating scale it states for the item's reviews.

Kept apart from the review rows (:mod:`crawlers.extract.review_rows`): an aggregate is
no review, but the scale it states (a hotel's 4 of 10) is its reviews' where they do
not state their own.
"""

from __future__ import annotations

from typing import Any

from crawlers.extract.counts import parse_count
from crawlers.extract.graph import ReviewGraph
from crawlers.extract.node_text import name_of
from crawlers.extract.ratings import normalise_rating
from crawlers.extract.review_items import item_of

#: An item's rating scale as its ``aggregateRating`` states it: (``bestRating``, ``worstRating``).
Scale = tuple[object, object]


def aggregate_row(graph: ReviewGraph, node: dict, item: Any) -> dict[str, Any]:
    """An aggregate rating of ``item`` (else its ``itemReviewed``); its count a whole number ("1,234") or None."""
    item = item_of(graph, node, item)
    rating = normalise_rating(node.get("ratingValue"), node.get("bestRating"), node.get("worstRating"))
    count = node.get("reviewCount") or node.get("ratingCount")
    return {
        "item_reviewed": name_of(graph, item),
        "rating": rating.value,
        "rating_raw": rating.raw,
        "rating_scale": rating.scale,
        "count": parse_count(count),
    }
