"""Dialect-specific ``INSERT ... ON CONFLICT`` and batch sizes.

SQLite and PostgreSQL both speak ``ON CONFLICT``, but through different
SQLAlchemy constructs; this picks the right one for the session's engine.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

# SQLite >= 3.32 allows 32766 bound variables per statement, older ones 999.
SQLITE_MAX_VARIABLES = 32766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999
PG_MAX_VARIABLES = 65535


def dialect_name(session: Session) -> str:
    return session.get_bind().dialect.name


def insert_for(session: Session, table: Table) -> Any:
    """``insert(table)`` that supports ``on_conflict_do_nothing/do_update``."""
    name = dialect_name(session)
    if name == "sqlite":
        return sqlite.insert(table)
    if name == "postgresql":
        return postgresql.insert(table)
    raise NotImplementedError(f"unsupported database dialect: {name}")


def chunk_size(session: Session, n_columns: int, cap: int = 5000) -> int:
    """Rows per statement so that rows x columns stays under the variable limit."""
    limit = SQLITE_MAX_VARIABLES if dialect_name(session) == "sqlite" else PG_MAX_VARIABLES
    return max(1, min(cap, limit // max(1, n_columns)))


def chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def advisory_key(name: str) -> int:
    """A PostgreSQL advisory lock's key for ``name``: a signed 64-bit number, the same in every process."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)
