"""Two writers at once on PostgreSQL, in a fixed order: the first writes and holds its transaction until
the second waits on its lock, then commits. Shared by the tests of what two writers of one row do
(tests/models/test_flag_locks.py, tests/models/test_journeys_concurrent.py; their ``pg_engine`` is
tests/models/conftest.py's)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlmodel import Session

from models.db import session_scope


def waiting_on_a_lock(engine: Engine) -> bool:
    """Is a session of this database waiting on a lock?"""
    with engine.connect() as conn:
        return bool(conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                      "AND wait_event_type = 'Lock'")).scalar())


def race(engine: Engine, first: Callable[[Session], object], second: Callable[[Session], object]) -> list[str]:
    """``first`` writes and holds its transaction until ``second`` waits on it (or 10 s), then commits;
    the errors either raised, the second never waiting for the first among them (no lock was taken)."""
    written, errors = threading.Event(), []

    def one() -> None:
        try:
            with session_scope(engine) as session:
                first(session)
                session.flush()
                written.set()
                deadline = time.monotonic() + 10
                while not waiting_on_a_lock(engine) and time.monotonic() < deadline:
                    time.sleep(0.05)
                assert waiting_on_a_lock(engine), "the second writer never waited for the first"
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(f"first: {type(exc).__name__}: {exc}")
        finally:
            written.set()

    def two() -> None:
        written.wait(30)
        try:
            with session_scope(engine) as session:
                second(session)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(f"second: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=one), threading.Thread(target=two)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return errors
