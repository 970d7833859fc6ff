"""Clauses and their polarity: themes get the polarity of the clause that names them.

A review often praises one thing and blames another in the same sentence
("food was good but the service was slow"), so texts are cut at sentence ends
and at contrast words, and each clause gets a lexicon polarity: VADER's
strongly rated words (``nlp/sentiment_words.json``, MIT) plus review words
VADER rates weakly or not at all ("slow", "undercooked", "crashes"), flipped
by a negation just before them ("not good", "anything but helpful", "far from perfect", "less than
ideal"; "no less than perfect" is no negation) or by a "nobody" / "none" / "no one" / "neither" earlier in
the clause ("None of the staff were helpful"). "Cheap" is a low price, a complaint only when denied ("not
cheap"), or poor quality ("feels cheap"): :mod:`nlp.themes.cheap`. An awaited thing that never came reads as a complaint
whatever it is ("the gift card never arrived", "still waiting for my rewards"), and the names of
things VADER rates as praise ("loyalty", "reward", "gift", "friends") carry no opinion.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from nlp.themes import cheap
from nlp.themes.degree import comparative
from nlp.themes.negation import NEGATION_CUES, negated

WORDS_FILE = Path(__file__).resolve().parent.parent / "sentiment_words.json"
_SPLIT = re.compile(
    r"(?<=[.!?;])\s+|(?<=[a-z][.!?])(?=[A-Z])|\n+|\.{2,}|!+|\?+|(?:,\s*|\s+)(?=(?:but|however|though|although|except|whereas|yet|unfortunately|otherwise)\b)(?<!anything\s)",
    re.I,
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[,;:()\u2013\u2014.!?]")  # words, and the marks a negation does not cross
_EXTRA = {
    # negative in reviews, weak or absent in VADER's strong list
    "slow": -2, "slowly": -2, "late": -2, "delayed": -2, "cold": -1, "undercooked": -3, "overcooked": -2, "raw": -1,
    "bland": -2, "stale": -2, "tasteless": -3, "crash": -3, "crashes": -3, "crashed": -3, "crashing": -3, "bug": -2,
    "bugs": -2, "buggy": -3, "glitch": -2, "freeze": -2, "freezes": -2, "froze": -2, "error": -2, "errors": -2,
    "expensive": -2, "overpriced": -3, "pricey": -1, "costly": -2, "flimsy": -3, "broke": -2, "broken": -3,
    "cracked": -2, "defective": -3, "missing": -2, "wrong": -2, "incorrect": -2, "rude": -3, "dirty": -3,
    "noisy": -2, "filthy": -3, "loud": -1, "crowded": -1, "waited": -1, "waiting": -1, "overcharged": -3, "refund": -1,
    "scam": -3, "scammers": -3, "unsafe": -3, "hot": -1, "drained": -2, "invalid": -2, "less": -1, "small": -1,
    "tight": -1, "mess": -2, "messy": -2, "inedible": -3, "greasy": -2, "trash": -3, "junk": -3, "cheaply": -2,
    "unusable": -3, "rip": -2, "salty": -1, "oily": -2, "unwell": -2, "obsolete": -1, "improperly": -2, "unable": -2, "doesn't": -1, "didn't": -1, "fails": -2, "failed": -2, "blocked": -2,
    "lag": -2, "laggy": -2, "issue": -2, "issues": -2, "problem": -2, "problems": -2, "hardly": -1,
    "tasty": 2, "yummy": 3, "delicious": 3, "fresh": 2, "quick": 2, "fast": 2, "prompt": 2, "polite": 2,
    "courteous": 2, "clean": 2, "cozy": 2, "spacious": 2, "reasonable": 2, "affordable": 2, "sturdy": 2,
    "comfortable": 2, "comfy": 2, "smooth": 2, "easy": 2, "intuitive": 2, "responsive": 2, "worth": 2,
    "decent": 1, "fine": 1, "okay": 0, "ok": 0, "average": -1, "recommend": 2, "recommended": 2, "must": 1,
}


# words VADER rates that reviews mostly use in another sense ("like this", "pretty small", "please add", "interest rate"),
# and nouns that name things rather than judge them ("loyalty card", "reward points", "gift card", "VIP")
_NOT_SENTIMENT = ("like", "pretty", "please", "care", "free", "want", "kind", "well", "sure", "help", "credit", "support",
                  "protect", "trust", "matter", "interest",
                  "loyal", "loyalty", "reward", "rewards", "gift", "bonus", "bonuses", "vip", "friend", "friends", "award",
                  "awards", "prize", "prizes", "freebie", "freebies", "benefit", "benefits", "party", "parties",
                  "festival", "holiday", "charity",
                  "lol", "lmao", "lmfao", "haha", "hahaha", "rofl", "progress")  # "charged me twice lol", "lost my progress"
# An awaited thing that did not come: "never arrived", "still not received", "still waiting", "yet to arrive".
_NOT_COME = re.compile(
    r"\b(?:never|not|\w+n't)\s+(?:(?:yet|even|been|got|get|ever|once)\s+)*(?:arrived?|came|come|"
    r"(?:showed|show|shown|turned|turn)\s+up|received?|delivered|credited|refunded|applied|appeared|reached)\b"
    r"(?!\s+(?:late|damaged|broken|cold|wrong|dirty|such|so|a\s+better|better|worse))"
    r"|\bstill\s+waiting\b|\byet\s+to\s+(?:arrive|receive|be\s+(?:delivered|credited|refunded)|get|hear|show\s+up)\b")
_NOT_COME_SCORE = -2.0  # as a strongly negative word
# A price said to be high ("fare was high", "steep fees"; not an interest rate), and "pay to win": weighed as
# _NOT_COME is, their words not read ("high" weighs nothing, "win" is praise).
_DEAR = re.compile(
    r"\b(?<!interest )(?:prices?|pricing|fees?|costs?|fares?|bills?)\s+(?:(?:are|is|were|was|seem|seems|a|bit|little|quite|"
    r"very|too|way|kinda|really|so|pretty|rather|slightly|extremely|super|insanely|ridiculously|on|the)\s+){0,4}"
    r"(?:high|steep|hefty|exorbitant)\b"
    r"|\b(?<!no )(?<!without )(?:high|steep|hefty|exorbitant)\s+(?:prices?|pricing|fees?|costs?|fares?)\b"
    r"|\bpay[- ]to[- ]win\b|\bp2w\b")
# A complaint denied only until lately ("never had a problem until now") is a complaint.
_UNTIL = re.compile(r"\buntil\s+(?:now|recently|today|yesterday|this|last|the\s+(?:last|latest|recent|new))\b")


@lru_cache(maxsize=1)
def valence() -> dict[str, float]:
    """Word -> valence (negative < 0 < positive): VADER's strong words, then the review words above."""
    words = json.loads(WORDS_FILE.read_text(encoding="utf-8"))["valence"]
    words.update(_EXTRA)
    for word in _NOT_SENTIMENT:
        words.pop(word, None)
    return words


