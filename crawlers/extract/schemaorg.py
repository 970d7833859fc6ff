"""schema.org ``Review`` and ``AggregateRating`` from any page: JSON-LD, microdata, RDFa.

extruct does the syntax work (:mod:`crawlers.extract.nodes`), the page is walked
as one graph (:mod:`crawlers.extract.graph`: ``@graph`` lists, ``@id``
references, reviews nested under a Product / Recipe / LocalBusiness ``review``
list, and top-level reviews naming their ``itemReviewed``), :mod:`crawlers.extract.review_rows`
turns each node it finds into a row, and :mod:`crawlers.extract.page_rows` keeps each review
once. Each review becomes a row with the crawl item's fields (``source`` is left to the spider). What cannot be read is skipped and reported
in :attr:`PageData.errors`, one reason each; the rest of the page is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from crawlers.extract.aggregate_rows import Scale, aggregate_row
from crawlers.extract.finish_rows import finish_row
from crawlers.extract.graph import ReviewGraph
from crawlers.extract.nodes import page_nodes
from crawlers.extract.page_rows import drop_shared_ids, each_review_once, rdfa_in_page_order
from crawlers.extract.review_ids import page_anchors
from crawlers.extract.review_items import item_of
from crawlers.extract.review_rows import review_row


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
    scales: dict[int, Scale] = {}  # an item's scale as its aggregate rating states it: its reviews' too
    for node, parent in graph.aggregates.values():
        item = item_of(graph, node, parent)
        aggregate = aggregate_row(graph, node, item)
        data.aggregates.append(aggregate)
        if isinstance(item, dict):
            aggregates_by_item[id(item)] = aggregate
            if node.get("bestRating") is not None or node.get("worstRating") is not None:
                scales[id(item)] = (node.get("bestRating"), node.get("worstRating"))
    rows: list[dict[str, Any]] = []
    sections = page_anchors(graph, url)  # links to parts of the page several reviews share
    for index, (syntax, node, parent) in enumerate(graph.reviews.values(), start=1):
        item = item_of(graph, node, parent)  # listed under it, or naming it (itemReviewed)
        row = review_row(graph, syntax, node, item, url, scales.get(id(item)), sections)
        if isinstance(row, str):
            data.errors.append(f"review {index} ({syntax}): {row}")
            continue
        if isinstance(item, dict) and id(item) in aggregates_by_item:
            agg = aggregates_by_item[id(item)]
            row["extra"]["aggregate_rating"] = agg["rating"]
            row["extra"]["aggregate_count"] = agg["count"]
        rows.append(row)
    drop_shared_ids(rows)  # before the dedupe, which would keep one review under the shared id
    rows = each_review_once(rows, url)
    rdfa_in_page_order(rows, html)
    page_language = _page_language(html)
    for row in rows:
        if is_known is not None and is_known(row):
            data.known.append(row)
        else:
            data.reviews.append(finish_row(row, page_language))
    return data
