"""Emoji names kept apart: the lexicon reads them, the theme and stage rules do not.

:func:`nlp.text.clean_text` writes each emoji as its Unicode name, which the scorer and the
clause lexicon read well ("thumbs down", "crying face"); but a name is no mention of a theme
or a stage ("🥶" is "freezing face", not a frozen app; "💔" is "broken heart", not a broken
product; "🐛" is "bug"). :func:`marked_text` cleans a text as ``clean_text`` does with each
name between two private-use marks, so the detector can cut it into clauses once and read
each clause both ways: :func:`named` (the names, as ``clean_text`` gives them) and
:func:`unnamed` (the names dropped).
"""

from __future__ import annotations

import html
import re
import unicodedata

from nlp.text import clean_text, to_text

OPEN, CLOSE = "\ue000", "\ue001"
_MARKS = re.compile(f"[{OPEN}{CLOSE}]")
# a name, or the part of one a clause cut holds (a name can hold a contrast word: "disappointed but relieved face")
_NAME = re.compile(f"{OPEN}[^{CLOSE}]*(?:{CLOSE}|$)|^[^{OPEN}]*{CLOSE}")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_SPACE = re.compile(r"\s+")


def _is_emoji(ch: str) -> bool:
    """What ``clean_text`` names: a symbol past the general punctuation block."""
    return ord(ch) > 0x2000 and unicodedata.category(ch) == "So"


def _entity(match: re.Match[str]) -> str:
    """An entity that stands for an emoji ("&#128148;"), as the emoji: ``clean_text`` would name it unmarked."""
    char = html.unescape(match.group())
    return char if len(char) == 1 and _is_emoji(char) else match.group()


def marked_text(value: object) -> str:
    """``clean_text(value)`` with each emoji's name between ``OPEN`` and ``CLOSE``
    (a text with many emoji may be cut a few characters apart from ``clean_text``'s cut)."""
    text = to_text(value)
    if text.isascii() or max(text) <= "\u2000":  # no emoji: most reviews
        return clean_text(text)
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    return clean_text("".join(f" {OPEN}{ch}{CLOSE} " if _is_emoji(ch) else ch for ch in text))


def named(text: str) -> str:
    """A marked text or clause with the emoji names kept, as ``clean_text`` gives it."""
    return _SPACE.sub(" ", _MARKS.sub(" ", text)).strip() if OPEN in text or CLOSE in text else text


def unnamed(text: str) -> str:
    """A marked text or clause with the emoji names dropped."""
    return _SPACE.sub(" ", _NAME.sub(" ", text)).strip() if OPEN in text or CLOSE in text else text
