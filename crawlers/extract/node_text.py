"""Readable text out of schema.org values, which sites fill in every shape.

A value may be a string with entities and markup, a list, a ``{"@value": ...}``
literal or a node with a ``name``; a person or item may be an ``@id``
reference. Review and aggregate rows (:mod:`crawlers.extract.review_rows`) read
every field through these two functions, so each field is cleaned the same way
(a lone surrogate, which no UTF-8 encoder takes, becomes U+FFFD: ``crawlers.extract.surrogates``).
Markup is removed by :func:`crawlers.extract.markup.strip_markup`, which keeps
words in angle brackets and cuts nothing (microdata/RDFa text, a ``ParsedText``,
has none left and is read as it is): long texts are cut (with a marker)
when stored, by ``UMOT_MAX_REVIEW_CHARS``.
"""

from __future__ import annotations

import re
from typing import Any

from core.language import normalise_language
from crawlers.extract.graph import ReviewGraph
from crawlers.extract.markup import ParsedText, strip_markup
from crawlers.extract.surrogates import without_lone_surrogates


def text_of(value: Any) -> str | None:
    """Plain text of a value: first non-empty of a list, HTML tags dropped, entities decoded once, spaces folded."""
    if isinstance(value, list):
        value = next((v for v in value if v not in (None, "")), None)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if value is None:
        return None
    text = without_lone_surrogates(str(value))
    text = text if isinstance(value, ParsedText) else strip_markup(text)
    text = "\n".join(" ".join(line.split()) for line in text.strip().splitlines())
    return re.sub(r"\n{3,}", "\n\n", text).strip() or None


def name_of(graph: ReviewGraph, value: Any) -> str | None:
    """The name of a person, organisation or item: a node (or ``@id`` reference) or plain text."""
    value = graph.resolve(value)
    if isinstance(value, list):
        value = graph.resolve(value[0]) if value else None
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("alternateName"))
    return text_of(value)


def language_of(graph: ReviewGraph, value: Any) -> str | None:
    """The language an ``inLanguage`` declares: a tag (``"en-GB"``), or a ``Language`` node's code, its
    ``alternateName`` (``{"name": "English", "alternateName": "en"}``); else its text, as before (``"English"``)."""
    value = graph.resolve(value)
    if isinstance(value, list):
        value = graph.resolve(value[0]) if value else None
    if isinstance(value, dict) and "@value" not in value:
        names = (text_of(value.get("alternateName")), text_of(value.get("name")))
        return next((name for name in names if normalise_language(name)), None) or text_of(value)
    return text_of(value)
