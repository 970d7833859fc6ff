"""When a date read off a page or a file lies too far ahead to be one.

A review or a reply dated next year is a site's placeholder or a wrong clock,
not when it was written. Crawled and imported review dates
(``crawlers.extract.dates.unless_future``) and reply dates
(``models.replies.clean_reply``) use this one rule.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

#: How far past the moment it is read a date may lie and still be one: time zones run to UTC+14,
#: and a day with no time of day is read as its noon (``crawlers.extract.dates``).
FUTURE_SLACK = timedelta(hours=36)


def too_far_ahead(when: datetime, now: datetime | None = None) -> bool:
    """True when the aware datetime ``when`` lies more than :data:`FUTURE_SLACK` after ``now`` (default: now)."""
    return when > (now or datetime.now(UTC)) + FUTURE_SLACK
