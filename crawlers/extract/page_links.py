"""Is a review's ``url`` / ``@id`` a link to its page or the item it reviews, or the review's own?

Sites give every review the product page as its ``url`` (``/mug/``, ``/mug#reviews``, the canonical
``/mug/`` of a page read as ``/mug/?tab=reviews``): such a link names no review, and taken as one's id
it made the next review shown under it the same review. A query is a view of the page (``?page=2``,
``?tab=reviews``). A fragment is a part of it: in a node's identifier (``@id``, ``itemid``) the
review itself (``#rev-a``), in a ``url`` a section (``#reviews``) unless a digit makes it one
review's (``#review-501``) or each review of the page has its own (:func:`anchors_among`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import SplitResult, urlsplit


def _split(link: str) -> SplitResult | None:
    try:
        return urlsplit(link)
    except ValueError:  # not a URL at all ("http://[x")
        return None


def address(link: str) -> str:
    """``link`` without its query and fragment: the page (or item) it is a view or a part of."""
    parts = _split(link)
    return parts._replace(query="", fragment="").geturl() if parts else link


def links_here(link: str, page_url: str, scope: str | None) -> bool:
    """Does ``link`` lead to the page or to the item reviewed (``scope``: its link, or ``item:`` and its name)?"""
    return address(link) in {address(page_url), address(scope) if scope else None}


def names_review(link: str, page_url: str, scope: str | None, *, is_url: bool) -> bool:
    """Is ``link`` (a review's ``url`` where ``is_url``, else its ``@id`` / ``itemid`` / ``identifier``) its own?"""
    if link == page_url:
        return False
    if not links_here(link, page_url, scope):
        return True
    parts = _split(link)
    fragment = parts.fragment if parts else ""
    return bool(fragment) and (not is_url or any(char.isdigit() for char in fragment))


def is_part(link: str) -> bool:
    """Has ``link`` a query or a fragment: a view or a part of its page rather than the page?"""
    parts = _split(link)
    return bool(parts and (parts.query or parts.fragment))


def anchors_among(links: Iterable[tuple[str, str]]) -> frozenset[str]:
    """Of ``links`` (a syntax and a link to a part or view of the page, per review), those that several
    reviews each have their own of: ``/mug#review-ann`` beside ``/mug#review-bob`` (or ``?review=a``
    beside ``?review=b``) names its review; one all of them share (``#reviews``) none.

    Counted per syntax (the same review in JSON-LD and microdata may link to two parts of its page)
    and per page or item (two products' ``#reviews`` sections are no reviews' anchors).
    """
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for syntax, link in links:
        found[(syntax, address(link))].add(link)
    return frozenset(link for group in found.values() if len(group) > 1 for link in group)
