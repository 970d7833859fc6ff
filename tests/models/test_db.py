"""Engines and sessions: caching, commit/rollback (URLs: test_db_url.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.crud import count_reviews, get_or_create_brand, list_brands, upsert_reviews
from models.db import get_engine, session_scope


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
