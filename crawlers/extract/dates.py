"""Dates as published (ISO, RFC 2822, "3 March 2024", "vor 2 Tagen") -> aware UTC datetimes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

_DATEPARSER_SETTINGS = {
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DAY_OF_MONTH": "first",
}


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


@lru_cache(maxsize=4096)
def _parse_text(text: str) -> datetime | None:
    try:
        return _aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    import dateparser  # slow to import, and only needed for non-ISO dates

    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    return _aware(parsed) if parsed else None


def parse_datetime(value: object) -> datetime | None:
    """Aware UTC datetime from a date string, ``date``/``datetime`` or epoch seconds; None if unreadable.

    Naive values are taken as UTC (review pages rarely say otherwise).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(float(value), tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    text = " ".join(str(value).split())
    if not text or len(text) > 100:
        return None
    return _parse_text(text)


def iso_utc(value: object) -> str | None:
    """ISO 8601 UTC string (``2024-03-01T12:00:00+00:00``) or None."""
    parsed = parse_datetime(value)
    return parsed.isoformat() if parsed else None
