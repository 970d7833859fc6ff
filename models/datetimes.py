"""Times as the store keeps them: aware UTC, whatever form a site or a caller gave.

Every timestamp column holds aware UTC datetimes, so the store's queries compare
like with like on SQLite and PostgreSQL alike. :func:`as_utc` makes a datetime
so; :func:`parse_datetime` reads what crawl rows carry and drops what it cannot
read (or a year no review has) rather than stop a crawl.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from core.dates import FIRST_YEAR, iso_shaped_non_day

_MAX_YEAR = 2200  # the first: core.dates.FIRST_YEAR


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
                if iso_shaped_non_day(text):
                    return None
                import dateparser  # only for what ISO 8601 refused; English keeps it fast

                # a day, month and year, or no date: "2024" was today's day and month of 2024
                parsed = dateparser.parse(text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
                if parsed is None:
                    return None
        else:
            return None
        parsed = as_utc(parsed)
    except (ValueError, TypeError, OverflowError, OSError):
        return None
    return parsed if FIRST_YEAR <= parsed.year <= _MAX_YEAR else None

