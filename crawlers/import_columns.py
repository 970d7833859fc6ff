"""The columns of an imported file: which cell holds what (``ALIASES``, matched in any case,
since every tool names them its own way), what a known cell may hold (text or a number), and
the rest of the row, kept as its ``extra`` (a crawl file's ``extra`` JSON object merged in).

A file naming one column twice (``Rating`` and ``rating``) is refused, a CSV header and a JSONL
object alike (:func:`named_twice`). Of two aliases of one field (``date`` and ``time``, ``text`` and
``review``, ``author`` and ``name``) the first non-empty one in the row's column order is read, the
other left out: exports carry such pairs with different meanings (a date and a time of day, a text
and its title, a reviewer and a product), so neither is refused. Only the rating's are compared
(``crawlers.import_rows``), since an upvote count in ``score`` would store false 1-2 star detractors;
:func:`alias_cells` gives them."""

from __future__ import annotations

import json
from typing import Any

from models.crud.name_limits import check_characters, check_length, shortened
from models.tables import Review, table_of

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "review", "body", "content", "reviewbody", "review_text", "comment"),
    "rating": ("rating", "stars", "score", "ratingvalue"),
    "author": ("author", "name", "reviewer", "user"),
    "title": ("title", "headline", "subject"),
    "url": ("url", "link"),
    "published_at": ("published_at", "date", "datepublished", "created_at", "time"),
    "source": ("source", "site", "platform"),
    "external_id": ("external_id", "id", "review_id"),
    "language": ("language", "lang", "inlanguage"),
    "reply_text": ("reply_text",),
    "reply_author": ("reply_author",),
    "replied_at": ("replied_at",),
}


class ImportFileError(ValueError):
    """The file cannot be imported; the message names the file and line."""


def check_source_label(label: str, what: str = "source") -> str:
    """The trimmed label, or :class:`NameTooLongError` when ``review.source`` cannot hold it (the store
    would cut it, and the reviews land under another source than the one given); :class:`NameCharacterError`
    when it is not one line of visible text, as ``--source`` is refused (a ``source`` cell, or the default
    ``import:<file name>`` of a name with a line break, was stored as it was)."""
    label = label.strip()
    check_characters(label, f"{what} {shortened(label)}")
    return check_length(label, table_of(Review).c.source, f"{what} {shortened(label)}")


_JSON_KINDS = {dict: "a JSON object", list: "a JSON list", bool: "true/false"}


def named_twice(names: list[str]) -> str | None:
    """``column 'rating' appears twice (as 'Rating' and 'rating')``: the first column ``names`` (a CSV
    header, a JSONL object's keys) gives twice as the importer matches names (trimmed, any case); else None."""
    seen: dict[str, str] = {}
    for name in names:
        key = name.strip().lower()
        if key in seen:
            first, again = seen[key], name.strip()
            return f"column {key!r} appears twice" + (f" (as {first!r} and {again!r})" if first != again else "")
        if key:
            seen[key] = name.strip()
    return None


def pick(record: dict[str, Any], field: str, where: str) -> Any:
    """The first non-empty column named by one of ``field``'s aliases: text or a number, else refused."""
    for key, value in record.items():
        if key is not None and key.strip().lower() in ALIASES[field] and value not in (None, ""):
            if field != "rating" and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
                kind = _JSON_KINDS.get(type(value), type(value).__name__)
                raise ImportFileError(f"{where}: {key} must be text or a number, not {kind}")
            return value
    return None


def alias_cells(record: dict[str, Any], field: str) -> list[tuple[str, Any]]:
    """(column, cell) of every non-blank alias of ``field`` in the row, in its column order."""
    return [(key.strip(), cell) for key, cell in record.items()
            if key is not None and key.strip().lower() in ALIASES[field] and str(cell if cell is not None else "").strip()]


def extra_columns(record: dict[str, Any], read: tuple[str, ...] = ()) -> dict[str, Any]:
    """Columns no alias names (nor ``read``); a crawl file's ``extra`` object (JSON text in its CSV) is merged."""
    known = {k for aliases in ALIASES.values() for k in aliases} | set(read)
    rest = {k: v for k, v in record.items() if k and k.strip().lower() not in known and v not in (None, "")}
    merged: dict[str, Any] = {}
    for key in [k for k in rest if k.strip().lower() == "extra"]:
        value = rest[key]
        if isinstance(value, str) and value.lstrip().startswith("{"):
            try:
                value = json.loads(value)
            except ValueError:
                pass  # text that only looks like JSON stays as written
        if isinstance(value, dict):
            merged.update(value)
            del rest[key]
    return {**merged, **rest}  # a column of its own wins over the same key inside extra
