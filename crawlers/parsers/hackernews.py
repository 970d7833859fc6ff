"""Hacker News mentions through the Algolia search API.

URL: ``https://hn.algolia.com/api/v1/search_by_date?query={q}&tags=(story,comment)``.
The body is ``{"hits": [...], "page": n, "nbPages": m}`` (``page`` 0-based);
each hit has ``objectID``, ``author``, ``created_at`` (ISO 8601),
``created_at_i`` (epoch), and ``title``/``story_text`` (stories) or
``comment_text``/``story_title`` (comments); the texts are HTML. No rating:
the model scores them and the referral intent is set from the text.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit

from crawlers.parsers.common import ParsedPage, ParseError, make_review
from crawlers.parsers.json_data import load_json
from crawlers.parsers.urls import with_query
from crawlers.parsers.values import html_to_text

SOURCE = "hackernews"
SEARCH_URL = "https://hn.algolia.com/api/v1/search_by_date"
ITEM_URL = "https://news.ycombinator.com/item?id={id}"


def search_url(query: str) -> str:
    """Newest stories and comments mentioning ``query``."""
    return f"{SEARCH_URL}?{urlencode({'query': query, 'tags': '(story,comment)', 'hitsPerPage': 50})}"


def sorted_newest(url: str) -> tuple[str, str | None]:
    """(``url`` asking ``search_by_date``, the relevance ``search`` it named or None)."""
    path = urlsplit(url).path
    if not re.search(r"/search/?$", path):
        return url, None
    return url.replace(path, re.sub(r"/search/?$", "/search_by_date", path), 1), "relevance (/search)"


def with_page(url: str, page: int) -> str:
    """``url`` with its 0-based ``page`` query parameter set."""
    return with_query(url, "page", page)


def parse(body: bytes | str, url: str) -> ParsedPage:
    """Hits on one result page and the next page's URL."""
    data = load_json(body, "Hacker News search result")
    hits = data.get("hits") if isinstance(data, dict) else None
    if not isinstance(hits, list):
        raise ParseError("Hacker News search result has no 'hits' list")
    reviews = []
    for hit in hits:
        if not isinstance(hit, dict) or not hit.get("objectID"):
            continue
        tags = hit.get("_tags") or []
        is_comment = "comment" in tags or hit.get("comment_text") is not None
        text = html_to_text(hit.get("comment_text") if is_comment else hit.get("story_text"))
        title = hit.get("story_title") if is_comment else hit.get("title")
        reviews.append(
            make_review(
                source=SOURCE,
                external_id=hit["objectID"],
                url=ITEM_URL.format(id=hit["objectID"]),
                author=hit.get("author"),
                title=title,
                text=text or title,
                published_at=hit.get("created_at") or hit.get("created_at_i"),
                extra={
                    "kind": "comment" if is_comment else "story",
                    "story_id": hit.get("story_id"),
                    "link": hit.get("url") or hit.get("story_url"),
                    "points": hit.get("points"),
                },
            )
        )
    page, pages = data.get("page"), data.get("nbPages")
    has_next = bool(reviews) and isinstance(page, int) and isinstance(pages, int) and page + 1 < pages
    return ParsedPage(reviews=reviews, next_url=with_page(url, page + 1) if has_next else None)
