"""When a date read off a page or a file cannot be when a review or a reply was written.

A review dated next year is a site's placeholder or a wrong clock, one dated 1950
a placeholder or a parsing slip: neither is when it was written. Crawled and
imported review dates (``crawlers.extract.dates.unless_implausible``), reply
dates (``models.replies.clean_reply``) and the store (``models.datetimes``) use
this one rule.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

#: How far past the moment it is read a date may lie and still be one: time zones run to UTC+14,
#: and a day with no time of day is read as its noon (``crawlers.extract.dates``).
FUTURE_SLACK = timedelta(hours=36)
#: The first year a review may be from: before the web's review sites, a date is a placeholder.
FIRST_YEAR = 1990


def implausible(when: datetime, now: datetime | None = None) -> str | None:
    """Why the aware datetime ``when`` cannot be a review's or reply's date ("in the future",
    "before 1990"); None when it can."""
    if when.year < FIRST_YEAR:
        return f"before {FIRST_YEAR}"
    if when > (now or datetime.now(UTC)) + FUTURE_SLACK:
        return "in the future"
    return None


def reply_hours(published: datetime, replied: datetime) -> float:
    """Hours from a review to its reply, never below 0: a reply may be timed earlier on the day of a
    review dated by its day only (stored as its noon), which ``models.replies.clean_reply`` keeps."""
    return max(0.0, (replied - published).total_seconds() / 3600)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_shaped_non_day(text: str) -> bool:
    """Does ``text`` start like an ISO 8601 date with no calendar day behind it (``2024-13-05``)? Such a
    text is no date: a lenient parser reordered it (13 May), and ISO 8601 is never reordered."""
    if not _ISO_DAY.match(text):
        return False
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return True
    return False
