"""The scorer's output side: one review's class probabilities -> its ``ReviewScore``.

Any checkpoint's classes (2, 3 or 5 of them, ``nlp.labels``) are projected
onto umot's negative / neutral / positive and an expected star rating, so
every model yields the same fields; the detractor rule (``nlp.detractor``)
then reads p_negative, the review's own rating and its language: guessed here, once per review, by
:func:`review_language` (``nlp.review_scoring`` lets a declared language win).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from core.language import detect_language
from nlp import detractor
from nlp.labels import LABELS, LabelMap
from nlp.result import ReviewScore


def label_projections(labels: LabelMap) -> tuple[np.ndarray, np.ndarray]:
    """``probs @ polarity`` gives (p_negative, p_neutral, p_positive); ``probs @ stars`` the expected stars.

    Float32, like the probabilities, so the products stay float32.
    """
    polarity = np.zeros((labels.num_labels, 3), dtype=np.float32)
    for i, pol in enumerate(labels.polarity):
        polarity[i, pol] = 1.0
    return polarity, np.asarray(labels.stars, dtype=np.float32)


def empty_text_score(rating: object) -> ReviewScore:
    """No text to read: no label or probabilities, but a low rating still makes a detractor."""
    is_det, reasons = detractor.decide(None, rating)
    return ReviewScore(None, None, None, None, None, None, None, is_det, ["empty text", *reasons])


def review_language(words: str) -> str | None:
    """The one language guess of every scoring path (``Scorer.score``, the night, ``umot score``), read from
    the words without emoji names (``nlp.text.clean_words``): "thumbs up sign" would make any text English."""
    return detect_language(words)


def language_reasons(language: str | None) -> list[str]:
    """The reason a text in another language gets: a reader can discount the English model's verdict."""
    return [f"language {language}: scored by an English model"] if language is not None and language != "en" else []


def text_score(
    words: str,
    polarity: np.ndarray,
    stars: float,
    rating: object,
    *,
    detractor_threshold: float,
    mismatch_threshold: float,
) -> ReviewScore:
    """A scored text: ``polarity`` is its (p_negative, p_neutral, p_positive), ``stars`` its expected stars,
    ``words`` its text without emoji names. Texts in another language are scored all the same (the model is
    English): the reasons say so. The verdict reads p_negative as stored, as :func:`judge_in_language` does.
    """
    k = int(np.argmax(polarity))
    lang = review_language(words)
    p_negative = round(float(polarity[0]), 4)
    is_det, reasons = detractor.decide(
        p_negative, rating, threshold=detractor_threshold, mismatch_threshold=mismatch_threshold, language=lang,
    )
    reasons += language_reasons(lang)
    return ReviewScore(
        label=LABELS[k], stars=round(stars, 3),
        p_negative=p_negative, p_neutral=round(float(polarity[1]), 4),
        p_positive=round(float(polarity[2]), 4), confidence=round(float(polarity[k]), 4),
        language=lang, detractor=is_det, reasons=reasons,
    )


def judge_in_language(
    score: ReviewScore,
    rating: object,
    language: str | None,
    referral: str | None,
    *,
    detractor_threshold: float = detractor.DETRACTOR_THRESHOLD,
    mismatch_threshold: float = detractor.MISMATCH_THRESHOLD,
) -> None:
    """The verdict again, in place, with what the scorer cannot know: the review's declared ``language``
    (else the scorer's guess, ``score.language``) and its ``referral`` intent (``nlp.detractor``). The scorer
    decided in ``score.language`` without a referral intent, so most reviews are not decided again: only another
    language or a referral intent in a language not English can change the verdict. It reads p_negative as
    stored (4 decimals). A score without text keeps its rating's verdict.
    """
    if score.p_negative is None:
        return
    if language == score.language and (referral is None or language in (None, "en")):
        return
    score.language = language
    score.detractor, reasons = detractor.decide(
        score.p_negative, rating, threshold=detractor_threshold, mismatch_threshold=mismatch_threshold,
        language=language, referral=referral,
    )
    score.reasons = reasons + language_reasons(language)


def review_scores(
    cleaned: Sequence[str],
    words: Sequence[str],
    probs: np.ndarray,
    labels: LabelMap,
    ratings: Sequence[object] | None,
    *,
    detractor_threshold: float,
    mismatch_threshold: float,
) -> list[ReviewScore]:
    """One score per cleaned text (``words``: the same without emoji names, ``nlp.text.clean_words``):
    ``probs`` has a row for each non-empty text, in their order."""
    polarity, star_values = label_projections(labels)
    pol = probs @ polarity
    stars = probs @ star_values
    results: list[ReviewScore] = []
    row = 0
    for i, text in enumerate(cleaned):
        rating = ratings[i] if ratings is not None else None
        if not text:
            results.append(empty_text_score(rating))
            continue
        results.append(text_score(words[i], pol[row], float(stars[row]), rating,
                                  detractor_threshold=detractor_threshold, mismatch_threshold=mismatch_threshold))
        row += 1
    return results
