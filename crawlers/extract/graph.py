"""The nodes of one page as one graph: ``@id`` references resolved, each review found with
the item it reviews (its parent under ``review`` / ``aggregateRating``, or none yet)."""

from __future__ import annotations

from typing import Any

from crawlers.extract.nodes import node_types

REVIEW_TYPES = {"Review", "UserReview", "CriticReview", "EmployerReview", "MediaReview"}


class ReviewGraph:
    """Resolves ``{"@id": ...}`` references and finds reviews with the item they review.

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
        for _, root in roots:
            self._index(root)
        for syntax, root in roots:
            self._walk(root, syntax, None)

    def _index(self, value: Any) -> None:
        if isinstance(value, list):
            for v in value:
                self._index(v)
        elif isinstance(value, dict):
            node_id = value.get("@id")
            if isinstance(node_id, str) and len(value) > 1:
                self.by_id.setdefault(node_id, value)
            for v in value.values():
                self._index(v)

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and set(value) <= {"@id"} and value.get("@id") in self.by_id:
            return self.by_id[value["@id"]]
        return value

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
        for name, child in value.items():
            if name.startswith("@") and name != "@graph":
                continue
            # under review/aggregateRating this node is the item reviewed
            is_item_link = name in ("review", "reviews", "aggregateRating")
            self._walk(child, syntax, value if is_item_link else None)
