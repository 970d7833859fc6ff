"""Google Play's review arrays: how to recognise one, and the crawl row made from it.

A review is a positional array: ``[0]`` id, ``[1][0]`` author, ``[2]`` stars,
``[4]`` text, ``[5][0]`` epoch seconds, ``[6]`` thumbs-up count,
``[7]`` developer reply (``[0]`` name or null, ``[1]`` text, ``[2][0]`` epoch seconds),
``[10]`` app version. The details page and ``batchexecute`` answers hold the
same arrays, so both are read here (:mod:`crawlers.parsers.googleplay` finds them).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urljoin

from crawlers.parsers.common import make_review
from crawlers.parsers.googleplay_requests import lang_country
from crawlers.parsers.json_data import dig
from crawlers.parsers.replies import reply_fields

SOURCE = "googleplay"


def stars(value: Any) -> int | None:
    """1-5 stars from ``[2]``: a number, or the same number as a string (``"4"``); None otherwise."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5 else None


def review_problem(item: Any) -> str | None:
    """What keeps ``item`` from being a review array (id, author, 1-5 stars, a date); None for a review."""
    if not isinstance(item, list) or len(item) <= 5:
        return f"not an array of 6+ fields: {_short(item)}"
    if not isinstance(item[0], str):
        return f"no review id at [0]: {_short(item[0])}"
    if not isinstance(dig(item, 1, 0), str):
        return f"review {item[0]}: no author at [1][0]: {_short(dig(item, 1))}"
    if stars(item[2]) is None:
        return f"review {item[0]}: stars at [2] are {_short(item[2])}, not 1-5"
    if not isinstance(dig(item, 5, 0), (int, float)) or isinstance(dig(item, 5, 0), bool):
        return f"review {item[0]}: no epoch seconds at [5][0]: {_short(dig(item, 5))}"
    return None


def is_review(item: Any) -> bool:
    """Whether ``item`` has a review array's shape: id, author, 1-5 stars and a date."""
    return review_problem(item) is None


def _looks_like_review(item: Any) -> bool:
    return isinstance(item, list) and len(item) > 5 and isinstance(item[0], str)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def find_reviews(value: Any) -> list[Any] | None:
    """The first non-empty list of review arrays, depth first: each item an array with a
    string id, at least one of them a whole review (the rest: :func:`review_problem` says why)."""
    if not isinstance(value, list):
        return None
    if value and all(_looks_like_review(item) for item in value) and any(is_review(item) for item in value):
        return value
    for child in value:
        found = find_reviews(child)
        if found is not None:
            return found
    return None


def review_row(item: list[Any], url: str, app_id: str | None) -> dict[str, Any]:
    """The crawl row of one review array read from ``url`` (``app_id``: the app it is about)."""
    review_id = item[0]
    # Link to the review on the host that served it (play.google.com, or a test site).
    page = urljoin(url, "/store/apps/details?" + urlencode({"id": app_id, **lang_country(url)})) if app_id else url
    # [7] is the developer's reply: [name or null, text, [epoch seconds, nanos]]
    reply = reply_fields(dig(item, 7, 1), dig(item, 7, 0), dig(item, 7, 2, 0))
    return reply | make_review(
        source=SOURCE,
        external_id=review_id,
        url=f"{page}&{urlencode({'reviewId': review_id})}",
        author=dig(item, 1, 0),
        rating=stars(item[2]),
        text=dig(item, 4),
        published_at=dig(item, 5, 0),
        extra={
            "app_id": app_id,
            "thumbs_up": dig(item, 6),
            "version": dig(item, 10),
        },
    )
