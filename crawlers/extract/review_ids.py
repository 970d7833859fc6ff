"""A review's own id, the id crawls before gave it, and the links to its page that are no review's id.

The id is the node's ``@id`` / ``id`` (microdata ``itemid``) / ``identifier`` /
``url``, made absolute. An id only unique within its page (a bare name, ``"review-1"``,
or an anchor of the page, ``"#review-7"``) is scoped to the item reviewed, which stays
the same on every page of the item's listing (``?page=2``) where the page's URL does not
(:mod:`crawlers.extract.review_items`).
A link to the page or to the item (``/mug/``, ``/mug#reviews``, :mod:`crawlers.extract.page_links`) is no
id, unless it names the review (``/mug#rev-a``, ``/mug#review-501``, ``/mug?review=a``), whatever else the
page shows: one that several of its reviews share is a section of the page (:func:`page_anchors`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from crawlers.extract.graph import ReviewGraph
from crawlers.extract.page_links import is_part, links_here, names_review
from crawlers.extract.review_items import IRI_KEYS, item_of, item_scope

#: ``extra`` key of a row whose id was written relative to its page (``"review-1"``, ``"#review-7"``):
#: that id as written. Crawls before this stored ``"review-1"`` as written
#: and ``"#review-7"`` joined to the page's URL; ``models.crud.legacy_ids`` (which reads the same key;
#: not imported, so extracting a page loads no store module) moves such a stored review to the new id.
RELATIVE_ID = "relative_id"
#: ``extra`` key of a row whose id crawls before this read otherwise: a link to its page or item they
#: took for its id (``/mug/``, ``/mug#reviews``), or an id scoped to the item's name given as a link
#: that they read as the link (``item:https://shop.example/mug#review-7``); by it, and the author as
#: read then (``crawlers.extract.link_names``), the store finds the review stored under it.
LINK_ID = "link_id"
_LINK_SHAPED = ("#", "/", "./", "?")  # resolved under any key, as crawls always did


def _ids(node: dict, page_url: str, scope: str | None) -> Iterator[tuple[str, str, str | None]]:
    """Each of the review's ids made absolute, in order: its key, the id, and the id as written where
    it was relative to its page.

    ``@id`` and ``url`` are IRIs: one without a scheme is relative. A bare name (``"review-1"``)
    is scoped to the item reviewed (``scope``, :func:`item_scope`: ``/products/a#review-1``), and
    so is an anchor of the page under any key (``"#review-7"``: ``/products/a#review-7``), so two
    products' ``review-1`` are two reviews and a review keeps its id on whatever page of the
    listing it shows; without an item, and for a path (``"../b/review-1"``) or a link (``url``),
    it resolves against the page as JSON-LD says.
    ``identifier`` and a bare ``id`` (microdata ``itemid``, or a site's own key
    in JSON-LD) are plain values that sites make unique site-wide (``"12345"``):
    resolving them would split one review shown on two pages in two, so they
    are kept as written unless they are link-shaped (``#r1``, ``/reviews/7``).
    """
    for key in ("@id", "id", "identifier", "url"):
        value = node.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("value") or value.get("@value")
        if value is None or str(value).startswith("_:"):  # a blank node names nothing outside its page
            continue
        iri = key in IRI_KEYS and isinstance(value, str)  # a number is a plain value, whatever its key
        written = str(value).strip()
        value, relative = written, None
        if written.startswith("#") and len(written) > 1 and scope is not None:
            value = f"{scope}{written}"  # an anchor is only unique within its page: the item's
            relative = written if value != urljoin(page_url, written) else None  # crawls before: the page's
        elif written.startswith(_LINK_SHAPED):
            value = urljoin(page_url, written)
        elif iri and written and not urlsplit(written).scheme:
            relative = written
            bare = key == "@id" and "/" not in written and scope is not None
            value = f"{scope}#{written}" if bare else urljoin(page_url, written)
        if value:
            yield key, value, relative


def _own_id(node: dict, page_url: str, scope: str | None, sections: frozenset[str]) -> tuple[str, str | None] | None:
    """The first of the review's ids that is its own, not a link to its page or item."""
    for key, value, relative in _ids(node, page_url, scope):
        if names_review(value, page_url, scope, sections, is_url=key == "url"):
            return value, relative
    return None


def review_id(node: dict, page_url: str, scope: str | None = None, sections: frozenset[str] = frozenset()) -> str | None:
    """The review's own id (``@id``, microdata ``itemid``, ``identifier``, permalink), made absolute.

    ``sections``: the links to parts of its page that several of its reviews share (:func:`page_anchors`).
    """
    own = _own_id(node, page_url, scope, sections)
    return own[0] if own else None


def relative_id(node: dict, page_url: str, scope: str | None = None,
                sections: frozenset[str] = frozenset()) -> str | None:
    """The id as the site wrote it, where :func:`review_id` resolved one relative to its page."""
    own = _own_id(node, page_url, scope, sections)
    return own[1] if own else None


def own_id(node: dict, page_url: str, scope: str | None = None,
           sections: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(:func:`review_id`, :func:`relative_id`) read once: what a row of the review needs of both."""
    return _own_id(node, page_url, scope, sections) or (None, None)


def link_id(node: dict, page_url: str, own: str | None, scope_before: str | None) -> str | None:
    """The id crawls before this gave the review (their first id that was not the page's URL, relative ones
    scoped to ``scope_before``: the item as they read it), where its id now (``own``) is another: the store
    moves the review stored under it."""
    before = next((value for _, value, _ in _ids(node, page_url, scope_before) if value != page_url), None)
    return before if before != own else None


def page_anchors(graph: ReviewGraph, page_url: str) -> frozenset[str]:
    """The links to parts or views of the page or item (``/mug#reviews``, ``?tab=reviews``) that several of its
    reviews share in one syntax: sections of the page, no review's id, whatever words they are made of."""
    reviews: dict[tuple[str, str], set[int]] = defaultdict(set)
    for syntax, node, parent in graph.reviews.values():
        scope = item_scope(graph, item_of(graph, node, parent), page_url)
        for _, value, _ in _ids(node, page_url, scope):
            if is_part(value) and links_here(value, page_url, scope):
                reviews[(syntax, value)].add(id(node))
    return frozenset(link for (_, link), shown in reviews.items() if len(shown) > 1)
