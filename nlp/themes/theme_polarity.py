"""Each theme's polarity: its clauses' lexicon score, else the review's sentiment, else the theme's nature.

A clause such as "The delivery." carries no opinion words, so its theme takes
the scorer's label for the whole review; without one, a few themes are
complaints by nature ("charged", "login", "privacy") and the rest neutral.
A recommendation's own wording is not a lexicon opinion: a warning ("I recommend
avoiding them", "save your money", "steer clear") is negative whatever praise
words it holds, and "can't recommend them enough" is praise, not a negation; a "recommend" the
referral rules do not read as one (a question, a recommendation received or of something else)
is no praise either.
"""

from __future__ import annotations

import re

from nlp.referral import referral_intent
from nlp.themes import clauses as clause_lib
from nlp.themes import text_contexts

# Themes whose mentions are complaints unless a clause says otherwise ("charged", "login", "privacy").
_NEGATIVE_BY_NATURE = {"billing_refunds": "negative", "app_reliability": "negative", "trust_safety": "negative"}
# What a warning to others ("stay away", "recommend avoiding") weighs, as a strongly negative word would.
_WARNING = -2.0
# A negated "recommend" in a text the referral rules read as recommending: "can't recommend them enough".
_CANT_RECOMMEND = re.compile(r"\b(?:can[\u2019']?t|cannot|can not|couldn[\u2019']?t)\s+recommend", re.I)
_RECOMMEND_WORD = re.compile(r"\brecommend(?:s|ed|ing)?\b", re.I)


def opinion_score(piece: str, referral: str | None = None) -> float:
    """The lexicon score of a clause or text, the wording of a recommendation or warning read as such.

    A piece that warns others off (``nlp.referral``) keeps only its negative words and counts the
    warning as one more; one that recommends does not read its "can't recommend" as a negation, and
    in any other its "recommend" is no praise ("Would you recommend them?").
    ``referral``: the whole text's intent when known ("none" spares asking the rules per clause)."""
    intent = referral_intent(piece) if referral != "none" else None
    if intent == "recommend":
        piece = _CANT_RECOMMEND.sub("recommend", piece)
    else:
        piece = _RECOMMEND_WORD.sub(" ", piece)
    score = clause_lib.polarity(piece)
    return min(score, 0.0) + _WARNING if intent == "warn" else score


def theme_polarities(scores: dict[str, float], text: str, sentiment: str | None,
                     referral: str | None = None, *, lexicon: bool = True) -> dict[str, str]:
    """Theme name -> polarity label, from each theme's summed clause scores (``scores``) and the review's ``sentiment``.

    An opinion with no named theme is about the product itself (a venue's "great place" stays general).
    ``referral``: the text's referral intent, when known; ``lexicon``: False for a text in another
    language than the lexicon's (English): its themes take the sentiment label and nothing else."""
    fallback = {"negative": "negative", "positive": "positive"}.get(sentiment or "", "neutral")
    if not lexicon:
        scores = dict.fromkeys(scores, 0.0)
    elif not scores:
        text_score = opinion_score(text, referral)
        if abs(text_score) >= 1.5 and not text_contexts.VENUE.search(text):
            scores = {"product_quality": text_score}
    return {name: clause_lib.label(s, _NEGATIVE_BY_NATURE.get(name, fallback) if fallback == "neutral" else fallback)
            for name, s in scores.items()}
