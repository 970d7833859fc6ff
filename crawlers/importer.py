"""Reading reviews exported from another tool (CSV or JSONL) into crawl-shaped rows.

The whole file is read and checked before anything is stored, so a bad row
stops the import with a message naming the file and line, and nothing from
that file is half-written. Columns (any case; extra columns go to ``extra``):

- ``text`` (required; ``review``, ``body``, ``content``, ``reviewBody`` accepted too)
- ``rating`` or ``stars`` (on ``scale``, default 5; 0 or empty = unrated)
- ``author``, ``title``, ``url``, ``language``
- ``date`` or ``published_at`` (any format dateparser reads)
- ``source`` (default ``import:<file name>``), ``id`` or ``external_id``
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.language import detect_language
from crawlers.extract.dates import iso_utc
from crawlers.extract.ratings import normalise_rating, parse_number

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
}


# A text longer than csv's 128 KiB field limit is cut by the store (UMOT_MAX_REVIEW_CHARS), not refused.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class ImportFileError(ValueError):
    """The file cannot be imported; the message names the file and line."""


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each review in a CSV/TSV or JSONL file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    if not content.strip():
        raise ImportFileError(f"{path}: the file is empty")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        for number, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise ImportFileError(f"{path} line {number}: not valid JSON ({exc})") from None
            if not isinstance(record, dict):
                raise ImportFileError(f"{path} line {number}: expected a JSON object per line")
            yield number, record
        return
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=_delimiter(path, content), strict=True)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise ImportFileError(f"{path} line {reader.reader.line_num}: malformed CSV ({exc})") from None
    if not fieldnames:
        raise ImportFileError(f"{path}: no header row")
    columns = {c.strip().lower() for c in fieldnames if c}
    if not columns & set(ALIASES["text"]):
        raise ImportFileError(
            f"{path}: no text column (expected one of: {', '.join(ALIASES['text'])}; "
            f"found: {', '.join(sorted(columns))})"
        )
    try:
        for record in reader:
            if None in record:
                raise ImportFileError(f"{path} line {reader.line_num}: more fields than the header has")
            yield reader.line_num, record
    except csv.Error as exc:
        # reader.reader: the line the parser stopped on (DictReader's own count lags one record behind).
        raise ImportFileError(f"{path} line {reader.reader.line_num}: malformed CSV ({exc})") from None


def _delimiter(path: Path, content: str) -> str:
    """The delimiter (comma, semicolon or tab) guessed from the first lines.

    Only the delimiter is sniffed: quoting stays RFC 4180 (``"`` doubled inside
    quotes), since a sniffed dialect guesses quoting from the sample and then
    misreads ``""`` or an unterminated quote further down.
    """
    try:
        return csv.Sniffer().sniff(content[:8192], delimiters=",;\t").delimiter
    except csv.Error:
        return "\t" if path.suffix.lower() == ".tsv" else ","


def _pick(record: dict[str, Any], field: str) -> Any:
    for key, value in record.items():
        if key is not None and key.strip().lower() in ALIASES[field] and value not in (None, ""):
            return value
    return None


def to_row(record: dict[str, Any], *, where: str, scale: float, source: str) -> dict[str, Any]:
    """One record -> a review row; ImportFileError (naming ``where``) if it is unusable."""
    text = _pick(record, "text")
    if text is None or not str(text).strip():
        raise ImportFileError(f"{where}: the text is empty")
    text = str(text).strip()
    raw_rating = _pick(record, "rating")
    rating = normalise_rating(None)
    if raw_rating is not None and str(raw_rating).strip():
        value = parse_number(raw_rating)
        if value is None:
            raise ImportFileError(f"{where}: rating {raw_rating!r} is not a number")
        if value > scale or value < 0:
            raise ImportFileError(f"{where}: rating {value:g} is outside 0-{scale:g} (use --scale)")
        rating = normalise_rating(value, best=scale)
    raw_date = _pick(record, "published_at")
    published = iso_utc(raw_date) if raw_date is not None else None
    if raw_date is not None and published is None:
        raise ImportFileError(f"{where}: date {raw_date!r} is not a date")
    known = {k for aliases in ALIASES.values() for k in aliases}
    extra = {k: v for k, v in record.items() if k and k.strip().lower() not in known and v not in (None, "")}
    external_id = _pick(record, "external_id")
    title = _pick(record, "title")
    return {
        "source": str(_pick(record, "source") or source),
        "url": _pick(record, "url"),
        "external_id": str(external_id) if external_id is not None else None,
        "author": _pick(record, "author"),
        "rating": rating.value,
        "rating_raw": rating.raw,
        "rating_scale": scale if rating.raw is not None else None,
        "title": str(title) if title is not None else None,
        "text": text,
        "published_at": published,
        "language": detect_language(text, _pick(record, "language")),
        "extra": extra,
    }


def read_review_file(path: Path, *, scale: float = 5, source: str | None = None) -> list[dict[str, Any]]:
    """Every review in ``path`` as a row for ``models.crud.upsert_reviews``; all checked first."""
    path = Path(path)
    if scale <= 1:
        raise ImportFileError(f"--scale must be above 1 (got {scale:g})")
    source = source or f"import:{path.name}"
    rows = [
        to_row(record, where=f"{path} line {number}", scale=scale, source=source)
        for number, record in _records(path)
    ]
    if not rows:
        raise ImportFileError(f"{path}: no reviews in the file")
    return rows
