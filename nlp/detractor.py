"""The detractor rule: who is worth a brand team's attention, and why.

A star rating, when there is one, is the customer's own verdict: 1-2 stars is a
detractor whatever the text says. A 4-5 star review whose text reads strongly
negative is flagged as a rating/text mismatch (wrong button, sarcasm, a
complaint about the seller). Without a rating (mentions, forum posts) or at 3
stars, the text decides.

The model reads English. In a review known to be in another language its
p_negative is the weaker signal: a 4-5 star rating wins there (no mismatch
flag), and so does the text's own recommendation (no flag from the text alone
when its referral intent is ``recommend``). A 1-2 star rating still flags.
"""

from __future__ import annotations

import math
from typing import SupportsFloat, SupportsIndex

DETRACTOR_THRESHOLD = 0.5
MISMATCH_THRESHOLD = 0.8


def _as_float(rating: object) -> float:
    """``float(rating)`` for what float() takes; TypeError for the rest."""
    if isinstance(rating, int | float | str | bytes):  # the usual ratings, without a protocol check (slow in 3.11)
        return float(rating)
    if isinstance(rating, SupportsFloat | SupportsIndex):  # numpy scalars, Decimal
        return float(rating)
    raise TypeError(f"not a number: {type(rating).__name__}")


def valid_rating(rating: object) -> float | None:
    """A 1-5 rating as float, or None for missing/unusable values."""
    if rating is None or isinstance(rating, bool):
        return None
    try:
        value = _as_float(rating)
    except (TypeError, ValueError):
        return None
    if math.isnan(value) or not 1.0 <= value <= 5.0:
        return None
    return value


def decide(
    p_negative: float | None,
    rating: object = None,
    *,
    threshold: float = DETRACTOR_THRESHOLD,
    mismatch_threshold: float = MISMATCH_THRESHOLD,
    language: str | None = None,
    referral: str | None = None,
) -> tuple[bool, list[str]]:
    """Return (detractor, reasons) from the text's p_negative and an optional rating; ``language`` (ISO code,
    None when unknown) and ``referral`` (the text's referral intent) for reviews in other languages."""
    other_language = language is not None and language != "en"
    reasons: list[str] = []
    stars = valid_rating(rating)
    if rating is not None and stars is None and str(rating).strip() not in ("", "nan", "None"):
        reasons.append(f"rating {rating!r} ignored (not 1-5)")
    if stars is not None and stars <= 2:
        return True, [*reasons, f"rated {stars:g}★"]
    if p_negative is None:
        return False, reasons
    if stars is not None and stars >= 4:
        if p_negative >= mismatch_threshold and not other_language:
            return True, [
                *reasons,
                f"rating/text mismatch: rated {stars:g}★ but the text reads negative (p_negative {p_negative:.2f})",
            ]
        return False, reasons
    if p_negative >= threshold and not (other_language and referral == "recommend"):
        return True, [*reasons, f"negative text (p_negative {p_negative:.2f})"]
    return False, reasons
