"""RDFa names given as links: ``<a property="author" href="/users/ann">Ann</a>`` names Ann, as in microdata.

By the letter of RDFa the value is a reference to the link, which named no one: the review had no
author and the product no name. The row keeps what crawls read before (no author: ``""``), so a
review stored by them is found and not stored again.
"""

from __future__ import annotations

from typing import Any

import pytest

from crawlers.extract.link_names import LINK_NAMES
from crawlers.extract.nodes import page_nodes
from crawlers.extract.schemaorg import extract_page

URL = "https://shop.example/mug/"


def _page(reviews: str, extra: str = "") -> bytes:
    return ('<html lang="en"><body vocab="https://schema.org/"><div typeof="Product"><h1><a property="name" '
            f'href="/shop/mug">Mug</a></h1>{reviews}</div>{extra}</body></html>').encode()


def _review(author: str, body: str = "Ann says the mug is fine.", about: str = "") -> str:
    return (f'<div property="review" typeof="Review"{about}>By {author}<p property="reviewBody">{body}</p>'
            '<span property="reviewRating" typeof="Rating"><meta property="ratingValue" content="4"></span></div>')


def test_an_author_link_is_the_author_s_name() -> None:
    (row,) = extract_page(_page(_review('<a property="author" href="/users/ann">Ann</a>')), URL).reviews
    assert (row["author"], row["extra"]["item_reviewed"]) == ("Ann", "Mug")
    assert row["extra"][LINK_NAMES] == {"author": ""}


def test_a_person_named_by_a_link_is_named() -> None:
    author = '<span property="author" typeof="Person"><a property="name" href="/users/bob">Bob</a></span>'
    (row,) = extract_page(_page(_review(author)), URL).reviews
    assert row["author"] == "Bob"


def test_a_link_to_what_the_page_describes_stays_a_reference() -> None:
    person = '<div about="#ann" typeof="Person"><span property="name">Ann Smith</span></div>'
    (row,) = extract_page(_page(_review('<a property="author" href="#ann">Ann</a>'), person), URL).reviews
    assert row["author"] == "Ann Smith"
    assert LINK_NAMES not in row["extra"]


def test_a_link_that_is_no_name_stays_a_reference() -> None:
    nodes = [node for _, node in page_nodes(_page(_review('<a property="url" href="/r/7">Ann</a>')), URL, [])]
    (review,) = [node for node in nodes if "Review" in node["@type"]]
    assert review["url"] == {"@id": "https://shop.example/r/7"}


@pytest.mark.slow
def test_a_review_stored_without_its_author_is_not_stored_again(
    serve_site: Any, db_url: str, local_settings: dict[str, Any], stored_reviews: Any, tmp_path: Any
) -> None:
    from crawlers.runner import run_crawl
    from models import crud
    from models.db import get_engine, session_scope
    from models.identity import content_id
    from models.stored import stored_id

    page = _page(_review('<a property="author" href="/users/ann">Ann</a>'))
    site = serve_site(tmp_path, {"/mug/": lambda hit: (200, "text/html; charset=utf-8", page)})
    source, text = "schemaorg:127.0.0.1", "Ann says the mug is fine."
    before = {"source": source, "url": site.url("/mug/"), "author": None, "text": text, "rating": 4.0,
              "external_id": content_id(source, None, text)}  # as crawls stored it
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [before], brand_id=stored_id(crud.get_or_create_brand(session, "Shop")))
    result = run_crawl("schemaorg", [site.url("/mug/")], brand="Shop", database_url=db_url, settings=local_settings)
    assert result.ok, result.error_message
    assert (result.items_new, result.items_edited) == (0, 0)
    assert [(r.author, r.external_id) for r in stored_reviews(db_url, "Shop")] == [
        ("Ann", content_id(source, "Ann", text))]
