"""Referral intent: does a text recommend the brand to others, or warn them off?

Mentions (Reddit, Hacker News, feeds) carry no star rating, and what matters
most for the *next* buyer is whether the writer tells others to buy or to stay
away. A small set of phrase rules catches the explicit cases ("I'd recommend",
"told my friends", "stay away", "don't buy"); everything subtler is left to the
sentiment model. Warnings win over recommendations, because "I recommend you
stay away" is a warning. Pure standard library: the crawlers call it per item.
"""

from __future__ import annotations

import re

# Phrases that warn others off. Applied to lower-cased text with plain apostrophes.
_WARN = [
    # English: negated recommendation, explicit warnings
    r"\b(?:i\s+)?(?:would\s*n[o']?t|wouldn't|wont|won't|will\s+not|do\s*n[o']?t|don't|can\s*n?[o']?t|can't|cannot|could\s*n[o']?t|couldn't|never|not)\s+(?:ever\s+)?recommend\b",
    r"\bnot\s+(?:be\s+)?recommend(?:ing|ed)\b",
    r"\bno(?:t)?\s+recommendation\b",
    r"\brecommend(?:s|ed|ing)?\s+(?:(?:you|everyone|people|others)\s+)?(?:against|avoiding|staying\s+away|to\s+avoid|to\s+stay\s+away)\b",
    r"\bstay\s+(?:far\s+|well\s+)?away\b",
    r"\bsteer\s+clear\b",
    r"\b(?:do\s*n[o']?t|don't|never|do\s+not)\s+(?:ever\s+)?(?:buy|order|purchase|shop\s+(?:here|there|with)|waste|bother|go\s+there|fall\s+for)\b",
    r"\bavoid\s+(?:this|these|them|it|at\s+all\s+costs|like\s+the\s+plague)\b",
    r"\bavoid(?:ed)?!",
    r"\bsave\s+your\s+(?:money|time|cash)\b",
    r"\bbuyers?\s+beware\b",
    r"\bbeware\b",
    r"\b(?:warn(?:ed|ing)?|told|tell(?:ing)?)\s+(?:all\s+)?(?:my\s+)?(?:friends|family|everyone|people|others|colleagues)\s+(?:to\s+)?(?:avoid|stay\s+away|not\s+to|never)\b",
    r"\bwarn(?:ing)?\s+(?:everyone|others|people|you)\b",
    r"\brun\s+away\b",
    r"\bnot\s+worth\s+(?:the|your)\s+(?:money|time)\b",
    r"\brecommend(?:s|ed)?\s+not\s+to\b",
    r"\bnot\s+(?:really\s+)?worth\s+(?:trying|a\s+try|a\s+visit|visiting|going)\b",
    r"\b(?:please\s+)?be\s+advised\b",
    r"\bgo\s+(?:to\s+)?(?:a\s+better\s+place|elsewhere|somewhere\s+else)\b",
    r"\b(?:if\s+possible\s+)?use\s+(?:lyft|ola|another\s+app|a\s+different\s+app|something\s+else)\b",
    r"\b(?:please\s+)?avoid\s+(?:any\s+)?(?:others|other\s+apps|this\s+(?:place|app|company|seller|product))\b",
    # German
    r"\bnicht\s+(?:zu\s+)?empfehlen\b",
    r"\bnicht\s+empfehlenswert\b",
    r"\bkeine\s+empfehlung\b",
    r"\bfinger\s+weg\b",
    r"\bkauft?\s+(?:hier\s+)?nicht\b",
    # French
    r"\bne\s+(?:le\s+|la\s+|les\s+|vous\s+)?recommande(?:rais)?\s+pas\b",
    r"\b(?:à|a)\s+(?:éviter|eviter)\b",
    r"\bfuyez\b",
    r"\bn'achetez\s+pas\b",
    # Spanish / Portuguese
    r"\bno\s+(?:lo\s+|la\s+|los\s+|las\s+)?recomiendo\b",
    r"\bno\s+compr(?:en|es)\b",
    r"\beviten\b",
    r"\bnão\s+(?:o\s+|a\s+)?recomendo\b",
    # Japanese / Chinese (no word boundaries in these scripts)
    r"(?:おすすめ|お勧め|オススメ)(?:しません|できません|しない|できない)",
    r"(?:不推荐|不建议购买|别买|不要买)",
]

