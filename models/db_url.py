"""Store URLs: which ones umot accepts, how they are normalised and printed.

SQLite (``sqlite:///PATH``, or in memory) and PostgreSQL through psycopg 3;
``postgres://`` and ``postgresql://`` URLs are mapped to psycopg 3. A URL that
does not parse or names another database raises :class:`DatabaseUrlError`, one
line naming it with its password masked, before any driver is loaded. What an SQLite
URL names (a file, ``~`` expanded, or memory) is read in :mod:`models.sqlite_url`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from models.sqlite_url import home_expanded, is_sqlite_memory

SUPPORTED_DRIVERS = {"sqlite": "pysqlite", "postgresql": "psycopg"}
SUPPORTED_URLS = "SQLite (sqlite:///PATH) and PostgreSQL (postgresql://USER@HOST/DB)"
# What make_url raises for a URL it cannot read: ArgumentError, or ValueError for a port that is no number
# (``host:abc``, or ``[::1/x`` with its bracket unclosed).
UNPARSED = (ArgumentError, ValueError)


class DatabaseUrlError(ValueError):
    """A store URL umot cannot use; the message names it (password masked) and what works."""


def mask_password(url: str) -> str:
    """``url`` fit to print: any password shown as ``***``, even when the URL does not parse, and all of
    a password with a raw ``@`` (everything between ``://user:`` and the last ``@`` before the host)."""
    try:
        parsed = make_url(url)
        if parsed.password is not None and "@" in (parsed.host or ""):  # a raw @ in the password: the rest of it
            parsed = parsed.set(host=(parsed.host or "").rpartition("@")[2])  # read as the host; hidden to the last @
        return parsed.render_as_string(hide_password=True)
    except UNPARSED:
        scheme, sep, rest = url.partition("://")
        if sep and "@" in rest:  # up to the last @: a raw password may hold "/" or "@"
            userinfo, _, after = rest.rpartition("@")
            user, colon, _ = userinfo.partition(":")
            return f"{scheme}://{user}{':***' if colon else ''}@{after}"
        return re.sub(r"([^:/@]+):[^@/]*@", r"\1:***@", url)


def normalize_url(url: str | None = None) -> str:
    """Resolve ``None`` from settings, map ``postgres(ql)://`` to psycopg 3, expand ``~`` in an SQLite
    path, and check it.

    Raises :class:`DatabaseUrlError` (one line) for a URL that does not parse
    or names another database, instead of a driver's ImportError deep inside
    SQLAlchemy.
    """
    origin = ""
    if url is None:
        from core.settings import get_settings

        settings = get_settings()
        url = settings.database_url
        origin = " (from UMOT_DATABASE_URL)" if settings.database_url_override else ""
        if origin:  # the user's URL: the store must outlive the command
            check_store_file(url, origin)
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
            break
    _check_url(url, origin)
    return home_expanded(url)


@lru_cache(maxsize=64)
def _check_url(url: str, origin: str = "") -> None:
    """Raise :class:`DatabaseUrlError` unless ``url`` is SQLite or PostgreSQL (psycopg 3)."""
    try:
        parsed = make_url(url)
    except UNPARSED:
        problem = "cannot parse database URL"
    else:
        backend = parsed.get_backend_name()
        if "@" in (parsed.host or ""):  # libpq would look up the password's tail as the host, and print it
            raise DatabaseUrlError(f"database URL {mask_password(url)!r}{origin} has a raw '@' in its user or "
                                   "password: percent-encode each @ there as %40")
        # get_driver_name() only after the backend check: it loads the dialect ("foo://" has none).
        if backend in SUPPORTED_DRIVERS and SUPPORTED_DRIVERS[backend] == parsed.get_driver_name():
            return
        problem = "unsupported database URL"
    raise DatabaseUrlError(f"{problem} {mask_password(url)!r}{origin}: umot supports {SUPPORTED_URLS}")


def check_store_file(url: str, origin: str = "") -> None:
    """Raise :class:`DatabaseUrlError` for a user's SQLite URL that names no file (``sqlite://``,
    ``sqlite:///``, ``sqlite:///:memory:``, or ``sqlite:///$DB`` with $DB unset): its in-memory store
    would take the command's writes and lose them when it ends. umot's own code (tests) may use one.
    Likewise a PostgreSQL URL naming no database (``postgresql:///``, ``postgresql://$HOST/$DB`` with both
    unset) unless ``PGDATABASE`` does: libpq took its default one, and umot created its tables there."""
    try:
        parsed = make_url(url)
        memory = is_sqlite_memory(url)
    except UNPARSED:
        return  # not parsed: normalize_url names that
    if memory:
        raise DatabaseUrlError(
            f"database URL {mask_password(url)!r}{origin} names no file (an in-memory store is lost when "
            "the command ends): give sqlite:///PATH"
        )
    if parsed.get_backend_name() in ("postgresql", "postgres") and not _names_pg_database(parsed.database, parsed.query):
        raise DatabaseUrlError(
            f"database URL {mask_password(url)!r}{origin} names no database (libpq would take its default one "
            "and umot would create its tables there): give postgresql://USER@HOST/DB or set PGDATABASE"
        )


def _names_pg_database(database: str | None, query: Mapping[str, object]) -> bool:
    """The URL's path, its ``?dbname=`` or ``?service=`` (pg_service.conf), or ``PGDATABASE`` names a database."""
    import os

    return bool(database or query.get("dbname") or query.get("service") or os.environ.get("PGDATABASE"))
