"""Ratings as published: "2/10" where the site rated out of 10, stars on five."""

from __future__ import annotations

from core.ratings import rating_as_published, reasons_as_published


def test_rating_as_published() -> None:
    assert rating_as_published(1.44, 2, 10) == "2/10"
    assert rating_as_published(3.88, 72, 100) == "72/100"
    assert rating_as_published(4.5, 4.5, 5) == "4.5★"
    assert rating_as_published(4.0) == "4★"  # imported without a scale
    assert rating_as_published(None, 0, 10) is None  # "0/10" on the demo site means unrated


def test_reasons_show_the_published_rating() -> None:
    reasons = ["rated 1.44★", "language de: scored by an English model"]
    assert reasons_as_published(reasons, 1.44, 2, 10) == ["rated 2/10", reasons[1]]
    mismatch = ["rating/text mismatch: rated 4.56★ but the text reads negative (p_negative 0.91)"]
    assert reasons_as_published(mismatch, 4.56, 9, 10) == [
        "rating/text mismatch: rated 9/10 but the text reads negative (p_negative 0.91)"
    ]
    assert reasons_as_published(["rated 1★"], 1.0, 1, 5) == ["rated 1★"]
    assert reasons_as_published(["rated 1★"], None) == ["rated 1★"]


def test_five_points_from_zero_show_the_published_value() -> None:
    """``umot import --scale 5 --worst 0``: 0 is stored as 1★ and 2.5 as 3★; the scale alone (5) said
    "stars", so a customer's 0 of 5 read as 1★ in every export, page and message."""
    assert rating_as_published(1.0, 0, 5) == "0/5"
    assert rating_as_published(3.0, 2.5, 5) == "2.5/5"
    assert rating_as_published(5.0, 5, 5) == "5★"  # the top of the scale is 5★ either way
    assert reasons_as_published(["rated 1★"], 1.0, 0, 5) == ["rated 0/5"]
    assert reasons_as_published(["rated 3★"], 3.0, 2.5, 5) == ["rated 2.5/5"]


def test_a_one_to_five_value_rounded_when_stored_still_reads_as_stars() -> None:
    assert rating_as_published(4.33, 4.333, 5) == "4.33★"  # stored to 2 decimals, not another value
    assert reasons_as_published(["rated 4.33★"], 4.33, 4.333, 5) == ["rated 4.33★"]
