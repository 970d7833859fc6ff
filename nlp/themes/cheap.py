""""Cheap" has two senses: a low price, no complaint ("cheap and tasty"), and poor quality ("feels cheap").

A low price praises nothing on its own (VADER's lexicon leaves the word out), but denied it is a complaint
about the price ("good food but not cheap", "isn't exactly cheap"). Said of how a thing feels or looks, or
of what it is made of, it is a quality insult ("looks cheap", "cheap plastic"), which a negation turns
into praise ("doesn't feel cheap at all").
"""

from __future__ import annotations

from nlp.themes.negation import negated

WORDS = frozenset({"cheap", "cheaper", "cheapest"})
# How a thing seems, at most _REACH words before "cheap" in its clause ("feels a bit cheap", "feels solid not cheap"),
# unless a word of _SEARCH follows it: "looking for cheap flights" searches, it does not judge.
SEEMS = ("feel", "feels", "felt", "feeling", "look", "looks", "looked", "looking", "seem", "seems", "seemed",
         "sound", "sounds")
_SEARCH = ("for", "at")
_REACH = 3
# What a thing is made of or how it is built, just after "cheap" ("cheap plastic", "cheap-looking").
MADE = ("made", "material", "materials", "plastic", "quality", "feel", "feeling", "looking", "build", "built",
        "construction", "fabric", "parts", "components", "knockoff", "knock", "imitation", "copy", "copies", "junk",
        "crap", "garbage", "toy")
# The quality sense as a theme rule reads it (``theme_rules``): product quality, not the price.
QUALITY_PHRASE = rf"(?:{'|'.join(SEEMS)})(?! (?:{'|'.join(_SEARCH)})\b)(?: [\w']+){{0,{_REACH - 1}}} cheap(?:ly|er)?|cheap(?:ly|er)?[- ](?:{'|'.join(MADE)})"
_PRICE_DENIED = -1.0  # "not cheap": a mild complaint, which "but worth it" outweighs
_QUALITY = -2.0  # as "cheaply" ("cheaply made")


def quality(words: list[str], i: int) -> bool:
    """``words[i]`` ("cheap") speaks of quality: after a word of how a thing seems, or before what it is made of."""
    if i + 1 < len(words) and words[i + 1] in MADE:
        return True
    for j in range(i - 1, max(0, i - _REACH) - 1, -1):
        if not words[j][0].isalpha():  # no further than a comma or a stop
            return False
        if words[j] in SEEMS and words[j + 1] not in _SEARCH:
            return True
    return False


def score(words: list[str], negation: bool) -> float:
    """What the "cheap" words of a clause's ``words`` weigh; ``negation``: the clause holds a negation cue."""
    total = 0.0
    for i, word in enumerate(words):
        if word not in WORDS:
            continue
        if quality(words, i):
            total += -_QUALITY * 0.8 if negation and negated(words, i, _QUALITY) else _QUALITY
        elif negation and negated(words, i, -_PRICE_DENIED):  # read as the praise word it is when denied
            total += _PRICE_DENIED
    return total
