"""A review's ``url`` / ``@id`` that links to the item it reviews, or to its page, is no id of the review.

Sites give every review the product page as its ``url`` (``/mug/``, ``/mug#reviews``, the canonical
``/mug/`` of a page read as ``/mug/?tab=reviews``). Taken as the review's id, the next review
shown alone under the same link was the same review: skipped as known, or stored as an edit of it
under ``CRAWL_FULL``. A per-review anchor of the page (``#review-501``, ``#review-ann``), a query naming
a review (``?review=a``) or a permalink stays an id, decided link by link: the same whether the page
shows the review alone or with others (a product's first review, a last page of one).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from crawlers.extract.review_ids import LINK_ID, RELATIVE_ID, review_id
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
    ({"@id": f"{SHOP}/mug?review=a"}, f"{SHOP}/mug?review=a"),  # a query naming a review
    ({"url": f"{SHOP}/mug?reviewId=7&page=2"}, f"{SHOP}/mug?reviewId=7&page=2"),
    ({"@id": f"{SHOP}/mug#review-ann"}, f"{SHOP}/mug#review-ann"),  # a node's identifier, digits or none
    ({"url": f"{SHOP}/mug#review-ann"}, None),  # a url's anchor names one review only with a number
    ({"url": "#comment-ann"}, None),
    ({"url": f"{SHOP}/mug#bewertungen"}, None),  # a section in another language: alone, still no id
    ({"url": f"{SHOP}/mug#avis"}, None),
    ({"url": f"{SHOP}/mug?page=3&sort=new"}, None),  # a view of the page
    ({"url": f"{SHOP}/mug#customer-reviews"}, None),  # a section of it
    ({"@id": f"{SHOP}/mug#reviewsTab"}, None),
    ({"url": f"{SHOP}/mug#reviews-2"}, None),  # the section's second page
])
def test_a_review_alone_on_its_page_keeps_an_id_of_its_own(link: dict[str, str], expected: str | None) -> None:
    (row,) = extract_page(_page([_review("Ann", **link)], url=f"{SHOP}/mug"), f"{SHOP}/mug?page=2").reviews
    assert row["external_id"] == expected


@pytest.mark.parametrize(("ann", "bob", "named"), [
    ("#review-ann", "#review-bob", False), ("#review-501", "#review-502", True), ("?review=a", "?review=b", True),
    ("#bewertungen", "#bewertungen", False), ("#avis", "#avis", False),
    ("?id=7", "?id=8", True), ("#reviews", "#reviews", False), ("?tab=reviews", "?tab=reviews", False),
    ("#customer-reviews", "#customer-reviews", False), ("?page=2", "?page=2", False),
])
def test_a_review_has_the_same_id_alone_and_beside_others(ann: str, bob: str, named: bool) -> None:
    """A product's first review, then a second: the first keeps its id (it flipped from none to its anchor)."""
    alone = extract_page(_page([_review("Ann", url=f"{SHOP}/mug{ann}")]), f"{SHOP}/mug").reviews
    both = extract_page(_page([_review("Ann", url=f"{SHOP}/mug{ann}"), _review("Bob", url=f"{SHOP}/mug{bob}")]),
                        f"{SHOP}/mug").reviews
    assert alone[0]["external_id"] == both[0]["external_id"] == (f"{SHOP}/mug{ann}" if named else None)
    assert [LINK_ID in row["extra"] for row in alone + both] == [not named] * 3


@pytest.mark.parametrize(("fragment", "section"), [
    ("reviews", True), ("Reviews", True), ("customer-reviews", True), ("customer_reviews", True),
    ("reviewsTab", True), ("tab-reviews", True), ("reviews-2", True), ("review", True), ("comments", True),
    ("!/reviews", True), ("review-501", False), ("review-ann", False), ("review_ann", False), ("rev-a", False),
    ("r7", False), ("501", False), ("comment-7", False), ("reviewer-ann", False), ("", False),
])
def test_a_fragment_is_a_section_by_its_words(fragment: str, section: bool) -> None:
    from crawlers.extract.page_links import is_section

    assert is_section(fragment) is section


def test_a_link_to_a_part_of_the_page_several_reviews_share_is_none_s_id() -> None:
    """``#product-info`` on every review is no review's anchor: the next id of each (its permalink) is."""
    html = _page([_review("Ann", **{"@id": f"{SHOP}/mug#product-info", "url": "/r/1"}),
                  _review("Bob", **{"@id": f"{SHOP}/mug#product-info", "url": "/r/2"})])
    assert [r["external_id"] for r in extract_page(html, f"{SHOP}/mug").reviews] == [f"{SHOP}/r/1", f"{SHOP}/r/2"]


