"""The store the scheduled runs will use, checked and shown before ``umot serve`` or ``umot deploy`` registers them.

A night's log is the wrong place to learn that the store's URL is unusable,
that ``--fan-out`` does nothing on SQLite, or where a worker's runs will write:
these say it at the command, once. Apart from the commands
(:mod:`umot.cli.serve`), which talk to Prefect.
"""

from __future__ import annotations

from pathlib import Path

import typer


def check_store_url() -> None:
    """The runs' store URL (UMOT_DATABASE_URL) checked now, not in a night's log: one that umot cannot use or
    that names no file (an in-memory store, lost as each run ends) raises the CLI's one-line error."""
    from models.db_url import normalize_url

    normalize_url(None)


def warn_fan_out_on_sqlite(fan_out: int) -> None:
    """Say now, not in a night's log, that --fan-out has no effect on an SQLite store (machines cannot share it)."""
    from core.settings import get_settings
    from models.sqlite_url import sqlite_path

    if fan_out and sqlite_path(get_settings().database_url) is not None:
        typer.echo(f"warning: --fan-out {fan_out} needs a PostgreSQL store (UMOT_DATABASE_URL): on this SQLite "
                   "store each night runs in one flow run (docs/scaling.md)", err=True)


def pinned_locations() -> str:
    """Where the deployed runs will read and write, whatever folder the worker starts in."""
    from core.settings import get_settings
    from flows.worker_env import worker_job_variables

    env = worker_job_variables()["env"]
    if "UMOT_DATABASE_URL" in env:
        store = env["UMOT_DATABASE_URL"]
    elif get_settings().database_url_override:
        store = (f"{env['UMOT_DEPLOYED_STORE']} (set UMOT_DATABASE_URL on each worker: the URL is not stored, it may "
                 "hold a password; a run on a worker whose store is another fails)")
    else:
        store = str(Path(env["UMOT_DATA_DIR"]) / "umot.db")
    return f"their runs use the store {store}, sources {env['UMOT_CONFIG']}, exports {env['UMOT_EXPORT_DIR']}"
