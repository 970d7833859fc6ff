"""A review id the site writes as a relative IRI (``"@id": "review-1"``) names a review of its page.

JSON-LD resolves every relative IRI against the document, so ``review-1`` on
two product pages is two reviews; crawls before kept it as written and product
b's review was stored as (an edit of) product a's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from crawlers.extract.review_ids import RELATIVE_ID, relative_id, review_id
from crawlers.extract.review_items import item_scope
from crawlers.extract.schemaorg import extract_page
from models.crud.legacy_ids import RELATIVE_ID as STORE_RELATIVE_ID
from tests.local_http import QuietHandler, serving
from umot.demo.server import LocalSiteServer

PAGE = "https://shop.example/relid/a/"


@pytest.mark.parametrize(("node", "expected", "written"), [
    ({"@id": "review-1"}, "https://shop.example/relid/a/review-1", "review-1"),  # no item: as JSON-LD reads it
    ({"@id": "../b/review-1"}, "https://shop.example/relid/b/review-1", "../b/review-1"),
    ({"url": "review-1.html"}, "https://shop.example/relid/a/review-1.html", "review-1.html"),
    ({"@id": "https://other.example/r/1"}, "https://other.example/r/1", None),
    ({"@id": "urn:review:1"}, "urn:review:1", None),
    ({"@id": "#r1"}, "https://shop.example/relid/a/#r1", None),  # resolved before too
    ({"@id": "/reviews/7"}, "https://shop.example/reviews/7", None),
    ({"identifier": "12345"}, "12345", None),  # a plain value, unique site-wide
    ({"identifier": "review-1"}, "review-1", None),
    ({"id": "98765"}, "98765", None),
    ({"@id": 12345}, "12345", None),  # a number is no IRI
    ({"@id": "_:b0", "identifier": "12345"}, "12345", None),  # a blank node is skipped
    ({"@id": "_:b0"}, None, None),
    ({"@id": ""}, None, None),
])
def test_a_relative_iri_is_resolved_against_its_page(node: dict, expected: str | None, written: str | None) -> None:
    assert review_id(node, PAGE) == expected
    assert relative_id(node, PAGE) == written


@pytest.mark.parametrize(("item", "scope"), [
    ({"@type": "Product", "url": "/products/a", "name": "Kettle"}, "https://shop.example/products/a"),
    ({"@type": "Product", "@id": "https://shop.example/products/a#product"}, "https://shop.example/products/a"),
    ({"@type": "Product", "@id": "#product", "name": "Kettle"}, "item:Kettle"),  # the page's own: its name
    ({"@type": "Product", "name": "Kettle"}, "item:Kettle"),
    ("Kettle", "item:Kettle"),
    (None, None),
])
def test_a_bare_name_is_scoped_to_the_item_it_reviews(item: Any, scope: str | None) -> None:
    from crawlers.extract.graph import ReviewGraph

    page = "https://shop.example/products/a?page=3#reviews"
    assert item_scope(ReviewGraph([]), item, page) == scope
    expected = f"{scope}#review-1" if scope else "https://shop.example/products/review-1"
    assert review_id({"@id": "review-1"}, page, scope) == expected


def test_a_review_keeps_its_id_on_every_page_of_the_listing_and_each_product_has_its_own() -> None:
    """Scoped to the page, a review that moved to page 2 (or a last page repeated as ?page=N) got a new id;
    scoped to the folder, /products/a and /products/b (no trailing slash) shared theirs."""
    review = {"@type": "Review", "@id": "review-1", "author": "Sam", "reviewBody": "first review"}
    ids = {(name, page): extract_page(_html(name, [review]).encode(), page).reviews[0]["external_id"]
           for name in ("a", "b") for page in ("https://shop.example/products/x?page=1",
                                               "https://shop.example/products/x?page=2",
                                               "https://shop.example/list/page2.html")}
    assert {ids[("a", p)] for p in ("https://shop.example/products/x?page=1", "https://shop.example/products/x?page=2",
                                    "https://shop.example/list/page2.html")} == {"item:Product a#review-1"}
    assert ids[("b", "https://shop.example/products/x?page=1")] == "item:Product b#review-1"


def test_the_row_carries_the_id_as_written_for_the_store() -> None:
    assert RELATIVE_ID == STORE_RELATIVE_ID  # the crawler writes the key the store reads
    reviews = [{"@type": "Review", "@id": "review-1", "author": "Sam", "reviewBody": "first review",
                "reviewRating": {"ratingValue": 2}},
               {"@type": "Review", "@id": "#r2", "author": "Kim", "reviewBody": "second review"}]
    data = extract_page(_html("a", reviews).encode(), PAGE)
    rows = {row["author"]: row for row in data.reviews}
    assert rows["Sam"]["external_id"] == "item:Product a#review-1" and rows["Sam"]["extra"][RELATIVE_ID] == "review-1"
    assert rows["Kim"]["external_id"] == "item:Product a#r2" and rows["Kim"]["extra"][RELATIVE_ID] == "#r2"


def _html(name: str, reviews: list[dict[str, Any]]) -> str:
    product = {"@context": "https://schema.org", "@type": "Product", "name": f"Product {name}", "review": reviews}
    return (f'<html lang="en"><head><script type="application/ld+json">{json.dumps(product)}</script></head>'
            f"<body><h1>Product {name}</h1></body></html>")


def _product_page(name: str) -> bytes:
    return _html(name, [
        {"@type": "Review", "@id": "review-1", "author": "Sam", "reviewBody": f"product {name}: first review",
         "reviewRating": {"ratingValue": 2}},
        {"@type": "Review", "@id": "review-2", "author": "Kim", "reviewBody": f"product {name}: second review",
         "reviewRating": {"ratingValue": 5}},
    ]).encode()


@pytest.fixture()
def shop() -> Iterator[str]:
    """Two product pages, /relid/a/ and /relid/b/, each with reviews ``review-1`` and ``review-2``."""

    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            name = self.path.strip("/").rsplit("/", 1)[-1]
            if self.path == "/robots.txt":
                status, kind, body = 200, "text/plain", b"User-agent: *\nDisallow:\n"
            elif self.path in ("/relid/a/", "/relid/b/"):
                status, kind, body = 200, "text/html; charset=utf-8", _product_page(name)
            else:
                status, kind, body = 404, "text/plain", b"not found"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serving(Handler, LocalSiteServer) as base:
        yield base


@pytest.mark.slow
def test_two_products_with_the_same_relative_review_ids_keep_their_own_reviews(
    shop: str, db_url: str, local_settings: dict[str, Any]
) -> None:
    from sqlmodel import select

    from crawlers.runner import run_crawl
    from models.db import get_engine, session_scope
    from models.tables import Review

    for product in ("a", "b"):
        result = run_crawl("schemaorg", [f"{shop}/relid/{product}/"], brand="Shop", database_url=db_url,
                           settings=local_settings)
        assert result.ok, result.error_message
        assert result.items_new == 2, product
    with session_scope(get_engine(db_url), write=False) as session:
        stored = {(r.url, r.text, r.edited_at) for r in session.exec(select(Review))}
    assert stored == {
        (f"{shop}/relid/{p}/", f"product {p}: {n} review", None) for p in ("a", "b") for n in ("first", "second")
    }
