"""Google Play review arrays: which arrays are reviews, where the list is found, and the row's link."""

from __future__ import annotations

from typing import Any

from crawlers.parsers.googleplay_requests import lang_country
from crawlers.parsers.googleplay_reviews import find_reviews, is_review, review_row


def array(stars: Any = 4, when: Any = 1700000000) -> list[Any]:
    """A review array as Google sends it: id, [author], stars, -, text, [seconds], thumbs, reply, ..., version."""
    return ["gp:1", ["Ann"], stars, None, "Works well", [when, 0], 3, None, None, None, "1.2.0"]


def test_is_review_needs_an_id_an_author_1_to_5_stars_and_a_date() -> None:
    assert is_review(array()) and is_review(array(stars=1)) and is_review(array(stars=5))
    assert not is_review(array(stars=0)) and not is_review(array(stars=6))
    assert is_review(array(stars="4")) and not is_review(array(stars="x"))  # a numeric string: Play sent one
    assert not is_review(array(when="2024-01-01"))
    assert not is_review(["gp:1", ["Ann"], 4, None, "too short"])
    assert not is_review(["gp:1", [None], 4, None, "x", [1]])  # no author
    assert not is_review("gp:1")


def test_find_reviews_returns_the_first_list_made_only_of_reviews_depth_first() -> None:
    first, second = [array()], [array(stars=2)]
    assert find_reviews([None, ["ds:5", [[], first]], second]) is first
    assert find_reviews([[array(), "not a review"], second]) is second
    assert find_reviews([[], [[]]]) is None
    assert find_reviews({"reviews": first}) is None


def test_review_row_links_the_review_on_the_serving_host_in_its_language() -> None:
    assert lang_country("http://127.0.0.1:8080/_/x?hl=de") == {"hl": "de", "gl": "us"}
    row = review_row(array(), "http://127.0.0.1:8080/_/x?hl=de", "com.acme.shop")
    assert row["url"] == "http://127.0.0.1:8080/store/apps/details?id=com.acme.shop&hl=de&gl=us&reviewId=gp%3A1"
    assert (row["external_id"], row["author"], row["rating"]) == ("gp:1", "Ann", 4.0)
    assert row["extra"] == {"app_id": "com.acme.shop", "thumbs_up": 3, "version": "1.2.0"}
    assert review_row(array(), "https://play.google.com/x", None)["url"] == "https://play.google.com/x&reviewId=gp%3A1"
