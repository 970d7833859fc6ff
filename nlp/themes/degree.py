"""A negated degree is no negation: "couldn't be happier", "never had better service", "could not have been worse".

"Not happy" flips "happy"; "couldn't be happier" says the writer is as happy as can be, and "the food
couldn't be worse" that it was as bad as can be. A modal negation ("couldn't", "can't", "could not",
"never") before a comparative, with only "be", "have been", "had a" and the like between them, keeps
the comparative's sign. "Isn't any better" still flips: "is not" states a fact, it sets no ceiling.
"""

from __future__ import annotations

from collections.abc import Container

_MODAL_NEGATORS = {"couldn't", "couldnt", "can't", "cant", "cannot", "never"}
_MODALS = {"could", "can"}  # "could not be happier"
_BETWEEN = {"be", "have", "been", "had", "seen", "ever", "any", "a", "an", "the", "more", "less", "most"}
_IRREGULAR = {"better", "best", "worse", "worst"}
_DEGREE_WORDS = {"more", "most", "less", "least"}  # "couldn't be more disappointed"


def comparative(words: list[str], i: int, known: Container[str]) -> bool:
    """``words[i]`` is a degree of an opinion word in ``known``: "happier" (happy), "nicer", "best", "more rude"."""
    word = words[i]
    if word in _IRREGULAR or (i and words[i - 1] in _DEGREE_WORDS):
        return True
    for suffix in ("ier", "iest"):
        if word.endswith(suffix) and word[: -len(suffix)] + "y" in known:
            return True
    for suffix in ("er", "est"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            doubled = len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known  # "sadder"
            if stem in known or stem + "e" in known or doubled:
                return True
    return False


def degree_kept(words: list[str], k: int, i: int) -> bool:
    """The negator ``words[k]`` is modal and only :data:`_BETWEEN` words part it from ``words[i]``."""
    modal = words[k] in _MODAL_NEGATORS or (words[k] == "not" and k > 0 and words[k - 1] in _MODALS)
    return modal and all(word in _BETWEEN for word in words[k + 1 : i])
