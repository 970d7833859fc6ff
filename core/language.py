"""Language of a review, in one place for the crawlers and the scorer.

What the page declares wins (``inLanguage``, ``xml:lang``); else py3langid
(offline, fast) guesses from the text when it is long and sure enough; else
the page's own ``lang``. None when nothing is known.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MIN_LETTERS = 12  # shorter texts ("ok", "great!!") are guessed poorly
MIN_PROBABILITY = 0.6
SAMPLE_CHARS = 300  # a few sentences decide the language; more only costs time


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def normalise_language(tag: object) -> str | None:
    """``"en-GB"`` / ``"de_DE"`` / ``"EN"`` -> ``"en"``, ``"de"``; None when not a language tag."""
    if not isinstance(tag, str):
        return None
    code = tag.strip().replace("_", "-").split("-")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def guess_language(text: str | None) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None if it is short or the guess unsure."""
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else None


def detect_language(text: str | None, declared: object = None, page_language: object = None) -> str | None:
    """The review's own declared language; else a confident guess from the text; else the page's."""
    return normalise_language(declared) or guess_language(text) or normalise_language(page_language)
