"""Brand themes: a name, a one-line description and a few example phrases, matched without training.

A brand's own theme ("loyalty_card", "parking") is found where a clause holds
every content word of one of its example phrases (or of its name), compared by
a crude stem so "cards" matches "card" and "charging" matches "charge". Words of
any script count ("Müsli", "бонусная карта"); a word of a script written without
spaces (Japanese, Chinese, Korean, Thai) is looked for inside the clause.
Definitions are checked here so the CLI and the nightly flow reject the same
bad input with the same one-line message.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from nlp.themes.catalog import DEFAULT_THEME_NAMES, OTHER, Theme

MAX_NAME = 40
MAX_DESCRIPTION = 200
MAX_EXAMPLES = 20
MAX_EXAMPLE = 80
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script: "müsli", "бонусная", "ポイント"
# Scripts written without spaces: a clause is one "word", so their example words are looked for inside it
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_STOP = {"a", "an", "the", "my", "our", "your", "their", "is", "was", "are", "were", "to", "of", "for", "and", "or",
         "in", "on", "at", "it", "this", "that", "with", "be", "i", "we", "you"}


class ThemeDefinitionError(ValueError):
    """A brand theme definition that cannot be used; the message names what and where."""


def stem(word: str) -> str:
    for suffix in ("ing", "ies", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(text.casefold()) if w not in _STOP)


def validate(themes: Sequence[Theme], where: str) -> None:
    """Raise ThemeDefinitionError for an empty, duplicated, too long or clashing definition."""
    seen: set[str] = set()
    for theme in themes:
        at = f"{where}: theme {theme.name!r}" if theme.name else f"{where}: a theme"
        if not theme.name or not theme.name.strip():
            raise ThemeDefinitionError(f"{at} has an empty name")
        if not _NAME.match(theme.name) or len(theme.name) > MAX_NAME:
            raise ThemeDefinitionError(f"{at}: name must be lower_snake_case, at most {MAX_NAME} characters")
        if theme.name in DEFAULT_THEME_NAMES or theme.name == OTHER:
            raise ThemeDefinitionError(f"{at} duplicates a default theme")
        if theme.name in seen:
            raise ThemeDefinitionError(f"{at} is defined twice")
        seen.add(theme.name)
        if not theme.description.strip():
            raise ThemeDefinitionError(f"{at} has an empty description")
        if len(theme.description) > MAX_DESCRIPTION:
            raise ThemeDefinitionError(f"{at}: description is longer than {MAX_DESCRIPTION} characters")
        if not theme.examples or len(theme.examples) > MAX_EXAMPLES:
            raise ThemeDefinitionError(f"{at} needs 1 to {MAX_EXAMPLES} example phrases")
        for example in theme.examples:
            if not content_stems(example):
                raise ThemeDefinitionError(f"{at} has an empty example phrase")
            if len(example) > MAX_EXAMPLE:
                raise ThemeDefinitionError(f"{at}: example {example[:30]!r}… is longer than {MAX_EXAMPLE} characters")


class BrandMatcher:
    """Clause -> the brand themes whose example phrase (or name) it contains."""

    def __init__(self, themes: Sequence[Theme] = ()) -> None:
        self._themes = tuple(themes)
        self._phrases = [
            (t.name, content_stems(p)) for t in self._themes for p in (*t.examples, t.name.replace("_", " "))
        ]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self._themes)

    def version_suffix(self) -> str:
        """'+brand:<hash>' when brand themes exist: changed definitions re-detect."""
        if not self._themes:
            return ""
        blob = "|".join(f"{t.name}:{t.description}:{';'.join(t.examples)}" for t in self._themes)
        return "+brand:" + hashlib.sha256(blob.encode()).hexdigest()[:8]

    def match(self, clause: str) -> set[str]:
        if not self._phrases:
            return set()
        words = content_stems(clause)
        text = clause.casefold()
        return {name for name, phrase in self._phrases
                if phrase and all(w in words or (_UNSPACED.search(w) and w in text) for w in phrase)}
