"""Each review of a page once, under an id that is its own: shared ids, duplicates across syntaxes,
anchor ids on paginated listings, a big ``@graph``, RDFa text and review counts."""

from __future__ import annotations

import json
from typing import Any

import pytest

import crawlers.extract.graph as graph_module
from crawlers.extract.counts import parse_count
from crawlers.extract.review_ids import RELATIVE_ID
from crawlers.extract.schemaorg import extract_page

PAGE = "https://shop.example/p/kettle/?page=2"


def _jsonld(*blocks: Any, body: str = "") -> str:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(b)}</script>' for b in blocks)
    return f'<html lang="en"><head>{scripts}</head><body>{body}</body></html>'


def _review(author: str, text: str, **more: Any) -> dict[str, Any]:
    return {"@type": "Review", "author": {"@type": "Person", "name": author}, "reviewBody": text,
            "reviewRating": {"@type": "Rating", "ratingValue": 4}, **more}


def _product(name: str, reviews: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "Product", "name": name, "review": reviews, **more}


@pytest.mark.parametrize("shared", [
    {"@id": "https://shop.example/p/kettle/#review"},  # one @id on every review
    {"url": "https://shop.example/p/kettle/"},  # every review's permalink is the product page
])
def test_an_id_every_review_of_the_page_shares_is_none_of_theirs(shared: dict[str, str]) -> None:
    """The dedupe ran first and kept one review under the shared id: the others were lost,
    and a later full crawl stored the next person's review over the kept one."""
    html = _jsonld(_product("Kettle", [_review(f"User {i}", f"text {i}", **shared) for i in range(3)]))
    rows = extract_page(html, PAGE).reviews
    assert [(r["author"], r["external_id"]) for r in rows] == [(f"User {i}", None) for i in range(3)]


def test_the_same_review_in_json_ld_with_an_id_and_in_microdata_without_is_kept_once_with_its_id() -> None:
    microdata = ('<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle</span>'
                 '<div itemprop="review" itemscope itemtype="https://schema.org/Review">'
                 '<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ann'
                 '</span></span><div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">'
                 '<meta itemprop="ratingValue" content="4"></div><p itemprop="reviewBody">Boils fast.</p></div></div>')
    html = _jsonld(_product("Kettle", [_review("Ann", "Boils fast.", **{"@id": "https://shop.example/r/1"})]),
                   body=microdata)
    (row,) = extract_page(html, PAGE).reviews
    assert (row["external_id"], row["extra"]["syntax"]) == ("https://shop.example/r/1", "json-ld")


def test_two_products_alike_reviews_on_one_page_are_two_reviews() -> None:
    html = _jsonld(_product("Kettle", [_review("Ann", "Great!")]), _product("Toaster", [_review("Ann", "Great!")]))
    rows = extract_page(html, PAGE).reviews
    assert [(r["extra"]["item_reviewed"], r["author"]) for r in rows] == [("Kettle", "Ann"), ("Toaster", "Ann")]


@pytest.mark.parametrize("page", ["https://shop.example/p/kettle/?page=1", PAGE, "https://shop.example/p/kettle/"])
def test_an_anchor_id_is_the_items_on_every_page_of_its_listing(page: str) -> None:
    """``#review-7`` was joined to the page's URL: the review got a new id when it moved to page 2."""
    html = _jsonld(_product("Acme Toaster", [_review("Ann", "Toasts evenly.", **{"@id": "#review-7"})]),
                   _product("Acme Kettle", [_review("Bo", "Boils fast.", **{"@id": "#review-7"})],
                            url="https://shop.example/p/kettle/"))
    rows = {r["author"]: r for r in extract_page(html, page).reviews}
    assert rows["Ann"]["external_id"] == "item:Acme Toaster#review-7"
    assert rows["Ann"]["extra"][RELATIVE_ID] == "#review-7"  # what the store finds the old id by
    assert rows["Bo"]["external_id"] == "https://shop.example/p/kettle/#review-7"


def test_an_rdfa_anchor_id_is_the_items_too() -> None:
    html = ('<html><body><div vocab="https://schema.org/" typeof="Product" resource="#kettle">'
            '<span property="name">Kettle</span><div property="review" typeof="Review" resource="#review-7">'
            '<span property="author">Ann</span><p property="reviewBody">Boils fast.</p></div></div></body></html>')
    ids = {extract_page(html, page).reviews[0]["external_id"] for page in (PAGE, PAGE.replace("2", "3"))}
    assert ids == {"item:Kettle#review-7"}


@pytest.mark.parametrize("attributes", ['vocab="https://schema.org/" typeof="Review"',
                                        'itemscope itemtype="https://schema.org/Review"'])
def test_rdfa_text_keeps_its_line_breaks_as_microdata_does(attributes: str) -> None:
    prop = "property" if "vocab" in attributes else "itemprop"
    html = (f'<html><body><div {attributes}><span {prop}="author">Ann</span><div {prop}="reviewBody">'
            "<p>Great kettle.</p><p>Boils fast.<br/>Quiet too.</p></div></div></body></html>")
    (row,) = extract_page(html, PAGE).reviews
    assert row["text"] == "Great kettle.\n\nBoils fast.\nQuiet too."


