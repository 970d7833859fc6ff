"""Is a review's ``url`` / ``@id`` a link to its page or the item it reviews, or the review's own?

Sites give every review the product page as its ``url`` (``/mug/``, ``/mug#reviews``, the canonical
``/mug/`` of a page read as ``/mug/?tab=reviews``): such a link names no review, and taken as one's id
it made the next review shown under it the same review. A link to the page names a review by what it
says, decided link by link, so a review keeps its id whether its page shows it alone or with others:
a fragment names it unless it is a section of the page (:func:`is_section`: ``#reviews``, not
``#review-501``; in a ``url``, only one with a number: ``#review-ann`` or ``#bewertungen`` names none), and a query where a parameter the page's own address lacks
names a review (:func:`names_by_query`: ``?review=a``, not ``?page=2`` or ``?tab=reviews``).
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

#: Words that name the reviews section of a page (a page number beside them, ``#reviews-2``, is its page).
_SECTION_NOUNS = frozenset({"reviews", "comments", "ratings", "testimonials", "feedback", "feedbacks", "opinions"})
#: ... one of them (``#review``); a number beside it names one review (``#review-501``).
_ONE_OF_THEM = frozenset({"review", "comment", "rating", "testimonial", "opinion"})
#: Words that say which section or how it is shown (``#customer-reviews``, ``#reviews-tab``).
_QUALIFIERS = frozenset({"customer", "customers", "user", "users", "product", "our", "all", "more", "read",
                         "write", "tab", "tabs", "section", "panel", "list", "block", "container", "widget",
                         "page", "top", "latest", "recent", "main", "content", "details", "description", "info"})
#: Query parameter words that name a review (``?review=a``, ``?reviewId=7``, ``?comment_id=7``, ``?id=7``).
_REVIEW_KEYS = frozenset({"review", "comment", "testimonial", "rid"})
_WORD = re.compile(r"\d+|[^\W\d_]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _split(link: str) -> SplitResult | None:
    try:
        return urlsplit(link)
    except ValueError:  # not a URL at all ("http://[x")
        return None


def _words(name: str) -> list[str]:
    """``customer_reviewsTab-2`` -> ``customer``, ``reviews``, ``tab``, ``2``."""
    return _WORD.findall(_CAMEL.sub(" ", unquote(name)).lower())


def address(link: str) -> str:
    """``link`` without its query and fragment: the page (or item) it is a view or a part of."""
    parts = _split(link)
    return parts._replace(query="", fragment="").geturl() if parts else link


def links_here(link: str, page_url: str, scope: str | None) -> bool:
    """Does ``link`` lead to the page or to the item reviewed (``scope``: its link, or ``item:`` and its name)?"""
    return address(link) in {address(page_url), address(scope) if scope else None}


def is_part(link: str) -> bool:
    """Has ``link`` a query or a fragment: a view or a part of its page rather than the page?"""
    parts = _split(link)
    return bool(parts and (parts.query or parts.fragment))


def is_section(fragment: str) -> bool:
    """Does ``fragment`` name a section of the page rather than one review: section words only
    (``reviews``, ``customer-reviews``, ``reviewsTab``, ``review``), a number only as the section's page
    (``reviews-2``), never beside one review (``review-501``) nor alone (``501``)?"""
    words = _words(fragment)
    numbered = any(word.isdigit() for word in words)
    named = [word for word in words if not word.isdigit()]
    return bool(named) and all(word in _SECTION_NOUNS | _ONE_OF_THEM | _QUALIFIERS for word in named) and not (
        numbered and _ONE_OF_THEM.intersection(named))


def names_by_query(link: str, *own: str | None) -> bool:
    """Does a query parameter of ``link`` that none of the ``own`` addresses (the page's, the item's) has
    name a review (``?review=a``, ``?reviewId=7``, ``?id=7``), rather than a view (``?page=2``, ``?tab=reviews``)?"""
    parts = _split(link)
    mine = {pair for other in own if other and (split := _split(other)) for pair in parse_qsl(split.query)}
    for key, value in parse_qsl(parts.query if parts else ""):
        words = _words(key)
        if value.strip() and (key, value) not in mine and (words == ["id"] or _REVIEW_KEYS.intersection(words)):
            return True
    return False


def names_review(link: str, page_url: str, scope: str | None, sections: frozenset[str] = frozenset(),
                 *, is_url: bool = False) -> bool:
    """Is ``link`` (a review's ``@id`` / ``itemid`` / ``identifier``, or its ``url`` where ``is_url``) its own:
    not the page, not a link to the page or item that names no review, nor one of the page's ``sections``
    (links several of its reviews share)?

    A node's identifier names the node (``#rev-a``); a ``url``'s fragment names one review only with a
    number in it (``#review-501``): a section's name in any language (``#bewertungen``, ``#avis``) has
    none, and a review shown alone would otherwise take it for its id.
    """
    if link == page_url or link in sections:
        return False
    if not links_here(link, page_url, scope):
        return True
    parts = _split(link)
    fragment = parts.fragment if parts else ""
    numbered = any(word.isdigit() for word in _words(fragment))
    named = bool(fragment) and not is_section(fragment) and (numbered or not is_url)
    return named or names_by_query(link, page_url, scope)
