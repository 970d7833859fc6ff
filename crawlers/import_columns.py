"""The columns of an imported file: which cell holds what (``ALIASES``, matched in any case,
since every tool names them its own way), what a known cell may hold (text or a number), and
the rest of the row, kept as its ``extra`` (a crawl file's ``extra`` JSON object merged in).

A file naming one column twice (``Rating`` and ``rating``) is refused, a CSV header and a JSONL
object alike (:func:`named_twice`). Two aliases of one field in a row (``rating`` and ``stars``,
``text`` and ``comment``) must agree (:func:`agreed`): a row whose two cells say different things
is refused naming both columns, since reading either one would store a guess (an upvote count in
``score`` read as 1-2 stars). What "agree" means is the field's: the same text, the same rating,
dates less than a day apart (a cell that is no date at all, a ``time`` of day, is no second date)."""

from __future__ import annotations

import json
from collections.abc import Callable
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


def same_text(first: Any, other: Any) -> bool:
    """Two cells say the same when their text does, spacing around it aside (``3`` and ``"3"`` too)."""
    return str(first).strip() == str(other).strip()


def agreed(record: dict[str, Any], field: str, where: str,
           same: Callable[[Any, Any], bool] = same_text) -> Any:
    """:func:`pick`'s value, once every other non-blank alias cell of ``field`` says the same (``same``);
    else ImportFileError naming both columns (``line 2: columns 'rating' and 'stars' hold different values``)."""
    value = pick(record, field, where)
    cells = [(key.strip(), cell) for key, cell in record.items()
             if key is not None and key.strip().lower() in ALIASES[field] and str(cell if cell is not None else "").strip()]
    for other, cell in cells[1:]:
        key, first = cells[0]
        if not same(first, cell):
            raise ImportFileError(
                f"{where}: columns {key!r} and {other!r} hold different values ({shortened(str(first))} and "
                f"{shortened(str(cell))}); keep one of them, or make them agree")
    return value


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
