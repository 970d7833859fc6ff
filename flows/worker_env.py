"""Where a pool worker's flow runs find umot's store, config and exports: absolute paths, pinned now.

A process worker runs each flow in a new temporary directory, where umot's
relative defaults (``./data``, ``./exports``, ``umot.toml``) would find an
empty store and lose the exports. ``umot deploy`` (:mod:`flows.work_pools`)
writes these locations, resolved where it ran, into the deployments'
environment, and prints them. A PostgreSQL URL is not written (it may hold a
password); a marker of the store is, which every deployed flow checks
(:mod:`flows.deployed_store`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.settings import Settings
from flows.deployed_store import STORE_MARKER, absolute_sqlite_url, store_marker

# Set when the deployer had its umot.toml: a worker's night without the file then says so
# (flows.tasks.plan); a deployer keeping its sources in the store alone sets nothing.
CONFIG_MARKER = "UMOT_DEPLOYED_CONFIG"


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
