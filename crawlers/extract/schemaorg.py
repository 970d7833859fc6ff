"""schema.org ``Review`` and ``AggregateRating`` from any page: JSON-LD, microdata, RDFa.

extruct does the syntax work (:mod:`crawlers.extract.nodes`), the page is walked
as one graph (:mod:`crawlers.extract.graph`: ``@graph`` lists, ``@id``
references, reviews nested under a Product / Recipe / LocalBusiness ``review``
list, and top-level reviews naming their ``itemReviewed``), and this module
turns what it finds into rows. Each review becomes a row with the crawl item's fields
(``source`` is left to the spider). What cannot be read is skipped and reported
in :attr:`PageData.errors`, one reason each; the rest of the page is kept.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import lxml.html

from core.language import detect_language
from crawlers.extract.dates import iso_utc
from crawlers.extract.graph import ReviewGraph
from crawlers.extract.nodes import node_types, page_nodes
from crawlers.extract.ratings import normalise_rating, parse_number


@dataclass
class PageData:
    """What one page holds: review rows, aggregate ratings, known reviews, and why anything was skipped."""

    reviews: list[dict[str, Any]] = field(default_factory=list)
    aggregates: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    known: list[dict[str, Any]] = field(default_factory=list)  # already stored: left unnormalised


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v not in (None, "")), None)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if value is None:
        return None
    text = htmllib.unescape(str(value))
    if "<" in text and ">" in text:
        try:
            text = lxml.html.fromstring(f"<div>{text}</div>").text_content()
        except Exception:  # noqa: BLE001 - keep the raw text
            pass
    text = "\n".join(" ".join(line.split()) for line in text.strip().splitlines())
    return re.sub(r"\n{3,}", "\n\n", text).strip() or None


def _name(graph: ReviewGraph, value: Any) -> str | None:
    value = graph.resolve(value)
    if isinstance(value, list):
        value = graph.resolve(value[0]) if value else None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("alternateName"))
    return _text(value)


def _review_id(node: dict, page_url: str) -> str | None:
    """The review's own id (``@id``, microdata ``itemid``, ``identifier``, permalink), made absolute."""
    for key in ("@id", "id", "identifier", "url"):
        value = node.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("value") or value.get("@value")
        if value is None or str(value).startswith("_:"):
            continue
        value = str(value).strip()
        if value.startswith(("#", "/", "./", "?")):
            value = urljoin(page_url, value)  # "#r1" is only unique within its page
        if value and value != page_url:
            return value
    return None


def _aggregate_row(graph: ReviewGraph, node: dict, item: dict | None) -> dict[str, Any]:
    rating = normalise_rating(node.get("ratingValue"), node.get("bestRating"), node.get("worstRating"))
    count = node.get("reviewCount") or node.get("ratingCount")
    return {
        "item_reviewed": _name(graph, item) if item else _name(graph, node.get("itemReviewed")),
        "rating": rating.value,
        "rating_raw": rating.raw,
        "rating_scale": rating.scale,
        "count": int(c) if (c := parse_number(count)) is not None else None,
    }


def _review_row(
    graph: ReviewGraph, syntax: str, node: dict, item: dict | None, page_url: str
) -> dict[str, Any] | str:
    """A review row, or the reason it cannot be read.

    ``published_at`` is the date as published and ``language`` the declared one
    (or None): :func:`_finish_row` normalises both, and only for reviews that
    are not already stored, since that is where the page's parsing time goes
    (dateparser and the language model).
    """
    text = _text(node.get("reviewBody") or node.get("description") or node.get("text"))
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
    extra: dict[str, Any] = {"syntax": syntax}
    if isinstance(item, dict):
        extra["item_reviewed"] = _name(graph, item)
        if node_types(item):
            extra["item_type"] = sorted(node_types(item))[0]
    elif item:
        extra["item_reviewed"] = _text(item)
    raw_date = node.get("datePublished") or node.get("dateCreated") or node.get("dateModified")
    url = node.get("url")
    review_url = urljoin(page_url, str(url)) if isinstance(url, str) and url.strip() else page_url
    return {
        "url": review_url,
        "external_id": _review_id(node, page_url),
        "author": _name(graph, node.get("author") or node.get("creator")),
        "rating": rating.value,
        "rating_raw": rating.raw,
        "rating_scale": rating.scale,
        "title": _text(node.get("name") or node.get("headline")),
        "text": text or "",
        "published_at": _text(raw_date) if raw_date else None,
        "language": _text(node.get("inLanguage")),
        "extra": {k: v for k, v in extra.items() if v is not None},
        **_reply(graph, node),
    }


