"""One record of an imported file -> one crawl-shaped review row, or the reason it cannot be.

Columns are matched by any of their ``ALIASES`` in any case, since every tool
names them its own way; columns no alias names go to the row's ``extra``.
"""

from __future__ import annotations

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


class ImportFileError(ValueError):
    """The file cannot be imported; the message names the file and line."""


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
