"""Dates as published (ISO, RFC 2822, "3 March 2024", "vor 2 Tagen") -> aware UTC datetimes.

A numeric date such as ``05/03/2024`` is read in the day/month order of the
page's (or the review's) language, from dateparser's locale data: 5 March on a
``fr``, ``de`` or ``en-GB`` page, May 3 on an ``en-US`` one; without a known
language it is read as before (month first). ISO 8601 is never reordered.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from core.dates import too_far_ahead

_DATEPARSER_SETTINGS = {
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DAY_OF_MONTH": "first",
}

#: ``extra`` key keeping a published date that was refused as one (as ``rating_raw`` keeps a rating).
PUBLISHED_RAW = "published_raw"


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


@lru_cache(maxsize=256)
def date_order(language: str | None) -> str | None:
    """``"DMY"``, ``"MDY"`` or ``"YMD"`` for a language tag (``fr``, ``en_GB``, ``pt-BR``); None if unknown."""
    parts = [p for p in re.split(r"[-_]", (language or "").strip()) if p]
    if not parts or not parts[0].isalpha():
        return None
    from dateparser.languages.loader import default_loader

    lang = parts[0].lower()
    region = [f"{lang}-{p.upper() if len(p) <= 3 else p.title()}" for p in parts[1:2]]
    for shortname in [*region, lang]:  # the region's order, else the language's
        try:
            order = default_loader.get_locale(shortname).info.get("date_order")
        except (ValueError, StopIteration, ImportError):
            continue
        if order:
            return str(order)
    return None


def date_language(declared: str | None, page: str | None) -> str | None:
    """Whose day/month order a review's dates follow: its declared language, else the page's.

    The page's wins when it only adds a region to the declared one (``inLanguage``
    ``en`` on an ``en-GB`` page), since the region is what decides the order.
    """
    if declared and page and re.split(r"[-_]", page)[0].lower() == declared.strip().lower():
        return page
    return declared or page


@lru_cache(maxsize=4096)
def _parse_text(text: str, order: str | None = None) -> datetime | None:
    try:
        return _aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    import dateparser  # slow to import, and only needed for non-ISO dates

    settings = {**_DATEPARSER_SETTINGS, "DATE_ORDER": order} if order else _DATEPARSER_SETTINGS
    parsed = dateparser.parse(text, settings=settings)
    return _aware(parsed) if parsed else None


def parse_datetime(value: object, language: str | None = None) -> datetime | None:
    """Aware UTC datetime from a date string, ``date``/``datetime`` or epoch seconds; None if unreadable.

    Naive values are taken as UTC (review pages rarely say otherwise); ``language``
    orders the day and month of a numeric date (see the module docstring).
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
    return _parse_text(text, date_order(language))


def iso_utc(value: object, language: str | None = None) -> str | None:
    """ISO 8601 UTC string (``2024-03-01T12:00:00+00:00``) or None."""
    parsed = parse_datetime(value, language)
    return parsed.isoformat() if parsed else None


def set_published(row: dict[str, Any], raw: object, language: str | None = None, now: datetime | None = None) -> bool:
    """Set ``row["published_at"]`` (ISO UTC or None) from the date as published; False if ``raw`` is no date.

    A date more than :data:`core.dates.FUTURE_SLACK` after ``now`` (the moment it is read)
    is a site's placeholder or a wrong clock, not when the review was written: it
    is taken as unknown, so the store dates the review when it first sees it (as
    an undated one, and the weekly export lists it the week it was read), and
    what the page said is kept in ``row["extra"]["published_raw"]``.
    """
    parsed = parse_datetime(raw, language) if raw not in (None, "") else None
    published = unless_future(row, parsed, raw, now)
    row["published_at"] = published.isoformat() if published else None
    return parsed is not None or raw in (None, "")


def unless_future(row: dict[str, Any], parsed: datetime | None, raw: object, now: datetime | None = None) -> datetime | None:
    """``parsed``, or None when it lies more than :data:`core.dates.FUTURE_SLACK` after ``now``: then ``raw`` is kept
    in ``row["extra"]["published_raw"]``. The one rule for every review row, crawled
    (:func:`set_published`, the platform parsers' ``make_review``) or imported."""
    if parsed is None or not too_far_ahead(parsed, now):
        return parsed
    row["extra"] = {**(row.get("extra") or {}), PUBLISHED_RAW: raw if isinstance(raw, (str, int, float)) else str(raw)}
    return None
