"""Store URLs: normalised, checked, one clear error for an unusable one, the password never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db import get_engine
from models.db_url import DatabaseUrlError, normalize_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@h:5432/d", "postgresql+psycopg://u:p@h:5432/d"),
        ("postgresql://u@h/d", "postgresql+psycopg://u@h/d"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_normalize_url(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("mysql://x:secret@y/z", "unsupported database URL 'mysql://x:***@y/z'"),
        ("foo", "cannot parse database URL 'foo'"),
        ("postgres:/u:secret@h", "cannot parse database URL 'postgres:/u:***@h'"),
        ("nosuchdb://h/d", "unsupported database URL 'nosuchdb://h/d'"),
        ("postgresql+asyncpg://u@h/d", "unsupported database URL 'postgresql+asyncpg://u@h/d'"),
        ("sqlite+aiosqlite:///x.db", "unsupported database URL 'sqlite+aiosqlite:///x.db'"),
        # make_url raises ValueError, not ArgumentError, for a port that is no number
        ("postgresql://u:secret@h:abc/d", "cannot parse database URL 'postgresql+psycopg://u:***@h:abc/d'"),
        ("postgresql://u@[::1/d", "cannot parse database URL 'postgresql+psycopg://u@[::1/d'"),
        ("postgresql://u:sec/ret@[::1/d", "cannot parse database URL 'postgresql+psycopg://u:***@[::1/d'"),
    ],
)
def test_unusable_url_is_one_clear_error(given: str, message: str) -> None:
    """Not a driver's ImportError from deep inside SQLAlchemy: what was wrong, and what works."""
    with pytest.raises(DatabaseUrlError) as caught:
        normalize_url(given)
    text = str(caught.value)
    assert text.startswith(message) and "\n" not in text and "secret" not in text
    assert text.endswith("umot supports SQLite (sqlite:///PATH) and PostgreSQL (postgresql://USER@HOST/DB)")
    with pytest.raises(DatabaseUrlError):
        get_engine(given)


def test_bad_url_from_the_environment_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATABASE_URL", "foo")
    with pytest.raises(DatabaseUrlError, match=r"^cannot parse database URL 'foo' \(from UMOT_DATABASE_URL\): "):
        normalize_url(None)


def test_a_port_that_is_no_number_in_the_environment_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql://u:secret@h:abc/d")
    with pytest.raises(DatabaseUrlError, match=r"^cannot parse database URL '.*:\*\*\*@h:abc/d' \(from UMOT_"):
        normalize_url(None)


def test_default_url_is_sqlite_under_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UMOT_DATABASE_URL", raising=False)
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    assert normalize_url(None) == f"sqlite:///{tmp_path / 'data' / 'umot.db'}"
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgres://h/d")
    assert normalize_url(None) == "postgresql+psycopg://h/d"


def test_a_home_folder_in_an_sqlite_path_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``sqlite:///~/umot.db`` made a folder named ``~`` in the current one; UMOT_DATA_DIR's ``~`` was expanded."""
    monkeypatch.setenv("HOME", str(tmp_path))
    assert normalize_url("sqlite:///~/umot.db") == f"sqlite:///{tmp_path}/umot.db"
    assert normalize_url("sqlite:///~/a.db?mode=ro") == f"sqlite:///{tmp_path}/a.db?mode=ro"
    assert normalize_url("sqlite:////srv/~/umot.db") == "sqlite:////srv/~/umot.db"  # only a leading ~
