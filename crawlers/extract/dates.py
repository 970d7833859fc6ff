"""Dates as published (ISO, RFC 2822, "3 March 2024", "vor 2 Tagen") -> aware UTC datetimes.

A numeric date such as ``05/03/2024`` is read in the day/month order of the
page's (or the review's) language (``crawlers.extract.date_order``): 5 March on a
``fr``, ``de`` or ``en-GB`` page, May 3 on an ``en-US`` one; without a known
language it is read as before (month first). ISO 8601 is never reordered
(``2024-13-05`` is no date). A date names its day, month and year: ``2024``, the week
``2024-W10`` or ``March 2024`` is no date, not a day made up from today ("3 days ago"
counts from now).

A date with no time of day (``2024-03-05``, ``20240305``, ``2024-W10-2``, "March 5, 2024",
a ``date``) names a calendar day, not its first instant: it is read as noon of that day in the
team's timezone (``UMOT_TIMEZONE``), so the weekly CSVs and the overview, which
cut weeks there, put it on the day the page shows (at 00:00 UTC it was the
evening before anywhere west of UTC, and a Monday review fell in the week before).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from functools import lru_cache
from typing import Any

from core.dates import implausible, iso_shaped_non_day
from crawlers.extract.date_order import date_order
from crawlers.extract.team_days import noon_of

_DATEPARSER_SETTINGS = {
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": True,
    # never made up from today; and no PREFER_DAY_OF_MONTH: "first" put "a month ago" on the 1st
    "REQUIRE_PARTS": ["day", "month", "year"],
}

#: ``extra`` key keeping a published date that was refused as one (as ``rating_raw`` keeps a rating).
PUBLISHED_RAW = "published_raw"


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


#: A time of day in a date as written ("10:30", "10h30", "3 pm", "T09"): without one, a date is a day.
_TIME_OF_DAY = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}|\d\s*[ap]\.?m\b|(?-i:\dT\d)", re.IGNORECASE)  # not 23.11.2026, Oct2026
#: A zone after an ISO date with no time (``2024-03-05Z``): Python would read ``+01:00`` as a time.
_DAY_ZONE = re.compile(r"(?:Z|[+-]\d{2}(?::?\d{2})?)$")
_ISO_WEEK = re.compile(r"\d{4}-?W\d{2}")  # 2024-W10: a week, no day


def _iso_day(text: str) -> date | None:
    """The day an ISO date with no time part names (``2024-03-05``, ``20240305``, ``2024-W10-2``,
    ``2024-03-05Z``), else None: such a date is a day, not its first instant in UTC."""
    for candidate in (text, _DAY_ZONE.sub("", text)):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


@lru_cache(maxsize=4096)
def _parse_text(text: str, order: str | None = None) -> tuple[datetime | None, bool]:
    """(the instant, whether the text names only a day: see :func:`crawlers.extract.team_days.noon_of`)."""
    try:
        instant = _aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        if iso_shaped_non_day(text):
            return None, False  # 2024-13-05: dateparser would read it as 13 May
    else:
        if _ISO_WEEK.fullmatch(text):
            return None, False  # names no day: Python reads it as the week's Monday
        day = _iso_day(text)
        return (instant, False) if day is None else (datetime.combine(day, time(0), tzinfo=UTC), True)
    import dateparser  # slow to import, and only needed for non-ISO dates

    settings = {**_DATEPARSER_SETTINGS, "DATE_ORDER": order} if order else _DATEPARSER_SETTINGS
    parsed = dateparser.parse(text, settings=settings)
    if parsed is None:
        return None, False
    midnight = (parsed.hour, parsed.minute, parsed.second, parsed.microsecond) == (0, 0, 0, 0)
    return _aware(parsed), midnight and not _TIME_OF_DAY.search(text)


def parse_datetime(value: object, language: str | None = None, *, day_at: time = time(12)) -> datetime | None:
    """Aware UTC datetime from a date string, ``date``/``datetime`` or epoch seconds; None if unreadable.

    Naive values are taken as UTC (review pages rarely say otherwise); ``language``
    orders the day and month of a numeric date; a day with no time is noon of it
    in ``UMOT_TIMEZONE`` (see the module docstring), or ``day_at`` (``time(0)``
    for a bound such as ``--since 2024-03-05``: from the start of that day). A date at
    the calendar's edge that UTC cannot hold (``0001-01-01T00:00+05:00``) is unreadable.
    """
    try:
        return _parse(value, language, day_at)
    except (OverflowError, OSError, ValueError):  # out of datetime's range once moved to UTC
        return None


def _parse(value: object, language: str | None, day_at: time) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return noon_of(value, day_at)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(float(value), tz=UTC)
    text = " ".join(str(value).split())
    if not text or len(text) > 100:
        return None
    parsed, day_only = _parse_text(text, date_order(language))
    return noon_of(parsed.date(), day_at) if parsed is not None and day_only else parsed


def named_day(value: object, language: str | None = None) -> date | None:
    """The calendar day a date as written names when it has no time of day (``2024-03-05``, ``3/5/2024``,
    "5. März 2024"), else None (a time, an epoch number, no date): what an imported row's id covers."""
    if not isinstance(value, str) or not (text := " ".join(value.split())) or len(text) > 100:
        return None
    try:
        parsed, day_only = _parse_text(text, date_order(language))
    except (OverflowError, OSError, ValueError):
        return None
    return parsed.date() if parsed is not None and day_only else None


def iso_utc(value: object, language: str | None = None) -> str | None:
    """ISO 8601 UTC string (``2024-03-01T12:00:00+00:00``) or None."""
    parsed = parse_datetime(value, language)
    return parsed.isoformat() if parsed else None


def set_published(row: dict[str, Any], raw: object, language: str | None = None, now: datetime | None = None) -> bool:
    """Set ``row["published_at"]`` (ISO UTC or None) from the date as published; False if ``raw`` is no date.

    A date more than :data:`core.dates.FUTURE_SLACK` after ``now`` (the moment it is read)
    or before 1990 is a site's placeholder or a wrong clock, not when the review was written:
    it is taken as unknown, so the store dates the review when it first sees it (as
    an undated one, and the weekly export lists it the week it was read), and
    what the page said is kept in ``row["extra"]["published_raw"]``.
    """
    parsed = parse_datetime(raw, language) if raw not in (None, "") else None
    published = unless_implausible(row, parsed, raw, now)
    row["published_at"] = published.isoformat() if published else None
    return parsed is not None or raw in (None, "")


def unless_implausible(row: dict[str, Any], parsed: datetime | None, raw: object,
                       now: datetime | None = None) -> datetime | None:
    """``parsed``, or None when it cannot be a review's date (:func:`core.dates.implausible`: more than
    :data:`core.dates.FUTURE_SLACK` after ``now``, or before 1990): then ``raw`` is kept in
    ``row["extra"]["published_raw"]``. The one rule for every review row, crawled
    (:func:`set_published`, the platform parsers' ``make_review``) or imported."""
    if parsed is None or implausible(parsed, now) is None:
        return parsed
    row["extra"] = {**(row.get("extra") or {}), PUBLISHED_RAW: raw if isinstance(raw, (str, int, float)) else str(raw)}
    return None
