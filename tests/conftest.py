"""Fixtures shared by every area's tests (keep this file small)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_http_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's crawls keep pages in its own HTTP cache, never the checkout's data/."""
    monkeypatch.setenv("UMOT_HTTPCACHE_DIR", str(tmp_path / "httpcache"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of a fresh SQLite file store, migrated to the newest schema."""
    from models.db import init_db

    url = f"sqlite:///{tmp_path / 'umot.db'}"
    init_db(url)
    return url
