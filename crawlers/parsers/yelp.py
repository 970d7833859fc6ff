"""Yelp business pages: the review feed embedded in the page's JSON, JSON-LD as fallback.

URL: ``https://www.yelp.com/biz/{alias}?sort_by=date_desc&start={offset}``.
The feed is found in the page state by :mod:`crawlers.parsers.yelp_page_state`
and its items made rows by :mod:`crawlers.parsers.yelp_reviews`; next to its
``reviews[]`` sits ``pagination`` (``startResult`` 1-based, ``resultsPerPage``,
``totalResults``), which gives the next page here. Pages without a feed fall
back to the schema.org JSON-LD ``review`` list of the LocalBusiness, and to the page's
``rel="next"`` link for the next page (as Trustpilot's JSON-LD fallback).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from parsel import Selector

from crawlers.parsers.common import ParsedPage, ParseError
from crawlers.parsers.urls import query_int, with_query
from crawlers.parsers.values import field_int
from crawlers.parsers.yelp_page_state import page_states, review_feeds
from crawlers.parsers.yelp_reviews import feed_rows, json_ld_rows

PAGE_URL = "https://www.yelp.com/biz/{alias}?sort_by=date_desc"


def page_url(alias: str) -> str:
    """A business's page, newest reviews first."""
    return PAGE_URL.format(alias=alias)


def with_start(url: str, start: int) -> str:
    """``url`` with its ``start`` (0-based review offset) query parameter set."""
    return with_query(url, "start", start if start > 0 else None)


def parse(body: bytes | str, url: str) -> ParsedPage:
    """Reviews on one Yelp page and the next page's URL."""
    html = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    for state in page_states(html):
        feed = next(review_feeds(state), None)
        if feed is not None:
            return _from_feed(feed, url, html)
    reviews = json_ld_rows(html, url)
    if not reviews:
        raise ParseError("Yelp page has no embedded review feed and no JSON-LD reviews")
    next_href = Selector(text=html).css('link[rel="next"]::attr(href), a[rel="next"]::attr(href)').get()
    return ParsedPage(reviews=reviews, next_url=urljoin(url, next_href) if next_href else None)


def _from_feed(feed: dict[str, Any], url: str, html: str) -> ParsedPage:
    reviews = feed_rows(feed, url, html)
    # Counts as numbers or their digits; one that is neither (``"1–10"``) is skipped, saying so: the URL's
    # ``start`` stands in for the offset, and without a total there is no next page.
    pagination, where = feed.get("pagination"), "Yelp pagination"
    skipped: list[str] = []
    first = field_int(pagination, "startResult", where, skipped)
    start = first - 1 if first else query_int(url, "start", 0)
    per_page = field_int(pagination, "resultsPerPage", where, skipped) or len(reviews) or 10
    total = field_int(pagination, "totalResults", where, skipped)
    next_start = start + per_page
    has_next = bool(reviews) and total is not None and next_start < total
    return ParsedPage(reviews=reviews, next_url=with_start(url, next_start) if has_next else None, skipped=skipped)
