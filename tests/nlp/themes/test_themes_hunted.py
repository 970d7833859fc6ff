"""Readings a hunt found wrong (themes-rules/9): emoji names read as theme words, corrections missing an
emoji copy, banking "interest" read as praise, and theme and stage phrases the rules missed."""

from __future__ import annotations

import pytest

from nlp.text import clean_text
from nlp.themes import ThemeDetector
from nlp.themes.corrections import Correction, CorrectionMemory
from nlp.themes.emoji_marks import marked_text, named, unnamed


@pytest.fixture(scope="module")
def detector() -> ThemeDetector:
    return ThemeDetector()


@pytest.mark.parametrize(("text", "app", "themes"), [
    ("Food was cold 🥶", None, {"product_quality": "negative"}),  # "freezing face" is no frozen app
    ("Delivery took forever 💔", None, {"delivery": "negative", "speed_wait": "negative"}),  # nor "broken" a product
    ("My package is here 📦🐛", None, {"delivery": "negative"}),  # "bug" is no app bug; the lexicon reads it still
    ("Great app 👍 but it keeps crashing 😥", True, {"product_quality": "positive", "app_reliability": "negative"}),
])
def test_emoji_names_name_no_theme(detector: ThemeDetector, text: str, app: bool | None,
                                   themes: dict[str, str]) -> None:
    assert detector.detect_one(text, "negative", app).themes == themes


def test_emoji_names_name_no_stage_but_keep_their_opinion(detector: ThemeDetector) -> None:
    # "⭚" is "slanted north arrow with hooked head": no one "hooked" on the place
    assert detector.detect_one("Good pizza ⭚").stages == ["use"]
    assert detector.detect_one("The waiter 😡").themes == {"service_staff": "neutral"}
    assert detector.detect_one("The waiter 😭").themes == {"service_staff": "negative"}  # "crying face"


def test_marked_text_reads_both_ways_as_clean_text_does() -> None:
    for value in ("Soup 🥶 was cold!&#128148; bad", "❤️ it 👨‍👩‍👧", "plain text", None, "a 😥 b"):
        marked = marked_text(value)
        assert named(marked) == clean_text(value), value
    assert unnamed(marked_text("Soup 🥶 was cold!&#128148; bad")) == "Soup was cold! bad"
    cut_inside = marked_text("ok 😥 then").split(" but ")  # a name holding a contrast word, cut by the clause rules
    assert [unnamed(c) for c in cut_inside] == ["ok", "then"]


def test_an_exported_correction_reaches_an_identical_copy_with_emoji(detector: ThemeDetector) -> None:
    raw = "Cold soup 🥶🤮😡"  # as `umot train --from-db` exports it: the stored text, emoji and all
    assert detector.detect_one(raw, "negative").themes == {"product_quality": "negative"}
    fixed = ThemeDetector(corrections=CorrectionMemory([Correction(raw, ("delivery",), (), {"delivery": "negative"})]))
    assert fixed.detect_one(raw, "negative").themes == {"product_quality": "negative", "delivery": "negative"}
    html = ThemeDetector(corrections=CorrectionMemory([Correction("<p>Cold soup &amp; rude 😡</p>", (), ("service_staff",))]))
    assert html.detect_one("Cold soup & rude 😡", "negative").themes == {"product_quality": "negative"}


@pytest.mark.parametrize("text", ["High interest rates and hidden fees.", "They raised the interest on my credit card."])
def test_interest_is_no_praise(detector: ThemeDetector, text: str) -> None:
    assert set(detector.detect_one(text, "negative", True).themes.values()) == {"negative"}, text  # was positive


@pytest.mark.parametrize(("text", "app", "theme"), [
    ("I got double charged.", True, "billing_refunds"),
    ("They double-charged me.", None, "billing_refunds"),
    ("They charged my card twice for one order.", True, "billing_refunds"),
    ("The tables were filthy.", None, "cleanliness_ambience"),
    ("Disgusting bathrooms in this restaurant.", None, "cleanliness_ambience"),
    ("The restaurant was smelly.", None, "cleanliness_ambience"),
    ("The bar had sticky tables.", None, "cleanliness_ambience"),
    ("The app logs me out constantly.", True, "app_reliability"),
    ("Slow app.", True, "app_reliability"),
    ("It takes forever to load.", True, "app_reliability"),
    ("Support never replied to my emails.", True, "service_staff"),
    ("Their support never answered.", None, "service_staff"),
])
def test_phrases_the_rules_missed(detector: ThemeDetector, text: str, app: bool | None, theme: str) -> None:
    assert theme in detector.detect_one(text, "negative", app).themes, text


def test_filthy_is_a_complaint_and_sticky_toffee_no_mess(detector: ThemeDetector) -> None:
    assert detector.detect_one("The restaurant was filthy.").themes == {"cleanliness_ambience": "negative"}
    assert "cleanliness_ambience" not in detector.detect_one("The sticky toffee pudding at this place!").themes


def test_support_that_never_answers_is_no_answer_of_the_app(detector: ThemeDetector) -> None:
    got = detector.detect_one("The app is fine but customer support never answers the chat.", "negative", True)
    assert "product_quality" not in got.themes and got.themes["service_staff"] == "negative"
    assert "product_quality" in detector.detect_one("The answers are accurate.", "positive", True).themes


@pytest.mark.parametrize("text", ["My friends recommended this place.", "Colleagues suggested we try it."])
def test_friends_plural_are_consider(detector: ThemeDetector, text: str) -> None:
    assert "consider" in detector.detect_one(text).stages, text


@pytest.mark.parametrize(("text", "themes"), [
    ("Great pizza, terrible delivery.", {"product_quality": "positive", "delivery": "negative"}),
    ("Great pizza and terrible delivery.", {"product_quality": "positive", "delivery": "negative"}),
    ("Friendly staff, filthy tables.", {"service_staff": "positive", "cleanliness_ambience": "negative"}),
    # one verdict on a list stays with every item of it
    ("Food, ambience and service, is awesome.",
     {"product_quality": "positive", "service_staff": "positive", "cleanliness_ambience": "positive"}),
])
def test_mixed_verdicts_joined_by_a_comma_or_and(detector: ThemeDetector, text: str, themes: dict[str, str]) -> None:
    assert detector.detect_one(text).themes == themes


@pytest.mark.parametrize(("text", "themes"), [
    ("Food was good and cheap.", {"product_quality": "positive", "price_value": "positive"}),
    ("Cheap prices and friendly staff.", {"price_value": "positive", "service_staff": "positive"}),
    ("Cheaply made, broke fast.", {"product_quality": "negative"}),
])
def test_cheap_prices_are_no_complaint(detector: ThemeDetector, text: str, themes: dict[str, str]) -> None:
    """"cheap" was a -1 word: cut from "good" by the mixed-verdict rule, a cheap price read as a complaint."""
    assert detector.detect_one(text).themes == themes
