"""One schema.org node -> one review row with the crawl item's fields (``source`` is left to the spider).

Text is unescaped and stripped of markup (``crawlers.extract.node_text``),
ratings are put on a 1-5 scale (``crawlers.extract.ratings``), ids come from the
node or its URL (``crawlers.extract.review_ids``), and the brand's
reply from ``comment`` nodes (``crawlers.extract.replies``). A node that cannot be read gives the reason instead of a row.
:func:`crawlers.extract.finish_rows.finish_row` does the costly part (dates,
language) only for reviews the store does not have yet; an item's aggregate rating is read in
:mod:`crawlers.extract.aggregate_rows`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from crawlers.extract.aggregate_rows import Scale
from crawlers.extract.compact_nodes import node_types
from crawlers.extract.graph import ReviewGraph
from crawlers.extract.link_names import LINK_NAMES, has_link_text, named_before, read_before
from crawlers.extract.node_text import language_of, name_of, text_of
from crawlers.extract.ratings import normalise_rating
from crawlers.extract.replies import reply_of
from crawlers.extract.review_ids import LINK_ID, RELATIVE_ID, link_id, own_id
from crawlers.extract.review_items import item_of, item_scope


def review_row(graph: ReviewGraph, syntax: str, node: dict, item: Any, page_url: str,
               scale: Scale | None = None, sections: frozenset[str] = frozenset()) -> dict[str, Any] | str:
    """A review row of ``item`` (else its ``itemReviewed``), or the reason it cannot be read.

    A rating's ``bestRating`` / ``worstRating`` that the review does not state is its item's, where the
    item's aggregate rating states it (``scale``: a hotel's 4 of 10). ``sections``: the links to the page that
    several of its reviews share (:func:`crawlers.extract.review_ids.page_anchors`). What crawls before read
    otherwise (an id, names given as links) the row carries in ``extra`` for the store to find it by.
    ``published_at`` is the date as published and ``language`` the declared one
    (or None): :func:`finish_row` normalises both, and only for reviews that
    are not already stored, since that is where the page's parsing time goes
    (dateparser and the language model).
    """
    text = text_of(node.get("reviewBody") or node.get("description") or node.get("text"))
    rating_node = graph.resolve(node.get("reviewRating"))
    if isinstance(rating_node, list):
        rating_node = graph.resolve(rating_node[0]) if rating_node else None
    if not isinstance(rating_node, dict):
        rating_node = {"ratingValue": rating_node if rating_node is not None else node.get("ratingValue")}
    best, worst = rating_node.get("bestRating"), rating_node.get("worstRating")
    if scale is not None:  # what the review does not state of its scale, its item's aggregate rating may
        best, worst = scale[0] if best is None else best, scale[1] if worst is None else worst
    rating = normalise_rating(rating_node.get("ratingValue"), best, worst)
    if not text and rating.value is None:
        return "review without text or rating"
    item = item_of(graph, node, item)
    scope = item_scope(graph, item, page_url)
    author = node.get("author") or node.get("creator")
    title = node.get("name") or node.get("headline")
    external_id, relative = own_id(node, page_url, scope, sections)
    before = named_before(item)  # the item as crawls before read it: its scope only where that differs
    extra: dict[str, Any] = {"syntax": syntax, RELATIVE_ID: relative,
                             LINK_ID: link_id(node, page_url, external_id,
                                              scope if before is item else item_scope(graph, before, page_url)),
                             LINK_NAMES: _names_before(graph, author, title)}
    if isinstance(item, dict):
        extra["item_reviewed"] = name_of(graph, item)
        if node_types(item):
            extra["item_type"] = sorted(node_types(item))[0]
    elif item:
        extra["item_reviewed"] = text_of(item)
    raw_date = node.get("datePublished") or node.get("dateCreated") or node.get("dateModified")
    url = node.get("url")
    review_url = urljoin(page_url, str(url)) if isinstance(url, str) and url.strip() else page_url
    return {
        "url": review_url,
        "external_id": external_id,
        "author": name_of(graph, author),
        "rating": rating.value,
        "rating_raw": rating.raw,
        "rating_scale": rating.scale,
        "title": text_of(title),
        "text": text or "",
        "published_at": text_of(raw_date) if raw_date else None,
        "language": language_of(graph, node.get("inLanguage")),
        "extra": {k: v for k, v in extra.items() if v is not None},
        **reply_of(graph, node, item),
    }


def _names_before(graph: ReviewGraph, author: Any, title: Any) -> dict[str, str] | None:
    """The author and title as crawls before read them, where a name given as a link makes them differ
    (``""`` for none: RDFa named no one)."""
    resolved = graph.resolve(author)
    resolved = [graph.resolve(a) for a in resolved] if isinstance(resolved, list) else resolved
    if not (has_link_text(resolved) or has_link_text(title)):  # most reviews (every JSON-LD one): read as now
        return None
    author_before = read_before(resolved)
    read = {"author": (name_of(graph, author), name_of(graph, author_before)),
            "title": (text_of(title), text_of(read_before(title)))}
    changed = {key: before or "" for key, (now, before) in read.items() if before != now}
    return changed or None

