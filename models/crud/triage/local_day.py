"""The day a stored time falls on in a timezone, in SQL: the queue orders by the export timezone's days.

Times are stored in UTC (SQLite: as text without an offset), so SQL's ``date()`` gives the UTC
day: a team in Los Angeles saw an evening's reviews sorted among the next day's, though each row
shows its local date. PostgreSQL converts with its own time zone database; SQLite has none, so
there the day is worked out by Python's (the zone's rules as ``zoneinfo`` knows them), through a
function registered on the query's connection.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any

from sqlalchemy import Interval, cast, func, literal
from sqlmodel import Session

from models.crud._dialect import dialect_name
from models.datetimes import as_utc

SQLITE_LOCAL_DAY = "umot_local_day"
_UTC_NAMES = ("UTC", "Etc/UTC")


def _day_in(zone: tzinfo, stamp: Any) -> str | None:
    """SQLite's stored time (text) as the ISO date it falls on in ``zone``."""
    if stamp is None:
        return None
    try:
        when = stamp if isinstance(stamp, datetime) else datetime.fromisoformat(str(stamp))
    except ValueError:  # not a time SQLAlchemy wrote: its first ten characters
        return str(stamp)[:10]
    try:
        return as_utc(when).astimezone(zone).date().isoformat()
    except OverflowError:  # a zone's offset past year 1 or 9999: the day as stored
        return when.date().isoformat()


def _register(session: Session, zone: tzinfo) -> None:
    """Make :data:`SQLITE_LOCAL_DAY` give ``zone``'s days on the session's connection; once per connection
    and zone (noted in the pool's record of it): SQLite refuses to replace a function mid-statement."""
    pooled = session.connection().connection
    if pooled.info.get(SQLITE_LOCAL_DAY) == zone:
        return
    if pooled.dbapi_connection is None:
        raise RuntimeError("no SQLite connection to register the local day on")
    pooled.dbapi_connection.create_function(SQLITE_LOCAL_DAY, 1, lambda v: _day_in(zone, v), deterministic=True)
    pooled.info[SQLITE_LOCAL_DAY] = zone


def local_day(session: Session, stamp: Any, zone: tzinfo) -> Any:
    """SQL: the day ``stamp`` (a stored UTC time) falls on in ``zone``; a zone without an IANA name
    must have one fixed offset (``datetime.timezone``)."""
    key = getattr(zone, "key", None)
    if zone is UTC or key in _UTC_NAMES:
        return func.date(stamp)
    if dialect_name(session) == "sqlite":
        _register(session, zone)
        return getattr(func, SQLITE_LOCAL_DAY)(stamp)
    # PostgreSQL (timestamptz): its wall clock in the zone, named or as an interval (a fixed offset, east +;
    # in seconds: a negative timedelta is sent as "-1 days +17:00", which a time zone must not hold)
    offset = zone.utcoffset(None)
    if key is not None:
        shift: Any = key
    elif offset is not None:
        shift = cast(literal(f"{offset.total_seconds()} seconds"), Interval)
    else:
        raise ValueError(f"timezone {zone!r}: give an IANA name or a fixed offset")
    return func.date(func.timezone(shift, stamp))
