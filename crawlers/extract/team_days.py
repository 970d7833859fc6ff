"""A calendar day in the team's timezone (``UMOT_TIMEZONE``): a date published with no time of
day is stored as its noon there, so the weekly CSVs and the overview, which cut weeks there,
put it on the day the page shows."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, tzinfo
from functools import lru_cache


def team_zone() -> tzinfo:
    """The team's timezone (``UMOT_TIMEZONE``), whose weeks the CSVs cut.

    Asked once per day-only date: keyed by the variable's value, so the settings are read
    once per value (reading them costs ~20 us, a crawl or import reads thousands of dates).
    """
    return _zone_of(os.environ.get("UMOT_TIMEZONE"))


@lru_cache(maxsize=8)
def _zone_of(variable: str | None) -> tzinfo:
    from zoneinfo import ZoneInfo

    from core.settings import get_settings

    return ZoneInfo(get_settings().timezone)  # an unknown zone is a SettingsError there, naming the variable


def noon_of(day: date, at: time = time(12)) -> datetime:
    """Noon (or ``at``) of ``day`` in :func:`team_zone`, in UTC."""
    return datetime.combine(day, at, tzinfo=team_zone()).astimezone(UTC)


def same_day_as_stored(value: datetime | None, stored: datetime | None) -> bool:
    """Is ``value`` the date ``stored`` holds? Also when ``stored`` is the 00:00 UTC that umot stored a day
    with no time as before it read such a day as its noon (so a review stored then is recognised now)."""
    if value == stored:
        return True
    if value is None or stored is None or stored.astimezone(UTC).time() != time(0):
        return False
    return value.astimezone(team_zone()).date() == stored.astimezone(UTC).date()
