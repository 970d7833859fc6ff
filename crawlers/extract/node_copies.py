"""One node a page describes in several places under one ``@id``: which copies are one node, and the node
they make (:class:`crawlers.extract.graph.ReviewGraph` reads each copy as it)."""

from __future__ import annotations

from typing import Any

from crawlers.extract.compact_nodes import node_types

REVIEW_TYPES = {"Review", "UserReview", "CriticReview", "EmployerReview", "MediaReview"}
#: One review's own nodes: each is one person's words or stars, never a second description of another. Sites
#: give every review on a page one ``@id`` (``url#reviews``): copies typed so are not merged, whatever they say.
PER_REVIEW_TYPES = REVIEW_TYPES | {"Rating", "EndorsementRating", "Comment", "Answer", "Question"}
#: Properties whose values two copies of a node both give: a merged node has each copy's.
_MANY_VALUED = frozenset({"@type", "review", "reviews", "comment"})


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _agrees(merged: dict, node: dict) -> bool:
    """Does ``node`` say nothing against ``merged``: is each property both give the same (lists and types aside)?
    Reviews that share one ``@id`` by a site's mistake say different things: they are several reviews."""
    return all(merged[key] == value for key, value in node.items()
               if key in merged and key not in _MANY_VALUED and key != "@context" and value not in (None, "", [])
               and merged[key] not in (None, "", []))


def _per_review(node: dict) -> bool:
    types = node_types(node)
    return bool(types & PER_REVIEW_TYPES) and "AggregateRating" not in types  # an item's, though a Rating too


def merge_nodes(nodes: list[dict]) -> tuple[dict, list[dict]]:
    """One node of the copies of a node (one ``@id``) and the copies in it: each property the copies give, their
    review lists and types joined; a copy that says something else than those before it is left out. A new
    dict where there are several (the page's nodes are left as they are), else the first node. A review, rating or
    comment (:data:`PER_REVIEW_TYPES`) is never merged: two reviews with one ``@id`` may say nothing against each
    other (one an author and text, the other a rating and date) and still be two reviews."""
    items = [node for node in nodes if not _per_review(node)] if len(nodes) > 1 else []
    if len(items) < 2:
        return nodes[0], items
    merged, members = dict(items[0]), [items[0]]
    for node in items[1:]:
        if not _agrees(merged, node):
            continue
        members.append(node)
        for key, value in node.items():
            if key not in merged or merged[key] in (None, "", []):
                merged[key] = value
            elif key in _MANY_VALUED and value != merged[key]:
                known = _values(merged[key])
                merged[key] = known + [v for v in _values(value) if v not in known]
    return (merged, members) if len(members) > 1 else (nodes[0], members)