def _reply(graph: ReviewGraph, node: dict) -> dict[str, Any]:
    """The business's reply: the review's first schema.org ``comment`` with text (raw date)."""
    comments = graph.resolve(node.get("comment"))
    for comment in comments if isinstance(comments, list) else [comments]:
        comment = graph.resolve(comment)
        text = _text(comment.get("text") or comment.get("description")) if isinstance(comment, dict) else None
        if text:
            raw_date = comment.get("dateCreated") or comment.get("datePublished")
            return {
                "reply_text": text,
                "reply_author": _name(graph, comment.get("author") or comment.get("creator")),
                "replied_at": _text(raw_date) if raw_date else None,
            }
    return {"reply_text": None, "reply_author": None, "replied_at": None}


def _finish_row(row: dict[str, Any], page_language: str | None) -> dict[str, Any]:
    """Normalise the costly fields: the dates to ISO 8601 UTC, the language to a code."""
    row["published_at"] = iso_utc(row["published_at"]) if row["published_at"] else None
    if row.get("replied_at"):  # an unreadable date is passed on as written: the store names it
        row["replied_at"] = iso_utc(row["replied_at"]) or row["replied_at"]
    row["language"] = detect_language(row["text"] or None, row["language"], page_language)
    return row


def _page_language(html: str | bytes) -> str | None:
    head = html[:4000] if isinstance(html, str) else html[:4000].decode("utf-8", "replace")
    match = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z_-]+)", head, re.I)
    return match.group(1) if match else None


def extract_page(
    html: str | bytes, url: str, is_known: Callable[[dict[str, Any]], bool] | None = None
) -> PageData:
    """Reviews and aggregate ratings on one page (all syntaxes, duplicates across syntaxes removed).

    ``is_known(row)`` (the crawl's "already stored?" test, given the row's
    ``external_id``, ``author`` and ``text``) moves known reviews to
    :attr:`PageData.known` before their date and language are normalised: a
    page of stored reviews then never loads dateparser or the language model.
    Their ``published_at`` stays as published (``parse_datetime`` reads it).
    """
    data = PageData()
    roots = page_nodes(html, url, data.errors)
    if not roots:
        return data
    graph = ReviewGraph(roots)
    aggregates_by_item: dict[int, dict[str, Any]] = {}
    for node, item in graph.aggregates.values():
        aggregate = _aggregate_row(graph, node, item)
        data.aggregates.append(aggregate)
        if item is not None:
            aggregates_by_item[id(item)] = aggregate
    seen: set[Any] = set()
    rows: list[dict[str, Any]] = []
    for index, (syntax, node, item) in enumerate(graph.reviews.values(), start=1):
        row = _review_row(graph, syntax, node, item, url)
        if isinstance(row, str):
            data.errors.append(f"review {index} ({syntax}): {row}")
            continue
        if item is not None and id(item) in aggregates_by_item:
            agg = aggregates_by_item[id(item)]
            row["extra"]["aggregate_rating"] = agg["rating"]
            row["extra"]["aggregate_count"] = agg["count"]
        key = row["external_id"] or (row["author"], (row["text"] or "")[:300], row["rating"])
        if key in seen:  # same review marked up twice (JSON-LD and microdata)
            continue
        seen.add(key)
        rows.append(row)
    _drop_shared_ids(rows)
    page_language = _page_language(html)
    for row in rows:
        if is_known is not None and is_known(row):
            data.known.append(row)
        else:
            data.reviews.append(_finish_row(row, page_language))
    return data


def _drop_shared_ids(rows: Iterable[dict[str, Any]]) -> None:
    """An id shared by several reviews on a page (often the page URL) identifies none of them."""
    rows = list(rows)
    counts: dict[str, int] = {}
    for row in rows:
        if row["external_id"]:
            counts[row["external_id"]] = counts.get(row["external_id"], 0) + 1
    for row in rows:
        if row["external_id"] and counts[row["external_id"]] > 1:
            row["external_id"] = None
