"""A review judged in its language: declared wins, emoji names do not make a text English, and the
English model's verdict weighs less than the reviewer's own signal in another language.

"Die App ist toll, ich empfehle sie jedem." (5★) was a "rating/text mismatch" detractor; with
three 👍 a German text was guessed English from the emoji names ("thumbs up sign") and lost its
"language de" reason; a file's or the store's declared language was never read.
"""

from __future__ import annotations

import numpy as np

from nlp import detractor
from nlp.review_scoring import WARN_REASON, score_reviews
from nlp.scoring_results import empty_text_score, review_language, text_score
from nlp.text import clean_words
from nlp.themes import ThemeDetector

GERMAN_PRAISE = "Die App ist toll, ich empfehle sie jedem."
MISMATCH = "rating/text mismatch: rated 5★ but the text reads negative (p_negative 0.90)"


class EnglishMinded:
    """Reads every text as negative (p_negative 0.9); its language and verdict as the real scorer gives them
    (``nlp.scoring_results.text_score`` on ``nlp.text.clean_words``' words)."""

    detractor_threshold = detractor.DETRACTOR_THRESHOLD
    mismatch_threshold = detractor.MISMATCH_THRESHOLD

    def score(self, texts, ratings=None, *, progress=False):  # noqa: ANN001, ANN201
        rated = ratings or [None] * len(texts)
        polarity = np.array([0.9, 0.05, 0.05], dtype=np.float32)
        return [text_score(clean_words(text)[1], polarity, 1.5, rating, detractor_threshold=self.detractor_threshold,
                           mismatch_threshold=self.mismatch_threshold)
                if text else empty_text_score(rating) for text, rating in zip(texts, rated)]


def test_other_languages_keep_the_reviewers_signal_and_low_ratings_still_flag() -> None:
    assert detractor.decide(0.9, 5, language="de") == (False, [])
    assert detractor.decide(0.9, 4, language="fr", referral="warn") == (False, [])
    assert detractor.decide(0.9, None, language="de", referral="recommend") == (False, [])
    assert detractor.decide(0.9, 3, language="de", referral="recommend") == (False, [])
    assert detractor.decide(0.9, 1, language="de", referral="recommend") == (True, ["rated 1★"])
    assert detractor.decide(0.9, None, language="de") == (True, ["negative text (p_negative 0.90)"])
    assert detractor.decide(0.9, 5, language="en") == (True, [MISMATCH])
    assert detractor.decide(0.9, 5) == (True, [MISMATCH])  # unknown language: as before


def test_positive_german_reviews_are_no_detractors_but_a_one_star_one_is() -> None:
    scores = score_reviews(EnglishMinded(), [GERMAN_PRAISE, GERMAN_PRAISE, "Die App stürzt ständig ab, Finger weg!"],
                           [5, None, 1])
    assert [s.language for s in scores] == ["de", "de", "de"]
    assert [s.detractor for s in scores] == [False, False, True]
    assert scores[0].reasons == scores[1].reasons == ["language de: scored by an English model"]
    assert scores[1].referral_intent == "recommend"
    assert scores[2].reasons == ["rated 1★", "language de: scored by an English model", WARN_REASON]


def test_a_declared_language_wins_over_the_guess() -> None:
    [german, english] = score_reviews(EnglishMinded(), ["Die App ist toll", "Die App ist toll"], [5, 5],
                                      languages=["de-DE", "en"])
    assert (german.language, german.detractor, german.reasons) == ("de", False, ["language de: scored by an English model"])
    assert (english.language, english.detractor, english.reasons) == ("en", True, [MISMATCH])


def test_emoji_names_do_not_make_a_german_text_english() -> None:
    text = "Die App ist so toll 👍👍👍"
    assert review_language(clean_words(text)[1]) == "de"
    [score] = score_reviews(EnglishMinded(), [text])
    assert score.language == "de" and "language de: scored by an English model" in score.reasons
    assert ThemeDetector().detect_one(text, "positive").themes == {}  # no English lexicon ("die") on German


def test_a_text_too_short_to_guess_has_no_language_and_is_judged_as_before() -> None:
    [score] = score_reviews(EnglishMinded(), ["Sehr toll 👍👍👍"], [5])  # 8 letters ("Die App ist toll" is read de)
    assert score.language is None and score.detractor and score.reasons == [MISMATCH]
    [empty] = score_reviews(EnglishMinded(), [""], [1], languages=["de"])
    assert (empty.language, empty.reasons) == (None, ["empty text", "rated 1★"])  # nothing read in a language
