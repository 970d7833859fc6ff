"""The id of a review its site gives no id for: one formula for the crawlers and the store.

``content_id`` is the store's formula (``sha1:`` of source|author|text after
NFKC, case folding and whitespace collapsing), so a review seen again,
re-rendered or re-spaced, gets the same id and is stored once. Crawls before
this module wrote their own ``h:`` ids; :func:`legacy_content_id` still
computes those so that such stored reviews keep deduping (see
``models.crud.reviews`` and ``crawlers.known_reviews``).

An *imported* row (``umot import``) with neither an id nor an author gets
:func:`imported_content_id` instead, which also covers the row's date and
rating cells: an export without authors holds many distinct reviews that say
just "ok" or "Great product". Crawled reviews keep :func:`content_id` (a crawl
sees relative dates such as "3 days ago", which would change the id).
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


def imported_content_id(source: str | None, text: str | None, date: object = None, rating: object = None) -> str:
    """Id of an imported review with neither an id nor an author: source, text, date and rating.

    ``date`` and ``rating`` are the cells of the file (spacing and case aside) in the
    canonical forms ``crawlers.import_ids`` gives them (``3.0`` as ``3``, ``3/5/2024`` as
    ``2024-03-05``; the common forms are already canonical), not as stored, so the id
    depends on the file alone: not on today's date (a relative date stays as written),
    ``--scale`` or ``--worst``. A row with neither keeps :func:`content_id`, the id every
    import gave it before.
    """
    date_key, rating_key = _normal_text(_cell(date)), _normal_text(_cell(rating))
    if not date_key and not rating_key:
        return content_id(source, None, text)
    key = "\x1f".join(("import", (source or "").strip(), _normal_text(text), date_key, rating_key))
    return "sha1:" + hashlib.sha1(key.encode("utf-8")).hexdigest()


def repeated_id(external_id: str, occurrence: int) -> str:
    """The id of the ``occurrence``-th (from 1) of several identical id-less rows of one file; the first keeps its own."""
    if occurrence <= 1:
        return external_id
    return "sha1:" + hashlib.sha1(f"{external_id}#{occurrence}".encode()).hexdigest()


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def legacy_content_id(source: str | None, author: str | None, text: str | None) -> str:
    """The ``h:`` id crawls wrote before :func:`content_id` was shared (stored reviews still carry it)."""
    key = "\x1f".join(" ".join((part or "").split()).lower() for part in (source, author, text))
    return "h:" + hashlib.sha1(key.encode("utf-8")).hexdigest()


def is_content_id(external_id: str | None, source: str | None, author: str | None, text: str | None) -> bool:
    """Was ``external_id`` made by :func:`content_id` from these fields (not given by the site)?"""
    return not external_id or external_id == content_id(source, author, text)


def brand_key(name: str) -> str:
    """What two brand names are compared by: NFKC, Unicode casefold, spacing collapsed, invisible
    (format) characters such as a zero-width space dropped, so "Acme\u200b" is Acme (in Python:
    SQLite's lower() folds ASCII only, so "CAFÉ ÜBER" would not find "Café Über")."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name or "").casefold())
    return " ".join("".join(c for c in folded if unicodedata.category(c) != "Cf").split())
