"""Engines and sessions: URL handling, caching, commit/rollback."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.crud import count_reviews, get_or_create_brand, list_brands, upsert_reviews
from models.db import DatabaseUrlError, get_engine, normalize_url, session_scope


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


def test_default_url_is_sqlite_under_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UMOT_DATABASE_URL", raising=False)
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    assert normalize_url(None) == f"sqlite:///{tmp_path / 'data' / 'umot.db'}"
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgres://h/d")
    assert normalize_url(None) == "postgresql+psycopg://h/d"


def test_engine_is_cached_per_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a' / 'b.db'}"
    assert get_engine(url) is get_engine(url)
    assert (tmp_path / "a").is_dir()


def test_session_scope_commits_or_rolls_back(engine) -> None:
    with session_scope(engine) as s:
        get_or_create_brand(s, "Kept")
    with pytest.raises(RuntimeError), session_scope(engine) as s:
        brand_id = get_or_create_brand(s, "Dropped").id
        upsert_reviews(s, [{"source": "s", "text": "x"}], brand_id=brand_id)
        raise RuntimeError("boom")
    with session_scope(engine, write=False) as s:
        assert [b.name for b in list_brands(s)] == ["Kept"]
        assert count_reviews(s) == 0


def test_in_memory_sqlite_keeps_its_tables() -> None:
    from models.db import dispose_engines, init_db
    from models.migrate import current_revision, head_revision

    try:
        engine = init_db("sqlite://")
        assert current_revision("sqlite://") == head_revision()
        with session_scope(engine) as s:
            brand_id = get_or_create_brand(s, "Mem").id
            upsert_reviews(s, [{"source": "s", "text": "kept"}], brand_id=brand_id)
        with session_scope(init_db("sqlite://"), write=False) as s:
            assert count_reviews(s) == 1
    finally:
        dispose_engines()
