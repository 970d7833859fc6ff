"""Names of things ("gift card", "rewards", "loyalty") are no praise; an awaited thing that never came is a complaint."""

from __future__ import annotations

import pytest

from nlp.themes import ThemeDetector
from nlp.themes.catalog import Theme
from nlp.themes.clauses import label, polarity


@pytest.mark.parametrize(("text", "theme"), [
    ("The gift card never arrived.", "delivery"),
    ("Still waiting for my rewards.", "speed_wait"),
])
@pytest.mark.parametrize("sentiment", [None, "positive", "negative"])
def test_a_reward_that_never_came_is_negative(text: str, theme: str, sentiment: str | None) -> None:
    assert ThemeDetector().detect_one(text, sentiment).themes == {theme: "negative"}


def test_a_brand_theme_of_a_loyalty_card() -> None:
    detector = ThemeDetector([Theme("loyalty_card", "points, rewards", ("loyalty card", "reward points"), brand=True)])
    got = detector.detect_one("My loyalty card points never showed up.", "negative")
    assert got.themes == {"loyalty_card": "negative"}


@pytest.mark.parametrize("clause", ["my VIP bonus", "the loyalty rewards programme", "a gift for my friends",
                                    "the prize was a voucher"])
def test_names_of_things_carry_no_opinion(clause: str) -> None:
    assert polarity(clause) == 0


@pytest.mark.parametrize("clause", ["the refund was never credited", "my parcel hasn't arrived yet",
                                    "I have not received the voucher", "the points are yet to show up",
                                    "the discount was not applied"])
def test_not_come_is_negative(clause: str) -> None:
    assert label(polarity(clause)) == "negative"


@pytest.mark.parametrize("clause", ["it never arrived late", "I have never received so many compliments",
                                    "it still arrived on time", "it arrived a day early"])
def test_what_came_is_no_complaint(clause: str) -> None:
    assert label(polarity(clause)) != "negative"
