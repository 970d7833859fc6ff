"""Hacker News mentions through the Algolia search API.

URL: ``https://hn.algolia.com/api/v1/search_by_date?query={q}&tags=(story,comment)``.
The body is ``{"hits": [...], "page": n, "nbPages": m}`` (``page`` 0-based);
each hit has ``objectID``, ``author``, ``created_at`` (ISO 8601),
``created_at_i`` (epoch), and ``title``/``story_text`` (stories) or
``comment_text``/``story_title`` (comments); the texts are HTML. No rating:
the model scores them and the referral intent is set from the text.

Algolia serves at most 1,000 hits of one query (``nbPages`` stops there even when
``nbHits`` is larger): past them the listing goes on from page 0 of the same query
with ``numericFilters=created_at_i<{oldest seen}``, so a big brand's older mentions are read too.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from crawlers.parsers.common import ParsedPage, ParseError, make_review
from crawlers.parsers.json_data import load_json
from crawlers.parsers.urls import with_query
from crawlers.parsers.values import html_to_text, to_int

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
    return ParsedPage(reviews=reviews, next_url=_next_url(data, hits, url) if reviews else None)


def _next_url(data: dict[str, Any], hits: list[Any], url: str) -> str | None:
    """The next page; past the last one Algolia lets through (1,000 hits) while ``nbHits`` says more
    match, page 0 of the hits older than the oldest seen (``search_by_date`` is newest first).
    Counts as numbers or their digits (``"3"``); others end the listing here."""
    page, pages = to_int(data.get("page")), to_int(data.get("nbPages"))
    if page is None or pages is None:
        return None
    if page + 1 < pages:
        return with_page(url, page + 1)
    seen = page * (to_int(data.get("hitsPerPage")) or len(hits)) + len(hits)
    total = to_int(data.get("nbHits"))
    times = [t for t in (to_int(h.get("created_at_i")) for h in hits if isinstance(h, dict)) if t is not None]
    if total is None or total <= seen or not times or "/search_by_date" not in urlsplit(url).path:
        return None
    return with_query(older_than(url, min(times)), "page", None)


def older_than(url: str, oldest: int) -> str:
    """``url`` asking for hits before ``oldest`` (epoch seconds): its ``numericFilters`` kept, less an
    earlier ``created_at_i<`` bound, which this one replaces."""
    given = next((v for k, v in parse_qsl(urlsplit(url).query) if k == "numericFilters"), "")
    kept = [term for term in given.split(",") if term.strip() and not term.strip().startswith("created_at_i<")]
    return with_query(url, "numericFilters", ",".join([*kept, f"created_at_i<{oldest}"]))
