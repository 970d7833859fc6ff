"""Fixtures shared by every area's tests (keep this file small)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of a fresh SQLite file store, migrated to the newest schema."""
    from models.db import init_db

    url = f"sqlite:///{tmp_path / 'umot.db'}"
    init_db(url)
    return url
