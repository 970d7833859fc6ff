"""Readings a tester reported wrong (themes-rules/4): recommendations and warnings, counted attempts, slow service."""

from __future__ import annotations

import pytest

from nlp.themes import ThemeDetector
from nlp.themes.theme_polarity import opinion_score, theme_polarities


@pytest.fixture(scope="module")
def detector() -> ThemeDetector:
    return ThemeDetector()


@pytest.mark.parametrize("sentiment", ["negative", None])
def test_a_warning_is_not_praise_for_its_recommend(detector: ThemeDetector, sentiment: str | None) -> None:
    got = detector.detect_one("I recommend avoiding them.", sentiment)
    assert (got.themes, got.referral) == ({"product_quality": "negative"}, "warn")
    assert theme_polarities({}, "I recommend avoiding them.", "negative") == {"product_quality": "negative"}


@pytest.mark.parametrize("text", ["Save your money, steer clear.", "I recommend staying away from them.",
                                  "I recommend against it.", "Would not recommend."])
def test_warnings_score_negative_whatever_their_praise_words(text: str) -> None:
    assert opinion_score(text) <= -1.5, text


def test_a_warning_names_its_theme_negative_without_a_label(detector: ThemeDetector) -> None:
    assert detector.detect_one("I recommend staying away from their delivery.").themes == {"delivery": "negative"}


def test_cant_recommend_enough_is_praise(detector: ThemeDetector) -> None:
    for text in ("I can't recommend them enough!", "I can\u2019t recommend them enough!"):
        assert detector.detect_one(text, "positive").themes == {"product_quality": "positive"}, text
    assert opinion_score("I recommend them to all my friends!") >= 1.5


@pytest.mark.parametrize(("text", "stages", "primary"), [
    ("I recommend them to all my friends!", ["use", "refer"], "refer"),  # the theme comes from the text as a whole
    ("Payment failed three times.", ["buy", "use"], "buy"),  # a count of failures is no coming back
    ("My card was declined 4 times at checkout.", ["buy", "use"], "buy"),
    ("I have ordered from them three times, always great.", ["buy", "use", "repeat"], "use"),
])
def test_stages_of_reported_texts(detector: ThemeDetector, text: str, stages: list[str], primary: str) -> None:
    got = detector.detect_one(text)
    assert (got.stages, got.primary_stage) == (stages, primary)


@pytest.mark.parametrize(("text", "themes"), [
    ("Food great but service slow.", {"product_quality": "positive", "service_staff": "negative", "speed_wait": "negative"}),
    ("Service was not slow at all.", {"service_staff": "positive", "speed_wait": "positive"}),
    ("The service wasn't slow.", {"service_staff": "positive", "speed_wait": "positive"}),
])
def test_slow_service_is_speed_wait(detector: ThemeDetector, text: str, themes: dict[str, str]) -> None:
    assert detector.detect_one(text).themes == themes
