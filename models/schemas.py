"""Validated shapes around the tables (the ``Create`` side of Base/Create/Public).

``ReviewCreate`` turns one crawl row (the JSONL fields) into what the review
table accepts: dates parsed or dropped, ratings numeric or dropped, strings cut
to their column length, and a content id (``models.identity``) where the site gave no id. A messy
row never stops a crawl; only a row without a ``source`` is refused.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from pydantic import model_validator
from sqlmodel import Field, SQLModel

from models.identity import content_id
from models.replies import clean_reply

_MIN_YEAR, _MAX_YEAR = 1990, 2200


def as_utc(value: datetime) -> datetime:
    """Aware UTC datetime; naive values are taken to be UTC already."""
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_datetime(value: Any) -> datetime | None:
    """A datetime, ISO 8601 string, date or epoch seconds -> aware UTC; anything else -> None."""
    try:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            parsed = value
        elif isinstance(value, date):
            parsed = datetime(value.year, value.month, value.day)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            parsed = datetime.fromtimestamp(float(value), tz=UTC)
        elif isinstance(value, str):
            text = value.strip()
            try:
                parsed = datetime.fromisoformat(text)
            except ValueError:
                import dateparser  # only for what ISO 8601 refused; English keeps it fast

                parsed = dateparser.parse(text, languages=["en"])
                if parsed is None:
                    return None
        else:
            return None
        parsed = as_utc(parsed)
    except (ValueError, TypeError, OverflowError, OSError):
        return None
    return parsed if _MIN_YEAR <= parsed.year <= _MAX_YEAR else None


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _clean_str(value: Any) -> str:
    """``str`` without NUL characters (PostgreSQL refuses them in text)."""
    text = str(value)
    return text.replace("\x00", "") if "\x00" in text else text


def _cut(value: Any, length: int) -> str | None:
    if value is None:
        return None
    text = _clean_str(value).strip()
    return text[:length] if text else None


class ReviewBase(SQLModel):
    """Fields a crawler supplies for a review."""

    source: str = Field(min_length=1, max_length=200)
    external_id: str | None = None
    url: str | None = None
    author: str | None = None
    rating: float | None = None
    rating_raw: float | None = None
    rating_scale: float | None = None
    title: str | None = None
    text: str = ""
    language: str | None = None
    referral_intent: str | None = None
    published_at: datetime | None = None
    extra: dict[str, Any] = Field(default_factory=dict)


_STRINGS = {"url": 2000, "author": 300, "title": 1000, "language": 20, "referral_intent": 20}
_NUMBERS = ("rating", "rating_raw", "rating_scale")


def _external_id(value: Any) -> str | None:
    if value is None:
        return None
    text = _clean_str(value).strip()
    if len(text) > 300:  # keep identity, fit the column
        return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()
    return text or None


_NO_EXTRA: dict[str, Any] = {}  # one shared (never mutated) empty dict, so bulk inserts convert it once


def _extra(value: Any) -> dict[str, Any]:
    if not value:
        return _NO_EXTRA
    if not isinstance(value, dict):
        value = {"value": value}
    safe: dict[str, Any] = json.loads(json.dumps(value, default=str))  # JSON-safe, or the insert fails later
    return safe  # (a dict dumped to JSON reads back as one)


def normalize_review_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """The cleaning rules of :class:`ReviewCreate`, as a plain (fast) function.

    Raises ``ValueError`` only for a row without a usable ``source``.
    """
    source = row.get("source")
    source = _clean_str(source).strip()[:200] if isinstance(source, str) else ""
    if not source:
        raise ValueError("source: missing or empty")
    text = row.get("text")
    clean: dict[str, Any] = {
        "source": source,
        "text": "" if text is None else _clean_str(text).strip(),
        "published_at": parse_datetime(row.get("published_at")),
        "extra": _extra(row.get("extra")),
    }
    for name, length in _STRINGS.items():
        clean[name] = _cut(row.get(name), length)
    for name in _NUMBERS:
        clean[name] = _number(row.get(name))
    clean["external_id"] = _external_id(row.get("external_id")) or content_id(source, clean["author"], clean["text"])
    clean.update(
        clean_reply(
            row, published_at=clean["published_at"], where=f"{source}/{clean['external_id']}",
            parse_date=parse_datetime,
        )
    )
    return clean


class ReviewCreate(ReviewBase):
    """One crawl row, cleaned for insertion (see the module docstring)."""

    @model_validator(mode="before")
    @classmethod
    def _clean(cls, data: Any) -> Any:
        return normalize_review_row(data) if isinstance(data, Mapping) else data
