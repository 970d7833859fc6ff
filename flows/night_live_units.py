"""A night refuses while another night's fanned-out units still run: they outlive their night's lock.

A fanned-out night's crawl and score units (docs/scaling.md) run under their
parent's lock and take none; cancelling the night, or killing its process,
releases the lock while its units go on crawling. So a night, once it holds the
lock (:mod:`flows.night_lock`), also looks at the units in the store: kept
apart from the lock, which knows nothing of units.
"""

from __future__ import annotations

from flows.night_lock import NightRunning


def refuse_live_units(night: str, lease_seconds: float) -> None:
    """Raise :class:`NightRunning` while a unit of another night is running and beat within ``lease_seconds``
    (nights sharing a store should share their lease: another night's units are judged by this one's); else mark
    that night's units no worker holds abandoned, so a queued one does not start beside this night later. Called
    under the lock, before the night is recorded, so a refused night leaves nothing behind."""
    from datetime import UTC, datetime

    from models.crud.shards import abandon_units, live_units
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        units = live_units(session, other_than=night, lease_seconds=lease_seconds)
        if not units:
            abandon_units(session, other_than=night, lease_seconds=lease_seconds)
            return
        unit, beat = units[0], units[0].heartbeat_at or datetime.now(UTC)  # live_units: a fresh heartbeat
    age = (datetime.now(UTC) - (beat if beat.tzinfo else beat.replace(tzinfo=UTC))).total_seconds()
    more = f" and {len(units) - 1} more" if len(units) > 1 else ""
    raise NightRunning(f"another night's units are still running ({unit.kind} unit {unit.shard} on {unit.worker}, "
                       f"last beat {max(age, 0):.0f} s ago{more}): wait for them, or cancel their flow runs")
