"""Referral intent: questions, hedged and foreign negations, a rival recommended instead, own repeat."""

from __future__ import annotations

import pytest

from nlp.referral import referral_intent
from nlp.themes import ThemeDetector


@pytest.mark.parametrize("text", [
    "Would you recommend Acme to a friend?",
    "Can anyone recommend a good alternative to Acme?",
    "Could you recommend a cheaper shop",
    "Why would anyone recommend this?",
    "I recommend Globex instead of Acme.",  # which brand the text is about is not known to the rule
    "I'd recommend something else rather than this.",
    "I told my friends about this disaster.",
    "Will never order again.",
    "I will never buy from them again",
])
def test_no_referral(text: str) -> None:
    assert referral_intent(text) is None


@pytest.mark.parametrize("text", [
    "I can't really recommend it",
    "I don't think I would recommend",
    "Hard to recommend",
    "I wouldn't necessarily recommend this shop.",
    "Not a place I would recommend.",
    "I would recommend it to no one.",
    "Acme: would I recommend it? Not really.",
    "Ich würde Acme nicht weiterempfehlen.",
    "Kann ich leider nicht wirklich empfehlen.",
    "Ich empfehle es nicht.",
    "Würde ich es weiterempfehlen? Nein.",
    "Je ne peux pas le recommander.",
    "No lo recomendaría.",
    "No se lo recomiendo a nadie.",
    "Não recomendo.",
])
def test_a_negated_or_hedged_recommendation_warns(text: str) -> None:
    assert referral_intent(text) == "warn"


@pytest.mark.parametrize("text", [
    "I would not hesitate to recommend them.",
    "Never disappointed, highly recommend!",
    "No complaints, would recommend.",
    "Would I recommend it? Absolutely!",
    "I cannot recommend them highly enough.",
    "Told my friends about it, but the delivery was slow.",
    "Je ne peux que recommander ce magasin.",
    "Lo recomendaría sin dudar.",
    "Does anyone know a good plumber? Acme was great, I recommend them.",
    "Should you need a plumber, I recommend Acme.",  # only the first clause asks
])
def test_still_a_recommendation(text: str) -> None:
    assert referral_intent(text) == "recommend"


def test_never_again_is_the_writers_repeat_and_dont_buy_still_warns() -> None:
    got = ThemeDetector().detect_one("Will never order again.", "negative")
    assert (got.referral, got.primary_stage) == ("none", "repeat")
    assert referral_intent("Never order from this place!") == "warn"


def test_a_question_is_no_praise_for_its_theme() -> None:
    """The "recommend" of a question (or of a rival) is not read as the writer's praise."""
    detector = ThemeDetector()
    assert detector.detect_one("Would you recommend them?").themes == {}
    assert detector.detect_one("I recommend Globex instead of Acme").themes == {}
    assert detector.detect_one("I don't think I would recommend").themes == {"product_quality": "negative"}
