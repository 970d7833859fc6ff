"""Reddit search: the public JSON listing of posts that mention a brand.

URL: ``https://www.reddit.com/search.json?q={query}&sort=new&limit=100``.
The body is a ``Listing``: ``data.children[].data`` holds each post (``id``,
``name``, ``title``, ``selftext``, ``author``, ``created_utc``, ``permalink``,
``subreddit``, ``score``, ``num_comments``); ``data.after`` is the cursor for
the next page (``&after=...``), ``null`` on the last one. Posts carry no star
rating: the model scores them and the referral intent is set from the text.
"""

from __future__ import annotations

from urllib.parse import urlencode

from crawlers.parsers.common import ParsedPage, ParseError, make_review
from crawlers.parsers.json_data import dig, load_json
from crawlers.parsers.urls import site_root, with_query

SOURCE = "reddit"
SEARCH_URL = "https://www.reddit.com/search.json"


def search_url(query: str) -> str:
    """Newest posts matching ``query`` across Reddit."""
    return f"{SEARCH_URL}?{urlencode({'q': query, 'sort': 'new', 'limit': 100})}"


def with_after(url: str, after: str) -> str:
    """``url`` with its ``after`` cursor set."""
    return with_query(url, "after", after)


def parse(body: bytes | str, url: str) -> ParsedPage:
    """Posts on one listing page and the next page's URL."""
    data = load_json(body, "Reddit listing")
    listing = dig(data, "data")
    children = dig(listing, "children")
    if not isinstance(children, list):
        raise ParseError("Reddit listing has no data.children list")
    site = site_root(url)
    reviews = []
    for child in children:
        post = dig(child, "data")
        if not isinstance(post, dict) or not post.get("id"):
            continue
        title = post.get("title")
        body_text = post.get("selftext") or post.get("body")
        permalink = post.get("permalink")
        reviews.append(
            make_review(
                source=SOURCE,
                external_id=post.get("name") or post["id"],
                url=f"{site}{permalink}" if permalink else post.get("url"),
                author=post.get("author"),
                title=title,
                text=body_text or title,
                published_at=post.get("created_utc"),
                language=post.get("lang"),
                extra={
                    "subreddit": post.get("subreddit"),
                    "score": post.get("score"),
                    "num_comments": post.get("num_comments"),
                    # the linked article of a link post (self posts link to themselves)
                    "link": None if permalink and str(post.get("url", "")).endswith(permalink) else post.get("url"),
                },
            )
        )
    after = listing.get("after") if isinstance(listing, dict) else None
    return ParsedPage(reviews=reviews, next_url=with_after(url, after) if after and reviews else None)
