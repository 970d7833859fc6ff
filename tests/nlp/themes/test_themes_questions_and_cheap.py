"""Readings ``themes-rules/9`` got wrong: a denied "cheap" price was no complaint, a quality "cheap" named the
price, and a question asking for information praised or blamed what it named as a statement would."""

from __future__ import annotations

import pytest

from nlp.themes import VERSION, ThemeDetector
from nlp.themes.clauses import split_clauses
from nlp.themes.questions import ASKED, DENIED, RHETORICAL, SAID, readings


@pytest.fixture(scope="module")
def detector() -> ThemeDetector:
    return ThemeDetector()


def test_version_says_the_readings_changed() -> None:
    assert VERSION == "themes-rules/10"


@pytest.mark.parametrize(("text", "themes"), [
    ("Good food but not cheap.", {"product_quality": "positive", "price_value": "negative"}),
    ("The prices aren't cheap.", {"price_value": "negative"}),
    ("Not exactly cheap, but tasty.", {"product_quality": "positive", "price_value": "negative"}),
    ("Not cheap but worth it.", {"price_value": "positive"}),  # the value outweighs the price
    ("Food was good and cheap.", {"product_quality": "positive", "price_value": "positive"}),  # still no complaint
])
def test_a_denied_cheap_price_is_a_complaint(detector: ThemeDetector, text: str, themes: dict[str, str]) -> None:
    assert detector.detect_one(text, "positive").themes == themes


@pytest.mark.parametrize(("text", "themes"), [
    ("Feels cheap.", {"product_quality": "negative"}),
    ("The rings look really cheap.", {"product_quality": "negative"}),
    ("Cheap plastic.", {"product_quality": "negative"}),
    ("Doesn't feel cheap at all, very sturdy.", {"product_quality": "positive"}),
    ("Very nice product. Feels solid not cheap.", {"product_quality": "positive"}),
])
def test_cheap_quality_is_no_price(detector: ThemeDetector, text: str, themes: dict[str, str]) -> None:
    assert detector.detect_one(text, "positive").themes == themes


@pytest.mark.parametrize("sentiment", ["positive", "negative", None])
@pytest.mark.parametrize(("text", "app", "themes"), [
    ("Does anyone know if delivery is free?", None, {"delivery": "neutral"}),
    ("Is the food good here?", None, {"product_quality": "neutral"}),
    ("Can anyone tell me how to get a refund?", None, {"billing_refunds": "neutral"}),
    ("Great pizza. Do they deliver on Sundays?", None, {"product_quality": "positive", "delivery": "neutral"}),
    ("Is it any good?", None, {}),  # no opinion of the product as a whole either
])
def test_a_question_asking_for_information_names_its_themes_without_opinion(
        detector: ThemeDetector, text: str, app: bool | None, themes: dict[str, str], sentiment: str | None) -> None:
    assert detector.detect_one(text, sentiment, app).themes == themes


def test_asking_others_if_they_have_the_trouble_is_no_advice(detector: ThemeDetector) -> None:
    result = detector.detect_one("Is the app down for anyone else?", "negative", True)
    assert (result.themes, result.stages, result.primary_stage) == ({}, ["use"], "use")


@pytest.mark.parametrize(("text", "app", "themes"), [
    ("Why does the app crash every time?", True, {"app_reliability": "negative"}),
    ("How is it possible delivery took 3 weeks?", None, {"delivery": "negative"}),
    ("Why the long wait?", None, {"speed_wait": "negative"}),
    ("Is it me or is the app super slow lately?", True, {"app_reliability": "negative"}),
    ("Can you please add an iPad version?", True, {"app_usability": "negative"}),
    ("When will they put out an iPad version?", True, {"app_usability": "negative"}),
    ("How could I not love the staff?", None, {"service_staff": "positive"}),
    ("Worth the price? Absolutely.", None, {"price_value": "positive"}),
    ("Was the food good? Not really.", None, {"product_quality": "negative"}),
])
def test_rhetorical_and_answered_questions_keep_their_opinion(
        detector: ThemeDetector, text: str, app: bool | None, themes: dict[str, str]) -> None:
    assert detector.detect_one(text, "positive", app).themes == themes


@pytest.mark.parametrize(("text", "app", "sentiment", "themes"), [
    ("My phone overheats when I use the app What's happen ?", True, "negative", {"app_reliability": "negative"}),
    ("When I log in it fails??", True, "negative", {"app_reliability": "negative"}),
    ("Had to wait a bit for a table, great food?", None, "positive",
     {"product_quality": "positive", "speed_wait": "positive"}),
])
def test_a_statement_that_only_ends_in_a_question_mark_is_said(
        detector: ThemeDetector, text: str, app: bool | None, sentiment: str, themes: dict[str, str]) -> None:
    """A run-on into a question, or mojibake's "?", keeps the review's reading (an early draft made it a mention)."""
    assert detector.detect_one(text, sentiment, app).themes == themes


def test_readings_per_clause() -> None:
    text = "Love it. Is the food good? Why so slow? Worth it? No. Great staff but rude manager!"
    assert readings(split_clauses(text), text) == [SAID, ASKED, RHETORICAL, DENIED, SAID, SAID, SAID]
