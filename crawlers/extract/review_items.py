"""The item a review is of, and what its relative id is scoped to.

A review's ``"review-1"`` or ``"#review-7"`` is only unique within its page; scoped to
the item reviewed it stays the same on every page of the item's listing (``?page=2``)
where the page's URL does not (:mod:`crawlers.extract.review_ids` reads the ids).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from crawlers.extract.graph import ReviewGraph
from crawlers.extract.node_text import name_of, text_of

IRI_KEYS = ("@id", "url")


def item_of(graph: ReviewGraph, node: dict, parent: dict | None) -> Any:
    """The item a review or rating is of: the node it is listed under, else its ``itemReviewed`` (resolved)."""
    item = parent if parent is not None else graph.resolve(node.get("itemReviewed"))
    if isinstance(item, list):
        item = graph.resolve(item[0]) if item else None
    return item


def item_scope(graph: ReviewGraph, item: Any, page_url: str) -> str | None:
    """What a review's relative id (``"review-1"``, ``"#review-7"``) is scoped to: the item it reviews.

    The item's own link where it has one (``/products/a``), else its name (``item:Acme Kettle``):
    the same on every page of its reviews (``?page=2``, ``page2.html``) and different for each
    product, which neither the page's URL (it changes with the page) nor its folder (products
    without a trailing slash share one) is. None without an item.
    """
    if isinstance(item, dict):
        for key in IRI_KEYS:
            link = item.get(key)
            if isinstance(link, str) and (urlsplit(link.strip()).scheme or link.strip().startswith("/")):
                return urldefrag(urljoin(page_url, link.strip()))[0]
        name = name_of(graph, item)
        return f"item:{name}" if name else None
    name = text_of(item) if item else None
    return f"item:{name}" if name else None