def test_the_row_keeps_the_link_crawls_before_took_for_its_id() -> None:
    """What the store finds a review stored under its product page's link by."""
    (row,) = extract_page(_page([_review("Ann", url=f"{SHOP}/mug/")]), f"{SHOP}/mug/?tab=reviews").reviews
    assert row["extra"][LINK_ID] == f"{SHOP}/mug/"
    (kept,) = extract_page(_page([_review("Ann", url="/reviews/501")]), f"{SHOP}/mug").reviews
    assert LINK_ID not in kept["extra"]


def test_review_id_of_a_link_to_the_page() -> None:
    assert review_id({"url": f"{SHOP}/mug#reviews"}, f"{SHOP}/mug") is None
    assert review_id({"url": f"{SHOP}/mug#review-7"}, f"{SHOP}/mug") == f"{SHOP}/mug#review-7"
    assert review_id({"url": f"{SHOP}/mug#review-ann"}, f"{SHOP}/mug") is None
    assert review_id({"@id": f"{SHOP}/mug#review-ann"}, f"{SHOP}/mug") == f"{SHOP}/mug#review-ann"
    assert review_id({"url": f"{SHOP}/mug#review-7"}, f"{SHOP}/mug",
                     sections=frozenset({f"{SHOP}/mug#review-7"})) is None
    assert review_id({"url": f"{SHOP}/p.php?id=5"}, f"{SHOP}/p.php?id=5&tab=reviews") is None  # the page's own id


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


@pytest.mark.slow
@pytest.mark.parametrize("anchor", ["#review-1", "?review=ann"])
def test_a_product_s_first_review_keeps_its_id_when_a_second_comes(
    anchor: str, serve_site: Any, db_url: str, local_settings: dict[str, Any], stored_reviews: Any, tmp_path: Any
) -> None:
    """Ann's review alone under ``/shop/mug/#review-1``, then Bob's beside it: Ann's is stored once."""
    shown = [_review("Ann", url=f"/shop/mug/{anchor}")]
    site: FixtureSite = serve_site(tmp_path, {"/shop/mug/": lambda hit: (200, "text/html; charset=utf-8",
                                                                        _mug_page(shown))})
    from crawlers.runner import run_crawl

    def crawl() -> Any:
        result = run_crawl("schemaorg", [site.url("/shop/mug/")], brand="Shop", database_url=db_url,
                           settings={**local_settings, "CRAWL_FULL": True})
        assert result.ok, result.error_message
        return result

    assert crawl().items_new == 1
    bob = anchor.replace("ann", "bob").replace("1", "2")
    shown.append(_review("Bob", url=f"/shop/mug/{bob}"))
    assert (crawl().items_new, crawl().items_new) == (1, 0)
    stored = stored_reviews(db_url, "Shop")
    assert [(r.author, r.external_id) for r in stored] == [
        ("Ann", site.url(f"/shop/mug/{anchor}")), ("Bob", site.url(f"/shop/mug/{bob}"))]


@pytest.mark.slow
def test_reviews_stored_under_content_ids_for_a_shared_link_take_their_permalinks(
    serve_site: Any, db_url: str, local_settings: dict[str, Any], stored_reviews: Any, tmp_path: Any
) -> None:
    """Each review's ``@id`` the product page, its ``url`` its permalink: crawls before dropped the shared
    ``@id`` and stored each under its content id; now each takes its permalink and is not stored again."""
    from crawlers.runner import run_crawl
    from models import crud
    from models.db import get_engine, session_scope
    from models.identity import content_id
    from models.stored import stored_id

    shown = [_review(a, **{"@id": "/shop/mug/", "url": f"/shop/mug/reviews/{n}"}) for n, a in enumerate(["Ann", "Bob"])]
    site: FixtureSite = serve_site(tmp_path, {"/shop/mug/": lambda hit: (200, "text/html; charset=utf-8",
                                                                        _mug_page(shown))})
    source = "schemaorg:127.0.0.1"
    before = [{"source": source, "url": site.url(f"/shop/mug/reviews/{n}"), "author": a, "rating": 4.0,
               "external_id": content_id(source, a, f"{a} says the mug is fine."),
               "text": f"{a} says the mug is fine."} for n, a in enumerate(["Ann", "Bob"])]  # as crawls stored them
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, before, brand_id=stored_id(crud.get_or_create_brand(session, "Shop")))
    shown.append(_review("Cy", **{"@id": "/shop/mug/", "url": "/shop/mug/reviews/2"}))
    result = run_crawl("schemaorg", [site.url("/shop/mug/?tab=reviews")], brand="Shop", database_url=db_url,
                       settings=local_settings)
    assert result.ok, result.error_message
    assert (result.items_new, result.items_edited) == (1, 0)
    assert [(r.author, r.external_id) for r in stored_reviews(db_url, "Shop")] == [
        (a, site.url(f"/shop/mug/reviews/{n}")) for n, a in enumerate(["Ann", "Bob", "Cy"])]
