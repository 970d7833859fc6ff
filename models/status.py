"""The statuses a flag and a crawl run can have: one StrEnum each, stored as their values.

Members are named as their stored values (``FlagStatus.in_progress == "in_progress"``):
a StrEnum compares and serialises as its value, and a driver that writes an enum by
its name (psycopg does) still writes the same text.
"""

from __future__ import annotations

from enum import StrEnum


class FlagStatus(StrEnum):
    """Where a flagged detractor is in triage."""

    new = "new"
    in_progress = "in_progress"
    responded = "responded"
    resolved = "resolved"
    dismissed = "dismissed"  # triaged as "not a detractor": counted nowhere


#: Statuses still waiting for someone (the queue's "open" tab).
OPEN_FLAG_STATUSES: tuple[FlagStatus, ...] = (FlagStatus.new, FlagStatus.in_progress, FlagStatus.responded)
#: Statuses a reply at the source answers (they move to ``responded``).
ANSWERABLE_FLAG_STATUSES: tuple[FlagStatus, ...] = (FlagStatus.new, FlagStatus.in_progress)


class CrawlStatus(StrEnum):
    """A crawl run's outcome, as its row and the crawl's stats file hold it."""

    running = "running"
    ok = "ok"
    failed = "failed"
