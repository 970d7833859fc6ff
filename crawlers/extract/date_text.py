"""A date as written, read into an instant and whether it names only a day (``crawlers.extract.dates``).

ISO 8601 is read by Python (every form of a day without a time, ``20240305`` and
``2024-W10-2`` included, is a day; a week such as ``2024-W10`` is no date), anything else
by dateparser, which must find a day, a month and a year: never a day made up from today.
A date with words around it ("Posted on March 5, 2024") is searched for (:func:`search_text`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from functools import lru_cache

from core.dates import iso_shaped_non_day
from core.language import normalise_language

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
_NUMERIC_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
#: What a text must hold to be searched for a date: a numeric date or a year ("vor 2 Tagen" is read whole or not at all).
_SEARCHABLE = re.compile(rf"{_NUMERIC_DATE}|(?<!\d)\d{{4}}(?!\d)")
#: A found date whose day stands by its month and its year after them ("12 March 2024", "5. März 2024", "5 de marzo
#: de 2024", "March 5, 2024") or a numeric one: search_dates also joins a number across a comma ("family of 4,
#: March 2024" read 4 March, "March 2024, 2 nights" 2 March).
#: A relative date ending the text ("Posted 3 days ago", "Bewertet vor 2 Jahren"): read from now, so never cached.
_RELATIVE_TAIL = re.compile(r"(?:\b(?:\d+|an?|one)\s+[^\W\d_]+\s+ago|\b(?:vor|hace|il y a|há|fa)\s+(?:\d+|einem|einer|"
                            r"un|una|une|um|uma)\s+[^\W\d_]+)\W*$", re.I)
_DAY_BY_MONTH = re.compile(
    rf"{_NUMERIC_DATE}|(?<![\d,])\b\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?[^\W\d_]{{3,}}\.?,?\s+(?:de\s+)?\d{{4}}"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}", re.I)


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

    return _read(text, dateparser.parse(text, settings=_settings(order)))


def relative_tail(text: str, order: str | None = None) -> tuple[datetime | None, bool]:
    """:func:`parse_text` of a relative date that ends ``text`` after other words ("Posted 3 days ago",
    "Reviewed 2 years ago"); (None, False) where the text ends in none."""
    found = _RELATIVE_TAIL.search(text)
    return parse_text(found.group(0).rstrip(" .!)"), order) if found and found.start() else (None, False)


@lru_cache(maxsize=1024)
def search_text(text: str, order: str | None = None, language: str | None = None) -> tuple[datetime | None, bool]:
    """:func:`parse_text` of the one date in a text with words around it ("Posted on March 5, 2024", "Publié le
    5 mars 2024"), for a text :func:`parse_text` could not read; (None, False) where there is no date or more
    than one ("from 5 March 2024 to 7 March 2024"), or it is an ISO date with no such day (``2024-13-05``).

    Not what an imported row's id covers (``named_day`` keeps the whole text): ids imports gave stay. A search
    costs a few parses, so only a text with a year or a numeric date is searched ("3 days ago", different on
    every review, is not), and in one language (``language``, a tag; else English): searching every language
    took 60 ms to 3 s a text. The date found must write its day by its month (:data:`_DAY_BY_MONTH`).
    """
    if not _SEARCHABLE.search(text):
        return None, False
    from dateparser.search import search_dates

    try:
        found = search_dates(text, languages=[normalise_language(language) or "en"], settings=_settings(order))
    except ValueError:  # a language dateparser does not know
        return None, False
    if not found or len(found) != 1:
        return None, False
    written, parsed = found[0]
    if not _DAY_BY_MONTH.search(written) or any(iso_shaped_non_day(word) for word in written.split()):
        return None, False
    return _read(written, parsed)


def _settings(order: str | None) -> dict[str, object]:
    return {**_DATEPARSER_SETTINGS, "DATE_ORDER": order} if order else _DATEPARSER_SETTINGS


def _read(text: str, parsed: datetime | None) -> tuple[datetime | None, bool]:
    """dateparser's reading of ``text``: the instant, and whether it is a day (no time of day written)."""
    if parsed is None:
        return None, False
    midnight = (parsed.hour, parsed.minute, parsed.second, parsed.microsecond) == (0, 0, 0, 0)
    return aware(parsed), midnight and not _TIME_OF_DAY.search(text)
