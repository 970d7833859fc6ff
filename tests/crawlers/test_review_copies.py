"""One review marked up in JSON-LD and in microdata is stored once, however differently the two read it.

Found on a shop page: the copies' anchor ids were scoped differently (JSON-LD gave the product a
``url``, microdata did not: ``/pan#review-5`` and ``item:Iron Pan#review-5``), their texts were spaced
differently (``<p>a</p><p>b</p>`` is "a\\nb" from JSON-LD and "a\\n\\nb" from microdata) and a copy
showing its stars as an image had no rating: each review was stored twice.
"""

from __future__ import annotations

import json
from typing import Any

from crawlers.extract.schemaorg import extract_page

PAGE = "https://shop.example/pan"


def _page(jsonld: dict[str, Any], body: str) -> str:
    return (f'<html lang="en"><head><script type="application/ld+json">{json.dumps(jsonld)}</script></head>'
            f"<body>{body}</body></html>")


def _microdata_review(author: str, text: str, *, itemid: str = "", rating: str | None = "1") -> str:
    stars = ('<span itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">'
             f'<meta itemprop="ratingValue" content="{rating}"></span>') if rating else '<img src="stars.png" alt="stars">'
    itemid = f' itemid="{itemid}"' if itemid else ""
    return (f'<div itemprop="review" itemscope itemtype="https://schema.org/Review"{itemid}>'
            f'<span itemprop="author">{author}</span>{stars}<div itemprop="reviewBody">{text}</div></div>')


def _microdata_product(name: str, *reviews: str) -> str:
    return (f'<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">{name}</h1>'
            f'{"".join(reviews)}</div>')


def _jsonld_review(author: str, text: str, rating: object = "1", **more: Any) -> dict[str, Any]:
    rated = {"reviewRating": {"@type": "Rating", "ratingValue": rating}} if rating is not None else {}
    return {"@type": "Review", "author": {"@type": "Person", "name": author}, "reviewBody": text, **rated, **more}


def _product(name: str, *reviews: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "Product", "name": name, "review": list(reviews), **more}


def test_one_anchor_in_two_syntaxes_is_one_review_when_only_one_gives_the_items_link() -> None:
    jsonld = _product("Iron Pan", _jsonld_review("Nia", "Rusted.", **{"@id": "#review-5"}), url="/pan")
    body = _microdata_product("Iron Pan", _microdata_review("Nia", "Rusted.", itemid="#review-5"))
    rows = extract_page(_page(jsonld, body), PAGE).reviews
    assert [(r["external_id"], r["extra"]["syntax"]) for r in rows] == [("https://shop.example/pan#review-5", "json-ld")]


def test_one_anchor_on_two_products_of_a_page_is_two_reviews() -> None:
    jsonld = {"@context": "https://schema.org", "@graph": [
        _product("Pan", _jsonld_review("Nia", "Rusted.", **{"@id": "#r1"}), url="/pan"),
        _product("Pot", _jsonld_review("Ole", "Fine pot.", **{"@id": "#r1"}), url="/pot")]}
    body = (_microdata_product("Pan", _microdata_review("Nia", "Rusted.", itemid="#r1"))
            + _microdata_product("Pot", _microdata_review("Ole", "Fine pot.", itemid="#r1")))
    rows = extract_page(_page(jsonld, body), PAGE).reviews
    assert sorted(r["external_id"] for r in rows) == ["https://shop.example/pan#r1", "https://shop.example/pot#r1"]


def test_copies_spaced_differently_and_one_without_stars_are_kept_once_each() -> None:
    jsonld = _product("Mug",
                      _jsonld_review("Kim", "<p>Lid leaks.</p><p>Returned it.</p>", "2", **{"@id": "/pan#review-101"}),
                      _jsonld_review("Lee", "Keeps coffee hot!", 5, **{"@id": "/pan#review-102"}))
    body = _microdata_product("Mug", _microdata_review("Kim", "<p>Lid leaks.</p><p>Returned it.</p>", rating="2"),
                              _microdata_review("Lee", "Keeps coffee hot!", rating=None))
    rows = extract_page(_page(jsonld, body), PAGE).reviews
    assert [(r["author"], r["rating"], r["extra"]["syntax"]) for r in rows] == [
        ("Kim", 2.0, "json-ld"), ("Lee", 5.0, "json-ld")]


