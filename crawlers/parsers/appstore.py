"""Apple App Store customer reviews: the public RSS feed in its JSON form.

URL: ``https://itunes.apple.com/{country}/rss/customerreviews/page={n}/id={app_id}/sortby=mostrecent/json``.
The body is ``{"feed": {"entry": [...], "link": [...]}}``; every field is an
object with a ``label`` (``im:rating``, ``title``, ``content``, ``author.name``,
``updated``, ``im:version``, ``im:voteSum``, ``im:voteCount``, ``id``). ``entry``
is a single object when the page holds one review, and older feeds put the app
itself first (an entry without an ``im:rating`` key), which is skipped; a review whose
``im:rating`` is there but empty (``{"label": null}``) is kept, unrated. Apple serves at
most 10 pages; the ``last`` link gives the real count. A feed URL without ``/page=N/`` is
page 1 (its next is ``/page=2/`` after ``customerreviews``); the feed's own ``next`` link
is the XML form on another host, so only its count is used.
"""

from __future__ import annotations

import re
from typing import Any

from crawlers.parsers.common import ParsedPage, ParseError, make_review
from crawlers.parsers.json_data import dig, load_json
from crawlers.parsers.values import to_int

SOURCE = "appstore"
FEED_URL = "https://itunes.apple.com/{country}/rss/customerreviews/page=1/id={app_id}/sortby=mostrecent/json"
_PAGE_RE = re.compile(r"/page=(\d+)/")
_COUNTRY_RE = re.compile(r"^/([a-z]{2})/rss/", re.IGNORECASE)
_APP_RE = re.compile(r"/id=?(\d+)")
_SORT_RE = re.compile(r"/sortby=([^/?]*)", re.IGNORECASE)
_LIST_RE = re.compile(r"/customerreviews(?=/)", re.IGNORECASE)


def feed_url(app_id: str, country: str = "us") -> str:
    """The first page of an app's most-recent reviews in one country's store."""
    return FEED_URL.format(country=country.lower(), app_id=app_id)


def sorted_newest(url: str) -> tuple[str, str | None]:
    """(``url`` with ``sortby=mostrecent``, the other sort it named or None); one without a sort gets it
    after its ``id=APP``."""
    match = _SORT_RE.search(url)
    if match is None:
        return re.sub(r"(/id=?\d+)(?=/)", r"\1/sortby=mostrecent", url, count=1), None
    if match.group(1).lower() == "mostrecent":
        return url, None
    return url[:match.start()] + "/sortby=mostrecent" + url[match.end():], f"sortby={match.group(1)}"


def _label(entry: dict[str, Any], *path: str) -> Any:
    return dig(entry, *path, "label")


def _page_of(url: str) -> int | None:
    match = _PAGE_RE.search(url or "")
    return int(match.group(1)) if match else None


def parse(body: bytes | str, url: str) -> ParsedPage:
    """Reviews on one feed page and the next page's URL."""
    data = load_json(body, "App Store feed")
    feed = dig(data, "feed")
    if not isinstance(feed, dict):
        raise ParseError("App Store feed has no 'feed' object")
    entries = feed.get("entry") or []
    if isinstance(entries, dict):
        entries = [entries]
    if not isinstance(entries, list):
        raise ParseError("App Store feed 'entry' is neither a list nor an object")

    path = url.split("?", 1)[0]
    country_match = _COUNTRY_RE.search(re.sub(r"^[a-z]+://[^/]+", "", path))
    country = country_match.group(1).lower() if country_match else None
    app_match = _APP_RE.search(path)
    reviews = []
    for entry in entries:
        if not isinstance(entry, dict) or "im:rating" not in entry:
            continue  # the app's own entry in older feeds
        review_id = _label(entry, "id")
        reviews.append(
            make_review(
                source=SOURCE,
                external_id=review_id,
                url=dig(entry, "link", "attributes", "href") or url,
                author=_label(entry, "author", "name"),
                rating=_label(entry, "im:rating"),
                title=_label(entry, "title"),
                text=_label(entry, "content"),
                published_at=_label(entry, "updated"),
                extra={
                    "app_id": app_match.group(1) if app_match else None,
                    "country": country,
                    "version": _label(entry, "im:version"),
                    "vote_sum": to_int(_label(entry, "im:voteSum")),
                    "vote_count": to_int(_label(entry, "im:voteCount")),
                },
            )
        )
    return ParsedPage(reviews=reviews, next_url=_next_url(feed, url) if reviews else None)


def _next_url(feed: dict[str, Any], url: str) -> str | None:
    """Same URL with ``page=n+1`` (a URL without ``page=`` is page 1), unless this is the feed's last page."""
    page = _page_of(url) or 1
    links = feed.get("link") or []
    if isinstance(links, dict):
        links = [links]
    last = None
    for link in links:
        if dig(link, "attributes", "rel") == "last":
            last = _page_of(dig(link, "attributes", "href") or "")
    if last is not None and page >= last:
        return None
    if _PAGE_RE.search(url):
        return _PAGE_RE.sub(f"/page={page + 1}/", url, count=1)
    return _LIST_RE.sub(f"/customerreviews/page={page + 1}", url, count=1) if _LIST_RE.search(url) else None

