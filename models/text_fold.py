"""Case-insensitive text matching that folds every letter, not only ASCII.

SQLite's ``LIKE`` and ``lower()`` fold ASCII letters only, so a search for
"ünïcödé" missed "Ünïcödé". :func:`fold` is ``lower()`` on PostgreSQL (which
folds Unicode) and, on SQLite, a function each connection registers
(:func:`register_sqlite_fold`) that applies Python's ``str.lower``, which
lowers the same letters as PostgreSQL's (``casefold`` would turn "ß" into "ss"
on one store only).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction

SQLITE_FOLD = "umot_fold"


class fold(GenericFunction[str]):  # noqa: N801 - used like func.lower
    """``fold(column)``: the text with every letter's case folded, on every store."""

    type = String()
    inherit_cache = True


@compiles(fold)
def _fold_default(element: fold, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(fold, "sqlite")
def _fold_sqlite(element: fold, compiler: Any, **kw: Any) -> str:
    return f"{SQLITE_FOLD}({compiler.process(element.clauses, **kw)})"


def fold_text(value: str) -> str:
    """What :func:`fold` makes of ``value`` in Python: fold a search term the same way."""
    return value.lower()


def register_sqlite_fold(dbapi_conn: Any) -> None:
    """Make :data:`SQLITE_FOLD` callable on this SQLite connection."""
    dbapi_conn.create_function(
        SQLITE_FOLD, 1, lambda v: v.lower() if isinstance(v, str) else v, deterministic=True
    )
