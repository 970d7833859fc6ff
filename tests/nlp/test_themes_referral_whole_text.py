"""The theme detector reads a review's referral intent from the whole text, as the scorer does.

It read it from ``clean_text``'s head and tail (4,500 + 1,500 characters) while the scorer, ``umot score``
and the store read the whole text: a recommendation in the middle of a 10,297-character review was
"recommend" when scored and "none" when the themes step wrote its reading back 140 ms later.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from nlp.result import ReviewScore
from nlp.review_scoring import score_reviews
from nlp.themes import ThemeDetector

HEAD, TAIL = "The food was fine and the room was quiet. " * 140, " The view was nice and the bed was soft." * 110
MIDDLE_RECOMMEND = HEAD + "I would recommend them to anyone. " + TAIL
MIDDLE_WARN = HEAD + "Stay away, don't book with them. " + TAIL
TEXTS = [MIDDLE_RECOMMEND, MIDDLE_WARN, HEAD + TAIL, "I'd recommend them to anyone.", "Stay away, don't buy it.",
         "Would you recommend them?", "Great blender.\nI recommend it!", "<p>I recommend them</p>"]


class _Scorer:
    """A scorer that reads nothing: score_reviews' referral intent is what is compared."""

    version = "none"

    def score(self, texts: Sequence[str], ratings: object = None) -> list[ReviewScore]:
        return [ReviewScore("neutral", 3.0, 0.2, 0.6, 0.2, 0.6, "en") for _ in texts]


def test_the_texts_are_longer_than_what_clean_text_keeps() -> None:
    assert len(MIDDLE_RECOMMEND) > 10_000
    assert "recommend" not in HEAD + TAIL


@pytest.mark.parametrize(("text", "intent"), [(MIDDLE_RECOMMEND, "recommend"), (MIDDLE_WARN, "warn"), (HEAD + TAIL, "none")])
def test_a_referral_in_the_middle_of_a_long_review_is_read(text: str, intent: str) -> None:
    assert ThemeDetector().detect_one(text).referral == intent


def test_the_detector_and_the_scorer_read_the_same_referral_intent() -> None:
    scored = [s.referral_intent or "none" for s in score_reviews(_Scorer(), TEXTS)]
    assert [r.referral for r in ThemeDetector().detect(TEXTS)] == scored
    assert scored[:3] == ["recommend", "warn", "none"]

