"""Which store a deployment was made for, and the worker's check that it runs against that one.

A PostgreSQL URL is not written into a deployment (it may hold a password):
a marker of the store (:data:`STORE_MARKER`: backend, host, port, database and
schema, never a user or password) is, and a night a worker runs against
another store (its UMOT_DATABASE_URL unset: a new SQLite file in a temporary
folder) fails at once, saying which store it was deployed for
(:func:`check_deployed_store`). Kept apart from the other locations a
deployment pins (:mod:`flows.worker_env`, which ``umot deploy`` writes):
every deployed flow runs this check as it starts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

STORE_MARKER = "UMOT_DEPLOYED_STORE"


def absolute_sqlite_url(url: str, base: Path) -> str | None:
    """``url`` with a relative SQLite file made absolute under ``base``; None if not SQLite.

    Server URLs (PostgreSQL) give None: they may hold a password, which a
    deployment would show to everyone who opens it in the UI.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return url
    if Path(database).expanduser().is_absolute():  # ``~/umot.db``: the home folder, as the store opens it
        database = str(Path(database).expanduser())
        return url if database == parsed.database else parsed.set(database=database).render_as_string(hide_password=False)
    return parsed.set(database=str((base / database).resolve())).render_as_string(hide_password=False)


def store_marker(url: str, base: Path | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Which store ``url`` names, fit to show anyone: ``postgresql://HOST:PORT/DB schema SCHEMA`` (libpq's
    defaults where the URL leaves them out: PGHOST, PGPORT, PGDATABASE, else localhost:5432; the schema:
    :func:`postgresql_schema`), ``sqlite:///ABSOLUTE/PATH`` (relative to ``base``, default here) or
    ``sqlite://`` in memory. No user, no password."""
    from sqlalchemy.engine import make_url

    from models.db_dialects import postgresql_options
    from models.db_url import normalize_url

    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        pinned = absolute_sqlite_url(parsed.render_as_string(hide_password=False), (base or Path.cwd()).resolve())
        return make_url(pinned or "sqlite://").set(query={}).render_as_string()
    environ = os.environ if environ is None else environ
    query = {k: v if isinstance(v, str) else v[-1] for k, v in parsed.query.items()}
    host = parsed.host or query.get("host") or environ.get("PGHOST") or "localhost"
    port = parsed.port or query.get("port") or environ.get("PGPORT") or 5432
    database = parsed.database or query.get("dbname") or environ.get("PGDATABASE") or ""
    schema = postgresql_schema(postgresql_options(url, environ))
    return f"{parsed.get_backend_name()}://{host}:{port}/{database} schema {schema}"


def postgresql_schema(options: str) -> str:
    """The schema a connection with these libpq ``options`` keeps umot's tables in: the first of the last
    ``search_path`` they set (``-c search_path=a,public``), lower case unless quoted, as PostgreSQL reads it;
    ``public`` when they set none. Two stores in one database differ only in it (docs/store.md)."""
    paths = re.findall(r"(?:-c\s*|--)search[_-]path=(\S*)", options, flags=re.IGNORECASE)
    first = paths[-1].split(",")[0].strip() if paths else ""
    if first.startswith('"') and first.endswith('"') and len(first) > 1:
        return first[1:-1].replace('""', '"')
    return first.lower() or "public"


class StoreMismatchError(RuntimeError):
    """A deployed flow run on a worker whose store is not the one it was deployed for; nothing was run."""


def check_deployed_store(environ: Mapping[str, str] | None = None) -> None:
    """Raise :class:`StoreMismatchError` (one line) when a deployment pinned a store (:data:`STORE_MARKER`) and
    this process's is another: a worker without UMOT_DATABASE_URL ran a PostgreSQL store's night into a new
    SQLite file and reported Completed. A flow run started here, not by a deployment, pins nothing."""
    from core.settings import get_settings

    environ = os.environ if environ is None else environ
    pinned = environ.get(STORE_MARKER, "").strip()
    if not pinned:
        return
    settings = get_settings()
    here = store_marker(settings.database_url, environ=environ)
    if " schema " not in pinned:  # deployed by an older umot, which did not pin the schema: compare the rest
        here = here.partition(" schema ")[0]
    if here != pinned:
        given = "its UMOT_DATABASE_URL" if settings.database_url_override else "UMOT_DATABASE_URL unset"
        raise StoreMismatchError(
            f"this run was deployed for the store {pinned}, but this worker's store is {here} ({given}): set "
            "UMOT_DATABASE_URL where the worker runs to that store's URL; nothing was run")
