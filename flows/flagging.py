"""Which scored reviews become flags, and how urgent each one is.

The model's detractor rule (:mod:`nlp.detractor`) decides *whether* a review
is a detractor; this module adds the *severity* the triage queue sorts by, so
a brand team answers the angriest, most public complaints first:

- text negativity (``p_negative``, 0-1) and the star rating (1 star = 1.0,
  5 stars = 0.0) weigh equally; when only one is known it decides alone;
- telling others to stay away (referral intent ``warn``) adds 0.1, because a
  warning costs the next sale, not just this one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nlp.review_scoring import WARN_REASON

WARN_BONUS = 0.1


def rating_badness(rating: float | None) -> float | None:
    """1 star -> 1.0, 3 stars -> 0.5, 5 stars -> 0.0; None if no usable rating."""
    if rating is None or not 1.0 <= rating <= 5.0:
        return None
    return (5.0 - rating) / 4.0


def severity(p_negative: float | None, rating: float | None, referral_intent: str | None = None) -> float:
    """How urgently to answer, 0-1 (higher first), rounded to 3 decimals."""
    parts = [x for x in (p_negative, rating_badness(rating)) if x is not None]
    base = sum(parts) / len(parts) if parts else 0.5
    if referral_intent == "warn":
        base += WARN_BONUS
    return round(min(1.0, max(0.0, base)), 3)


@dataclass(frozen=True)
class Scored:
    """One review as scored and saved: what flagging needs to know about it."""

    review_id: int
    brand_id: int
    score_id: int
    detractor: bool
    reasons: tuple[str, ...]
    p_negative: float | None
    rating: float | None
    referral_intent: str | None = None


def flag_reasons(reasons: Iterable[str], intent: str | None) -> list[str]:
    """A flag's reasons with "warns others off" where the review warns, and only there."""
    kept = [r for r in reasons if r != WARN_REASON]
    return [*kept, WARN_REASON] if intent == "warn" else kept


def flag_rows(scored: Iterable[Scored]) -> list[dict]:
    """``upsert_flags`` rows for the detractors among ``scored``."""
    rows = []
    for item in scored:
        if not item.detractor:
            continue
        reasons = flag_reasons(item.reasons, item.referral_intent)
        rows.append(
            {
                "review_id": item.review_id,
                "score_id": item.score_id,
                "brand_id": item.brand_id,
                "reasons": reasons,
                "severity": severity(item.p_negative, item.rating, item.referral_intent),
            }
        )
    return rows
