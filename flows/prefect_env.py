"""Make Prefect work offline, quietly, with its state under umot's data dir.

Prefect 3 with no ``PREFECT_API_URL`` starts a temporary local API server (a
uvicorn subprocess over SQLite) for the length of the run; nothing is sent
anywhere. These defaults only fill in what the user has not set, so a real
Prefect server (``PREFECT_API_URL``) or a custom ``PREFECT_HOME`` still wins.
They must be in the environment before ``prefect`` is imported, which is why
``flows/__init__.py`` applies them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path

# Values for Prefect 3.8.8 (checked against prefect.settings).
OFFLINE_DEFAULTS: dict[str, str] = {
    # Start the temporary local API when no PREFECT_API_URL is set.
    "PREFECT_SERVER_EPHEMERAL_ENABLED": "true",
    # The temporary server needs ~10 s on a busy 2-core machine; the default 20 s is tight.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # No anonymous usage reports from the server (it also races the SQLite DB at start).
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_LOGGING_LEVEL": "ERROR",
}

# Extra defaults for interactive commands: Prefect's own INFO lines stay out of
# the terminal (the CLI shows its own progress); they still reach the API.
QUIET_DEFAULTS: dict[str, str] = {
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
}


def prefect_env(data_dir: Path, *, quiet: bool = False) -> dict[str, str]:
    """The Prefect settings umot uses for ``data_dir`` (before the user's own)."""
    env = {"PREFECT_HOME": str((data_dir / "prefect").resolve()), **OFFLINE_DEFAULTS}
    if quiet:
        env.update(QUIET_DEFAULTS)
    return env


def configure_prefect(
    data_dir: Path | None = None,
    *,
    quiet: bool = False,
    environ: MutableMapping[str, str] | None = None,
) -> dict[str, str]:
    """Fill the environment with :func:`prefect_env` where unset; return what was set."""
    environ = os.environ if environ is None else environ
    if data_dir is None:
        from core.settings import get_settings

        data_dir = get_settings().data_dir
    applied = {}
    for key, value in prefect_env(data_dir, quiet=quiet).items():
        if key not in environ:
            environ[key] = value
            applied[key] = value
    if "PREFECT_HOME" in applied:  # Prefect creates only the last level itself
        try:
            Path(applied["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # Prefect warns and still runs, with its state in memory only
    return applied


@contextmanager
def local_run_settings() -> Iterator[None]:
    """Prefect settings for a flow run started in this process (``umot run``, the demo, the bench).

    With no ``PREFECT_API_URL`` the run reports to a temporary API that ends with
    the process, so nothing watches its heartbeats (a server uses them to mark
    crashed runs), while Prefect's heartbeat thread sleeps in one-second steps
    that the run waits out as it ends: up to a second per run for nothing. They
    are off there; against a real server they stay as configured. The temporary
    API starts here, from the calling thread, and dies with this process
    (:mod:`flows.local_api`): a killed ``umot run`` leaves no server behind.
    """
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from flows.local_api import start_local_api

    if PREFECT_API_URL.value():
        yield
        return
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        start_local_api()
        yield
