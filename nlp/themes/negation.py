"""When an opinion word is negated: "not good", "none of the staff were helpful", "anything but quick".

A negator flips the words just after it; one that names whom it means ("nobody at the desk")
flips the rest of its clause; a phrase ("far from", "less than") flips the word after it.
"""

from __future__ import annotations

from itertools import takewhile

from nlp.themes.degree import degree_kept, least

_NEGATORS = {"not", "no", "never", "nothing", "isn't", "wasn't", "aren't", "weren't", "don't", "doesn't", "didn't",
             "won't", "wouldn't", "can't", "cannot", "couldn't", "hardly", "nor", "without", "dont", "doesnt",
             "didnt", "cant", "wont", "isnt", "wasnt", "nobody", "none", "nowhere", "neither", "noone"}
# "Nobody" and the like followed by whom or what they name negate the rest of their clause ("None of the staff
# were helpful", "No one at the desk was friendly", "Nothing on the menu was good", "Neither the food nor the
# service was good") up to _SCOPE words away, until a word that starts another thought ("nobody there came and the food was cold"); a
# comparison is no negation ("nobody does it better", "second to none", "nothing in town compares to their
# pizza", "nothing on earth beats it", "nothing comes close"), nor is "nothing but" ("only").
_SUBJECT_NEGATORS = {"nobody", "none", "noone"}
_NAMING = {"of", "at", "in", "on", "from", "who", "that", "here", "there"}
_SCOPE = 8
_SCOPE_ENDS = {"and", "so", "because", "since", "when", "while", "if", "then", "after", "before", "until"}
_COMPARISONS = {"better", "best", "greater", "greatest"}
# Words that compare ("match" left out: "nothing matches the great reviews" is a complaint). "As good as" does too,
# but not with what was hoped for or shown: "nothing was as good as advertised / as the reviews said / as the photos".
_COMPARING = {"compare", "compares", "compared", "comparable", "beat", "beats", "beaten", "tops",
              "topped", "rival", "rivals", "rivalled", "rivaled", "equals", "touches", "surpasses"}
_COMING = {"come", "comes", "came", "coming"}  # "comes close"
_HOPED = {"expected", "advertised", "described", "promised", "pictured", "shown", "claimed", "hoped", "i", "we",
          "before", "last", "usual", "ever", "it", "they"}  # just after "as": "as good as it looked", "as they say"
# What was promised or shown, a few words after "as" ("as good as the reviews said", "as the menu described").
_SHOWN = {"review", "reviews", "photo", "photos", "picture", "pictures", "pic", "pics", "image", "images", "video",
          "videos", "menu", "description", "descriptions", "website", "site", "ad", "ads", "advert", "adverts",
          "advertisement", "advertising", "listing", "brochure", "hype", "ratings", "said", "says", "described",
          "promised", "shown", "showed", "shows", "expected", "advertised", "claimed", "pictured", "hoped", "looked"}
_SHOWN_REACH = 5  # words after "as ... as"
# Two words that negate an opinion word at most two words after them ("anything but helpful", "far from the
# best"; "less than" and "short of" praise only: "less than ideal", but "less than average" is no praise),
# unless a negator before them makes them praise or a measure ("no less than perfect", "nothing short of").
_PHRASES = {("anything", "but"): False, ("far", "from"): False, ("less", "than"): True, ("short", "of"): True}
NEGATION_CUES = _NEGATORS | {first for first, _ in _PHRASES}


def negated(words: list[str], i: int, score: float, degree: bool = False) -> bool:
    """A negator within the three words before ``words[i]`` (valence ``score``), a ``_PHRASES`` within two, or
    a "nobody" and the like earlier in its clause; no negation crosses a comma, colon, dash or sentence end
    ("never arrived, awful" is two opinions). ``degree``: the word is a comparative, which a modal negation
    keeps (:mod:`nlp.themes.degree`: "couldn't be happier")."""
    wide = True  # until a word that starts another thought (``_SCOPE_ENDS``)
    for k in range(i - 1, max(-1, i - 1 - _SCOPE), -1):
        word = words[k]
        if not word[0].isalpha():
            return False
        if k >= i - 2 and k and (words[k - 1], word) in _PHRASES:
            if _PHRASES[words[k - 1], word] and score < 0:
                return False
            return not (k >= 2 and words[k - 2] in _NEGATORS)
        subject = word in _SUBJECT_NEGATORS or (word == "one" and k and words[k - 1] == "no")
        if (subject or word == "nothing") and _comparison(words, k, i):
            return False
        if word == "nothing" and words[k + 1] in _NAMING | {"but"}:  # "nothing but praise" is only praise
            return wide and words[k + 1] != "but"
        if subject:
            if words[max(0, k - 2) : k] == ["second", "to"]:
                return False
            if k >= i - 3 or (wide and k + 1 < len(words) and words[k + 1] in _NAMING):
                return True
        elif word in _NEGATORS and (k >= i - 3 or least(words, k, i)):
            return not (degree and degree_kept(words, k, i))
        elif wide and word == "neither":
            return True
        wide = wide and word not in _SCOPE_ENDS
        if k < i - 3 and not wide:
            return False
    return False


def _comparison(words: list[str], k: int, i: int) -> bool:
    """Between "nothing" / "nobody" ``words[k]`` and ``words[i]`` stands a comparison, or ``words[i]`` is one:
    "nothing in town is better", "compares to their great pizza", "comes close to", "is as good as"."""
    if words[i] in _COMPARISONS:
        return True
    if words[i - 1] == "as" and words[i + 1 : i + 2] == ["as"]:  # "as good as their pizza", not "as advertised"
        return words[i + 2 : i + 3] != [] and words[i + 2] not in _HOPED and not _shown(words[i + 2 : i + 2 + _SHOWN_REACH])
    return any(word in _COMPARING or (word == "close" and words[j - 1] in _COMING)
               for j, word in enumerate(words[k + 1 : i], k + 1))


def _shown(after: list[str]) -> bool:
    """The words after "as ... as" name what was promised or shown before the clause ends ("the reviews said")."""
    return any(word in _SHOWN for word in takewhile(lambda word: word[0].isalpha(), after))
