"""A negated comparative is no negation: "couldn't be happier", "never had better service", "could not have been worse".

"Not happy" flips "happy"; "couldn't be happier" says the writer is as happy as can be, and "the food
couldn't be worse" that it was as bad as can be. A modal negation ("couldn't", "can't", "could not",
"never") before a comparative, with only "be", "have been", "had a" and the like between them, keeps
the comparative's sign. "Isn't any better" still flips: "is not" states a fact, it sets no ceiling.
"Less" is the other way round: "couldn't be less helpful" is as unhelpful as can be, so a modal negation
flips the word after "less" however far the filler words put it ("could not have been any less helpful"),
and "less" itself keeps its sign.
"""

from __future__ import annotations

from collections.abc import Container

_MODAL_NEGATORS = {"couldn't", "couldnt", "can't", "cant", "cannot", "never"}
_MODALS = {"could", "can"}  # "could not be happier"
_BETWEEN = {"be", "have", "been", "had", "seen", "ever", "any", "a", "an", "more", "less"}
# Comparatives only: "never had better service" sets a ceiling, "never the best" / "not the friendliest" says
# the thing fell short of the top, which is the negation it reads as.
_IRREGULAR = {"better", "worse"}


def comparative(words: list[str], i: int, known: Container[str]) -> bool:
    """``words[i]`` is a comparative of an opinion word in ``known``: "happier" (happy), "nicer", "better",
    "more rude", or "less" before one ("couldn't be less helpful": "less" keeps its sign, "helpful" flips);
    not a superlative ("the best" negated is still a shortfall), nor the word after "less"."""
    word = words[i]
    if word in _IRREGULAR or (i and words[i - 1] == "more"):
        return True
    if word == "less":
        return i + 1 < len(words) and words[i + 1] in known
    if word.endswith("ier") and word[:-3] + "y" in known:
        return True
    stem = word[:-2]
    if word.endswith("er") and len(stem) >= 3:
        doubled = len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known  # "sadder"
        return stem in known or stem + "e" in known or doubled
    return False


def degree_kept(words: list[str], k: int, i: int) -> bool:
    """The negator ``words[k]`` is modal and only :data:`_BETWEEN` words part it from ``words[i]``."""
    modal = words[k] in _MODAL_NEGATORS or (words[k] == "not" and k > 0 and words[k - 1] in _MODALS)
    return modal and all(word in _BETWEEN for word in words[k + 1 : i])


def least(words: list[str], k: int, i: int) -> bool:
    """``words[i]`` follows "less" and a modal negator ``words[k]`` reaches it ("could not be any less
    helpful"): it flips, however many filler words part them."""
    return i > k + 1 and words[i - 1] == "less" and degree_kept(words, k, i)
