"""Scoring a review as umot stores it: the one path ``umot score`` and the nightly run share.

They used to differ for the same review: the nightly run read the title before
the text and added "warns others off" to a detractor that tells others to stay
away, while ``umot score`` read the text column alone and never gave that
reason. Both now call :func:`score_reviews`, which also judges each review in its
language (as stored or given, else ``Scorer.score``'s own guess from its words without emoji
names, the one guess every path shares: ``nlp.scoring_results.review_language``): the
model is English, and ``nlp.detractor`` weighs its verdict less in other languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from core.language import normalise_language
from nlp import detractor
from nlp.referral import referral_intent
from nlp.scoring_results import judge_in_language
from nlp.text import to_text

if TYPE_CHECKING:
    from nlp.result import ReviewScore
    from nlp.scorer import Scorer

#: The reason a detractor gets when its text warns others off (referral intent ``warn``).
WARN_REASON = "warns others off"
#: Reviews scored together, shortest text first: the nightly run's batch (flows.night_scoring.score_all).
SCORE_CHUNK = 256


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
    languages: Sequence[str | None] | None = None,
    progress: bool = False,
) -> list[ReviewScore]:
    """Scores with each review's referral intent, and :data:`WARN_REASON` on detractors that warn.

    ``titles`` are read before their texts (:func:`review_text`); a known
    ``referral_intents`` entry (as imported) wins over the one read from the text, a known
    ``languages`` entry (as stored, or a file's language column) over the scorer's guess.
    More than :data:`SCORE_CHUNK` reviews are scored in chunks of that size by
    text length, the nightly run's batches: with int8 weights (scores move a
    little with their batch neighbours) a file of the reviews a night scores
    gets the night's scores.
    """
    bodies = list(texts)
    if titles is not None:
        texts = [review_text(to_text(title), to_text(text)) for title, text in zip(titles, bodies)]
    texts = list(texts)
    order = sorted(range(len(texts)), key=lambda i: len(body) if isinstance(body := bodies[i], str) else 0)
    if len(texts) <= SCORE_CHUNK:
        order = list(range(len(texts)))
    scores: list = [None] * len(texts)
    with _progress(len(texts), enabled=progress) as advance:
        for start in range(0, len(order), SCORE_CHUNK):
            rows = order[start:start + SCORE_CHUNK]
            part = scorer.score([texts[i] for i in rows], [ratings[i] for i in rows] if ratings is not None else None)
            for i, score in zip(rows, part):
                scores[i] = score
            advance(len(rows))
    known = referral_intents if referral_intents is not None else [None] * len(scores)
    declared = languages if languages is not None else [None] * len(scores)
    thresholds = {"detractor_threshold": getattr(scorer, "detractor_threshold", detractor.DETRACTOR_THRESHOLD),
                  "mismatch_threshold": getattr(scorer, "mismatch_threshold", detractor.MISMATCH_THRESHOLD)}
    for i, (score, text, intent, language) in enumerate(zip(scores, texts, known, declared)):
        score.referral_intent = intent if intent is not None else referral_intent(text if isinstance(text, str) else None)
        judge_in_language(score, ratings[i] if ratings is not None else None,
                          normalise_language(language) or score.language, score.referral_intent, **thresholds)
        if score.detractor and score.referral_intent == "warn" and WARN_REASON not in score.reasons:
            score.reasons.append(WARN_REASON)
    return scores


@contextmanager
def _progress(total: int, *, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A transient rich bar over every chunk (``umot score`` on 200+ rows); a no-op when not enabled."""
    if not enabled:
        yield lambda _: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("scoring", total=total)
        yield lambda done: bar.update(task, advance=done)
