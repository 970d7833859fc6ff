"""The two deployments (nightly, weekly-export) and their schedules, served from
one process (``umot serve``); :mod:`flows.work_pools` sends the same ones to a
work pool (``umot deploy``). Deployment code lives here, apart from the flows.

Their schedules (cron expressions in an IANA timezone, and their checks) are
:mod:`flows.schedule_config`'s. Entrypoints are module
paths (``flows.nightly.nightly``), so any machine with umot installed can run
them: the ``umot serve`` process itself, or a worker started elsewhere.

Stopping ``umot serve`` leaves the schedules active by default
(``pause_on_shutdown=False``): Prefect would otherwise pause them on the way
out and nothing would run until someone resumed them in the UI or restarted
the server. Runs due while nothing serves them show as *Late* in the UI and
start when ``umot serve`` is back.

Served after ``umot deploy``, a deployment keeps the work pool it was deployed
to (Prefect updates it in place): a worker of that pool may still take its
runs. Served deployments therefore carry the same pinned environment as
deployed ones (:func:`flows.worker_env.worker_job_variables`), and ``umot
serve`` warns about each one on a pool (:func:`pooled_deployments`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from flows.schedule_config import (
    DEFAULT_NIGHTLY_CRON,
    DEFAULT_TIMEZONE,
    DEFAULT_WEEKLY_CRON,
    DeploymentConfigError,
    ScheduleConfig,
)

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

# The schedule's names, importable from here as before the split.
__all__ = ["DEFAULT_NIGHTLY_CRON", "DEFAULT_TIMEZONE", "DEFAULT_WEEKLY_CRON", "NIGHTLY", "TAGS", "WEEKLY_EXPORT",
           "DeploymentConfigError", "ScheduleConfig", "build_deployments", "existing_deployments", "pooled_deployments",
           "serve_all"]

NIGHTLY = "nightly"
WEEKLY_EXPORT = "weekly-export"
TAGS = ["umot"]

def build_deployments(
    config: ScheduleConfig, *, job_variables: dict[str, Any] | None = None
) -> list[RunnerDeployment]:
    """The nightly and weekly-export deployments with their cron schedules.

    ``job_variables`` (for a work pool's workers) apply to both.
    """
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from flows.nightly import nightly
    from flows.prefect_typing import called_sync
    from flows.weekly_export import weekly_export

    both_job_variables = dict(job_variables or {})
    return [
        called_sync(nightly.to_deployment(
            NIGHTLY,
            schedules=[Cron(config.nightly_cron, timezone=config.timezone, slug=f"{NIGHTLY}-cron")],
            description="Crawl every enabled source, store, score, flag, report and notify.",
            entrypoint_type=EntrypointType.MODULE_PATH, tags=TAGS, concurrency_limit=1,
            job_variables=both_job_variables,
        )),
        called_sync(weekly_export.to_deployment(
            WEEKLY_EXPORT,
            schedules=[Cron(config.weekly_cron, timezone=config.timezone, slug=f"{WEEKLY_EXPORT}-cron")],
            # Weeks start on Monday 00:00 in the same timezone the schedule runs in.
            parameters={"timezone": config.timezone},
            description="Write last week's detractor and summary CSVs and the 12-week chart.",
            entrypoint_type=EntrypointType.MODULE_PATH, tags=TAGS, concurrency_limit=1,
            job_variables=both_job_variables,
        )),
    ]


def serve_all(config: ScheduleConfig, *, limit: int | None = None, pause_on_shutdown: bool = False) -> None:
    """Register both deployments and run their flow runs from this process until Ctrl-C or SIGTERM."""
    from flows.serving import serve_until_stopped
    from flows.worker_env import worker_job_variables

    serve_until_stopped(build_deployments(config), limit=limit, pause_on_shutdown=pause_on_shutdown,
                        job_variables=worker_job_variables())  # a pool's worker that takes a run: this store


def existing_deployments(names: Sequence[str]) -> dict[str, Any]:
    """Of the ``flow/deployment`` ``names``, those the Prefect server has: name -> its deployment."""
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    found = {}
    with get_client(sync_client=True) as client:
        for name in names:
            try:
                found[name] = client.read_deployment_by_name(name)
            except ObjectNotFound:
                continue
    return found


def pooled_deployments() -> dict[str, str]:
    """The served deployments that sit on a work pool (``umot deploy`` put them there): name -> pool."""
    served = existing_deployments([f"{NIGHTLY}/{NIGHTLY}", f"{WEEKLY_EXPORT}/{WEEKLY_EXPORT}"])
    return {name: d.work_pool_name for name, d in served.items() if d.work_pool_name}
