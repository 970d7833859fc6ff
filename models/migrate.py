"""Run the Alembic migrations from code, one process at a time.

Two processes starting together must not both create the tables: on
PostgreSQL they queue on an advisory lock, on SQLite on an exclusive lock of a
``<db>.migrate.lock`` file beside the database. Each migration commits on its
own, so a failing one leaves the database at the revision before it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from models.db import create_engine_for, get_engine
from models.db_url import normalize_url
from models.migrate_known import check_known_revision, check_umot_file
from models.sqlite_url import is_sqlite_memory, sqlite_path

MODELS_DIR = Path(__file__).resolve().parent
ALEMBIC_INI = MODELS_DIR / "alembic.ini"
MIGRATIONS_DIR = MODELS_DIR / "migrations"
PG_LOCK_KEY = 0x756D6F74  # "umot"


def alembic_config(url: str | None = None, *, version_locations: Sequence[Path] = ()) -> Config:
    """Alembic's config for our migrations; extra ``version_locations`` are for tests."""
    cfg = Config(str(ALEMBIC_INI))
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if version_locations:
        dirs = [MIGRATIONS_DIR / "versions", *map(Path, version_locations)]
        cfg.set_main_option("version_locations", os.pathsep.join(str(d) for d in dirs))
    cfg.attributes["url"] = normalize_url(url)
    cfg.attributes["configure_logger"] = False
    return cfg


def head_revision(cfg: Config | None = None) -> str | None:
    """The newest revision the code knows."""
    return ScriptDirectory.from_config(cfg or alembic_config()).get_current_head()


def current_revision(url: str | None = None) -> str | None:
    """The revision the database is at (``None`` = never migrated), read without changing the store
    (no empty file made, no switch to WAL); another program's SQLite file raises ``NotAStoreError``."""
    url = normalize_url(url)
    db_file = sqlite_path(url)
    if db_file is not None:
        if not db_file.exists():
            return None
        check_umot_file(db_file)
    if is_sqlite_memory(url):
        with get_engine(url).connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    engine = create_engine_for(url, migrating=True, only_reading=True)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


@contextmanager
def _sqlite_file_lock(db_file: Path) -> Iterator[None]:
    db_file.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_file.with_name(db_file.name + ".migrate.lock")
    with open(lock_path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no cross-process lock
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def _pg_advisory_lock(conn: Connection) -> Iterator[None]:
    conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_LOCK_KEY})
    conn.commit()
    try:
        yield
    finally:
        conn.rollback()
        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_LOCK_KEY})
        conn.commit()


def _upgrade_on(conn: Connection, cfg: Config, url: str, revision: str) -> None:
    """Alembic's upgrade on the locked ``conn``; first refuse a store at a revision we do not know."""
    check_known_revision(conn, cfg, url)
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def upgrade(url: str | None = None, revision: str = "head", *, cfg: Config | None = None) -> str | None:
    """Migrate ``url`` to ``revision`` under a cross-process lock; return the new revision.

    A store a newer umot migrated raises ``UnknownRevisionError``, another program's SQLite file
    ``NotAStoreError``: nothing changed, not even a lock file beside it."""
    url = normalize_url(url)
    cfg = cfg or alembic_config(url)
    cfg.attributes["url"] = url
    if is_sqlite_memory(url):  # only the shared engine's one connection holds the tables
        with get_engine(url).connect() as conn:
            _upgrade_on(conn, cfg, url, revision)
            cfg.attributes.pop("connection", None)
            return MigrationContext.configure(conn).get_current_revision()
    db_file = sqlite_path(url)
    if db_file is not None:
        check_umot_file(db_file)
    engine = create_engine_for(url, migrating=True)
    try:
        if db_file is not None:
            with _sqlite_file_lock(db_file), engine.connect() as conn:
                _upgrade_on(conn, cfg, url, revision)
                return MigrationContext.configure(conn).get_current_revision()
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                with _pg_advisory_lock(conn):
                    _upgrade_on(conn, cfg, url, revision)
            else:
                _upgrade_on(conn, cfg, url, revision)
            rev = MigrationContext.configure(conn).get_current_revision()
            conn.commit()
            return rev
    finally:
        cfg.attributes.pop("connection", None)
        engine.dispose()
