"""Store fixtures: every store test runs on SQLite and on PostgreSQL.

The PostgreSQL databases come from tests/conftest.py (``pg_database``,
``pg_migrated_url``): one of their own per test or session, dropped afterwards;
they skip, saying why, only when no server answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

DIALECTS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=DIALECTS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty, never-migrated database of each dialect."""
    if request.param == "sqlite":
        from models.db import dispose_engines

        yield f"sqlite:///{tmp_path / 'store.db'}"
        dispose_engines()
    else:
        yield request.getfixturevalue("pg_database")


@pytest.fixture(params=DIALECTS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty store of each dialect."""
    from sqlmodel import SQLModel

    from models.db import dispose_engines, get_engine, init_db

    if request.param == "sqlite":
        yield init_db(f"sqlite:///{tmp_path / 'store.db'}")
        dispose_engines()
        return
    engine = get_engine(request.getfixturevalue("pg_migrated_url"))
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    yield engine


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on the migrated store; the test commits what it wants kept."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def brand_id(engine: Engine) -> int:
    from models.crud import get_or_create_brand
    from models.db import session_scope

    with session_scope(engine) as session:
        return get_or_create_brand(session, "Acme").id


@pytest.fixture
def pg_engine(pg_migrated_url: str) -> Iterator[Engine]:
    """The migrated PostgreSQL store, emptied (for tests of two writers at once: tests/models/pg_race.py)."""
    from sqlmodel import SQLModel

    from models.db import get_engine

    engine = get_engine(pg_migrated_url)
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    yield engine
