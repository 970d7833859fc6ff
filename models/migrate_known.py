"""Refuse a store at a schema revision this umot does not know (one a newer umot migrated), and an
SQLite file that is no umot store at all (another program's database).

Alembic would stop deep inside ``upgrade`` with "Can't locate revision", or add umot's tables beside
another program's; every command that opens the store says instead, in one line, what is wrong,
before anything in the store is changed. A PostgreSQL database with other tables is left alone: a
shared database (umot's tables in a schema of their own, ``?options=-csearch_path%3Dumot``) is legitimate.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from models.db_url import DatabaseUrlError, mask_password


class UnknownRevisionError(DatabaseUrlError):
    """The store is at a revision none of our migrations makes. A :class:`DatabaseUrlError`
    (a store umot cannot use), so the CLI prints it as its one line wherever a command opens the store."""

    def __init__(self, url: str, revisions: Sequence[str]) -> None:
        self.url, self.revisions = url, tuple(revisions)
        super().__init__(unknown_revision_message(url, self.revisions))


class NotAStoreError(DatabaseUrlError):
    """An SQLite file holding another program's tables (none of umot's, with or without an ``alembic_version``
    of its own): never one umot adds its tables to."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is not a umot store (it holds another program's tables): "
                         "check --database-url (or UMOT_DATABASE_URL)")


def check_umot_file(path: Path) -> None:
    """Raise :class:`NotAStoreError` if the SQLite file ``path`` holds tables but not umot's (no ``alembic_version``,
    or one of another program run by Alembic: Prefect's database, say).

    Read on a connection of its own, ``mode=ro``, before any connection that may switch the file to WAL. A file
    missing, empty or unreadable passes: the store's own open creates it, or says what is wrong in one line."""
    if not path.is_file():
        return
    try:
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True, timeout=30)
        try:
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return
    tables = {name for (name,) in rows if not name.startswith("sqlite_")}
    others = tables - {"alembic_version"}
    if others and ("alembic_version" not in tables or "review" not in tables):  # another Alembic-run program's
        raise NotAStoreError(path)


def unknown_revision_message(url: str, revisions: Sequence[str]) -> str:
    """The one line for a store at ``revisions``, named by ``url`` (its password masked)."""
    return (f"the store at {mask_password(url)} is at revision {', '.join(revisions)}, "
            "which this umot does not know (made by a newer version?)")


def unknown_revisions(revisions: Iterable[str | None], cfg: Config) -> list[str]:
    """Those of ``revisions`` that no migration of ``cfg``'s script directory makes."""
    known = {script.revision for script in ScriptDirectory.from_config(cfg).walk_revisions()}
    return [rev for rev in revisions if rev is not None and rev not in known]


def check_known_revision(conn: Connection, cfg: Config, url: str) -> None:
    """Raise :class:`UnknownRevisionError` if the store on ``conn`` is at a revision ``cfg`` does not know."""
    was_in_transaction = conn.in_transaction()
    heads = MigrationContext.configure(conn).get_current_heads()
    if not was_in_transaction and conn.in_transaction():
        conn.rollback()  # only read: leave the connection as Alembic expects it
    unknown = unknown_revisions(heads, cfg)
    if unknown:
        raise UnknownRevisionError(url, unknown)
