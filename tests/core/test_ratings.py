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
