"""A paginated listing whose reviews have anchor ids (``"@id": "#review-7"``), crawled into a store
that holds them under the ids crawls gave them before (the anchor joined to the page's URL).

Three new reviews pushed every stored one a page further down: under the page-joined ids
each was stored a second time. The last page's next link is a script's button
(``javascript:void(0)``), which logged a traceback and counted an error on every crawl.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from scrapy.http import HtmlResponse

from crawlers.spiders.site_links import next_page_urls
from tests.crawlers.conftest import Answer, FixtureSite, Hit

ITEM = "Acme Toaster"
SOURCE = "schemaorg:127.0.0.1"


def _page(numbers: list[int], next_href: str) -> bytes:
    reviews = [{"@type": "Review", "@id": f"#review-{n}", "author": {"@type": "Person", "name": f"User {n}"},
                "reviewRating": {"@type": "Rating", "ratingValue": 5}, "reviewBody": f"Review {n}: works as described.",
                "datePublished": f"2024-03-{n:02d}"} for n in numbers]
    product = {"@context": "https://schema.org", "@type": "Product", "name": ITEM, "review": reviews}
    return (f'<html lang="en"><head><script type="application/ld+json">{json.dumps(product)}</script></head>'
            f'<body><a rel="next" href="{next_href}">Next</a></body></html>').encode()


def _listing(pages: list[list[int]]) -> dict[str, Callable[[Hit], Answer]]:
    """``/toaster?page=N``: the reviews of ``pages``, newest first; the last page's next link is a script's."""
    def route(index: int) -> Callable[[Hit], Answer]:
        href = f"/toaster?page={index + 2}" if index + 1 < len(pages) else "javascript:void(0)"
        return lambda hit: (200, "text/html; charset=utf-8", _page(pages[index], href))
    return {f"/toaster?page={i + 1}": route(i) for i in range(len(pages))}


def _stored_as_before(db_url: str, site: FixtureSite, pages: list[list[int]]) -> None:
    """The rows a crawl before this stored: each review's anchor joined to the page it was read on."""
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    rows: list[dict[str, Any]] = []
    for index, numbers in enumerate(pages):
        url = site.url(f"/toaster?page={index + 1}")
        rows += [{"source": SOURCE, "url": url, "external_id": f"{url}#review-{n}", "author": f"User {n}",
                  "text": f"Review {n}: works as described.", "rating": 5.0, "rating_raw": 5.0, "rating_scale": 5.0,
                  "extra": {"syntax": "json-ld", "item_reviewed": ITEM, "item_type": "Product"}} for n in numbers]
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, rows, brand_id=stored_id(crud.get_or_create_brand(session, "Shop")))


@pytest.mark.slow
def test_reviews_stored_under_page_joined_anchors_are_not_stored_again_when_they_move_a_page(
    serve_site: Callable[..., FixtureSite], db_url: str, local_settings: dict[str, Any], stored_reviews: Any, tmp_path: Any
) -> None:
    from crawlers.runner import run_crawl

    site = serve_site(tmp_path, _listing([[9, 8, 7], [6, 5, 4], [3, 2, 1]]))
    _stored_as_before(db_url, site, [[6, 5, 4], [3, 2, 1]])  # before reviews 7-9 were posted
    result = run_crawl("schemaorg", [site.url("/toaster?page=1")], brand="Shop", database_url=db_url,
                       settings=local_settings)
    assert result.ok, result.error_message
    assert (result.items_new, result.errors) == (3, 0)
    stored = stored_reviews(db_url, "Shop")
    assert sorted(r.external_id for r in stored) == sorted(f"item:{ITEM}#review-{n}" for n in range(1, 10))
    assert not site.hits_for("javascript:void(0)")


@pytest.mark.parametrize(("links", "expected"), [
    ('<a rel="next" href="javascript:void(0)">Next</a>', []),
    ('<a class="next" href="javascript:void(0)">›</a><a href="mailto:shop@example.com">Next</a>', []),
    ('<a rel="next" href="javascript:void(0)">›</a><a href="?page=3">Next</a>', ["https://shop.example/r?page=3"]),
])
def test_a_next_link_that_is_no_http_page_is_not_followed(links: str, expected: list[str]) -> None:
    response = HtmlResponse("https://shop.example/r?page=2", body=f"<html><body>{links}</body></html>".encode())
    assert next_page_urls(response) == expected


def test_another_items_review_under_the_same_anchor_keeps_its_id(db_url: str) -> None:
    """``product.php?id=5#review-1`` and ``?id=6#review-1`` share a path: only the same item's review moves."""
    from sqlmodel import select

    from models import crud
    from models.crud.legacy_ids import RELATIVE_ID
    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from models.tables import Review

    def row(product: str, external_id: str, written: str | None = None) -> dict[str, Any]:
        extra = {"item_reviewed": product, **({RELATIVE_ID: written} if written else {})}
        return {"source": SOURCE, "url": f"https://shop.example/product.php?id={product}", "external_id": external_id,
                "author": "Ann", "text": f"product {product}", "extra": extra}

    with session_scope(get_engine(db_url)) as session:
        brand_id = stored_id(crud.get_or_create_brand(session, "Shop"))
        crud.upsert_reviews(session, [row("5", "https://shop.example/product.php?id=5#review-1")], brand_id=brand_id)
    with session_scope(get_engine(db_url)) as session:
        other = crud.upsert_reviews(session, [row("6", "item:6#review-1", "#review-1")], brand_id=brand_id)
        same = crud.upsert_reviews(session, [row("5", "item:5#review-1", "#review-1")], brand_id=brand_id)
    assert (other.new, same.new, same.existing) == (1, 0, 1)
    with session_scope(get_engine(db_url), write=False) as session:
        assert sorted(session.exec(select(Review.external_id, Review.text))) == [
            ("item:5#review-1", "product 5"), ("item:6#review-1", "product 6")]