# Phrases that recommend to others.
_RECOMMEND = [
    r"\bcan't\s+recommend\s+(?:\S+\s+){0,4}(?:enough|highly\s+enough)\b",
    r"\brecommend(?:s|ed|ing)?\b",
    r"\b(?:told|tell(?:ing)?|telling)\s+(?:all\s+)?(?:my\s+)?(?:friends|family|everyone|colleagues|coworkers)\b",
    r"\bspread\s+the\s+word\b",
    r"\bmust[-\s](?:buy|have|try|visit|go|watch|read)\b",
    r"\ba\s+must\b(?!\s+not)",
    r"\bworth\s+(?:a\s+)?(?:visit|try|trying|going|visiting)\b",
    r"\b(?:do|definitely|should)\s+(?:give\s+it\s+a\s+)?(?:try|visit|check\s+(?:it|them)\s+out)\b",
    r"\byou\s+(?:should|must)\s+(?:try|go|visit|get|buy|order)\b",
    r"\bgo\s+for\s+it\b",
    r"#try\b",
    r"\b(?:go|get|buy)\s+(?:for\s+)?it[,!.]?\s*(?:now|today|you\s+won't\s+regret)\b",
    r"\byou\s+(?:won't|will\s+not)\s+(?:regret|be\s+disappointed)\b",
    r"\b(?:check\s+(?:them|it)\s+out|give\s+(?:them|it)\s+a\s+try)\b",
    # German
    r"\b(?:sehr\s+)?empfehlenswert\b",
    r"\b(?:ich\s+)?empfehle\b",
    r"\bweiterempfehlen\b",
    r"\bklare\s+empfehlung\b",
    # French
    r"\b(?:je\s+)?(?:le\s+|la\s+|les\s+|vous\s+)?recommande\b",
    r"\b(?:à|a)\s+recommander\b",
    # Spanish / Portuguese
    r"\brecomiendo\b",
    r"\brecomendo\b",
    # German "kann ... nur empfehlen" (negations are caught above first)
    r"\bempfehlen\b",
    # Japanese / Chinese
    r"(?:おすすめ|お勧め|オススメ)",
    r"推荐",
]

# A recommendation the writer RECEIVED ("a friend recommended it to me", "I was recommended
# this", "recommended by the shop"): the writer is not the one recommending, so these are cut
# out before the recommend rules run ("...to me, and I recommend it too" still recommends).
_RECEIVED = [
    r"\brecommend(?:s|ed|ing)?\s+(?:\S+\s+){0,4}?to\s+(?:me|us|myself)\b",
    r"\brecommended\s+(?:me|us)\b",
    r"\b(?:was|were|been|being|got|get|gets|getting|came|come|comes)\s+(?:\w+\s+)?recommended\b",
    r"\brecommended\s+by\b",
    r"\b(?:friends?|someone|somebody|everyone|everybody|people|colleagues?|co-?workers?|doctors?|family|"
    r"mum|mom|dad|wife|husband|partner|sister|brother|son|daughter|staff|assistant|clerk|they|he|she)\s+"
    r"(?:\w+\s+)?recommend(?:s|ed)\b",
]

_WARN_RE = re.compile("|".join(f"(?:{p})" for p in _WARN), re.IGNORECASE | re.UNICODE)
_RECEIVED_RE = re.compile("|".join(f"(?:{p})" for p in _RECEIVED), re.IGNORECASE | re.UNICODE)
_RECOMMEND_RE = re.compile("|".join(f"(?:{p})" for p in _RECOMMEND), re.IGNORECASE | re.UNICODE)
_ENOUGH_RE = re.compile(_RECOMMEND[0], re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def _normalise(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def referral_intent(text: str | None) -> str | None:
    """``"recommend"``, ``"warn"`` or ``None`` for a review or mention text.

    >>> referral_intent("I'd recommend them to anyone")
    'recommend'
    >>> referral_intent("Stay away, don't buy from them.")
    'warn'
    >>> referral_intent("Arrived on Tuesday.") is None
    True
    """
    if not text:
        return None
    norm = _normalise(str(text))
    # "can't recommend it enough" is praise, not a negated recommendation.
    cleaned = _ENOUGH_RE.sub(" ", norm)
    if _WARN_RE.search(cleaned):
        return "warn"
    if cleaned != norm or _RECOMMEND_RE.search(_RECEIVED_RE.sub(" ", norm)):
        return "recommend"
    return None
