"""Fast ``INSERT ... ON CONFLICT DO NOTHING RETURNING id`` for many rows.

SQLAlchemy's per-row parameter handling costs more than SQLite's insert
itself, and psycopg parses every placeholder of a many-row statement in
Python. So rows are turned into driver values once, with each column's own
bind processor (the same conversion SQLAlchemy would apply), and sent as:

- SQLite: one multi-row ``VALUES`` statement per chunk, chunked under the
  bound-variable limit;
- PostgreSQL: ``SELECT FROM unnest(<one array per column>)``, a fixed number
  of parameters however many rows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Column, Table
from sqlalchemy.engine import Dialect
from sqlmodel import Session

from models.crud._dialect import SQLITE_MAX_VARIABLES, chunks, dialect_name

MAX_ROWS = 10_000  # rows per statement at most (bounds memory; PostgreSQL's only limit)


def _processors(columns: Sequence[Column[Any]], dialect: Dialect) -> list[Any]:
    return [col.type._cached_bind_processor(dialect) for col in columns]  # noqa: SLF001


def _sqlite(session: Session, table: Table, columns: list[Column[Any]], rows: list[dict[str, Any]], conflict: Sequence[str]) -> list[int]:
    conn = session.connection()
    procs = _processors(columns, conn.dialect)
    names = [c.name for c in columns]
    quote = conn.dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) VALUES "
    tail = f" ON CONFLICT ({', '.join(quote(c) for c in conflict)}) DO NOTHING RETURNING {quote('id')}"
    one = "(" + ", ".join("?" * len(names)) + ")"
    ids: list[int] = []
    converters = [(i, proc) for i, proc in enumerate(procs) if proc is not None]
    for batch in chunks(rows, max(1, min(MAX_ROWS, SQLITE_MAX_VARIABLES // len(names)))):
        params: list[Any] = []
        last_in: list[Any] = [None] * len(names)  # same object as the previous row's: reuse
        last_out: list[Any] = [None] * len(names)
        for row in batch:
            values = [row[name] for name in names]
            for i, proc in converters:
                value = values[i]
                if value is None:
                    continue
                if value is last_in[i]:
                    values[i] = last_out[i]
                else:
                    values[i] = last_out[i] = proc(value)
                    last_in[i] = value
            params.extend(values)
        sql = head + ", ".join([one] * len(batch)) + tail
        ids.extend(r[0] for r in conn.exec_driver_sql(sql, tuple(params)))
    return ids


def _postgresql(
    session: Session, table: Table, columns: list[Column[Any]], rows: list[dict[str, Any]], conflict: Sequence[str]
) -> list[int]:
    conn = session.connection()
    dialect = conn.dialect
    procs = _processors(columns, dialect)
    quote = dialect.identifier_preparer.quote
    arrays: list[str] = []
    for col in columns:
        sql_type = "json" if isinstance(col.type, JSON) else col.type.compile(dialect=dialect)
        arrays.append(f"%s::{sql_type}[]")
    names = ", ".join(quote(c.name) for c in columns)
    sql = (
        f"INSERT INTO {quote(table.name)} ({names}) SELECT * FROM unnest({', '.join(arrays)}) "
        f"ON CONFLICT ({', '.join(quote(c) for c in conflict)}) DO NOTHING RETURNING {quote('id')}"
    )
    ids: list[int] = []
    for batch in chunks(rows, MAX_ROWS):
        params = []
        for col, proc in zip(columns, procs):
            values = [row[col.name] for row in batch]
            if isinstance(col.type, JSON):
                values = [None if v is None else json.dumps(v) for v in values]
            elif proc is not None:
                values = [None if v is None else proc(v) for v in values]
            params.append(values)
        ids.extend(r[0] for r in conn.exec_driver_sql(sql, tuple(params)))
    return ids


def insert_ignore_returning_ids(
    session: Session, table: Table, rows: list[dict[str, Any]], *, conflict: Sequence[str]
) -> list[int]:
    """Insert ``rows`` (dicts with the same keys) skipping conflicts; ids of the inserted rows."""
    if not rows:
        return []
    columns = [table.c[name] for name in rows[0]]
    name = dialect_name(session)
    if name == "sqlite":
        return _sqlite(session, table, columns, rows, conflict)
    if name == "postgresql":
        return _postgresql(session, table, columns, rows, conflict)
    raise NotImplementedError(f"unsupported database dialect: {name}")
