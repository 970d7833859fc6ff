"""Failed logins per account and per client address: slow down, then lock (#15).

The counts live in the store (``loginthrottle``), not in a process, so every
web worker of an install sees the same lock. A key is ``account:<email>``
(unknown emails too, so a lock says nothing about who exists) or
``address:<ip>``. A locked key refuses every attempt, the right password
included, until ``locked_until``.

Checking a key and counting its failure are two steps with a password check
between them. On PostgreSQL an attempt first takes a lock on each of its keys
(:func:`take_turns`), held until its transaction ends, so parallel attempts on
one key are checked and counted one at a time: each sees the failures before it,
and no burst of guesses is checked before the first ones are counted. An attempt
waiting for its turn holds no database connection (it asks again every 50 ms),
and gives up after a short patience: a burst cannot take the connection pool
from the rest of the app. SQLite needs none: a writing scope holds the whole
database (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import case, delete, func, or_, select, text, update
from sqlmodel import Session, col

from models.crud._dialect import advisory_key, dialect_name, insert_for
from models.tables import LoginThrottle, table_of

THROTTLE_TABLE = table_of(LoginThrottle)


@dataclass(frozen=True)
class ThrottlePolicy:
    """How long a key waits after its n-th failure in a row."""

    slow_from: int  # this failure and the next ones wait 1, 2, 4, ... seconds
    lock_at: int  # this failure and the next ones lock for lock_seconds
    lock_seconds: int
    window_seconds: int  # failures older than this are forgotten

    def wait_after(self, failures: int) -> int:
        if failures < self.slow_from:
            return 0
        if failures >= self.lock_at:
            return self.lock_seconds
        return min(1 << (failures - self.slow_from), self.lock_seconds)


# One person mistyping: 2 free tries, then 1-64 s waits, locked 15 min at the 10th failure.
ACCOUNT_POLICY = ThrottlePolicy(slow_from=3, lock_at=10, lock_seconds=900, window_seconds=3600)
# One address (an office behind one NAT has several people): 3x the account's room.
ADDRESS_POLICY = ThrottlePolicy(slow_from=10, lock_at=30, lock_seconds=900, window_seconds=3600)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _lock_id(key: str) -> int:
    """A key's PostgreSQL advisory lock: a signed 64-bit number, the same in every process."""
    return advisory_key(f"umot login throttle {key}")


def take_turns(session: Session, keys: list[str], *, patience: float = 2.0) -> bool:
    """Take this attempt's turn on each of ``keys``, kept until the transaction ends; False when another
    attempt still held one after ``patience`` seconds (refuse this one: busy).

    PostgreSQL advisory locks, tried without waiting (``pg_try_advisory_xact_lock``): when one is taken, the
    transaction rolls back, which lets go of those this attempt took and of its connection, and it asks
    again 50 ms later. So a burst of attempts on one key sleeps outside the connection pool instead of
    holding every connection while the one before it is checked. SQLite: nothing to do (True). Call it
    first in the transaction: the rollback would throw away anything written before it.
    """
    if dialect_name(session) != "postgresql":
        return True
    lock_ids = sorted({_lock_id(key) for key in keys})
    deadline = time.monotonic() + patience
    while True:
        if all(session.execute(text("SELECT pg_try_advisory_xact_lock(:id)"), {"id": lock_id}).scalar()
               for lock_id in lock_ids):
            return True
        session.rollback()
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def lock_remaining(session: Session, keys: list[str], now: datetime) -> int:
    """Seconds until every key in ``keys`` may try again (0: none is locked)."""
    until = session.execute(
        select(func.max(LoginThrottle.locked_until)).where(
            col(LoginThrottle.key).in_(keys), col(LoginThrottle.locked_until) > now
        )
    ).scalar()
    return math.ceil((_aware(until) - now).total_seconds()) if until is not None else 0


def record_failure(session: Session, policies: Mapping[str, ThrottlePolicy], now: datetime) -> int:
    """Count one failure on each key (with its policy); the longest wait it starts, in seconds."""
    table = THROTTLE_TABLE
    longest = 0
    for key, policy in policies.items():
        stale = table.c.last_failure_at < now - timedelta(seconds=policy.window_seconds)
        stmt = insert_for(session, table).values(key=key, failures=1, last_failure_at=now, locked_until=None)
        stmt = stmt.on_conflict_do_update(
            index_elements=["key"],
            set_={"failures": case((stale, 1), else_=table.c.failures + 1), "last_failure_at": now},
        ).returning(table.c.failures)
        failures = session.execute(stmt).scalar_one()
        wait = policy.wait_after(failures)
        if wait:
            session.execute(
                update(table).where(table.c.key == key).values(locked_until=now + timedelta(seconds=wait))
            )
        longest = max(longest, wait)
    return longest


def clear_failures(session: Session, key: str, now: datetime, *, keep_seconds: int = 3600) -> None:
    """Forget ``key``'s failures (a good login), and any key quiet for ``keep_seconds``."""
    table = THROTTLE_TABLE
    session.execute(delete(table).where(table.c.key == key))
    quiet = table.c.last_failure_at < now - timedelta(seconds=keep_seconds)
    session.execute(delete(table).where(quiet, or_(table.c.locked_until.is_(None), table.c.locked_until < now)))
