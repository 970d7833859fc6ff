"""Scoring a review as umot stores it: the one path ``umot score`` and the nightly run share.

They used to differ for the same review: the nightly run read the title before
the text and added "warns others off" to a detractor that tells others to stay
away, while ``umot score`` read the text column alone and never gave that
reason. Both now call :func:`score_reviews`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from nlp.referral import referral_intent

if TYPE_CHECKING:
    from nlp.result import ReviewScore
    from nlp.scorer import Scorer

#: The reason a detractor gets when its text warns others off (referral intent ``warn``).
WARN_REASON = "warns others off"


def review_text(title: str | None, text: str | None) -> str:
    """What the model reads: the title (often the verdict) then the body."""
    title, text = (title or "").strip(), (text or "").strip()
    if title and not text.startswith(title):
        return f"{title}\n{text}" if text else title
    return text


def score_reviews(
    scorer: Scorer,
    texts: Sequence[str | None],
    ratings: Sequence[object] | None = None,
    *,
    titles: Sequence[str | None] | None = None,
    referral_intents: Sequence[str | None] | None = None,
    progress: bool = False,
) -> list[ReviewScore]:
    """Scores with each review's referral intent, and :data:`WARN_REASON` on detractors that warn.

    ``titles`` are read before their texts (:func:`review_text`); a known
    ``referral_intents`` entry (as imported) wins over the one read from the text.
    """
    if titles is not None:
        texts = [review_text(title, text) for title, text in zip(titles, texts)]
    scores = scorer.score(list(texts), ratings, progress=progress)
    known = referral_intents if referral_intents is not None else [None] * len(scores)
    for score, text, intent in zip(scores, texts, known):
        score.referral_intent = intent if intent is not None else referral_intent(text if isinstance(text, str) else None)
        if score.detractor and score.referral_intent == "warn" and WARN_REASON not in score.reasons:
            score.reasons.append(WARN_REASON)
    return scores
