"""Readable text out of schema.org values, which sites fill in every shape.

A value may be a string with entities and markup, a list, a ``{"@value": ...}``
literal or a node with a ``name``; a person or item may be an ``@id``
reference. Review and aggregate rows (:mod:`crawlers.extract.review_rows`) read
every field through these two functions, so each field is cleaned the same way.
"""

from __future__ import annotations

import html as htmllib
import re
from typing import Any

import lxml.html

from crawlers.extract.graph import ReviewGraph


def text_of(value: Any) -> str | None:
    """Plain text of a value: first non-empty of a list, entities unescaped, markup dropped, spaces folded."""
    if isinstance(value, list):
        value = next((v for v in value if v not in (None, "")), None)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if value is None:
        return None
    text = htmllib.unescape(str(value))
    if "<" in text and ">" in text:
        try:
            text = lxml.html.fromstring(f"<div>{text}</div>").text_content()
        except Exception:  # noqa: BLE001 - keep the raw text
            pass
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
