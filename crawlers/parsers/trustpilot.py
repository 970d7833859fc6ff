"""Trustpilot business review pages: the Next.js page data, JSON-LD as fallback.

URL: ``https://www.trustpilot.com/review/{domain}?page={n}`` (``sort=recency``).
The server-rendered page carries ``<script id="__NEXT_DATA__">`` with
``props.pageProps.reviews[]`` (``id``, ``rating``, ``title``, ``text``,
``consumer.displayName``, ``dates.publishedDate``, ``language``, ``likes``,
``reply.message`` / ``reply.publishedDate``: the company's reply, signed by the
business's ``displayName``) and ``props.pageProps.filters.pagination`` (``currentPage``,
``totalPages``). Pages without it are read from their schema.org JSON-LD
``Review`` nodes (``@graph`` or top level) through extruct, their authors and text
as the schema.org crawl reads them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from parsel import Selector

from crawlers.extract.node_text import name_of, text_of
from crawlers.extract.ratings import parse_number
from crawlers.parsers.common import ParsedPage, ParseError, make_review
from crawlers.parsers.json_data import dig, load_json
from crawlers.parsers.jsonld_reviews import json_ld_reviews
from crawlers.parsers.replies import reply_fields
from crawlers.parsers.urls import query_int, site_root, with_query
from crawlers.parsers.values import field_int

SOURCE = "trustpilot"
PAGE_URL = "https://www.trustpilot.com/review/{domain}?sort=recency"


def page_url(domain: str) -> str:
    """A business's review page, newest first."""
    return PAGE_URL.format(domain=domain)


def with_page(url: str, page: int) -> str:
    """``url`` with its ``page`` query parameter set (none for the first page)."""
    return with_query(url, "page", page if page > 1 else None)


def parse(body: bytes | str, url: str) -> ParsedPage:
    """Reviews on one Trustpilot page and the next page's URL."""
    html = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    selector = Selector(text=html)
    next_data = selector.css("script#__NEXT_DATA__::text").get()
    if next_data is not None:
        return _from_next_data(load_json(next_data, "Trustpilot __NEXT_DATA__"), url)
    skipped: list[str] = []
    reviews = _from_json_ld(html, url, skipped)
    if not reviews and not selector.css('script[type="application/ld+json"]'):
        raise ParseError("Trustpilot page has neither __NEXT_DATA__ nor JSON-LD reviews")
    next_href = selector.css('link[rel="next"]::attr(href), a[rel="next"]::attr(href)').get()
    next_url = None
    if reviews and next_href:
        next_url = urljoin(url, next_href)
    return ParsedPage(reviews=reviews, next_url=next_url, skipped=skipped)


def _from_next_data(data: Any, url: str) -> ParsedPage:
    props = dig(data, "props", "pageProps")
    if not isinstance(props, dict):
        raise ParseError("Trustpilot __NEXT_DATA__ has no props.pageProps")
    items = props.get("reviews")
    if not isinstance(items, list):
        raise ParseError("Trustpilot props.pageProps.reviews is missing or not a list")
    business = dig(props, "businessUnit", "identifyingName")
    replier = dig(props, "businessUnit", "displayName") or business
    site = site_root(url)
    reviews = []
    for item in items:
        if not isinstance(item, dict) or item.get("id") is None:
            continue
        reply = reply_fields(dig(item, "reply", "message"), replier, dig(item, "reply", "publishedDate"))
        reviews.append(
            reply | make_review(
                source=SOURCE,
                external_id=item["id"],
                url=f"{site}/reviews/{item['id']}",
                author=dig(item, "consumer", "displayName"),
                rating=item.get("rating"),
                title=item.get("title"),
                text=item.get("text"),
                published_at=dig(item, "dates", "publishedDate"),
                language=item.get("language"),
                extra={
                    "business": business,
                    "likes": item.get("likes"),
                    "experienced_at": dig(item, "dates", "experiencedDate"),
                    "country": dig(item, "consumer", "countryCode"),
                },
            )
        )
    # Page numbers as numbers or their digits; one that is neither is skipped, saying so (the URL's page stands in).
    pagination = dig(props, "filters", "pagination")
    skipped: list[str] = []
    current = field_int(pagination, "currentPage", "Trustpilot pagination", skipped) or query_int(url, "page", 1)
    total = field_int(pagination, "totalPages", "Trustpilot pagination", skipped)
    has_next = bool(reviews) and (total is None or current < total)
    return ParsedPage(reviews=reviews, next_url=with_page(url, current + 1) if has_next else None, skipped=skipped)


def _from_json_ld(html: str, url: str, skipped: list[str]) -> list[dict[str, Any]]:
    """The page's JSON-LD reviews, author and text read as the schema.org crawl reads them
    (:mod:`crawlers.extract.node_text`): an author as a string, a node or an ``@id`` reference
    to a ``Person`` elsewhere in the ``@graph``; entities decoded, markup gone. A ``bestRating``
    that is no number (``"ten"``) goes to ``skipped`` and the review is read on Trustpilot's 5."""
    nodes, graph = json_ld_reviews(html, url)
    reviews = []
    for node in nodes:
        review_id = node.get("@id") or node.get("url")
        best = dig(node, "reviewRating", "bestRating")
        scale = parse_number(best)
        if best is not None and scale is None:
            skipped.append(f"Trustpilot JSON-LD review {review_id or '?'}: bestRating {best!r} is no number: "
                           "read as 5")
        reviews.append(
            make_review(
                source=SOURCE,
                external_id=str(review_id).rstrip("/").rsplit("/", 1)[-1] if review_id else None,
                url=node.get("url") or url,
                author=name_of(graph, node.get("author")),
                rating=dig(node, "reviewRating", "ratingValue"),
                rating_scale=scale or 5.0,
                title=text_of(node.get("headline") or node.get("name")),
                text=text_of(node.get("reviewBody")),
                published_at=node.get("datePublished"),
                language=node.get("inLanguage"),
            )
        )
    return reviews
