"""Database engines, sessions and the schema migration on start.

SQLite is the embedded default (one file under the data directory, WAL so the
web app reads while a crawl writes); PostgreSQL is chosen by URL. Every start
calls :func:`init_db`, which runs Alembic ``upgrade head`` under a lock so two
processes starting together migrate once, each migration in its own
transaction. Which URLs are accepted, and how they print, is :mod:`models.db_url`;
what each backend's connections are given as they open, :mod:`models.db_dialects`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool, StaticPool
from sqlmodel import Session

from models.db_dialects import configure_sqlite, postgresql_options
from models.db_url import DatabaseUrlError, mask_password, normalize_url
from models.sqlite_url import is_sqlite_memory, sqlite_path
from models.text_fold import note_icu

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def create_engine_for(url: str, *, migrating: bool = False, only_reading: bool = False) -> Engine:
    """A fresh engine for ``url`` (uncached); ``migrating`` turns SQLite FKs off for batch ops,
    ``only_reading`` leaves an SQLite file's journal as it is (no switch to WAL just by looking)."""
    url = normalize_url(url)
    kwargs: dict[str, Any] = {}
    backend = make_url(url).get_backend_name()
    if is_sqlite_memory(url):
        # Every connection would see its own empty database: share one.
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    elif migrating:
        kwargs["poolclass"] = NullPool
    if backend == "postgresql":
        kwargs["connect_args"] = {"options": postgresql_options(url)}
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(url, **kwargs)
    except (ValueError, TypeError) as exc:  # pysqlite's ?timeout=abc, ?check_same_thread=maybe: not a traceback
        raise DatabaseUrlError(
            f"cannot use database URL {mask_password(url)}: {exc} (check the options after '?')"
        ) from None
    path = sqlite_path(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file where a folder should be, no permission, /proc: one line, not a traceback
            in_the_way = isinstance(exc, FileExistsError | NotADirectoryError)
            reason = "a file is in the way of its path" if in_the_way else exc.strerror or str(exc)
            raise DatabaseUrlError(f"cannot make the folder {path.parent} for the store {url}: {reason}") from None
    if backend == "sqlite":
        configure_sqlite(engine, foreign_keys=not migrating, wal=not only_reading)
    elif backend == "postgresql":
        note_icu(engine)  # search folds with ICU where the server has it (models.text_fold)
    return engine


def get_engine(url: str | None = None) -> Engine:
    """The shared engine for ``url`` (``None`` -> settings), created once per URL."""
    url = normalize_url(url)
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = create_engine_for(url)
        return engine


def dispose_engines() -> None:
    """Close every cached engine (tests, forked workers)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def init_db(url: str | None = None) -> Engine:
    """Migrate the database to the newest schema and return its engine.

    Cheap when already at head; safe to call from several processes at once. A store
    at a revision this code does not know (a newer umot migrated it) raises
    :class:`models.migrate_known.UnknownRevisionError`, one line, before anything changes.
    """
    from models.migrate import upgrade

    url = normalize_url(url)
    upgrade(url)
    return get_engine(url)


@contextmanager
def session_scope(engine: Engine | None = None, *, write: bool = True) -> Iterator[Session]:
    """A session that commits on success and rolls back on error.

    On SQLite a writing scope takes the write lock when it starts (``BEGIN
    IMMEDIATE``), waiting up to the busy timeout for another writer: a scope that
    reads, then writes, cannot fail because someone else wrote in between. Keep
    scopes short (never score inside one); ``write=False`` for pure reads.
    Objects stay readable after the block (``expire_on_commit=False``).
    """
    engine = engine or get_engine()
    bind = engine.execution_options(sqlite_begin="IMMEDIATE") if write and engine.dialect.name == "sqlite" else engine
    session = Session(bind, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
