"""Yelp reviews as crawl rows: the items of the embedded review feed, or the JSON-LD reviews.

A feed item has ``id``, ``rating``, ``comment.text`` (HTML), ``comment.language``,
``user.markupDisplayName``, ``localizedDate`` and ``feedback.counts``;
``businessOwnerReplies[0]`` is the owner's reply (``comment.text``,
``businessOwner.markupDisplayName``, ``localizedDate``). The schema.org JSON-LD
``review`` list of the LocalBusiness has no review ids: the store hashes the content.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from crawlers.parsers.common import make_review
from crawlers.parsers.json_data import dig
from crawlers.parsers.jsonld_reviews import json_ld_reviews
from crawlers.parsers.replies import reply_fields
from crawlers.parsers.urls import site_root
from crawlers.parsers.values import html_to_text

SOURCE = "yelp"


def feed_rows(feed: dict[str, Any], url: str) -> list[dict[str, Any]]:
    """The rows of a review feed read from ``url``, linked to each review on the business page."""
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
    return reviews


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


def json_ld_rows(html: str, url: str) -> list[dict[str, Any]]:
    """The rows of the page's schema.org JSON-LD reviews, all linked to the page itself."""
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
