"""A review in another language: its themes never take the English lexicon's polarity."""

from __future__ import annotations

import pytest

from nlp.themes import ThemeDetector
from nlp.themes.catalog import Theme


@pytest.fixture(scope="module")
def detector() -> ThemeDetector:
    return ThemeDetector()


@pytest.mark.parametrize(("text", "sentiment"), [
    ("Die App ist toll, alles bestens.", "positive"),  # "die" is -2.9 in the English lexicon
    ("Livraison sans retard, parfait.", "positive"),  # "retard"
    ("Die App ist toll, alles bestens.", None),
])
def test_no_theme_from_the_english_lexicon(detector: ThemeDetector, text: str, sentiment: str | None) -> None:
    assert detector.detect_one(text, sentiment).themes == {}


def test_a_theme_takes_the_reviews_label(detector: ThemeDetector) -> None:
    """A theme word shared with English ("login", "delivery") keeps its theme, in the review's sentiment label."""
    text = "El delivery llegó tarde, no funciona el login."
    assert detector.detect_one(text, "positive").themes == {"delivery": "positive", "app_reliability": "positive"}
    assert detector.detect_one(text, "negative").themes == {"delivery": "negative", "app_reliability": "negative"}
    # without a label: neutral, or negative for the themes that are complaints by nature
    assert detector.detect_one(text).themes == {"delivery": "neutral", "app_reliability": "negative"}


def test_a_known_language_wins_over_the_guess(detector: ThemeDetector) -> None:
    text = "Die App ist toll, alles bestens."
    assert detector.detect_one(text, "positive", language="en").themes == {"product_quality": "negative"}
    assert detector.detect([text], ["positive"], languages=["de-DE"])[0].themes == {}
    assert detector.detect_one("The delivery was late.", "positive", language="en").themes["delivery"] == "negative"


def test_a_brand_theme_in_german_takes_the_label() -> None:
    detector = ThemeDetector([Theme("loyalty_card", "Acme Plus card", ("Treuekarte",), brand=True)])
    got = detector.detect_one("Die Treuekarte ist eine Katastrophe, nie wieder.", "negative")
    assert got.themes == {"loyalty_card": "negative"}
