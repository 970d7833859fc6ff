"""A throwaway PostgreSQL database for ``bench scale``, and what its tables take on disk.

The workers of a scale-out night share one PostgreSQL store, so each case gets a new
database, dropped after; with no server to create it on, ``NoPostgres`` says the
benchmark is skipped. Apart from ``bench.scale`` because none of this is the night.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

PG = ("127.0.0.1", 5432, "test", ("postgres", "root"))


class NoPostgres(RuntimeError):
    """No PostgreSQL server to share between the workers: the benchmark is skipped."""


@contextmanager
def scratch_database() -> Iterator[str]:
    """A new empty database (its URL), created by the first role of ``PG`` that may; dropped on leaving."""
    import psycopg

    host, port, admin_db, users = PG
    name = f"umot_bench_{uuid.uuid4().hex[:10]}"
    for user in users:
        try:
            with psycopg.connect(host=host, port=port, user=user, dbname=admin_db, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            break
        except psycopg.Error:
            continue
    else:
        raise NoPostgres(f"bench scale needs PostgreSQL on {host}:{port} (roles tried: {', '.join(users)})")
    try:
        yield f"postgresql+psycopg://{user}@{host}:{port}/{name}"
    finally:
        from models.db import dispose_engines

        dispose_engines()
        with psycopg.connect(host=host, port=port, user=user, dbname=admin_db, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def store_bytes(url: str) -> int:
    """Bytes on disk of the store's growing tables, indexes and TOAST included."""
    from sqlalchemy import text

    from models.db import get_engine

    tables = ("review", "score", "flag", "pagestate", "crawlrun")
    with get_engine(url).connect() as conn:
        return sum(conn.execute(text(f"SELECT pg_total_relation_size('{t}')")).scalar_one() for t in tables)
