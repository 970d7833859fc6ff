"""Reddit search: the public JSON listing of posts that mention a brand.

URL: ``https://www.reddit.com/search.json?q={query}&sort=new&limit=100``.
The body is a ``Listing``: ``data.children[].data`` holds each post (``id``,
``name``, ``title``, ``selftext``, ``author``, ``created_utc``, ``permalink``,
``subreddit``, ``score``, ``num_comments``); ``data.after`` is the cursor for
the next page (``&after=...``), ``null`` on the last one. Posts carry no star
rating: the model scores them and the referral intent is set from the text.

Reddit escapes ``&``, ``<`` and ``>`` in its JSON (``AT&amp;T``) unless the URL
asks for ``raw_json=1``: the URLs built here do, and a listing fetched without it
is unescaped here. A post whose text is ``[deleted]`` or ``[removed]`` is no
mention any more: it is left out, and counted (:attr:`RedditPage.removed`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from crawlers.parsers.common import ParsedPage, ParseError, make_review
from crawlers.parsers.json_data import dig, load_json
from crawlers.parsers.urls import site_root, with_query

SOURCE = "reddit"
SEARCH_URL = "https://www.reddit.com/search.json"
GONE = ("[deleted]", "[removed]")  # what Reddit shows for a deleted (or removed) post's text or author


@dataclass
class RedditPage(ParsedPage):
    """A listing page, and how many of its posts were deleted or removed (not mentions)."""

    removed: int = 0


def search_url(query: str) -> str:
    """Newest posts matching ``query`` across Reddit."""
    return f"{SEARCH_URL}?{urlencode({'q': query, 'sort': 'new', 'limit': 100, 'raw_json': 1})}"


def with_after(url: str, after: str) -> str:
    """``url`` with its ``after`` cursor set."""
    return with_query(url, "after", after)


def parse(body: bytes | str, url: str) -> RedditPage:
    """Posts on one listing page and the next page's URL."""
    data = load_json(body, "Reddit listing")
    listing = dig(data, "data")
    children = dig(listing, "children")
    if not isinstance(children, list):
        raise ParseError("Reddit listing has no data.children list")
    site = site_root(url)
    text_of = _unescaped if parse_qs(urlsplit(url).query).get("raw_json") != ["1"] else _as_is
    page = RedditPage()
    for child in children:
        post = dig(child, "data")
        if not isinstance(post, dict) or not post.get("id"):
            continue
        title = text_of(post.get("title"))
        body_text = text_of(post.get("selftext") or post.get("body"))
        if body_text in GONE:
            page.removed += 1
            continue
        permalink = post.get("permalink")
        link = text_of(post.get("url"))
        page.reviews.append(
            make_review(
                source=SOURCE,
                external_id=post.get("name") or post["id"],
                url=f"{site}{permalink}" if permalink else link,
                author=None if post.get("author") in GONE else post.get("author"),
                title=title,
                text=body_text or title,
                published_at=post.get("created_utc"),
                language=post.get("lang"),
                extra={
                    "subreddit": post.get("subreddit"),
                    "score": post.get("score"),
                    "num_comments": post.get("num_comments"),
                    # the linked article of a link post (self posts link to themselves)
                    "link": None if permalink and str(link or "").endswith(permalink) else link,
                },
            )
        )
    after = listing.get("after") if isinstance(listing, dict) else None
    page.next_url = with_after(url, after) if after and children else None
    return page


def _unescaped(value: object) -> str | None:
    """A string of a listing fetched without ``raw_json=1``: Reddit escaped its ``&``, ``<`` and ``>``."""
    return html.unescape(value) if isinstance(value, str) else None


def _as_is(value: object) -> str | None:
    return value if isinstance(value, str) else None
