"""Dates as published (ISO, RFC 2822, "3 March 2024", "vor 2 Tagen") -> aware UTC datetimes.

A numeric date such as ``05/03/2024`` is read in the day/month order of the
page's (or the review's) language (``crawlers.extract.date_order``): 5 March on a
``fr``, ``de`` or ``en-GB`` page, May 3 on an ``en-US`` one; without a known
language it is read as before (month first). A dotted one (``05.03.2024``) is day
first in any language: no locale writes it month first. ISO 8601 is never reordered
(``2024-13-05`` is no date). A date names its day, month and year: ``2024``, the week
``2024-W10`` or ``March 2024`` is no date, not a day made up from today ("3 days ago"
counts from now). A date with words around it ("Posted on March 5, 2024") is read where it is the
text's one date (:func:`crawlers.extract.date_text.search_text`).

A date with no time of day (``2024-03-05``, ``20240305``, ``2024-W10-2``, "March 5, 2024",
a ``date``) names a calendar day, not its first instant: it is read as noon of that day in the
team's timezone (``UMOT_TIMEZONE``), so the weekly CSVs and the overview, which
cut weeks there, put it on the day the page shows (at 00:00 UTC it was the
evening before anywhere west of UTC, and a Monday review fell in the week before).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from core.dates import implausible
from crawlers.extract.date_order import text_order
from crawlers.extract.date_text import aware, parse_text, relative_tail, search_text
from crawlers.extract.team_days import noon_of

#: ``extra`` key keeping a published date that was refused as one (as ``rating_raw`` keeps a rating).
PUBLISHED_RAW = "published_raw"


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
        return aware(value)
    if isinstance(value, date):
        return noon_of(value, day_at)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(float(value), tz=UTC)
    text = " ".join(str(value).split())
    if not text or len(text) > 100:
        return None
    order = text_order(text, language)
    parsed, day_only = parse_text(text, order)
    if parsed is None:  # words before a relative date ("Posted 3 days ago"), or around a date ("Posted on March 5, 2024")
        parsed, day_only = relative_tail(text, order)
    if parsed is None:
        parsed, day_only = search_text(text, order, language)
    return noon_of(parsed.date(), day_at) if parsed is not None and day_only else parsed


def named_day(value: object, language: str | None = None) -> date | None:
    """The calendar day a date as written names when it has no time of day (``2024-03-05``, ``3/5/2024``,
    "5. März 2024"), else None (a time, an epoch number, no date): what an imported row's id covers."""
    if not isinstance(value, str) or not (text := " ".join(value.split())) or len(text) > 100:
        return None
    try:
        parsed, day_only = parse_text(text, text_order(text, language))
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
