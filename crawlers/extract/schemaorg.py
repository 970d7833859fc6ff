"""schema.org ``Review`` and ``AggregateRating`` from any page: JSON-LD, microdata, RDFa.

extruct does the syntax work (:mod:`crawlers.extract.nodes`), the page is walked
as one graph (:mod:`crawlers.extract.graph`: ``@graph`` lists, ``@id``
references, reviews nested under a Product / Recipe / LocalBusiness ``review``
list, and top-level reviews naming their ``itemReviewed``), and :mod:`crawlers.extract.review_rows`
turns each node it finds into a row. Each review becomes a row with the crawl item's fields
(``source`` is left to the spider). What cannot be read is skipped and reported
in :attr:`PageData.errors`, one reason each; the rest of the page is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from crawlers.extract.graph import ReviewGraph
from crawlers.extract.nodes import page_nodes
from crawlers.extract.review_rows import aggregate_row, finish_row, review_row


@dataclass
class PageData:
    """What one page holds: review rows, aggregate ratings, known reviews, and why anything was skipped."""

    reviews: list[dict[str, Any]] = field(default_factory=list)
    aggregates: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    known: list[dict[str, Any]] = field(default_factory=list)  # already stored: left unnormalised


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
        aggregate = aggregate_row(graph, node, item)
        data.aggregates.append(aggregate)
        if item is not None:
            aggregates_by_item[id(item)] = aggregate
    seen: set[Any] = set()
    rows: list[dict[str, Any]] = []
    for index, (syntax, node, item) in enumerate(graph.reviews.values(), start=1):
        row = review_row(graph, syntax, node, item, url)
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
    _rdfa_in_page_order(rows, html)
    page_language = _page_language(html)
    for row in rows:
        if is_known is not None and is_known(row):
            data.known.append(row)
        else:
            data.reviews.append(finish_row(row, page_language))
    return data


def _rdfa_in_page_order(rows: list[dict[str, Any]], html: str | bytes) -> None:
    """Put RDFa reviews back in the page's order, which the RDFa parser's graph does not keep.

    rdflib returns a node's values as a set, so a product's reviews came out in a different
    order from one process to the next. Each is placed where its text (else its id) first
    appears in the page; one not found keeps its place after those found.
    """
    slots = [i for i, row in enumerate(rows) if row["extra"].get("syntax") == "rdfa"]
    if len(slots) < 2:
        return
    page = html if isinstance(html, str) else html.decode("utf-8", "replace")

    def position(row: dict[str, Any]) -> int:
        text = (row["text"] or "")[:40]
        for needle in (text, escape(text, quote=False), escape(text), row["external_id"] or ""):
            at = page.find(needle) if needle else -1
            if at >= 0:
                return at
        return len(page)

    ordered = sorted((rows[i] for i in slots), key=position)  # stable: ties keep their order
    for i, row in zip(slots, ordered, strict=True):
        rows[i] = row


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
