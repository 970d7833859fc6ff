"""Which errors mean the store refused us (down, unreadable, a mistyped connection option, a role
without the rights) rather than a bug in a query, and the one line the CLI prints for them."""

from __future__ import annotations

import sys

#: The store the command opened last: named by :func:`store_error` when it stops answering later.
opened_urls: list[str] = []


def store_error(exc: BaseException, url: str | None = None) -> str:
    """The one line for a store that cannot be reached (server down, wrong port, unreadable file)."""
    from models.db_url import mask_password

    url = url or (opened_urls[-1] if opened_urls else None)
    reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
    where = f" {mask_password(url)}" if url else ""
    if is_permission_denied(exc):
        return _permission_error(exc, where, reason)
    unreachable = any(word in reason.lower() for word in ("connect", "refused", "unable to open", "timeout"))
    hint = " (is it running? check --database-url or UMOT_DATABASE_URL)" if unreachable else ""
    if _bad_connection_option(exc):
        hint = " (check the options after '?' in --database-url or UMOT_DATABASE_URL)"
    return f"cannot open the store{where}: {reason}{hint}"


def _bad_connection_option(exc: BaseException) -> bool:
    """psycopg refused the URL's connection options before connecting (``?sslmod=``, ``?connect_timeout=10s``).

    It raises its base ``ProgrammingError`` then, which SQLAlchemy wraps with no statement; a query's
    ProgrammingError (an unknown table) always carries its statement, and stays a bug, not a refusal.
    """
    from sqlalchemy.exc import ProgrammingError

    psycopg = sys.modules.get("psycopg")
    return (isinstance(exc, ProgrammingError) and exc.statement is None and psycopg is not None
            and type(exc.orig) is psycopg.ProgrammingError)


def is_permission_denied(exc: BaseException) -> bool:
    """PostgreSQL refused the role a table, sequence or schema (SQLSTATE 42501, a role that may read
    but not write): the store's refusal, not a bug in the query that met it."""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501"


def _permission_error(exc: BaseException, where: str, reason: str) -> str:
    """The one line for a role without the rights a command needs: which, and what to grant."""
    statement = " ".join(str(getattr(exc, "statement", None) or "").upper().split())
    locking = any(f" FOR {mode}" in statement for mode in ("UPDATE", "NO KEY UPDATE", "SHARE", "KEY SHARE"))
    if statement.startswith("SELECT") and not locking:
        return f"cannot read the store{where}: {reason} (grant the role SELECT on umot's tables)"
    grant = "USAGE on umot's sequences" if "sequence" in reason else "INSERT/UPDATE/DELETE on umot's tables"
    return f"cannot write to the store{where}: {reason} (grant the role {grant})"


def is_store_refusal(exc: BaseException) -> bool:
    """A store that refused us (down, wrong port, unreadable file, a mistyped connection option, a role
    without the rights), not a bug in a query.

    ``DatabaseError`` itself, none of its other subclasses: SQLite's "file is not a database".
    """
    from sqlalchemy.exc import DatabaseError, InterfaceError, OperationalError

    refused = isinstance(exc, (OperationalError, InterfaceError)) or type(exc) is DatabaseError
    return refused or _bad_connection_option(exc) or is_permission_denied(exc)


def is_migration_refusal(exc: BaseException) -> bool:
    """PostgreSQL refused to migrate the store (no CREATE on schema public, a search_path naming no
    schema): a ``ProgrammingError``, but raised while opening the store, so not a bug in a query.
    Only for errors from opening it (``umot.cli._store.open_store``); a later query's stays a traceback."""
    from sqlalchemy.exc import ProgrammingError

    return isinstance(exc, ProgrammingError)


def migration_error(exc: BaseException, url: str) -> str:
    """The one line for a store that could not be migrated (what ``umot db upgrade`` prints too)."""
    from models.db_url import mask_password

    reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
    return f"cannot migrate database {mask_password(url)}: {reason}"
