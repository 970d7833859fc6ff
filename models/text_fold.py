"""Case-insensitive text matching that folds every letter, not only ASCII, whatever the store's locale.

SQLite's ``LIKE`` and ``lower()`` fold ASCII letters only, so a search for
"ünïcödé" missed "Ünïcödé". :func:`fold` is, on SQLite, a function each
connection registers (:func:`register_sqlite_fold`) that applies Python's
``str.lower`` (``casefold`` would turn "ß" into "ss" on one store only). On
PostgreSQL ``lower()`` folds what the database's locale folds: in a database
created with ``--locale=C`` that is ASCII only. So there :func:`fold` lowers
with ICU's root collation (``und-x-icu``), which folds every letter, where the
server has ICU (checked once per engine, on its first connection); a server
built without ICU keeps the database's ``lower()``. A search term is folded by
the same SQL function as the column (``fold(literal(term))``), so the two
always agree: "Ünïcödé" finds itself whatever the locale.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, String, event
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction

SQLITE_FOLD = "umot_fold"
ICU_COLLATION = "und-x-icu"  # ICU's root locale: Unicode case mapping, the same in every database
_HAS_ICU = "umot_fold_icu"  # attribute of a PostgreSQL dialect (one per engine): whether ICU answered


class fold(GenericFunction[str]):  # noqa: N801 - used like func.lower
    """``fold(column)``: the text with every letter's case folded, on every store."""

    type = String()
    inherit_cache = True


@compiles(fold)
def _fold_default(element: fold, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(fold, "postgresql")
def _fold_postgresql(element: fold, compiler: Any, **kw: Any) -> str:
    text = compiler.process(element.clauses, **kw)
    if getattr(compiler.dialect, _HAS_ICU, False):
        return f'lower(({text}) COLLATE "{ICU_COLLATION}")'
    return f"lower({text})"


@compiles(fold, "sqlite")
def _fold_sqlite(element: fold, compiler: Any, **kw: Any) -> str:
    return f"{SQLITE_FOLD}({compiler.process(element.clauses, **kw)})"


def register_sqlite_fold(dbapi_conn: Any) -> None:
    """Make :data:`SQLITE_FOLD` callable on this SQLite connection."""
    dbapi_conn.create_function(
        SQLITE_FOLD, 1, lambda v: v.lower() if isinstance(v, str) else v, deterministic=True
    )


def _server_has_icu(dbapi_conn: Any, dbapi_error: type[Exception]) -> bool:
    """Whether this PostgreSQL server lowers with the ICU collation (not built without ICU, not SQL_ASCII)."""
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute(f"SELECT lower('A' COLLATE \"{ICU_COLLATION}\")")
        cursor.fetchall()
        return True
    except dbapi_error:
        return False
    finally:
        cursor.close()
        dbapi_conn.rollback()  # the probe leaves no transaction behind (nor an aborted one)


def note_icu(engine: Engine) -> None:
    """On this PostgreSQL engine's first connection, note on its dialect whether :func:`fold` may use ICU
    (``models.db`` calls it for each PostgreSQL engine it makes)."""

    @event.listens_for(engine, "first_connect")
    def _check_icu(dbapi_conn: Any, _record: Any) -> None:
        dialect = engine.dialect
        if not hasattr(dialect, _HAS_ICU):  # noted already (a test hiding ICU): kept
            setattr(dialect, _HAS_ICU, _server_has_icu(dbapi_conn, dialect.loaded_dbapi.Error))
