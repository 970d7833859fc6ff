"""``umot serve`` and ``umot deploy``: the nightly and weekly-export schedules in Prefect."""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from flows.deployments import ScheduleConfig

from flows.work_pools import DEFAULT_POOL  # no Prefect import: that waits for use_prefect_server()
from umot.cli._errors import fail

LOCAL_API_URL = "http://127.0.0.1:4200/api"

NightlyCron = Annotated[
    str | None,
    typer.Option("--nightly-cron", help="Cron for the nightly run \\[default: UMOT_NIGHTLY_CRON or '0 2 * * *']"),
]
WeeklyCron = Annotated[
    str | None,
    typer.Option("--weekly-cron", help="Cron for the weekly export \\[default: UMOT_WEEKLY_CRON or '0 6 * * 1']"),
]
Timezone = Annotated[
    str | None,
    typer.Option("--timezone", help="IANA timezone of both schedules and of export weeks \\[default: UMOT_TIMEZONE or UTC]"),
]


def use_prefect_server(environ: MutableMapping[str, str] | None = None) -> str:
    """Make ``PREFECT_API_URL`` (default: a local ``prefect server start``) the API Prefect uses here.

    With the variable unset, Prefect would start a temporary server of its own
    and register the deployments there, where no UI ever shows them. Prefect
    reads its settings once, when first imported: call this before; if it was
    imported already, its settings are read again.
    """
    environ = os.environ if environ is None else environ
    if not environ.get("PREFECT_API_URL"):
        environ["PREFECT_API_URL"] = LOCAL_API_URL
    url = environ["PREFECT_API_URL"].rstrip("/")
    if environ is os.environ and "prefect.context" in sys.modules:
        from prefect.context import refresh_global_settings_context

        refresh_global_settings_context()
    return url


def _connect_prefect() -> str:
    """Point Prefect at its server (see :func:`use_prefect_server`) and check that it answers."""
    import httpx

    from core.settings import get_settings

    get_settings().data_dir.mkdir(parents=True, exist_ok=True)  # PREFECT_HOME lives under it
    from flows.prefect_env import configure_prefect

    configure_prefect()  # umot's Prefect defaults (PREFECT_HOME, analytics off) before prefect loads

    url = use_prefect_server()
    try:
        httpx.get(f"{url}/health", timeout=5).raise_for_status()
    except httpx.HTTPError as exc:
        fail(
            f"no Prefect server answers at {url} ({type(exc).__name__}); start one with "
            "`prefect server start` or set PREFECT_API_URL to yours"
        )
    return url


def _schedules(nightly_cron: str | None, weekly_cron: str | None, timezone: str | None) -> ScheduleConfig:
    from flows.deployments import DeploymentConfigError, ScheduleConfig

    try:
        return ScheduleConfig.resolve(nightly_cron, weekly_cron, timezone)
    except DeploymentConfigError as exc:
        fail(str(exc))


def serve(
    nightly_cron: NightlyCron = None,
    weekly_cron: WeeklyCron = None,
    timezone: Timezone = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Most flow runs at once \\[default: no limit]")
    ] = None,
    pause_on_shutdown: Annotated[
        bool,
        typer.Option(
            "--pause-on-shutdown/--keep-schedules",
            help="Pause both schedules when this process stops \\[default: keep them active]",
        ),
    ] = False,
) -> None:
    """Serve the nightly and weekly-export deployments from this process until Ctrl-C.

    Registers both deployments with their cron schedules on the Prefect server
    at PREFECT_API_URL (default http://127.0.0.1:4200/api), where the UI shows
    and changes them, then runs their flow runs here as they come due (or when
    triggered from the UI). Stopping keeps the schedules active unless
    --pause-on-shutdown: runs due meanwhile show as Late and start on restart.
    """
    use_prefect_server()  # before _schedules imports prefect
    config = _schedules(nightly_cron, weekly_cron, timezone)
    url = _connect_prefect()
    from flows.deployments import serve_all

    typer.echo(
        f"serving nightly ({config.nightly_cron}) and weekly-export ({config.weekly_cron}), "
        f"timezone {config.timezone}, on {url}"
    )
    serve_all(config, limit=limit, pause_on_shutdown=pause_on_shutdown)


def deploy(
    pool: Annotated[
        str, typer.Option(help="Work pool to deploy to; created as a process pool if missing")
    ] = DEFAULT_POOL,
    nightly_cron: NightlyCron = None,
    weekly_cron: WeeklyCron = None,
    timezone: Timezone = None,
    fan_out: Annotated[
        int, typer.Option(min=0, help="Nightly runs hand their crawls and scoring to this many units any "
                          "worker of the pool runs (PostgreSQL store; 0: one flow run does the night)")
    ] = 0,
) -> None:
    """Create or update the deployments on a work pool, for workers to run.

    Then start a worker: `prefect worker start --pool <pool>` (same
    PREFECT_API_URL). Its runs use this folder's store, umot.toml and exports
    (UMOT_DATA_DIR, UMOT_CONFIG, UMOT_EXPORT_DIR and an SQLite UMOT_DATABASE_URL
    as absolute paths), wherever the worker was started; a PostgreSQL
    UMOT_DATABASE_URL is not stored in the deployments: set it for the worker.
    With --fan-out N on PostgreSQL, a night's crawls and scoring become N
    crawl-shard and score-shard units that any worker of the pool runs
    (docs/scaling.md).
    """
    use_prefect_server()  # before _schedules imports prefect
    config = _schedules(nightly_cron, weekly_cron, timezone)
    _connect_prefect()
    from flows.work_pools import deploy_all

    try:
        ids = deploy_all(config, pool=pool, fan_out=fan_out)
    except ValueError as exc:
        fail(f"cannot deploy to work pool {pool!r}: {exc}")
    typer.echo(f"deployed {len(ids)} deployments to work pool {pool!r}; run them with: prefect worker start --pool {pool}")
    typer.echo(_pinned_locations())


def _pinned_locations() -> str:
    """Where the deployed runs will read and write, whatever folder the worker starts in."""
    from core.settings import get_settings
    from flows.work_pools import worker_job_variables

    env = worker_job_variables()["env"]
    if "UMOT_DATABASE_URL" in env:
        store = env["UMOT_DATABASE_URL"]
    elif get_settings().database_url_override:
        store = "of the worker's UMOT_DATABASE_URL (not stored in the deployments: it may hold a password)"
    else:
        store = str(Path(env["UMOT_DATA_DIR"]) / "umot.db")
    return f"their runs use the store {store}, sources {env['UMOT_CONFIG']}, exports {env['UMOT_EXPORT_DIR']}"
