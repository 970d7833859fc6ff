"""schema.org extraction on fixture pages: every syntax, broken markup, rating scales, dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.extract.dates import iso_utc
from crawlers.extract.jsonld import load_jsonld_block
from crawlers.extract.ratings import normalise_rating
from crawlers.extract.schemaorg import extract_page

FIXTURES = Path(__file__).parent / "fixtures" / "schemaorg"
URL = "https://shop.example/reviews/page"


def page(name: str):
    return extract_page((FIXTURES / name).read_bytes(), URL)


def by_author(data) -> dict:
    return {r["author"]: r for r in data.reviews}


def test_jsonld_product_with_nested_reviews_and_aggregate() -> None:
    data = page("jsonld_product.html")
    assert data.errors == []
    reviews = by_author(data)
    assert set(reviews) == {"Dana", "Sam"}
    dana, sam = reviews["Dana"], reviews["Sam"]
    assert dana["external_id"] == "https://shop.example/kettle#r1"
    assert dana["rating"] == 5.0 and dana["rating_scale"] == 5.0 and dana["title"] == "Boils fast"
    assert dana["published_at"] == "2024-03-01T12:00:00+00:00"
    assert dana["extra"]["item_reviewed"] == "Brewmaster Kettle"
    assert dana["extra"]["aggregate_rating"] == 4.2 and dana["extra"]["aggregate_count"] == 37
    # numbers as strings, HTML entities decoded, offsets converted to UTC
    assert sam["rating"] == 1.0
    assert sam["text"] == "The lid broke after a week & support never answered."
    assert sam["published_at"] == "2024-02-10T07:30:00+00:00"
    assert data.aggregates == [
        {"item_reviewed": "Brewmaster Kettle", "rating": 4.2, "rating_raw": 4.2, "rating_scale": 5.0, "count": 37}
    ]


def test_jsonld_graph_resolves_references_and_item_reviewed() -> None:
    reviews = by_author(page("jsonld_graph.html"))
    assert set(reviews) == {"Ana", "Ben", "Cleo"}
    assert reviews["Ana"]["extra"]["item_reviewed"] == "Lemon cake"
    assert reviews["Ana"]["extra"]["item_type"] == "Recipe"
    # an anchor @id is the item's: "#rev-a" of two recipes is two reviews, on every page of one recipe's one
    assert reviews["Ana"]["external_id"] == "item:Lemon cake#rev-a"
    assert reviews["Cleo"]["external_id"] == "item:Corner Bakery#rev-c"  # the item it names (itemReviewed)
    assert (reviews["Ana"]["rating"], reviews["Ana"]["rating_raw"], reviews["Ana"]["rating_scale"]) == (4.56, 9.0, 10.0)
    assert reviews["Ben"]["rating"] == 3.4  # 60 on 0-100
    assert reviews["Cleo"]["extra"]["item_reviewed"] == "Corner Bakery"
    assert reviews["Cleo"]["extra"]["item_type"] == "LocalBusiness"


def test_microdata_decimal_comma_and_zero_means_unrated() -> None:
    data = page("microdata.html")
    reviews = by_author(data)
    assert reviews["Jo"]["rating"] == 4.5
    assert reviews["Jo"]["external_id"] == "https://shoes.example/x#m1"  # itemid
    assert reviews["Jo"]["title"] == "Great grip"
    assert reviews["Lee"]["rating"] is None and reviews["Lee"]["rating_raw"] == 0.0
    assert reviews["Lee"]["published_at"] == "2023-10-01T12:00:00+00:00"
    assert data.aggregates[0]["item_reviewed"] == "Trail Shoe X"


def test_rdfa_review_on_a_ten_point_scale() -> None:
    (review,) = page("rdfa.html").reviews
    assert review["author"] == "Priya"
    assert (review["rating"], review["rating_raw"], review["rating_scale"]) == (4.11, 8.0, 10.0)
    assert review["extra"] == {"syntax": "rdfa", "item_reviewed": "Summit Tent 2P", "item_type": "Product",
                               "relative_id": "#rd1"}  # resource="#rd1": the tent's (crawls before: the page's)
    assert review["external_id"] == "item:Summit Tent 2P#rd1"


def _rdfa_review(i: int, resource: bool) -> str:
    about = f' resource="urn:review:{i}"' if resource else ""
    return (
        f'<article property="review" typeof="Review"{about}><span property="author" typeof="Person">'
        f'<span property="name">A{i}</span></span><span property="reviewRating" typeof="Rating">'
        f'<span property="ratingValue">{i % 5 + 1}</span></span>'
        f'<p property="reviewBody">Review number {i} says "this" &amp; that</p></article>'
    )


@pytest.mark.parametrize("resource", [True, False], ids=["with ids", "blank nodes"])
def test_rdfa_reviews_keep_the_page_order(resource: bool) -> None:
    # rdflib hands a product's reviews back as a set: without reordering, the order
    # changed from one process to the next (PYTHONHASHSEED), and so did store ids
    body = "".join(_rdfa_review(i, resource) for i in range(8))
    html = f'<html><body><div vocab="https://schema.org/" typeof="Product"><h1 property="name">P</h1>{body}</div></body></html>'
    data = extract_page(html, URL)
    assert [r["author"] for r in data.reviews] == [f"A{i}" for i in range(8)]


def test_malformed_jsonld_keeps_what_can_be_read_and_says_why_the_rest_cannot() -> None:
    data = page("malformed.html")
    # CDATA + trailing semicolon, and &quot;-escaped JSON in an HTML comment, are repaired
    assert sorted(r["author"] for r in data.reviews) == ["Kim", "Ola"]
    assert by_author(data)["Ola"]["rating"] == 1.0
    assert len(data.errors) == 2
    assert data.errors[0].startswith("JSON-LD block 3: unreadable JSON-LD")
    assert "without text or rating" in data.errors[1]  # the review rated 0 with no text


def test_page_without_structured_data_is_empty_not_an_error() -> None:
    data = extract_page(b"<html><body><p>No reviews here</p></body></html>", URL)
    assert (data.reviews, data.aggregates, data.errors) == ([], [], [])


def test_same_review_in_json_ld_and_microdata_is_kept_once() -> None:
    html = (FIXTURES / "jsonld_product.html").read_text().replace(
        "<p>Sample data</p>",
        '<div itemscope itemtype="https://schema.org/Review" itemid="https://shop.example/kettle#r1">'
        '<span itemprop="author">Dana</span><p itemprop="reviewBody">Boils fast</p></div>',
    )
    assert len(extract_page(html, URL).reviews) == 2


@pytest.mark.parametrize(
    ("value", "best", "worst", "expected"),
    [
        (4, None, None, (4.0, 4.0, 5.0)),
        (5, None, None, (5.0, 5.0, 5.0)),  # the top of each inferred scale stays on it
        (10, None, None, (5.0, 10.0, 10.0)),
        (100, None, None, (5.0, 100.0, 100.0)),
        ("3/5", "10", None, (1.89, 3.0, 10.0)),  # the page's bestRating wins over a fraction in the text
        ("4,5", None, None, (4.5, 4.5, 5.0)),
        ("4.5 stars", None, None, (4.5, 4.5, 5.0)),
        ("8/10", None, None, (4.11, 8.0, 10.0)),
        (8, None, None, (4.11, 8.0, 10.0)),  # > 5 without bestRating: a 10 scale
        (80, None, None, (4.2, 80.0, 100.0)),  # > 10: percent, worst 0
        ("9", "10", "1", (4.56, 9.0, 10.0)),
        (75, 100, 0, (4.0, 75.0, 100.0)),
        (0, None, None, (None, 0.0, None)),  # 0 = not rated
        (0, 10, 0, (1.0, 0.0, 10.0)),  # ... unless the page says worstRating is 0
        (6, 5, None, (None, 6.0, 5.0)),  # outside the scale: unrated, raw kept
        (250, None, None, (None, 250.0, None)),
        ("n/a", None, None, (None, None, None)),
        (True, None, None, (None, None, None)),  # a boolean is not a rating
        (float("nan"), None, None, (None, None, None)),
        (None, None, None, (None, None, None)),
    ],
)
def test_rating_normalisation(value, best, worst, expected) -> None:
    rating = normalise_rating(value, best, worst)
    assert (rating.value, rating.raw, rating.scale) == expected


def test_jsonld_block_repairs() -> None:
    assert load_jsonld_block('{"a": 1};') == [{"a": 1}]
    assert load_jsonld_block("<!-- {&quot;a&quot;: 2} -->") == [{"a": 2}]
    assert load_jsonld_block('//<![CDATA[\n[{"a": 3}, {"b": 4,}]\n//]]>') == [{"a": 3}, {"b": 4}]
    assert load_jsonld_block('{"a": 5}\n{"b": 6}') == [{"a": 5}, {"b": 6}]
    with pytest.raises(ValueError, match="unreadable JSON-LD"):
        load_jsonld_block('{"a": "never closed')


def test_dates_to_iso_utc() -> None:
    assert iso_utc("2024-03-01") == "2024-03-01T12:00:00+00:00"
    assert iso_utc("2024-03-01T10:00:00+02:00") == "2024-03-01T08:00:00+00:00"
    assert iso_utc("March 5, 2024") == "2024-03-05T12:00:00+00:00"
    assert iso_utc("Mon, 04 Mar 2024 10:00:00 GMT") == "2024-03-04T10:00:00+00:00"
    assert iso_utc("5. März 2024") == "2024-03-05T12:00:00+00:00"
    assert iso_utc("not a date at all") is None
    assert iso_utc(None) is None


def test_known_reviews_are_set_apart_before_dates_and_languages_are_parsed(monkeypatch) -> None:
    html = (FIXTURES / "jsonld_product.html").read_bytes()
    everything = extract_page(html, URL)
    first = everything.reviews[0]
    data = extract_page(html, URL, is_known=lambda row: row["author"] == first["author"])
    assert data.reviews == everything.reviews[1:]  # new reviews: exactly as without a store
    assert [r["author"] for r in data.known] == [first["author"]]
    assert data.known[0]["external_id"] == first["external_id"]

    import crawlers.extract.finish_rows as finish_rows

    def costly(*args, **kwargs):
        raise AssertionError("a known review's date or language was parsed")

    monkeypatch.setattr(finish_rows, "iso_utc", costly)
    monkeypatch.setattr(finish_rows, "detect_language", costly)
    known = extract_page(html, URL, is_known=lambda row: True)
    assert len(known.known) == len(everything.reviews) and known.reviews == []
    # the date stays as published: the spider parses it only if ``since`` needs it
    assert iso_utc(known.known[0]["published_at"]) == first["published_at"]
