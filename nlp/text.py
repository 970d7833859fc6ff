"""Input cleaning: turn whatever a crawl or a CSV holds into text the model can read.

Never raises on odd values: non-strings become text or nothing, HTML tags are
stripped, entities decoded and invisible format characters dropped (:func:`decoded_text`,
which the referral rules read too), emoji become their Unicode names (the uncased MiniLM
vocabulary has no emoji, but it knows "thumbs down"; :func:`clean_words` also gives the words without
them, for the language guess), and huge texts are cut before tokenising.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata

MAX_CHARS = 6000  # head + tail kept; far beyond what the model reads (256 tokens)
_TAG_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<!--.*?-->|</?[a-zA-Z][^<>]{0,500}>", re.S)
_BREAK_TAG = re.compile(r"<(br|/p|/div|/li|/h[1-6])\b[^>]*>", re.I)
_SPACE = re.compile(r"\s+")
# Unicode category Cf (zero-width spaces and joiners, soft hyphens, bidi controls, tag characters): invisible,
# but "n\u200bot" is no "not" to a rule; the tokenizer drops them too. tests/nlp/test_referral_markup.py checks the list.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def to_text(value: object) -> str:
    """Any cell value -> a string ('' for None/NaN)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        import pandas as pd  # pandas' NA/NaT are not floats

        if pd.isna(value) is True:
            return ""
    except (ImportError, TypeError, ValueError):
        pass
    return str(value)


def _has_emoji(text: str) -> bool:
    """Whether anything could be an emoji: most reviews answer no without a Python-level loop."""
    return not (text.isascii() or max(text) <= "\u2000")


def _emoji_to_words(text: str, *, named: bool = True) -> str:
    """Each emoji as its name (or a space where not ``named``); variation selectors, joiners, skin tones dropped."""
    if not _has_emoji(text):
        return text
    out = []
    for ch in text:
        if ord(ch) > 0x2000 and unicodedata.category(ch) == "So":
            name = unicodedata.name(ch, "") if named else ""
            out.append(f" {name.lower()} " if name else " ")
        elif ch in "\ufe0f\u200d" or 0x1F3FB <= ord(ch) <= 0x1F3FF:
            continue  # variation selectors, joiners, skin tones
        else:
            out.append(ch)
    return "".join(out)


def _decoded(text: str) -> str:
    if "<" in text and ">" in text:
        text = _TAG_BLOCK.sub(" ", text)
        text = _BREAK_TAG.sub(" \n", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text if text.isascii() else _FORMAT.sub("", text)


def decoded_text(value: object) -> str:
    """The words a reader sees, whole: tags stripped, entities decoded, format characters dropped; no emoji
    names and no cut (the referral rules read a whole review: "Would <b>not</b> recommend" says "not")."""
    return _decoded(to_text(value))


def _decoded_cut(value: object, max_chars: int) -> str:
    text = to_text(value)
    if len(text) > 4 * max_chars:  # cut early: a 100k-char cell must not cost 100k of regex
        text = text[: 2 * max_chars] + " " + text[-2 * max_chars :]
    return _decoded(text)


def _spaced_and_cut(text: str, max_chars: int) -> str:
    text = _SPACE.sub(" ", text).strip()
    if len(text) > max_chars:
        head = max_chars * 3 // 4
        text = text[:head] + " ... " + text[-(max_chars - head) :]
    return text


def clean_text(value: object, max_chars: int = MAX_CHARS) -> str:
    """Cleaned text, '' when there is nothing to score."""
    return _spaced_and_cut(_emoji_to_words(_decoded_cut(value, max_chars)), max_chars)


def clean_words(value: object, max_chars: int = MAX_CHARS) -> tuple[str, str]:
    """(:func:`clean_text`, the same words without emoji names): the scorer reads the first, the language
    guess the second (emoji names are English words: "Die App ist toll 👍👍👍" is no English text).
    One text for both where there is no emoji (most reviews): no second pass."""
    text = _decoded_cut(value, max_chars)
    if not _has_emoji(text):
        cleaned = _spaced_and_cut(text, max_chars)
        return cleaned, cleaned
    return (_spaced_and_cut(_emoji_to_words(text), max_chars),
            _spaced_and_cut(_emoji_to_words(text, named=False), max_chars))
