"""``umot serve`` and ``umot deploy``: the nightly and weekly-export schedules in Prefect.

The Prefect server they talk to: :mod:`umot.cli._prefect_server`; their shared
schedule options: :mod:`umot.cli._schedule_options`; the store their runs will
use, checked first: :mod:`umot.cli._deploy_store`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from flows.work_pools import DEFAULT_POOL  # no Prefect import: that waits for use_prefect_server()
from umot.cli._deploy_store import check_store_url, pinned_locations, warn_fan_out_on_sqlite
from umot.cli._errors import fail
from umot.cli._prefect_server import connect_prefect, shown_api_url, use_prefect_server
from umot.cli._schedule_options import NightlyCron, Timezone, WeeklyCron, resolve_schedules


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
            show_default=False,  # the help says it: typer's own `[default: keep-schedules]` doubled it
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
    check_store_url()
    use_prefect_server()  # before resolve_schedules imports prefect
    config = resolve_schedules(nightly_cron, weekly_cron, timezone)
    url = connect_prefect()
    from flows.deployments import pooled_deployments, serve_all

    for name, pool in pooled_deployments().items():  # `umot deploy` put it there; serving keeps the pool
        typer.echo(f"warning: deployment {name} sits on work pool {pool!r} (from `umot deploy`): a worker of that "
                   "pool may take its runs too (they use this store, or fail saying so: docs/deployments.md)", err=True)

    typer.echo(
        f"serving nightly ({config.nightly_cron}) and weekly-export ({config.weekly_cron}), "
        f"timezone {config.timezone}, on {shown_api_url(url)}"
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
    pool = pool.strip()
    if not pool:
        fail("--pool is empty: name the work pool to deploy to (created as a process pool if missing)")
    check_store_url()
    warn_fan_out_on_sqlite(fan_out)
    use_prefect_server()  # before resolve_schedules imports prefect
    config = resolve_schedules(nightly_cron, weekly_cron, timezone)
    connect_prefect()
    from flows.work_pools import deploy_all

    try:
        ids = deploy_all(config, pool=pool, fan_out=fan_out)
    except ValueError as exc:
        fail(f"cannot deploy to work pool {pool!r}: {exc}")
    typer.echo(f"deployed {len(ids)} deployments to work pool {pool!r}; run them with: prefect worker start --pool {pool}")
    typer.echo(pinned_locations())
