"""Google Play arrays with stars as a string are reviews; an array that is still none is named, not dropped unseen.

Before, a review whose stars came as ``"4"`` failed ``is_review`` and vanished
(202 reviews found for 203 served, 0 errors), and one such array in the details
page's list hid the whole list.
"""

from __future__ import annotations

import json
from typing import Any

from crawlers.parsers import googleplay
from crawlers.parsers.googleplay_reviews import review_problem, stars

URL = "https://play.google.com/_/PlayStoreUi/data/batchexecute?rpcids=UsvDTd&hl=en&gl=us"


def array(review_id: str, rating: Any = 4, author: Any = "Ann") -> list[Any]:
    return [review_id, [author, [None, 2]], rating, None, f"Text of {review_id}", [1709900000, 0], 0,
            None, None, None, "5.4.1", None]


def batch(items: list[Any], token: str | None = "tok") -> str:
    payload = json.dumps([items, [None, token] if token else None])
    return ")]}'\n\n" + json.dumps([["wrb.fr", "UsvDTd", payload, None, None, None, "generic"], ["di", 42]])


def test_stars_as_a_numeric_string_are_stars() -> None:
    assert [stars(v) for v in (4, "4", " 5 ", "1")] == [4, 4, 5, 1]
    assert [stars(v) for v in (0, 6, "4.5", "four", None, True)] == [None] * 6
    assert review_problem(array("gp:1", "4")) is None


def test_a_batch_keeps_string_rated_reviews_and_names_each_array_that_is_none() -> None:
    items = [array("gp:1"), array("gp:2", "4"), array("gp:3", "x"), array("gp:4", author=None), "junk"]
    page = googleplay.parse_batch(batch(items), URL, "com.acme.shop")
    assert [(r["external_id"], r["rating"]) for r in page.reviews] == [("gp:1", 4.0), ("gp:2", 4.0)]
    assert page.next_token == "tok"
    assert len(page.skipped) == 3
    assert "item 2: review gp:3: stars at [2] are 'x', not 1-5" in page.skipped[0]
    assert "item 3: review gp:4: no author at [1][0]" in page.skipped[1]
    assert "item 4: not an array" in page.skipped[2]


def test_one_bad_array_does_not_hide_the_details_page_list() -> None:
    data = [[array("gp:7"), array("gp:8", "9"), array("gp:9", "3")], None]
    block = f"AF_initDataCallback({{key: 'ds:8', hash: '7', data:{json.dumps(data)}, sideChannel: {{}}}});"
    html = f'<html><body><script nonce="x">{block}</script></body></html>'
    page = googleplay.parse_page(html, "https://play.google.com/store/apps/details?id=com.acme.shop")
    assert [(r["external_id"], r["rating"]) for r in page.reviews] == [("gp:7", 4.0), ("gp:9", 3.0)]
    assert page.skipped == ["Google Play block ds:8, item 1: review gp:8: stars at [2] are '9', not 1-5"]
