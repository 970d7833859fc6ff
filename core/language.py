"""Language of a review, in one place for the crawlers and the scorer.

The review's declared language wins (``inLanguage``, ``xml:lang``, a column); else py3langid (offline, fast)
guesses from the text, choosing among ``REVIEW_LANGUAGES``, or one of ``REGIONAL_LANGUAGES`` where that is the
sure first among both: on all 140 of its languages short English slips to Nigerian Pidgin, Frisian or Maltese
("Ok for one night." read ``pcm``) and short Spanish spreads over Aragonese, Extremaduran, Occitan. A page's
own ``lang`` beats a guess on a text under ``PAGE_MIN_LETTERS``.

Measured (MARC en, SST, SemEval ABSA, Zomato, SemEval tweets, Uber/ChatGPT app reviews for
English; MARC's de/es/fr/zh test reviews), by letters 12-24 / 25-49 / 50-99: English texts of 12-49
letters read as another language, hand-checked, 27 before (pcm, zxx, af, fy, de at p >= 0.6 over all
languages) and 1 now, while 9 more real Spanish/Portuguese ones among the app reviews are caught. A real
review keeps its language: de 82 / 97 / 100 % before, 85 / 99 / 100 % now; es 65 / 86 / 99 -> 85 / 97 / 100;
fr 82 / 98 / 100 -> 87 / 99 / 100; zh 97 / 99 / 100 -> 100 / 100 / 100. Under a page's other ``lang`` the
12-24 letter ones take the page's language; from 25 letters de 99, es 97, fr 99, zh 100 % keep theirs.
``REGIONAL_LANGUAGES`` changed none of those English guesses (of the 12,281 MARC/SST/ABSA/Zomato texts of
12-49 letters the same 2 read non-English, "merci pour le movie ." one) and one of MARC's 5,000 Spanish reviews
("Todavia no ha llegado" reads ca); put in ``REVIEW_LANGUAGES`` they cost Spanish: Galician left 10 % of Spanish
reviews of 25-49 letters unsure, Catalan 4 % of Spanish prefixes. A full sentence of Catalan, Albanian, Icelandic,
Basque, Welsh, Swahili, Uzbek had read None, Azerbaijani Turkish, Galician Portuguese, Afrikaans Dutch.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MIN_LETTERS = 12  # shorter texts ("ok", "great!!") are guessed poorly
MIN_PROBABILITY = 0.8  # among REVIEW_LANGUAGES: of 12,281 English texts of 12-49 letters 0.6 read 13 as
# another language, 0.7 six, 0.8 two; 0.9 also two, but it keeps fewer real short German or Spanish ones
PAGE_MIN_LETTERS = 25  # about a sentence: a guess on fewer letters does not overrule the page's lang
SAMPLE_CHARS = 300  # a few sentences decide the language; more only costs time
# Languages reviews are written in: the big Latin-script ones and the main one of each other script.
REVIEW_LANGUAGES = frozenset({
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "sk", "sl", "hr", "sr", "hu", "ro",
    "et", "lv", "lt", "tr", "id", "ms", "tl", "vi", "ru", "uk", "bg", "be", "mk", "el", "he", "ar", "fa", "ur", "hi",
    "bn", "ta", "te", "mr", "gu", "kn", "ml", "pa", "ne", "si", "th", "ja", "ko", "zh", "ka", "hy", "kk", "mn", "my",
    "km", "lo", "am"
})
# Review markets' languages a short text of a big neighbour often reads as (a Spanish review as Galician or Catalan,
# a Dutch one as Afrikaans): one is taken only where it is the sure first among both sets, else the guess is among
# REVIEW_LANGUAGES (a short Galician review the model is unsure of may read pt, or None). Measured and left out:
# mt, so, ha (each read a short English text as theirs: "Pizza was lil burnt" mt), jv (Hinglish), lb (German
# "Ganz schlechte"), bs (reads hr or sr anyway), yue (splits Chinese).
REGIONAL_LANGUAGES = frozenset({"ca", "gl", "eu", "sq", "az", "is", "sw", "cy", "uz", "af", "ky", "tg", "ps", "zu"})


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True, langs=sorted(REVIEW_LANGUAGES | REGIONAL_LANGUAGES))


def normalise_language(tag: object) -> str | None:
    """``"en-GB"`` / ``"de_DE"`` / ``"EN"`` -> ``"en"``, ``"de"``; None when not a language tag."""
    if not isinstance(tag, str):
        return None
    code = tag.strip().replace("_", "-").split("-")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _letters(text: str | None) -> int:
    """Letters in the part of ``text`` the guess reads: its evidence, for the guess and the page rule."""
    return sum(ch.isalpha() for ch in (text or "")[:SAMPLE_CHARS])


def guess_language(text: str | None) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None if it is short or the guess unsure: a regional language
    where it is sure among both sets, else a common one sure among ``REVIEW_LANGUAGES``."""
    if _letters(text) < MIN_LETTERS:
        return None
    sample = (text or "")[:SAMPLE_CHARS]
    code, probability = _identifier().classify(sample)  # over both sets
    if probability >= MIN_PROBABILITY:  # sure among both: a common language is surer still among its own set
        return str(code)
    common = [(code, probability) for code, probability in _identifier().rank(sample) if code in REVIEW_LANGUAGES]
    total = sum(probability for _, probability in common)
    code, probability = common[0]
    return str(code) if total > 0 and probability / total >= MIN_PROBABILITY else None


def detect_language(text: str | None, declared: object = None, page_language: object = None) -> str | None:
    """The review's own declared language; else a confident guess from the text, which overrules the page's
    ``lang`` only on a sentence or more (a German review on an English shop page); else the page's."""
    own = normalise_language(declared)
    if own is not None:
        return own
    page = normalise_language(page_language)
    guess = guess_language(text)
    if guess is None or (page is not None and guess != page and _letters(text) < PAGE_MIN_LETTERS):
        return page
    return guess
