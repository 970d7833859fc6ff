"""Referral intent: does a text recommend the brand to others, or warn them off?

Mentions (Reddit, Hacker News, feeds) carry no star rating, and what matters most for the
*next* buyer is whether the writer tells others to buy or to stay away. Warnings win over
recommendations, because "I recommend you stay away" is a warning. The phrase rules live in
``nlp.referral_warn_phrases``, ``nlp.referral_recommend_phrases`` and ``nlp.referral_received_phrases``
(negation scope in ``nlp.referral_negation``), questions in
``nlp.referral_questions``; this module weighs them.
"""

from __future__ import annotations

from functools import lru_cache

from nlp.referral_questions import said_and_answers
from nlp.referral_received_phrases import RECEIVED_RE
from nlp.referral_recommend_phrases import ENOUGH_RE, RECOMMEND_RE, TOLD_RE
from nlp.referral_warn_phrases import WARN_RE
from nlp.text import decoded_text

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def _normalise(text: str) -> str:
    """Lower case, plain apostrophes, single spaces: the form every rule is written for, read as ``clean_text``
    reads a text ("Can&#39;t", "<b>not</b>", "n\u200bot": tags, entities and format characters) but whole."""
    return " ".join(decoded_text(text).translate(_APOSTROPHES).lower().split())


def _told_friends(text: str) -> bool:
    """"Told my friends" in a clause that is not negative ("... about this disaster" is no recommendation)."""
    from nlp.themes.clauses import polarity, split_clauses  # late: nlp.themes imports this module

    return any(TOLD_RE.search(c) and polarity(c) >= 0 for c in split_clauses(text))


def referral_intent(text: str | None) -> str | None:
    """``"recommend"``, ``"warn"`` or ``None`` for a review or mention text.

    >>> referral_intent("I'd recommend them to anyone")
    'recommend'
    >>> referral_intent("Stay away, don't buy from them.")
    'warn'
    >>> referral_intent("Would you recommend them?") is None
    True
    """
    return _intent(str(text)) if text else None


@lru_cache(maxsize=64)  # the theme detector asks again about a text and its clauses; not a store-wide cache
def _intent(text: str) -> str | None:
    said, answers = said_and_answers(_normalise(text))
    norm = " ".join(said)
    # "can't recommend it enough" is praise, not a negated recommendation.
    cleaned = ENOUGH_RE.sub(" ", norm)
    if WARN_RE.search(cleaned) or "warn" in answers:
        return "warn"
    if cleaned != norm or "recommend" in answers or RECOMMEND_RE.search(RECEIVED_RE.sub(" ", norm)):
        return "recommend"
    return "recommend" if TOLD_RE.search(norm) and _told_friends(norm) else None
