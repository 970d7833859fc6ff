"""One schema.org node -> one review row with the crawl item's fields (``source`` is left to the spider).

Text is unescaped and stripped of markup (``crawlers.extract.node_text``),
ratings are put on a 1-5 scale (``crawlers.extract.ratings``), ids come from the
node or its URL, and the brand's reply is read from ``comment`` nodes. A node that cannot be read gives
the reason instead of a row. :func:`finish_row` does the costly part (dates,
language) only for reviews the store does not have yet.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from core.language import detect_language
from crawlers.extract.dates import date_language, iso_utc, set_published
from crawlers.extract.graph import ReviewGraph
from crawlers.extract.node_text import name_of, text_of
from crawlers.extract.nodes import node_types
from crawlers.extract.ratings import normalise_rating, parse_number

#: ``extra`` key of a row whose id the site wrote as a relative IRI (``"review-1"``): that id as
#: written, which crawls before this stored; ``models.crud.legacy_ids`` (which reads the same
#: key; not imported, so extracting a page loads no store module) moves such a stored review to the absolute id.
RELATIVE_ID = "relative_id"
_IRI_KEYS = ("@id", "url")
_LINK_SHAPED = ("#", "/", "./", "?")  # resolved under any key, as crawls always did


def item_scope(graph: ReviewGraph, item: Any, page_url: str) -> str | None:
    """What a review's bare relative id (``"review-1"``) is scoped to: the item it reviews.

    The item's own link where it has one (``/products/a``), else its name (``item:Acme Kettle``):
    the same on every page of its reviews (``?page=2``, ``page2.html``) and different for each
    product, which neither the page's URL (it changes with the page) nor its folder (products
    without a trailing slash share one) is. None without an item.
    """
    if isinstance(item, dict):
        for key in _IRI_KEYS:
            link = item.get(key)
            if isinstance(link, str) and (urlsplit(link.strip()).scheme or link.strip().startswith("/")):
                return urldefrag(urljoin(page_url, link.strip()))[0]
        name = name_of(graph, item)
        return f"item:{name}" if name else None
    name = text_of(item) if item else None
    return f"item:{name}" if name else None


def _own_id(node: dict, page_url: str, scope: str | None = None) -> tuple[str, str | None] | None:
    """The review's id made absolute, and the id as written when it was a relative IRI that crawls kept as is.

    ``@id`` and ``url`` are IRIs: one without a scheme is relative. A bare name (``"review-1"``)
    is scoped to the item reviewed (``scope``, :func:`item_scope`: ``/products/a#review-1``), so two
    products' ``review-1`` are two reviews and a review keeps its id on whatever page of the
    listing it shows; without an item, and for a path (``"../b/review-1"``) or a link (``url``),
    it resolves against the page as JSON-LD says.
    ``identifier`` and a bare ``id`` (microdata ``itemid``, or a site's own key
    in JSON-LD) are plain values that sites make unique site-wide (``"12345"``):
    resolving them would split one review shown on two pages in two, so they
    are kept as written unless they are link-shaped (``#r1``, ``/reviews/7``).
    """
    for key in ("@id", "id", "identifier", "url"):
        value = node.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("value") or value.get("@value")
        if value is None or str(value).startswith("_:"):  # a blank node names nothing outside its page
            continue
        iri = key in _IRI_KEYS and isinstance(value, str)  # a number is a plain value, whatever its key
        written = str(value).strip()
        value, relative = written, None
        if written.startswith(_LINK_SHAPED):
            value = urljoin(page_url, written)  # "#r1" is only unique within its page
        elif iri and written and not urlsplit(written).scheme:
            relative = written
            bare = key == "@id" and "/" not in written and scope is not None
            value = f"{scope}#{written}" if bare else urljoin(page_url, written)
        if value and value != page_url:
            return value, relative
    return None


def review_id(node: dict, page_url: str, scope: str | None = None) -> str | None:
    """The review's own id (``@id``, microdata ``itemid``, ``identifier``, permalink), made absolute."""
    own = _own_id(node, page_url, scope)
    return own[0] if own else None


def relative_id(node: dict, page_url: str, scope: str | None = None) -> str | None:
    """The id as the site wrote it, where :func:`review_id` resolved a relative IRI (``"review-1"``)."""
    own = _own_id(node, page_url, scope)
    return own[1] if own else None


def aggregate_row(graph: ReviewGraph, node: dict, item: dict | None) -> dict[str, Any]:
    rating = normalise_rating(node.get("ratingValue"), node.get("bestRating"), node.get("worstRating"))
    count = node.get("reviewCount") or node.get("ratingCount")
    return {
        "item_reviewed": name_of(graph, item) if item else name_of(graph, node.get("itemReviewed")),
        "rating": rating.value,
        "rating_raw": rating.raw,
        "rating_scale": rating.scale,
        "count": int(c) if (c := parse_number(count)) is not None else None,
    }


def review_row(
    graph: ReviewGraph, syntax: str, node: dict, item: dict | None, page_url: str
) -> dict[str, Any] | str:
    """A review row, or the reason it cannot be read.

    ``published_at`` is the date as published and ``language`` the declared one
    (or None): :func:`finish_row` normalises both, and only for reviews that
    are not already stored, since that is where the page's parsing time goes
    (dateparser and the language model).
    """
    text = text_of(node.get("reviewBody") or node.get("description") or node.get("text"))
    rating_node = graph.resolve(node.get("reviewRating"))
    if isinstance(rating_node, list):
        rating_node = graph.resolve(rating_node[0]) if rating_node else None
    if isinstance(rating_node, dict):
        rating = normalise_rating(
            rating_node.get("ratingValue"), rating_node.get("bestRating"), rating_node.get("worstRating")
        )
    else:
        rating = normalise_rating(rating_node if rating_node is not None else node.get("ratingValue"))
    if not text and rating.value is None:
        return "review without text or rating"
    item = item if item is not None else graph.resolve(node.get("itemReviewed"))
    if isinstance(item, list):
        item = graph.resolve(item[0]) if item else None
    scope = item_scope(graph, item, page_url)
    extra: dict[str, Any] = {"syntax": syntax, RELATIVE_ID: relative_id(node, page_url, scope)}
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
        "external_id": review_id(node, page_url, scope),
        "author": name_of(graph, node.get("author") or node.get("creator")),
        "rating": rating.value,
        "rating_raw": rating.raw,
        "rating_scale": rating.scale,
        "title": text_of(node.get("name") or node.get("headline")),
        "text": text or "",
        "published_at": text_of(raw_date) if raw_date else None,
        "language": text_of(node.get("inLanguage")),
        "extra": {k: v for k, v in extra.items() if v is not None},
        **reply_of(graph, node),
    }


def reply_of(graph: ReviewGraph, node: dict) -> dict[str, Any]:
    """The business's reply: the review's first schema.org ``comment`` with text (raw date)."""
    comments = graph.resolve(node.get("comment"))
    for comment in comments if isinstance(comments, list) else [comments]:
        comment = graph.resolve(comment)
        text = text_of(comment.get("text") or comment.get("description")) if isinstance(comment, dict) else None
        if text:
            raw_date = comment.get("dateCreated") or comment.get("datePublished")
            return {
                "reply_text": text,
                "reply_author": name_of(graph, comment.get("author") or comment.get("creator")),
                "replied_at": text_of(raw_date) if raw_date else None,
            }
    return {"reply_text": None, "reply_author": None, "replied_at": None}


def finish_row(row: dict[str, Any], page_language: str | None) -> dict[str, Any]:
    """Normalise the costly fields: the dates to ISO 8601 UTC, the language to a code.

    Numeric dates follow the day/month order of the review's declared language,
    else the page's; a published date in the future is no date (``set_published``).
    """
    language = date_language(row["language"], page_language)
    set_published(row, row["published_at"], language)
    if row.get("replied_at"):  # an unreadable date is passed on as written: the store names it
        row["replied_at"] = iso_utc(row["replied_at"], language) or row["replied_at"]
    row["language"] = detect_language(row["text"] or None, row["language"], page_language)
    return row
