"""Yelp business pages: the review feed embedded in the page's JSON.

URL: ``https://www.yelp.com/biz/{alias}?sort_by=date_desc&start={offset}``.
Yelp renders its business page with hypernova: the page state sits in
``<script type="application/json" data-hypernova-key="...">`` blocks, wrapped
in an HTML comment (``<!--{...}-->``). The shape parsed here is the review
feed: any object holding ``reviews[]`` whose items have ``id``, ``rating``,
``comment.text`` (HTML), ``comment.language``, ``user.markupDisplayName``,
``localizedDate`` (and ``feedback.counts``; ``businessOwnerReplies[0]`` is the owner's
reply: ``comment.text``, ``businessOwner.markupDisplayName``, ``localizedDate``), next to ``pagination``
(``startResult`` 1-based, ``resultsPerPage``, ``totalResults``); in Yelp's
current pages that is ``bizDetailsPageProps.reviewFeedQueryProps``. The path to
it is searched for rather than hard-coded, because Yelp moves it between
releases. Pages without it fall back to the schema.org JSON-LD ``review`` list
of the LocalBusiness (no review ids there: the store hashes the content).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from parsel import Selector

from crawlers.parsers.common import (
    ParsedPage,
    ParseError,
    dig,
    html_to_text,
    json_ld_reviews,
    make_review,
    walk_dicts,
)
from crawlers.parsers.replies import reply_fields
from crawlers.parsers.urls import site_root, with_query

SOURCE = "yelp"
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
    selector = Selector(text=html)
    states = []
    for raw in selector.css('script[type="application/json"]::text').getall():
        raw = raw.strip()
        if raw.startswith("<!--") and raw.endswith("-->"):
            raw = raw[4:-3]
        try:
            states.append(json.loads(raw))
        except ValueError:
            continue  # other widgets' blocks; a broken feed shows up as "no feed" below
    for state in states:
        feed = next(_review_feeds(state), None)
        if feed is not None:
            return _from_feed(feed, url)
    reviews = _from_json_ld(html, url)
    if not reviews:
        raise ParseError("Yelp page has no embedded review feed and no JSON-LD reviews")
    return ParsedPage(reviews=reviews)


def _review_feeds(value: Any) -> Iterator[dict[str, Any]]:
    """Objects with a ``reviews`` list of Yelp review items, depth first."""
    for node in walk_dicts(value):
        items = node.get("reviews")
        if isinstance(items, list) and items and all(
            isinstance(i, dict) and "comment" in i and "rating" in i for i in items
        ):
            yield node


def _from_feed(feed: dict[str, Any], url: str) -> ParsedPage:
    site = site_root(url)
    alias = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    reviews = []
    for item in feed["reviews"]:
        review_id = item.get("id") or item.get("encid")
        reviews.append(
            _owner_reply(item) | make_review(
                source=SOURCE,
                external_id=review_id,
                url=f"{site}/biz/{alias}?hrid={review_id}" if review_id else url,
                author=dig(item, "user", "markupDisplayName") or dig(item, "user", "displayName"),
                rating=item.get("rating"),
                text=html_to_text(dig(item, "comment", "text")),
                published_at=item.get("localizedDate") or item.get("date"),
                language=dig(item, "comment", "language"),
                extra={
                    "business": alias,
                    "useful": dig(item, "feedback", "counts", "useful"),
                    "funny": dig(item, "feedback", "counts", "funny"),
                    "cool": dig(item, "feedback", "counts", "cool"),
                    "location": dig(item, "user", "displayLocation"),
                },
            )
        )
    pagination = feed.get("pagination") or {}
    start = int(pagination.get("startResult") or 1) - 1
    per_page = int(pagination.get("resultsPerPage") or len(reviews) or 10)
    total = pagination.get("totalResults")
    next_start = start + per_page
    has_next = bool(reviews) and total is not None and next_start < int(total)
    return ParsedPage(reviews=reviews, next_url=with_start(url, next_start) if has_next else None)


def _owner_reply(item: dict[str, Any]) -> dict[str, Any]:
    """The first of ``businessOwnerReplies`` (Yelp shows one; an update replaces it)."""
    replies = item.get("businessOwnerReplies")
    reply = replies[0] if isinstance(replies, list) and replies and isinstance(replies[0], dict) else {}
    owner = reply.get("businessOwner") or reply.get("owner") or {}
    return reply_fields(
        html_to_text(dig(reply, "comment", "text") or reply.get("text")),
        dig(owner, "markupDisplayName") or dig(owner, "displayName"),
        reply.get("localizedDate") or dig(reply, "createdAt", "utcDateTime"),
    )


def _from_json_ld(html: str, url: str) -> list[dict[str, Any]]:
    reviews = []
    for node in json_ld_reviews(html, url):
        author = node.get("author")
        reviews.append(
            make_review(
                source=SOURCE,
                external_id=None,
                url=url,
                author=dig(author, "name") if isinstance(author, dict) else author,
                rating=dig(node, "reviewRating", "ratingValue"),
                text=node.get("description") or node.get("reviewBody"),
                published_at=node.get("datePublished"),
                language=node.get("inLanguage"),
            )
        )
    return reviews