@pytest.mark.parametrize(("value", "count"), [
    ("1,234", 1234), ("2.345", 2345), ("1 234", 1234), ("1\u202f234 reviews", 1234), ("1.234.567", 1234567),
    (37, 37), ("37", 37), (12.0, 12), ({"@value": "1,000"}, 1000),
    ("4.5", None), ("1,5", None), (3.5, None), ("-3", None), ("many", None), (True, None), (None, None),
])
def test_a_review_count_is_a_whole_number_with_thousands_separators(value: object, count: int | None) -> None:
    assert parse_count(value) == count


def test_review_counts_with_thousands_separators_in_json_ld_and_rdfa() -> None:
    jsonld = _jsonld(_product("Kettle", [], aggregateRating={"@type": "AggregateRating", "ratingValue": "4.5",
                                                             "reviewCount": "1,234"}))
    rdfa = ('<html><body vocab="https://schema.org/"><div typeof="Product"><span property="name">Kettle</span>'
            '<div property="aggregateRating" typeof="AggregateRating"><span property="ratingValue">4.4</span>'
            '<span property="reviewCount">2.345</span></div></div></body></html>')
    assert [extract_page(html, PAGE).aggregates[0]["count"] for html in (jsonld, rdfa)] == [1234, 2345]


def _yoast_graph(n: int, listed: bool = True) -> str:
    """Yoast's shape: the product lists its reviews by ``@id``; each points back through ``itemReviewed``."""
    product: dict[str, Any] = {"@type": "Product", "@id": "#product", "name": "Kettle", "aggregateRating": {
        "@type": "AggregateRating", "ratingValue": "4.1", "reviewCount": f"{n:,}"}}
    if listed:
        product["review"] = [{"@id": f"#review-{i}"} for i in range(n)]
    reviews = [_review(f"User {i}", f"Review number {i}", **{"@id": f"#review-{i}", "itemReviewed": {"@id": "#product"}})
               for i in range(n)]
    return _jsonld({"@context": "https://schema.org", "@graph": [product, *reviews]})


def test_a_big_graph_is_walked_once_per_node(monkeypatch: pytest.MonkeyPatch) -> None:
    """Walked once per path, 200 reviews pointing back at their product took 2 s a page, 800 took 29 s."""
    read: list[int] = []

    def counted(node: dict) -> set[str]:
        read.append(id(node))
        return original(node)

    original = graph_module.node_types
    monkeypatch.setattr(graph_module, "node_types", counted)
    data = extract_page(_yoast_graph(200), PAGE, is_known=lambda row: True)
    assert len(data.known) == 200
    assert len(read) == len(set(read))  # each node read once: product, its rating, and 3 nodes per review


def test_every_review_of_an_800_review_graph_has_its_item_and_the_items_rating() -> None:
    data = extract_page(_yoast_graph(800), PAGE, is_known=lambda row: True)
    assert [r["author"] for r in data.known] == [f"User {i}" for i in range(800)]
    assert {(r["extra"]["item_reviewed"], r["extra"]["aggregate_count"]) for r in data.known} == {("Kettle", 800)}


def test_a_review_naming_its_item_by_id_gets_the_items_aggregate_rating() -> None:
    rows = extract_page(_yoast_graph(2, listed=False), PAGE).reviews
    assert [(r["extra"]["aggregate_rating"], r["extra"]["aggregate_count"]) for r in rows] == [(4.1, 2)] * 2


_STANDALONE = ('<div itemscope itemtype="https://schema.org/Review"><span itemprop="author">Ann</span>'
               '<div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">'
               '<meta itemprop="ratingValue" content="4"></div><p itemprop="reviewBody">Boils fast.</p></div>')


@pytest.mark.parametrize("review_id", [{"@id": "https://shop.example/reviews/501"}, {}])
def test_a_review_in_json_ld_and_in_microdata_that_names_no_item_is_kept_once_with_its_item(
    review_id: dict[str, str]
) -> None:
    """The microdata copy stands alone (no Product around it): its item (none) made it another review."""
    html = _jsonld(_product("Kettle", [_review("Ann", "Boils fast.", **review_id)]), body=_STANDALONE)
    (row,) = extract_page(html, PAGE).reviews
    assert (row["external_id"], row["extra"]["syntax"]) == (review_id.get("@id"), "json-ld")
    assert row["extra"]["item_reviewed"] == "Kettle"


def test_the_copy_that_names_its_item_is_kept_whichever_comes_first() -> None:
    standalone = {"@context": "https://schema.org", **_review("Ann", "Boils fast.")}
    nested = _STANDALONE.replace("<div itemscope", '<div itemprop="review" itemscope', 1)
    microdata = f'<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle</span>{nested}</div>'
    (row,) = extract_page(_jsonld(standalone, body=microdata), PAGE).reviews
    assert (row["extra"]["syntax"], row["extra"]["item_reviewed"]) == ("microdata", "Kettle")