def split_clauses(text: str) -> list[str]:
    """Sentences, cut again at contrast words; empty pieces dropped."""
    return [c.strip(" ,.-") for c in _SPLIT.split(text) if c and c.strip(" ,.-")]


def polarity(clause: str) -> float:
    """Sum of word valences in the clause, a word's sign flipped by a negation (:func:`nlp.themes.negation.negated`;
    not a complaint's before "until now"), plus a strongly negative word's worth for each awaited thing that did not
    come (``_NOT_COME``) and each high price (``_DEAR``), and what its "cheap" words weigh (:func:`nlp.themes.cheap.score`)."""
    text = clause.lower().replace("\u2019", "'")
    total = _NOT_COME_SCORE * len(_NOT_COME.findall(text))
    dear = len(_DEAR.findall(text)) if "high" in text or "steep" in text or "hefty" in text or "exorbitant" in text \
        or "win" in text or "p2w" in text else 0
    if dear:
        total += _NOT_COME_SCORE * dear
        text = _DEAR.sub(" ", text)
    words = _WORD.findall(text)
    table = valence()
    negation = not NEGATION_CUES.isdisjoint(words)  # most clauses negate nothing: no need to look
    if "cheap" in text:
        total += cheap.score(words, negation)
    until = negation and "until" in words and bool(_UNTIL.search(text))
    for i, score in enumerate(map(table.get, words)):
        if not score:
            continue
        if negation and not (until and score < 0) and negated(words, i, score, comparative(words, i, table)):
            score = -score * 0.8
        total += score
    return total


def label(score: float, fallback: str = "neutral") -> str:
    """'positive' / 'negative' for a clear clause score, else the fallback (the review's own sentiment)."""
    if score >= 1.0:
        return "positive"
    if score <= -1.0:
        return "negative"
    return fallback
