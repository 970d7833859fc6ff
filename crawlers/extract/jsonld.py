"""Reading JSON-LD blocks that real pages get wrong.

extruct parses a page's ``<script type="application/ld+json">`` blocks in one go
and gives up on the whole page when one block is broken. This module reads the
blocks one at a time, with light repairs for what commonly breaks them: CDATA
wrappers, HTML comments, HTML-escaped quotes (``&quot;``), trailing semicolons
and trailing commas, several objects in one block.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

import jstyleson
import lxml.etree

_SCRIPTS = lxml.etree.XPath('descendant-or-self::script[@type="application/ld+json"]')
_CDATA_OPEN = re.compile(r"^\s*(?://\s*|/\*\s*)?<!\[CDATA\[(?:\s*\*/)?")
_CDATA_CLOSE = re.compile(r"(?://\s*|/\*\s*)?\]\]>(?:\s*\*/)?\s*$")
_COMMENT_OPEN = re.compile(r"^\s*<!--")
_COMMENT_CLOSE = re.compile(r"-->\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _strip_wrappers(text: str) -> str:
    text = _CDATA_OPEN.sub("", text)
    text = _CDATA_CLOSE.sub("", text)
    text = _COMMENT_OPEN.sub("", text)
    text = _COMMENT_CLOSE.sub("", text)
    return text.strip().rstrip(";").strip()


def _loads_all(text: str) -> list[Any]:
    """``json.loads``, but accepting several concatenated values (``{...}{...}``)."""
    decoder = json.JSONDecoder(strict=False)
    values, pos, end = [], 0, len(text)
    while pos < end:
        value, pos = decoder.raw_decode(text, pos)
        values.append(value)
        while pos < end and text[pos] in " \t\r\n;,":
            pos += 1
    return values


def _flatten(values: list[Any]) -> list[dict]:
    out: list[dict] = []
    for value in values:
        if isinstance(value, list):
            out.extend(v for v in value if isinstance(v, dict))
        elif isinstance(value, dict):
            out.append(value)
    return out


def load_jsonld_block(text: str) -> list[dict]:
    """The objects in one JSON-LD block, repaired if needed; ValueError says why it can't be read."""
    cleaned = _strip_wrappers(text)
    if not cleaned:
        return []
    first_error: Exception | None = None
    attempts = (
        lambda s: s,
        html.unescape,  # &quot; instead of "
        lambda s: _TRAILING_COMMA.sub(r"\1", html.unescape(s)),
    )
    for repair in attempts:
        try:
            return _flatten(_loads_all(repair(cleaned)))
        except ValueError as exc:
            first_error = first_error or exc
    try:  # comments inside the JSON
        return _flatten([jstyleson.loads(html.unescape(cleaned), strict=False)])
    except Exception:  # noqa: BLE001 - report the plain JSON error, it is clearer
        pass
    raise ValueError(f"unreadable JSON-LD ({first_error})")


def iter_jsonld_blocks(document: Any) -> Iterator[tuple[int, str]]:
    """(1-based index, text) of each JSON-LD script in a parsed lxml document."""
    for index, node in enumerate(_SCRIPTS(document), start=1):
        yield index, node.xpath("string()")
