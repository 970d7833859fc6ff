"""A review's ``url`` / ``@id`` that links to the item it reviews, or to its page, is no id of the review.

Sites give every review the product page as its ``url`` (``/mug/``, ``/mug#reviews``, the canonical
``/mug/`` of a page read as ``/mug/?tab=reviews``). Taken as the review's id, the next review
shown alone under the same link was the same review: skipped as known, or stored as an edit of it
under ``CRAWL_FULL``. A per-review anchor of the page (``#review-501``) or permalink stays an id.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from crawlers.extract.review_ids import LINK_ID
from crawlers.extract.review_rows import RELATIVE_ID, review_id
from crawlers.extract.schemaorg import extract_page
from tests.crawlers.conftest import FixtureSite

SHOP = "https://shop.example"


def _page(reviews: list[dict[str, Any]], **item: Any) -> str:
    product = {"@context": "https://schema.org", "@type": "Product", "name": "Mug", "review": reviews, **item}
    return f'<html lang="en"><head><script type="application/ld+json">{json.dumps(product)}</script></head></html>'


def _review(author: str, **link: Any) -> dict[str, Any]:
    return {"@type": "Review", "author": author, "reviewBody": f"{author} says the mug is fine.",
            "reviewRating": {"ratingValue": 4}, **link}


@pytest.mark.parametrize(("page", "link", "item"), [
    (f"{SHOP}/mug/?tab=reviews", {"url": f"{SHOP}/mug/"}, {}),  # the canonical page of the one read
    (f"{SHOP}/mug", {"url": f"{SHOP}/mug#reviews"}, {}),  # the page's reviews section
    (f"{SHOP}/mug?page=2", {"url": f"{SHOP}/mug?page=1#reviews"}, {}),
    (f"{SHOP}/mug?page=2", {"url": "#reviews"}, {}),  # relative: the same section
    (f"{SHOP}/mug?page=2", {"url": "?tab=reviews"}, {}),
    (f"{SHOP}/mug?page=2", {"@id": f"{SHOP}/mug"}, {}),  # the page's node names no review
    (f"{SHOP}/reviews?page=3", {"url": f"{SHOP}/mug"}, {"url": f"{SHOP}/mug"}),  # the item reviewed
    (f"{SHOP}/reviews?page=3", {"@id": f"{SHOP}/mug/?tab=reviews"}, {"@id": f"{SHOP}/mug/#product"}),
    (f"{SHOP}/reviews?page=3", {"url": f"{SHOP}/mug/#reviews"}, {"@id": f"{SHOP}/mug/#product"}),
    (f"{SHOP}/reviews", {"url": "#reviews"}, {}),  # scoped to the item (item:Mug#reviews): its section
])
def test_a_link_to_the_item_or_its_page_is_no_id(page: str, link: dict[str, str], item: dict[str, str]) -> None:
    (row,) = extract_page(_page([_review("Ann", **link)], **item), page).reviews
    assert row["external_id"] is None
    assert RELATIVE_ID not in row["extra"]


@pytest.mark.parametrize(("link", "expected"), [
    ({"url": "/reviews/501"}, f"{SHOP}/reviews/501"),
    ({"url": f"{SHOP}/mug#review-501"}, f"{SHOP}/mug#review-501"),  # an anchor of one review
    ({"@id": "#r7"}, f"{SHOP}/mug#r7"),
    ({"@id": f"{SHOP}/mug#rev-a"}, f"{SHOP}/mug#rev-a"),  # an anchor in a node's identifier names the node
    ({"@id": "#rev-a"}, f"{SHOP}/mug#rev-a"),
    ({"@id": f"{SHOP}/mug", "url": "/reviews/501"}, f"{SHOP}/reviews/501"),  # the next of its ids
    ({"@id": f"{SHOP}/mug?review=a"}, None),  # a query alone names a view of the page (?page=2)
])
def test_a_review_alone_on_its_page_keeps_an_id_of_its_own(link: dict[str, str], expected: str | None) -> None:
    (row,) = extract_page(_page([_review("Ann", **link)], url=f"{SHOP}/mug"), f"{SHOP}/mug?page=2").reviews
    assert row["external_id"] == expected


@pytest.mark.parametrize("links", [("#review-ann", "#review-bob"), ("?review=ann", "?review=bob")])
def test_links_to_the_page_each_review_has_its_own_of_are_the_reviews_ids(links: tuple[str, str]) -> None:
    """Two reviews of the page with two such links: the fragment (or query) names the review."""
    html = _page([_review("Ann", url=f"{SHOP}/mug{links[0]}"), _review("Bob", url=f"{SHOP}/mug{links[1]}")])
    rows = extract_page(html, f"{SHOP}/mug").reviews
    assert [r["external_id"] for r in rows] == [f"{SHOP}/mug{link}" for link in links]
    assert all(LINK_ID not in r["extra"] for r in rows)


def test_the_row_keeps_the_link_crawls_before_took_for_its_id() -> None:
    """What the store finds a review stored under its product page's link by."""
    (row,) = extract_page(_page([_review("Ann", url=f"{SHOP}/mug/")]), f"{SHOP}/mug/?tab=reviews").reviews
    assert row["extra"][LINK_ID] == f"{SHOP}/mug/"
    (kept,) = extract_page(_page([_review("Ann", url="/reviews/501")]), f"{SHOP}/mug").reviews
    assert LINK_ID not in kept["extra"]


