"""Each theme's polarity: its clauses' lexicon score, else the review's sentiment, else the theme's nature.

A clause such as "The delivery." carries no opinion words, so its theme takes
the scorer's label for the whole review; without one, a few themes are
complaints by nature ("charged", "login", "privacy") and the rest neutral.
"""

from __future__ import annotations

from nlp.themes import clauses as clause_lib
from nlp.themes import theme_rules

# Themes whose mentions are complaints unless a clause says otherwise ("charged", "login", "privacy").
_NEGATIVE_BY_NATURE = {"billing_refunds": "negative", "app_reliability": "negative", "trust_safety": "negative"}


def theme_polarities(scores: dict[str, float], text: str, sentiment: str | None) -> dict[str, str]:
    """Theme name -> polarity label, from each theme's summed clause scores (``scores``) and the review's ``sentiment``.

    An opinion with no named theme is about the product itself (a venue's "great place" stays general)."""
    fallback = {"negative": "negative", "positive": "positive"}.get(sentiment or "", "neutral")
    text_score = clause_lib.polarity(text)
    if not scores and abs(text_score) >= 1.5 and not theme_rules.VENUE.search(text):
        scores = {"product_quality": text_score}
    return {name: clause_lib.label(s, _NEGATIVE_BY_NATURE.get(name, fallback) if fallback == "neutral" else fallback)
            for name, s in scores.items()}
