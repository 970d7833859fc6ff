"""The business's public reply to a review, read from the review's schema.org ``comment`` nodes.

A comment is any reply under a review: the business's answer, but also another
customer's ("Same thing happened to me"). Counting those as the brand's reply closed
detractor flags as answered and lifted the reply rate. So a comment whose author is
a ``Person`` is the business's only when that person speaks for it: ``worksFor``
given, or the name of the item reviewed, its ``brand`` or ``manufacturer``
("Acme Kitchen" answering a review of Acme Kitchen's pan), names compared as the store
compares brand names (``models.crud.brands.brand_key``: NFKC, case folded, spacing collapsed),
so "Café Olé" typed with combining accents or "ＡＣＭＥ" in fullwidth is the same name. An organisation, a name
as plain text or no author at all is taken as the business (sites mark the owner's
answer so), as before.
"""

from __future__ import annotations

from typing import Any

from crawlers.extract.compact_nodes import node_types
from crawlers.extract.graph import ReviewGraph
from crawlers.extract.node_text import name_of, text_of
from models.identity import brand_key

NO_REPLY: dict[str, Any] = {"reply_text": None, "reply_author": None, "replied_at": None}


def reply_of(graph: ReviewGraph, node: dict, item: Any) -> dict[str, Any]:
    """The first comment of ``node`` (a review of ``item``) with text that the business wrote (raw date)."""
    comments = graph.resolve(node.get("comment"))
    for comment in comments if isinstance(comments, list) else [comments]:
        comment = graph.resolve(comment)
        if not isinstance(comment, dict):
            continue
        text = text_of(comment.get("text") or comment.get("description"))
        author = graph.resolve(comment.get("author") or comment.get("creator"))
        if isinstance(author, list):
            author = graph.resolve(author[0]) if author else None
        if text and _speaks_for_business(graph, author, item):
            raw_date = comment.get("dateCreated") or comment.get("datePublished")
            return {
                "reply_text": text,
                "reply_author": name_of(graph, author),
                "replied_at": text_of(raw_date) if raw_date else None,
            }
    return dict(NO_REPLY)


def _speaks_for_business(graph: ReviewGraph, author: Any, item: Any) -> bool:
    """False for a person who is not the business: another customer's comment is no reply."""
    if not isinstance(author, dict) or "Person" not in node_types(author):
        return True
    if author.get("worksFor") or author.get("affiliation"):
        return True
    name = brand_key(name_of(graph, author) or "")
    return bool(name) and name in _business_names(graph, item)


def _business_names(graph: ReviewGraph, item: Any) -> set[str]:
    if not isinstance(item, dict):
        found = [text_of(item)]
    else:
        found = [name_of(graph, item), name_of(graph, item.get("brand")), name_of(graph, item.get("manufacturer"))]
    return {brand_key(name) for name in found if name}
