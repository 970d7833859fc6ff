"""Where a pool worker's flow runs find umot's store, config and exports: absolute paths, pinned now.

A process worker runs each flow in a new temporary directory, where umot's
relative defaults (``./data``, ``./exports``, ``umot.toml``) would find an
empty store and lose the exports. ``umot deploy`` (:mod:`flows.work_pools`)
writes these locations, resolved where it ran, into the deployments'
environment, and prints them. A PostgreSQL URL is not written (it may hold a
password): a marker of the store (:data:`STORE_MARKER`: backend, host, port,
database, never a user or password) is, and a night a worker runs against
another store (its UMOT_DATABASE_URL unset: a new SQLite file in a temporary
folder) fails at once, saying which store it was deployed for
(:func:`check_deployed_store`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.settings import Settings

STORE_MARKER = "UMOT_DEPLOYED_STORE"
# Set when the deployer had its umot.toml: a worker's night without the file then says so
# (flows.tasks.plan); a deployer keeping its sources in the store alone sets nothing.
CONFIG_MARKER = "UMOT_DEPLOYED_CONFIG"


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


def worker_job_variables(settings: Settings | None = None, base: Path | None = None) -> dict[str, Any]:
    """Job variables that point a worker's flow runs at this store, config and export folder.

    Resolved against ``base`` (default: the current directory) now, because a
    process worker runs each flow in a new temporary directory where the
    relative defaults would find an empty store and lose the exports.
    """
    from core.settings import get_settings

    settings = settings or get_settings()
    base = (base or Path.cwd()).resolve()
    env = {
        "UMOT_DATA_DIR": str((base / settings.data_dir).resolve()),
        "UMOT_EXPORT_DIR": str((base / settings.export_dir).resolve()),
        "UMOT_CONFIG": str((base / settings.config_file).resolve()),
    }
    if settings.database_url_override:
        url = absolute_sqlite_url(settings.database_url_override, base)
        if url is not None:
            env["UMOT_DATABASE_URL"] = url
    env[STORE_MARKER] = store_marker(settings.database_url_override or f"sqlite:///{env['UMOT_DATA_DIR']}/umot.db",
                                     base)
    if Path(env["UMOT_CONFIG"]).is_file():
        env[CONFIG_MARKER] = "1"
    return {"env": env}


def deployed_with_config(environ: Mapping[str, str] | None = None) -> bool:
    """This flow run was deployed by a machine that had its umot.toml (:data:`CONFIG_MARKER`)."""
    environ = os.environ if environ is None else environ
    return environ.get(CONFIG_MARKER, "").strip() == "1"


def store_marker(url: str, base: Path | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Which store ``url`` names, fit to show anyone: ``postgresql://HOST:PORT/DB schema SCHEMA`` (libpq's
    defaults where the URL leaves them out: PGHOST, PGPORT, PGDATABASE, else localhost:5432; the schema:
    :func:`postgresql_schema`), ``sqlite:///ABSOLUTE/PATH`` (relative to ``base``, default here) or
    ``sqlite://`` in memory. No user, no password."""
    from sqlalchemy.engine import make_url

    from models.db import postgresql_options
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
