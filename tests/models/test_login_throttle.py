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
