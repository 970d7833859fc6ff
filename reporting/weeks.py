"""ISO weeks and their boundaries in a chosen timezone.

A week runs Monday 00:00 to the next Monday 00:00 in the export timezone (UTC
unless ``UMOT_TIMEZONE`` or ``--timezone`` says otherwise), so a review at
Sunday 23:59 belongs to the week that ends that Sunday and one at Monday 00:00
to the next. The store keeps timezone-aware UTC datetimes, so bounds come back
as aware UTC datetimes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_WEEK_RE = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
# A year of margin on each side of what ``date`` holds: an export also reads the 11 weeks
# before its week (the chart) and a week's bounds move by the timezone's offset.
FIRST_YEAR, LAST_YEAR = MINYEAR + 1, MAXYEAR - 1


class WeekError(ValueError):
    """A week or timezone the user gave cannot be understood."""


@dataclass(frozen=True, order=True)
class IsoWeek:
    """One ISO 8601 week, e.g. ``IsoWeek(2026, 47)`` printed as ``2026-W47``."""

    year: int
    week: int

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"  # 4 digits, as parse_week reads it back

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    def shift(self, weeks: int) -> IsoWeek:
        """The week ``weeks`` later (negative: earlier); :class:`WeekError` past the calendar's ends."""
        try:
            return IsoWeek.of(self.monday + timedelta(weeks=weeks))
        except OverflowError:
            raise WeekError(f"{weeks:+d} weeks from {self} is out of range") from None

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) of the week in ``tz`` (Monday 00:00 to Monday 00:00), in UTC."""
        try:
            start = datetime.combine(self.monday, time(0), tzinfo=tz)
            end = datetime.combine(self.monday + timedelta(days=7), time(0), tzinfo=tz)
            return start.astimezone(UTC), end.astimezone(UTC)
        except OverflowError:
            raise WeekError(f"week {self} is out of range") from None


def parse_week(text: str) -> IsoWeek:
    """Parse ``2026-W47`` (also ``2026W47``, ``2026-w7``); raise :class:`WeekError`."""
    match = _WEEK_RE.match(text.strip())
    if not match:
        raise WeekError(f"week {text!r} is not an ISO week like 2026-W47")
    year, week = int(match[1]), int(match[2])
    if not FIRST_YEAR <= year <= LAST_YEAR:  # its bounds or the weeks before it would not fit a date
        raise WeekError(f"week {text!r} is out of range (years {FIRST_YEAR:04d} to {LAST_YEAR} only)")
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        raise WeekError(f"week {text!r} does not exist ({year} has no week {week})") from None
    return IsoWeek(year, week)


def resolve_timezone(name: str | None = None) -> ZoneInfo:
    """``name``, else ``UMOT_TIMEZONE``, else UTC; raise :class:`WeekError` if unknown."""
    if not name:
        from core.settings import get_settings

        name = get_settings().timezone
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise WeekError(f"unknown timezone {name!r} (use an IANA name such as Europe/Berlin)") from None


def last_complete_week(tz: ZoneInfo, now: datetime | None = None) -> IsoWeek:
    """The ISO week before the one ``now`` falls in (in ``tz``): the default export week."""
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return IsoWeek.of(now.astimezone(tz).date()).shift(-1)