def test_review_id_of_a_link_to_the_page() -> None:
    assert review_id({"url": f"{SHOP}/mug#reviews"}, f"{SHOP}/mug") is None
    assert review_id({"url": f"{SHOP}/mug#reviews"}, f"{SHOP}/mug", anchors=frozenset({f"{SHOP}/mug#reviews"})) == (
        f"{SHOP}/mug#reviews")


def _mug_page(reviews: list[dict[str, Any]]) -> bytes:
    return _page(reviews, url="/shop/mug/").encode()


@pytest.mark.slow
def test_each_review_shown_alone_under_the_product_link_is_stored(
    serve_site: Any, db_url: str, local_settings: dict[str, Any], stored_reviews: Any, tmp_path: Any
) -> None:
    """Ann's review, then Bob's in its place: a full crawl stored Bob's text as an edit of Ann's review."""
    shown = [_review("Ann", url="/shop/mug/#reviews")]
    site: FixtureSite = serve_site(tmp_path, {"/shop/mug/": lambda hit: (200, "text/html; charset=utf-8",
                                                                        _mug_page(shown))})
    from crawlers.runner import run_crawl

    def crawl() -> Any:
        result = run_crawl("schemaorg", [site.url("/shop/mug/?tab=reviews")], brand="Shop", database_url=db_url,
                           settings={**local_settings, "CRAWL_FULL": True})
        assert result.ok, result.error_message
        return result

    assert crawl().items_new == 1
    shown[:] = [_review("Bob", url="/shop/mug/#reviews")]
    second = crawl()
    assert (second.items_new, second.items_edited) == (1, 0)
    stored = stored_reviews(db_url, "Shop")
    assert sorted((r.author, r.text, r.edited_at) for r in stored) == [
        ("Ann", "Ann says the mug is fine.", None), ("Bob", "Bob says the mug is fine.", None)]


@pytest.mark.slow
def test_a_review_stored_under_the_product_link_by_crawls_before_is_not_stored_again(
    serve_site: Any, db_url: str, local_settings: dict[str, Any], stored_reviews: Any, tmp_path: Any
) -> None:
    from crawlers.runner import run_crawl
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    site: FixtureSite = serve_site(tmp_path, {"/shop/mug/": lambda hit: (200, "text/html; charset=utf-8", _mug_page(
        [_review("Ann", url="/shop/mug/"), _review("Bob", url="/shop/mug/")]))})
    before = {"source": "schemaorg:127.0.0.1", "url": site.url("/shop/mug/"), "external_id": site.url("/shop/mug/"),
              "author": "Bob", "text": "Bob says the mug is fine.", "rating": 4.0}  # as crawls stored it
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [before], brand_id=stored_id(crud.get_or_create_brand(session, "Shop")))
    result = run_crawl("schemaorg", [site.url("/shop/mug/?tab=reviews")], brand="Shop", database_url=db_url,
                       settings=local_settings)
    assert result.ok, result.error_message
    assert (result.items_new, result.items_edited) == (1, 0)
    assert sorted(r.author for r in stored_reviews(db_url, "Shop")) == ["Ann", "Bob"]
