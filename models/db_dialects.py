"""What each backend's connections are given as they open: SQLite pragmas and transactions, PostgreSQL options.

Kept apart from making and sharing engines (:mod:`models.db`): these are the
per-dialect settings every engine gets, and ``flows.worker_env`` reads the
PostgreSQL options alone, to name the schema a store's tables live in.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

from models.sqlite_url import is_sqlite_read_only, sqlite_path
from models.text_fold import register_sqlite_fold

SQLITE_BUSY_TIMEOUT_MS = 30_000
UTC_OPTION = "-c timezone=UTC"


def configure_sqlite(engine: Engine, *, foreign_keys: bool = True, wal: bool = True) -> None:
    """WAL, foreign keys, busy timeout, and real transactions around DDL.

    pysqlite's own transaction handling commits DDL implicitly; taking BEGIN
    into our hands makes a failed migration roll back completely. WAL is the one
    setting stored in the file: not switched on by a connection that only looks
    (``wal=False``, ``umot db current``) nor one opened ``mode=ro`` (SQLite refuses it).
    """
    wal = wal and sqlite_path(str(engine.url)) is not None and not is_sqlite_read_only(str(engine.url))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if wal:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cur.close()
        register_sqlite_fold(dbapi_conn)  # Unicode-aware case folding for searches (models.text_fold)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


def postgresql_options(url: str, environ: Mapping[str, str] | None = None) -> str:
    """The libpq ``options`` a PostgreSQL connection gets: the URL's own (``?options=-csearch_path%3Dumot``),
    else ``PGOPTIONS`` (which libpq reads only when no options are given), then ``-c timezone=UTC`` last,
    so it wins: timestamps are stored as naive UTC on every dialect. Given alone, it would drop the user's."""
    given = make_url(url).query.get("options")
    if given is None:
        own = (os.environ if environ is None else environ).get("PGOPTIONS", "")
    else:
        own = " ".join(given) if isinstance(given, tuple) else given
    return f"{own.strip()} {UTC_OPTION}".strip()
