"""Fixtures shared by every area's tests: HTTP cache, SQLite and PostgreSQL stores.

Keep this file small: an area's own fixtures live in its folder's conftest.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.local_http import QuietHandler, serving

PG_HOST, PG_PORT, PG_ADMIN_DB = "127.0.0.1", 5432, "test"
PG_USERS = ("postgres", "root")  # the first role that answers creates the test databases


@pytest.fixture(autouse=True)
def _own_http_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's crawls keep pages in its own HTTP cache, never the checkout's data/."""
    monkeypatch.setenv("UMOT_HTTPCACHE_DIR", str(tmp_path / "httpcache"))


@pytest.fixture(scope="session")
def stored_sources() -> Callable[[str], dict[tuple[str, str], Any]]:
    """``stored_sources(db_url)``: the store's sources by (brand name, source name)."""

    def read(db_url: str) -> dict[tuple[str, str], Any]:
        from models import crud
        from models.db import get_engine, session_scope

        with session_scope(get_engine(db_url)) as session:
            brands = {b.id: b.name for b in crud.list_brands(session)}
            rows = crud.list_sources(session)
            for row in rows:
                session.expunge(row)
            return {(brands[r.brand_id], r.name): r for r in rows}

    return read


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of a fresh SQLite file store, migrated to the newest schema."""
    from models.db import init_db

    url = f"sqlite:///{tmp_path / 'umot.db'}"
    init_db(url)
    return url


def _pg_admin(user: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=user, dbname=PG_ADMIN_DB, autocommit=True, connect_timeout=3
    ) as conn:
        conn.execute(sql)


@pytest.fixture(scope="session")
def pg_user() -> str:
    """A PostgreSQL role that may create databases, or skip saying why (CI has a server)."""
    import psycopg

    errors = []
    for user in PG_USERS:
        try:
            _pg_admin(user, "SELECT 1")
            return user
        except psycopg.Error as exc:
            errors.append(f"{user}: {str(exc).strip().splitlines()[0]}")
    pytest.skip(f"no PostgreSQL server answers on {PG_HOST}:{PG_PORT} ({'; '.join(errors)})")


@pytest.fixture(scope="session")
def pg_new_database(pg_user: str) -> Callable[[], AbstractContextManager[str]]:
    """``with pg_new_database() as url``: a new empty database, dropped on leaving.

    Each gets a random name (``umot_test_<hex>``), so concurrent runs never collide;
    fixtures of any scope build theirs with it.
    """

    @contextmanager
    def new_database() -> Iterator[str]:
        from models.db import dispose_engines

        name = f"umot_test_{uuid.uuid4().hex[:12]}"
        _pg_admin(pg_user, f'CREATE DATABASE "{name}"')
        try:
            yield f"postgresql+psycopg://{pg_user}@{PG_HOST}:{PG_PORT}/{name}"
        finally:
            dispose_engines()
            _pg_admin(pg_user, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return new_database


@pytest.fixture
def pg_database(pg_new_database: Callable[[], AbstractContextManager[str]]) -> Iterator[str]:
    """URL of a new, empty PostgreSQL database, dropped after the test."""
    with pg_new_database() as url:
        yield url


@pytest.fixture(scope="session")
def pg_migrated_url(pg_new_database: Callable[[], AbstractContextManager[str]]) -> Iterator[str]:
    """One migrated PostgreSQL database for the session (tests empty it first)."""
    from models.db import init_db

    with pg_new_database() as url:
        init_db(url)
        yield url


@pytest.fixture
def prefect_health_api() -> Iterator[str]:
    """An HTTP server whose /api/health answers ``true`` like Prefect's (what umot checks before it serves,
    deploys or runs against PREFECT_API_URL); yields its API URL."""

    class Health(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200 if self.path == "/api/health" else 404)
            self.end_headers()
            self.wfile.write(b"true")

    with serving(Health) as base:
        yield f"{base}/api"
