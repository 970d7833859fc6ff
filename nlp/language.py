"""Language detection with py3langid (offline, fast); None when too unsure."""

from __future__ import annotations

from functools import lru_cache

MIN_LETTERS = 12  # shorter texts ("ok", "great!!") are not worth a guess
MIN_PROB = 0.80


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None if short or unsure."""
    sample = text[:300]  # a few sentences decide the language; more only costs time
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if prob >= MIN_PROB else None
