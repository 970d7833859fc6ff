"""Where a pool worker's flow runs find umot's store, config and exports: absolute paths, pinned now.

A process worker runs each flow in a new temporary directory, where umot's
relative defaults (``./data``, ``./exports``, ``umot.toml``) would find an
empty store and lose the exports. ``umot deploy`` (:mod:`flows.work_pools`)
writes these locations, resolved where it ran, into the deployments'
environment, and prints them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.settings import Settings


def absolute_sqlite_url(url: str, base: Path) -> str | None:
    """``url`` with a relative SQLite file made absolute under ``base``; None if not SQLite.

    Server URLs (PostgreSQL) give None: they may hold a password, which a
    deployment would show to everyone who opens it in the UI.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:") or Path(database).is_absolute():
        return url
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
    return {"env": env}
