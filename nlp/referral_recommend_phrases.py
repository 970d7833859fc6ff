"""The phrases that recommend to others, per language ("I'd recommend", "must try", "empfehlenswert", "推荐").

Only explicit phrases are caught; anything subtler is left to the sentiment model. A warning
wins over these (``nlp.referral``: "I recommend you stay away" warns), and a recommendation
the writer received is cut out before they run (:mod:`nlp.referral_received_phrases`).
"""

from __future__ import annotations

import re

# Phrases that recommend to others ("told my friends": TOLD_RE, below).
_RECOMMEND = [
    r"\b(?:can't|cannot|can\s+not|couldn't)\s+recommend\s+(?:[\w']+\s+){0,4}?(?:enough|highly\s+enough|more(?:\s+highly)?)\b",
    r"\brecommend(?:s|ed|ing)?\b",
    r"\bspread\s+the\s+word\b",
    r"\bmust[-\s](?:buy|have|try|visit|go|watch|read)\b",
    r"\ba\s+must\b(?!\s+not)",
    r"\bworth\s+(?:a\s+)?(?:visit|try|trying|going|visiting)\b",
    r"\b(?:do|definitely|should)\s+(?:give\s+it\s+a\s+)?(?:try|visit|check\s+(?:it|them)\s+out)\b",
    # "you should try"; "y'all need to try", "you have to check it out" (not "you have to try again / hard / another app")
    r"\b(?:you\s+(?:should|must)\s+(?:try|go|visit|get|buy|order)\b|(?:you|y'all|yall|u|everyone|everybody)(?:\s+guys)?\s+"
    r"(?:need|have|gotta|got)\s+to\s+(?:try\b(?!\s+(?:again|to|and|hard|harder|it\s+again|another|other|something|a\s+different"
    r"|different|several|multiple|\d))|check\s+(?:it|them|this|this\s+place)\s+out))",
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
    r"\brecommand(?:e|es|ons|ez|er|é|ée|és|ées|erais|erait|erions)\b",
    r"\b(?:à|a)\s+recommander\b",
    # Spanish / Portuguese
    r"\brecomiend\w*",
    r"\brecomend(?:o|ar\w*|able|ad[oa]s?)\b",
    # German "kann ... nur empfehlen" (negations are caught first, by nlp.referral_warn_phrases)
    r"\bempfehlen\b",
    # Japanese / Chinese
    r"(?:おすすめ|お勧め|オススメ)",
    r"推荐",
]

# "Told my friends" recommends only in a clause that is not negative (checked in nlp.referral).
_TOLD = r"\b(?:told|tell(?:ing)?)\s+(?:all\s+)?(?:my\s+|our\s+)?(?:friends|family|everyone|colleagues|coworkers)\b"

# (applied to lower-cased text: no IGNORECASE, which makes these alternations a quarter slower)
RECOMMEND_RE = re.compile("|".join(f"(?:{p})" for p in _RECOMMEND))
ENOUGH_RE = re.compile(_RECOMMEND[0])
TOLD_RE = re.compile(_TOLD)
