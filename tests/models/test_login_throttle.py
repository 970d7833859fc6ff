"""The login throttle's counts in the store, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.crud.triage import ThrottlePolicy, clear_failures, lock_remaining, record_failure
from models.db import init_db, session_scope

POLICY = ThrottlePolicy(slow_from=2, lock_at=4, lock_seconds=600, window_seconds=3600)
T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'umot.db'}"
    return request.getfixturevalue("pg_database")


def test_failures_count_lock_and_clear(url: str) -> None:
    engine = init_db(url)
    keys = {"account:ana@acme.example": POLICY}
    waits = []
    for i in range(5):
        with session_scope(engine) as s:
            waits.append(record_failure(s, keys, T0 + timedelta(seconds=i)))
    assert waits == [0, 1, 2, 600, 600]
    with session_scope(engine) as s:
        assert lock_remaining(s, ["account:ana@acme.example", "address:1.2.3.4"], T0 + timedelta(seconds=4)) == 600
        assert lock_remaining(s, ["account:ana@acme.example"], T0 + timedelta(seconds=605)) == 0
        assert lock_remaining(s, ["address:1.2.3.4"], T0) == 0
    with session_scope(engine) as s:  # a failure after the window starts the count again
        assert record_failure(s, keys, T0 + timedelta(hours=2)) == 0
    with session_scope(engine) as s:
        record_failure(s, keys, T0 + timedelta(hours=2, seconds=1))
        clear_failures(s, "account:ana@acme.example", T0 + timedelta(hours=2, seconds=2))
    with session_scope(engine) as s:
        assert record_failure(s, keys, T0 + timedelta(hours=2, seconds=3)) == 0


@pytest.mark.postgres
@pytest.mark.timeout(60)
def test_an_attempt_waits_until_the_one_before_is_counted(pg_database: str) -> None:
    """PostgreSQL: an attempt that takes its turn on a key it shares with one being checked waits for that one's
    count, then sees its lock; it waits without holding a connection of the pool; an attempt on other keys does
    not wait."""
    import threading

    from models.crud.triage import take_turns

    engine = init_db(pg_database)
    keys = {"account:ana@acme.example": ThrottlePolicy(slow_from=1, lock_at=1, lock_seconds=600, window_seconds=3600)}
    seen: list[int] = []
    started = threading.Event()

    def second() -> None:
        with session_scope(engine) as s:
            started.set()
            assert take_turns(s, ["address:5.6.7.8", "account:ana@acme.example"], patience=30)
            seen.append(lock_remaining(s, list(keys), T0))

    with session_scope(engine) as first:
        assert take_turns(first, list(keys))
        assert lock_remaining(first, list(keys), T0) == 0  # the first attempt goes ahead
        with session_scope(engine) as other:  # other keys: no wait
            assert take_turns(other, ["account:bob@acme.example", "address:5.6.7.8"], patience=0)
        waiting = threading.Thread(target=second)
        waiting.start()
        started.wait(10)
        held = []
        for _ in range(20):  # the second sleeps between its tries with no connection checked out
            threading.Event().wait(0.02)
            held.append(engine.pool.checkedout())  # type: ignore[attr-defined]
        assert seen == []
        assert min(held) == 1  # the first attempt's connection only
        record_failure(first, keys, T0)  # the first attempt's password was wrong
    waiting.join(30)
    assert seen == [600]  # it saw the lock the first one's failure started


@pytest.mark.postgres
@pytest.mark.timeout(60)
def test_an_attempt_gives_up_after_its_patience(pg_database: str) -> None:
    """PostgreSQL: an attempt still waiting for its turn after ``patience`` seconds is told to give up, and holds
    none of its keys (another attempt on its other key goes ahead)."""
    import time

    from models.crud.triage import take_turns

    engine = init_db(pg_database)
    with session_scope(engine) as first:
        assert take_turns(first, ["account:ana@acme.example"])
        with session_scope(engine) as second:
            began = time.monotonic()
            assert not take_turns(second, ["account:ana@acme.example", "address:5.6.7.8"], patience=0.3)
            assert 0.3 <= time.monotonic() - began < 5
        with session_scope(engine) as third:
            assert take_turns(third, ["address:5.6.7.8"], patience=0)


def test_taking_turns_sends_nothing_to_sqlite(tmp_path: Path) -> None:
    from models.crud.triage import take_turns

    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    with session_scope(engine) as s:
        assert take_turns(s, ["account:ana@acme.example"])
        assert lock_remaining(s, ["account:ana@acme.example"], T0) == 0
