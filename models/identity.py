"""The id of a review its site gives no id for: one formula for the crawlers and the store.

``content_id`` is the store's formula (``sha1:`` of source|author|text after
NFKC, case folding and whitespace collapsing), so a review seen again,
re-rendered or re-spaced, gets the same id and is stored once. Crawls before
this module wrote their own ``h:`` ids; :func:`legacy_content_id` still
computes those so that such stored reviews keep deduping (see
``models.crud.reviews`` and ``crawlers.known_reviews``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"\s+")


def _normal_text(value: str | None) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value or "")).strip().casefold()


def content_id(source: str | None, author: str | None, text: str | None) -> str:
    """Stable id for a review without one: the same review gives the same id on every crawl."""
    key = f"{(source or '').strip()}|{_normal_text(author)}|{_normal_text(text)}"
    return "sha1:" + hashlib.sha1(key.encode("utf-8")).hexdigest()


def legacy_content_id(source: str | None, author: str | None, text: str | None) -> str:
    """The ``h:`` id crawls wrote before :func:`content_id` was shared (stored reviews still carry it)."""
    key = "\x1f".join(" ".join((part or "").split()).lower() for part in (source, author, text))
    return "h:" + hashlib.sha1(key.encode("utf-8")).hexdigest()


def is_content_id(external_id: str | None, source: str | None, author: str | None, text: str | None) -> bool:
    """Was ``external_id`` made by :func:`content_id` from these fields (not given by the site)?"""
    return not external_id or external_id == content_id(source, author, text)
