"""Store fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL tests get a database of their own (``umot_test_<random>``, dropped
afterwards) on 127.0.0.1:5432, so concurrent runs never collide; they skip,
saying why, only when no server answers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

PG_HOST, PG_PORT, PG_ADMIN_DB = "127.0.0.1", 5432, "test"
PG_USERS = ("postgres", "root")


@pytest.fixture(scope="session")
def pg_user() -> str:
    """A PostgreSQL role that may create databases, or skip."""
    import psycopg

    errors = []
    for user in PG_USERS:
        try:
            with psycopg.connect(
                host=PG_HOST, port=PG_PORT, user=user, dbname=PG_ADMIN_DB, connect_timeout=3
            ):
                return user
        except psycopg.Error as exc:
            errors.append(f"{user}: {str(exc).strip().splitlines()[0]}")
    pytest.skip(f"no PostgreSQL server answers on {PG_HOST}:{PG_PORT} ({'; '.join(errors)})")


def _pg_admin(user: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(host=PG_HOST, port=PG_PORT, user=user, dbname=PG_ADMIN_DB, autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture
def pg_database(pg_user: str) -> Iterator[str]:
    """URL of a new, empty PostgreSQL database, dropped after the test."""
    from models.db import dispose_engines

    name = f"umot_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(pg_user, f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://{pg_user}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        dispose_engines()
        _pg_admin(pg_user, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_migrated_url(pg_user: str) -> Iterator[str]:
    """One migrated PostgreSQL database for the session (tests empty it first)."""
    from models.db import dispose_engines, init_db

    name = f"umot_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(pg_user, f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://{pg_user}@{PG_HOST}:{PG_PORT}/{name}"
    try:
        init_db(url)
        yield url
    finally:
        dispose_engines()
        _pg_admin(pg_user, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
