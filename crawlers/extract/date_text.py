"""A date as written, read into an instant and whether it names only a day (``crawlers.extract.dates``).

ISO 8601 is read by Python (every form of a day without a time, ``20240305`` and
``2024-W10-2`` included, is a day; a week such as ``2024-W10`` is no date), anything else
by dateparser, which must find a day, a month and a year: never a day made up from today.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from functools import lru_cache

from core.dates import iso_shaped_non_day

_DATEPARSER_SETTINGS = {
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": True,
    # never made up from today; and no PREFER_DAY_OF_MONTH: "first" put "a month ago" on the 1st
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def aware(value: datetime) -> datetime:
    """``value`` in UTC; a naive one is taken as UTC (review pages rarely say otherwise)."""
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
def parse_text(text: str, order: str | None = None) -> tuple[datetime | None, bool]:
    """(the instant, whether the text names only a day: see :func:`crawlers.extract.team_days.noon_of`);
    ``order``: the day/month order of a numeric date (``DMY``...), else dateparser's default."""
    try:
        instant = aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
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
    return aware(parsed), midnight and not _TIME_OF_DAY.search(text)
