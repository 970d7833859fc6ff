"""Microdata values as a reader sees them: a ``<time>`` without ``datetime`` is its text (the
HTML standard), and a link naming a review's author is the name, not the profile URL; the row keeps
what crawls read before (the URL), so a review stored by them is not stored again."""

from __future__ import annotations

from typing import Any

import pytest

from crawlers.extract.link_names import LINK_NAMES
from crawlers.extract.nodes import page_nodes
from crawlers.extract.review_ids import LINK_ID
from crawlers.extract.schemaorg import extract_page

URL = "https://shop.example/kettle/"


def _review(inner: str) -> str:
    return ('<html lang="en"><body><div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle'
            '</span><div itemprop="review" itemscope itemtype="https://schema.org/Review">'
            f'{inner}<p itemprop="reviewBody">Leaks from the lid.</p></div></div></body></html>')


def _row(inner: str) -> dict:
    (row,) = extract_page(_review(inner).encode(), URL).reviews
    return row


def test_an_author_link_is_the_author_s_name() -> None:
    row = _row('By <a itemprop="author" href="/users/ann-123">Ann</a>')
    assert row["author"] == "Ann"
    assert _row('<a itemprop="creator" href="/u/9"> Bob  B. </a>')["author"] == "Bob B."
    assert _row('<a itemprop="https://schema.org/author" href="/u/7">Cy</a>')["author"] == "Cy"


def test_an_author_link_without_text_keeps_its_url() -> None:
    assert _row('<a itemprop="author" href="/users/ann-123"></a>')["author"] == "https://shop.example/users/ann-123"


def test_a_review_link_is_still_its_url() -> None:
    row = _row('<a itemprop="url" href="/reviews/77">link</a>')
    assert row["url"] == "https://shop.example/reviews/77"


def test_a_time_without_datetime_is_its_text() -> None:
    assert _row('on <time itemprop="datePublished">March 5, 2024</time>')["published_at"][:10] == "2024-03-05"
    assert _row('<time itemprop="datePublished" datetime="2024-03-06">yesterday</time>')["published_at"][:10] == (
        "2024-03-06")


def test_the_hunted_page_reads_whole() -> None:
    page = _review('By <a itemprop="author" href="/users/ann-123">Ann</a> on '
                   '<time itemprop="datePublished">March 5, 2024</time>')
    (node,) = [n for syntax, n in page_nodes(page, URL, []) if syntax == "microdata"]
    (review,) = node["review"] if isinstance(node["review"], list) else [node["review"]]
    assert (review["author"], review["datePublished"]) == ("Ann", "March 5, 2024")


def test_the_row_keeps_the_names_crawls_before_read_as_the_link() -> None:
    """The author and title as crawls read them before (the link's URL), for the store to find the review by."""
    row = _row('By <a itemprop="author" href="/users/ann-123">Ann</a> <a itemprop="name" href="/r/7">Leaky</a>')
    assert (row["author"], row["title"]) == ("Ann", "Leaky")
    assert row["extra"][LINK_NAMES] == {"author": "https://shop.example/users/ann-123",
                                        "title": "https://shop.example/r/7"}
    assert LINK_NAMES not in _row('<span itemprop="author">Ann</span>')["extra"]


def test_an_item_named_by_a_link_keeps_the_id_crawls_gave_before() -> None:
    """``itemid="#review-ann"`` is scoped to the item's name: ``item:Mug`` now, the link's URL before."""
    html = ('<html><body><div itemscope itemtype="https://schema.org/Product"><a itemprop="name" href="/shop/mug">'
            'Mug</a><div itemprop="review" itemscope itemtype="https://schema.org/Review" itemid="#review-ann">'
            '<span itemprop="author">Ann</span><p itemprop="reviewBody">Fine.</p></div></div></body></html>')
    (row,) = extract_page(html.encode(), URL).reviews
    assert (row["external_id"], row["extra"]["item_reviewed"]) == ("item:Mug#review-ann", "Mug")
    assert row["extra"][LINK_ID] == "item:https://shop.example/shop/mug#review-ann"


@pytest.mark.slow
def test_reviews_stored_with_names_read_as_links_are_not_stored_again(
    serve_site: Any, db_url: str, local_settings: dict[str, Any], stored_reviews: Any, tmp_path: Any
) -> None:
    """As crawls stored them: Ann's review by her profile URL (content id), Bob's under the item's URL scope."""
    from crawlers.runner import run_crawl
    from models import crud
    from models.db import get_engine, session_scope
    from models.identity import content_id
    from models.stored import stored_id

    reviews = ('<div itemprop="review" itemscope itemtype="https://schema.org/Review">By <a itemprop="author" '
               'href="/users/ann">Ann</a><p itemprop="reviewBody">Ann says the mug is fine.</p></div>'
               '<div itemprop="review" itemscope itemtype="https://schema.org/Review" itemid="#review-bob">'
               '<span itemprop="author">Bob</span><p itemprop="reviewBody">Bob says the mug is fine.</p></div>')
    page = ('<html lang="en"><body><div itemscope itemtype="https://schema.org/Product"><h1><a itemprop="name" '
            f'href="/shop/mug">Mug</a></h1>{reviews}</div></body></html>').encode()
    site = serve_site(tmp_path, {"/mug/": lambda hit: (200, "text/html; charset=utf-8", page)})
    source, ann = "schemaorg:127.0.0.1", site.url("/users/ann")
    before = [{"source": source, "url": site.url("/mug/"), "author": ann, "text": "Ann says the mug is fine.",
               "external_id": content_id(source, ann, "Ann says the mug is fine.")},
              {"source": source, "url": site.url("/mug/"), "author": "Bob", "text": "Bob says the mug is fine.",
               "external_id": f"item:{site.url('/shop/mug')}#review-bob"}]
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, before, brand_id=stored_id(crud.get_or_create_brand(session, "Shop")))
    result = run_crawl("schemaorg", [site.url("/mug/")], brand="Shop", database_url=db_url, settings=local_settings)
    assert result.ok, result.error_message
    assert (result.items_new, result.items_edited) == (0, 0)
    assert [(r.author, r.external_id) for r in stored_reviews(db_url, "Shop")] == [
        ("Ann", content_id(source, "Ann", "Ann says the mug is fine.")), ("Bob", "item:Mug#review-bob")]
