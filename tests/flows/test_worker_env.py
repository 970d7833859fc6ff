"""flows/worker_env.py: the store a pool worker's flow runs reach, pinned as an absolute SQLite URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.worker_env import absolute_sqlite_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [("sqlite:///db/umot.db", "sqlite:////base/db/umot.db"),
     ("sqlite:////srv/umot.db", "sqlite:////srv/umot.db"),  # already absolute
     ("sqlite://", "sqlite://"), ("sqlite:///:memory:", "sqlite:///:memory:"),
     ("postgresql://umot:s3cret@db.internal/umot", None),  # may hold a password: never pinned
     ("not a url", None)],
)
def test_absolute_sqlite_url_pins_relative_files_only(url: str, expected: str | None) -> None:
    assert absolute_sqlite_url(url, Path("/base")) == expected
