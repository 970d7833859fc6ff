"""One record of an imported file -> one crawl-shaped review row, or the reason it cannot be.

Columns are matched by any of their ``ALIASES`` in any case, since every tool
names them its own way; columns no alias names go to the row's ``extra``, and an
``extra`` column holding a JSON object (what ``umot crawl -o`` writes) is merged
into it, so a crawl's file imports as it was crawled, its brand replies
(``reply_text``, ``reply_author``, ``replied_at``: cleaned by the store) included.
A known column holds text or a number (a JSON object, list or true/false is
refused); the rating cell is read by ``crawlers.import_ratings`` (a crawl file's
``rating_raw`` and ``rating_scale`` kept as crawled), a numeric date in the file's one
day/month order (``crawlers.import_date_order``), and a row with neither an id nor an
author gets its id from ``crawlers.import_ids``.
"""

from __future__ import annotations

import json
from typing import Any

from core.language import detect_language
from crawlers.extract.dates import iso_utc, set_published
from crawlers.import_ids import give_import_id
from crawlers.import_ratings import CRAWL_COLUMNS, crawl_cells, crawled_rating, file_rating
from models.crud.name_limits import NameTooLongError, check_length, shortened
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
    would cut it, and the reviews land under another source than the one given)."""
    label = label.strip()
    return check_length(label, table_of(Review).c.source, f"{what} {shortened(label)}")


_JSON_KINDS = {dict: "a JSON object", list: "a JSON list", bool: "true/false"}


def pick(record: dict[str, Any], field: str, where: str) -> Any:
    """The first non-empty column named by one of ``field``'s aliases: text or a number, else refused."""
    for key, value in record.items():
        if key is not None and key.strip().lower() in ALIASES[field] and value not in (None, ""):
            if field != "rating" and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
                kind = _JSON_KINDS.get(type(value), type(value).__name__)
                raise ImportFileError(f"{where}: {key} must be text or a number, not {kind}")
            return value
    return None


def _reply(record: dict[str, Any], where: str, dates_in: str | None) -> dict[str, Any]:
    """The brand's reply as a crawl row carries it (the store cleans it: ``models.replies.clean_reply``);
    a reply date is read as a crawl reads one, one it cannot read passed on as written for the store to name."""
    raw_date = pick(record, "replied_at", where)
    return {
        "reply_text": pick(record, "reply_text", where),
        "reply_author": pick(record, "reply_author", where),
        "replied_at": (iso_utc(raw_date, dates_in) or raw_date) if raw_date is not None else None,
    }


def _extra(record: dict[str, Any], read: tuple[str, ...] = ()) -> dict[str, Any]:
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


def to_row(record: dict[str, Any], *, where: str, scale: float, source: str, worst: float = 1,
           date_order: str | None = None) -> dict[str, Any]:
    """One record -> a review row; ImportFileError (naming ``where``) if it is unusable. ``date_order``
    (``DMY``, ``MDY``, ``YMD``; None: month first) is the whole file's, never the row's ``language``."""
    text = pick(record, "text", where)
    if text is None or not str(text).strip():
        raise ImportFileError(f"{where}: the text is empty")
    text = str(text).strip()
    raw_rating = pick(record, "rating", where)
    crawled = crawl_cells(record, raw_rating)
    try:
        rating = crawled_rating(raw_rating, *crawled) if crawled else file_rating(raw_rating, scale, worst)
    except ValueError as exc:
        raise ImportFileError(f"{where}: {exc}") from None
    raw_date = pick(record, "published_at", where)
    cell = pick(record, "language", where)
    dated: dict[str, Any] = {"extra": _extra(record, CRAWL_COLUMNS if crawled else ())}  # a future date: in extra
    if not set_published(dated, raw_date, date_order):  # an order is read as a language is
        raise ImportFileError(f"{where}: date {raw_date!r} is not a date with a day, month and year")
    external_id = pick(record, "external_id", where)
    title = pick(record, "title", where)
    url = pick(record, "url", where)
    author = pick(record, "author", where)
    column = pick(record, "source", where)
    try:
        label = check_source_label(str(column or source))
    except NameTooLongError as exc:  # the column's, or the default import:<file name>
        raise ImportFileError(f"{where}: {exc}" + ("" if column else " (give a shorter --source)")) from None
    row = {
        "source": label,
        "url": str(url) if url is not None else None,
        "external_id": str(external_id) if external_id is not None else None,
        "author": str(author) if author is not None else None,
        "rating": rating.value,
        "rating_raw": rating.raw,
        "rating_scale": rating.scale if rating.raw is not None else None,
        "title": str(title) if title is not None else None,
        "text": text,
        "published_at": dated["published_at"],
        "language": detect_language(text, cell),
        "extra": dated["extra"],
        **_reply(record, where, date_order),
    }
    give_import_id(row, raw_date, raw_rating, date_order)
    return row
