"""Language of a review: what the page says, else py3langid on the text."""

from __future__ import annotations

from functools import lru_cache

MIN_CHARS = 20  # shorter texts are guessed poorly; fall back to the page's language
MIN_PROBABILITY = 0.6


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def normalise_language(tag: object) -> str | None:
    """``"en-GB"`` / ``"de_DE"`` / ``"EN"`` -> ``"en"``, ``"de"``; None when not a language tag."""
    if not isinstance(tag, str):
        return None
    code = tag.strip().replace("_", "-").split("-")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def detect_language(text: str | None, declared: object = None, page_language: object = None) -> str | None:
    """The review's own ``inLanguage`` wins; else a confident guess from the text; else the page's ``lang``."""
    own = normalise_language(declared)
    if own:
        return own
    if text and len(text.strip()) >= MIN_CHARS:
        code, prob = _identifier().classify(text)
        if prob >= MIN_PROBABILITY:
            return str(code)
    return normalise_language(page_language)
