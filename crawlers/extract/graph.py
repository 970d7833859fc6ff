"""The nodes of one page as one graph: nodes sharing an ``@id`` merged, ``@id`` references resolved,
each review found with the item it reviews (its parent under ``review`` / ``aggregateRating``, or none yet)."""

from __future__ import annotations

from typing import Any

from crawlers.extract.compact_nodes import node_types
from crawlers.extract.node_copies import REVIEW_TYPES, merge_nodes

#: Nodes a review may be listed under without being a review of them: it reviews their item.
RATING_TYPES = {"AggregateRating", "Rating"}


class ReviewGraph:
    """Merges nodes that share an ``@id``, resolves ``{"@id": ...}`` references and finds reviews with the item
    they review.

    A site may describe one item in several places (a stub under a review's ``itemReviewed`` and the full
    node in its ``@graph``; the item in one script block and its reviews under its ``@id`` in another): each
    is read as the merged node, so a review finds its item's aggregate rating and scale wherever each was
    written. Within one syntax, not blank nodes (``_:b0``), which name nothing beyond their block, and not
    reviews, ratings or comments, nor copies that contradict each other (several reviews or items under one
    ``@id``: :func:`merge_nodes`).

    Each node is walked once per page: a node's item is the node it is listed under
    (``review``, ``aggregateRating``), whatever path leads there, so a second visit would
    find nothing new. A page whose reviews point back at their product (``itemReviewed``,
    Yoast's ``@graph``) was walked once per path before: seconds for a few hundred reviews.
    """

    def __init__(self, roots: list[tuple[str, dict]]):
        self.by_id: dict[str, dict] = {}
        self.reviews: dict[int, tuple[str, dict, dict | None]] = {}
        self.aggregates: dict[int, tuple[dict, dict | None]] = {}
        self._walked: set[int] = set()
        self._merged: dict[int, tuple[dict, dict]] = {}  # id(a copy) -> (the copy, the merged node)
        copies: dict[tuple[str, str], list[dict]] = {}
        for syntax, root in roots:
            self._index(root, syntax, copies)
        for (_, node_id), nodes in copies.items():
            merged, members = (nodes[0], []) if node_id.startswith("_:") else merge_nodes(nodes)
            self.by_id.setdefault(node_id, merged if members and members[0] is nodes[0] else nodes[0])
            if len(members) > 1:
                self._merged.update((id(node), (node, merged)) for node in members)
        for syntax, root in roots:
            self._walk(root, syntax, None)

    def _index(self, value: Any, syntax: str, copies: dict[tuple[str, str], list[dict]]) -> None:
        if isinstance(value, list):
            for v in value:
                self._index(v, syntax, copies)
        elif isinstance(value, dict):
            node_id = value.get("@id")
            if isinstance(node_id, str) and len(value) > 1:
                found = copies.setdefault((syntax, node_id), [])
                if not any(node is value for node in found):
                    found.append(value)
            for v in value.values():
                self._index(v, syntax, copies)

    def resolve(self, value: Any) -> Any:
        """A reference's node, a copy's merged node; anything else as it is."""
        if not isinstance(value, dict):
            return value
        if set(value) <= {"@id"} and value.get("@id") in self.by_id:
            return self.by_id[value["@id"]]
        copy, merged = self._merged.get(id(value), (None, value))
        return merged if copy is value else value

    def _walk(self, value: Any, syntax: str, parent: dict | None) -> None:
        value = self.resolve(value)
        if isinstance(value, list):
            for v in value:
                self._walk(v, syntax, parent)
            return
        if not isinstance(value, dict):
            return
        key = id(value)
        types = node_types(value) if key not in self._walked else set()
        if (types & REVIEW_TYPES and key not in self.reviews) or (
            parent is not None and key in self.reviews and self.reviews[key][2] is None
        ):
            self.reviews[key] = (syntax, value, parent)
        if ("AggregateRating" in types and key not in self.aggregates) or (
            parent is not None and key in self.aggregates and self.aggregates[key][1] is None
        ):
            self.aggregates[key] = (value, parent)
        if key in self._walked:
            return  # its children were walked from here before: their items do not depend on the path
        self._walked.add(key)
        # under review/aggregateRating this node is the item reviewed; a review listed under a rating
        # (microdata nesting it in the aggregateRating) reviews the rating's item
        item = self._item_of_rating(value, parent) if types & RATING_TYPES else value
        for name, child in value.items():
            if name.startswith("@") and name != "@graph":
                continue
            is_item_link = name in ("review", "reviews", "aggregateRating")
            self._walk(child, syntax, item if is_item_link else None)

    def _item_of_rating(self, rating: dict, parent: dict | None) -> dict | None:
        """The item a rating is of: the node it is listed under, else its ``itemReviewed``."""
        if parent is not None:
            return parent
        item = self.resolve(rating.get("itemReviewed"))
        return item if isinstance(item, dict) else None
