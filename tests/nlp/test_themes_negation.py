"""Negations an earlier negator list missed: "nobody", "none", "no one", "nothing on the menu", "neither", "anything but", "far from", "less than".

1★ complaints read as praise ("None of the staff were helpful." was `service_staff (positive)`), so the
themes dropped out of the top negative themes of reports, webhooks and the overview.
"""

from __future__ import annotations

import pytest

from nlp.themes import ThemeDetector
from nlp.themes.clauses import polarity, split_clauses


@pytest.mark.parametrize(("text", "themes"), [
    ("None of the staff were helpful.", {"service_staff": "negative"}),
    ("I waited an hour for a table and nobody cares.", {"speed_wait": "negative"}),
    ("The courier was nowhere to be found and nobody at the counter helps.", {"delivery": "negative"}),
    ("Customer service was anything but helpful.", {"service_staff": "negative"}),
    ("The delivery was far from quick.", {"delivery": "negative"}),
    ("Neither the waiter nor the manager was friendly.", {"service_staff": "negative"}),
    ("Nothing on the menu was good.", {"product_quality": "negative"}),
    ("Nothing in the room was clean.", {"cleanliness_ambience": "negative"}),
])
@pytest.mark.parametrize("sentiment", [None, "negative"])
def test_a_complaint_with_nobody_none_or_far_from_is_negative(text: str, themes: dict[str, str],
                                                             sentiment: str | None) -> None:
    assert ThemeDetector().detect_one(text, sentiment).themes == themes


@pytest.mark.parametrize("clause", [
    "Customer service was anything but helpful", "less than helpful", "far from quick", "far from perfect",
    "anything but a pleasant stay", "far from the best service", "No one at the front desk was helpful",
    "none of us liked the food", "nobody cares", "the screen is nowhere near good quality",
    "less than average food",  # "less than" does not turn a complaint into praise
    "Nobody came and the food was cold",  # the negation ends where another thought starts
    "to have NO ONE pick up is ridiculous",  # "no one" naming nobody negates the words just after it only
    "Does not even work. Wasted my money.",  # nor across a sentence end
])
def test_negated_praise_is_negative(clause: str) -> None:
    assert polarity(clause) <= -1.0, clause


@pytest.mark.parametrize("clause", [
    "no less than perfect", "nothing less than amazing", "nothing short of amazing", "not far from perfect",
    "nobody does it better", "The service is second to none and the food is great",
    "I had none of the problems others had", "Nobody was rude", "far from disappointed",
    "Nothing at all went wrong with the delivery",
])
def test_praise_and_negated_complaints_are_positive(clause: str) -> None:
    assert polarity(clause) >= 1.0, clause


@pytest.mark.parametrize(("text", "themes"), [
    ("Couldn't be happier with the service.", {"service_staff": "positive"}),
    ("The staff couldn't be nicer.", {"service_staff": "positive"}),
    ("Never had better service.", {"service_staff": "positive"}),
    ("My stay could not be any better because of the staff.", {"service_staff": "positive"}),
    ("I couldn't be more disappointed with the delivery.", {"delivery": "negative"}),
    ("The service could not have been worse.", {"service_staff": "negative"}),
    ("Never had more pathetic grill chicken.", {"product_quality": "negative"}),
    ("The staff were not nicer than last time.", {"service_staff": "negative"}),  # "is not" sets no ceiling
    ("Delivery was not any better this time.", {"delivery": "negative"}),
    ("The staff were never the friendliest.", {"service_staff": "negative"}),  # a superlative negated falls short
    ("I have never had the best service here.", {"service_staff": "negative"}),
    ("Nothing in town is better than their pizza.", {"product_quality": "positive"}),  # a comparison, no negation
])
def test_a_modal_negation_keeps_a_comparative(text: str, themes: dict[str, str]) -> None:
    """Each read the other way: "couldn't be happier" flipped "happier" as "not happy" does."""
    assert ThemeDetector().detect_one(text).themes == themes


def test_nothing_but_is_only() -> None:
    """"Nothing but" means "only": "nothing but good things" is praise, "nothing but problems" a complaint."""
    assert polarity("nothing but good things to say") >= 1.0
    assert polarity("nothing but problems since the update") <= -1.0


@pytest.mark.parametrize("clause", ["far from home", "second to none", "far from the station"])
def test_a_measure_or_a_place_is_no_opinion(clause: str) -> None:
    assert polarity(clause) == 0, clause


def test_anything_but_is_no_contrast() -> None:
    assert split_clauses("Customer service was anything but helpful.") == ["Customer service was anything but helpful"]
    assert split_clauses("Nice food but slow service") == ["Nice food", "but slow service"]


def test_existing_readings_stay() -> None:
    detector = ThemeDetector()
    assert detector.detect_one("I can't recommend them enough, great service!").themes == {"service_staff": "positive"}
    assert detector.detect_one("The delivery never arrived, awful.").themes == {"delivery": "negative"}
    assert polarity("the food was not bad") >= 1.0