def test_the_copy_kept_for_its_id_takes_the_rating_only_the_other_copy_gives() -> None:
    jsonld = _product("Mug", _jsonld_review("Lee", "Keeps coffee hot!", "4", name="Hot"))
    body = _microdata_product("Mug", _microdata_review("Lee", "Keeps coffee hot!", itemid="https://shop.example/r/7",
                                                       rating=None))
    (row,) = extract_page(_page(jsonld, body), PAGE).reviews
    assert (row["external_id"], row["rating"], row["rating_raw"], row["title"]) == (
        "https://shop.example/r/7", 4.0, 4.0, "Hot")


def test_two_reviews_differing_in_their_rating_are_still_two() -> None:
    jsonld = _product("Mug", _jsonld_review("Lee", "Fine.", "2"))
    body = _microdata_product("Mug", _microdata_review("Lee", "Fine.", rating="5"))
    assert [r["rating"] for r in extract_page(_page(jsonld, body), PAGE).reviews] == [2.0, 5.0]


def test_the_brands_reply_only_one_copy_carries_is_kept() -> None:
    """The microdata copy held the shop's reply, the JSON-LD one (kept, sorted first) none: the reply was lost,
    and the detractor stayed unanswered."""
    jsonld = {"@context": "https://schema.org", "@type": "Product", "name": "Acme Kettle",
              "review": [_jsonld_review("Ann", "Broke after a week.", datePublished="2026-11-20")]}
    reply = ('<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author" itemscope '
             'itemtype="https://schema.org/Organization"><span itemprop="name">Acme</span></span>'
             '<meta itemprop="dateCreated" content="2026-11-22"><p itemprop="text">Sorry Ann, we sent a new one.</p></div>')
    review = _microdata_review("Ann", "Broke after a week.").replace("</div></div>", f"</div>{reply}</div>")
    [row] = extract_page(_page(jsonld, _microdata_product("Acme Kettle", review)), PAGE).reviews
    assert (row["reply_text"], row["replied_at"][:10]) == ("Sorry Ann, we sent a new one.", "2026-11-22")


def test_an_unrated_review_in_the_same_syntax_as_a_rated_one_alike_is_another_review() -> None:
    """Two "Verified buyer"s wrote "Great", one with 5 stars, one without and answered: the unrated one, in the
    same syntax, was taken for a copy of the rated one, and its reply moved onto the 5-star review."""
    reply = {"@type": "Comment", "text": "Thank you!", "author": {"@type": "Organization", "name": "Acme"}}
    jsonld = _product("Mug", _jsonld_review("Verified buyer", "Great", "5"),
                      _jsonld_review("Verified buyer", "Great", None, comment=[reply]))
    rows = extract_page(_page(jsonld, ""), PAGE).reviews
    assert [(r["rating"], r["reply_text"]) for r in rows] == [(5.0, None), (None, "Thank you!")]


def test_reviews_of_one_syntax_written_in_another_case_are_two() -> None:
    body = _microdata_product("Mug", _microdata_review("Kim", "GREAT MUG", rating="5"),
                              _microdata_review("Kim", "great mug", rating="5"))
    assert [r["text"] for r in extract_page(_page(_product("Mug"), body), PAGE).reviews] == ["GREAT MUG", "great mug"]


def test_an_unrated_copy_in_another_syntax_still_folds_when_its_own_syntax_has_the_review_once() -> None:
    """The microdata copy without stars is the JSON-LD one's; a second, unrated JSON-LD review alike is not."""
    jsonld = _product("Mug", _jsonld_review("Lee", "Hot!", "5"), _jsonld_review("Lee", "Hot!", None))
    body = _microdata_product("Mug", _microdata_review("Lee", "Hot!", rating=None))
    rows = extract_page(_page(jsonld, body), PAGE).reviews
    assert [(r["rating"], r["extra"]["syntax"]) for r in rows] == [(5.0, "json-ld"), (None, "json-ld")]
