"""The two deployments (nightly, weekly-export), served from one process or
deployed to a work pool. Deployment code lives here, apart from the flows.

Schedules are cron expressions in a configurable IANA timezone, resolved from
the arguments, else ``UMOT_NIGHTLY_CRON`` / ``UMOT_WEEKLY_CRON`` /
``UMOT_TIMEZONE``, else 02:00 daily and Monday 06:00 UTC. Entrypoints are module
paths (``flows.nightly.nightly``), so any machine with umot installed can run
them: the ``umot serve`` process itself, or a worker started elsewhere.

Stopping ``umot serve`` leaves the schedules active by default
(``pause_on_shutdown=False``): Prefect would otherwise pause them on the way
out and nothing would run until someone resumed them in the UI or restarted
the server. Runs due while nothing serves them show as *Late* in the UI and
start when ``umot serve`` is back.

A process worker runs each flow in a new temporary directory, where umot's
relative defaults (``./data``, ``./exports``, ``umot.toml``) would find an
empty store; :func:`worker_job_variables` pins them, resolved where
``umot deploy`` ran, in the deployments' environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.settings import Settings

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

NIGHTLY = "nightly"
WEEKLY_EXPORT = "weekly-export"
CRAWL_SHARD, SCORE_SHARD = "crawl-shard", "score-shard"  # units of a fanned-out night (flows/fanout.py)
DEFAULT_NIGHTLY_CRON: str = Settings.model_fields["nightly_cron"].default  # every day at 02:00
DEFAULT_WEEKLY_CRON: str = Settings.model_fields["weekly_cron"].default  # Mondays at 06:00
DEFAULT_TIMEZONE: str = Settings.model_fields["timezone"].default
DEFAULT_POOL = "umot"
TAGS = ["umot"]


class DeploymentConfigError(ValueError):
    """A schedule setting that Prefect would reject; the message names it."""


@dataclass(frozen=True)
class ScheduleConfig:
    """When the two deployments run."""

    nightly_cron: str = DEFAULT_NIGHTLY_CRON
    weekly_cron: str = DEFAULT_WEEKLY_CRON
    timezone: str = DEFAULT_TIMEZONE

    @classmethod
    def resolve(
        cls,
        nightly_cron: str | None = None,
        weekly_cron: str | None = None,
        timezone: str | None = None,
        settings: Settings | None = None,
    ) -> ScheduleConfig:
        """Arguments, else the settings (``UMOT_NIGHTLY_CRON`` ...: see core.settings); validated."""
        from core.settings import get_settings

        settings = settings or get_settings()
        config = cls(
            nightly_cron=nightly_cron or settings.nightly_cron,
            weekly_cron=weekly_cron or settings.weekly_cron,
            timezone=timezone or settings.timezone,
        )
        config.validate()
        return config

    def validate(self) -> None:
        from prefect._internal.schemas.validators import validate_cron_string

        for what, expr in (("nightly cron (UMOT_NIGHTLY_CRON)", self.nightly_cron),
                           ("weekly cron (UMOT_WEEKLY_CRON)", self.weekly_cron)):
            try:
                validate_cron_string(expr)
            except ValueError:
                raise DeploymentConfigError(
                    f"{what} {expr!r} is not a cron expression like '0 2 * * *' "
                    "(minute hour day-of-month month day-of-week)"
                ) from None
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise DeploymentConfigError(
                f"timezone (UMOT_TIMEZONE) {self.timezone!r} is not an IANA name like Europe/Berlin"
            ) from None


def build_deployments(
    config: ScheduleConfig, *, job_variables: dict[str, Any] | None = None
) -> list[RunnerDeployment]:
    """The nightly and weekly-export deployments with their cron schedules.

    ``job_variables`` (for a work pool's workers) apply to both.
    """
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from flows.nightly import nightly
    from flows.weekly_export import weekly_export

    common = {"entrypoint_type": EntrypointType.MODULE_PATH, "tags": TAGS, "concurrency_limit": 1,
              "job_variables": dict(job_variables or {})}
    return [
        nightly.to_deployment(  # type: ignore[list-item]
            NIGHTLY,
            schedules=[Cron(config.nightly_cron, timezone=config.timezone, slug=f"{NIGHTLY}-cron")],
            description="Crawl every enabled source, store, score, flag, report and notify.",
            **common,
        ),
        weekly_export.to_deployment(  # type: ignore[list-item]
            WEEKLY_EXPORT,
            schedules=[Cron(config.weekly_cron, timezone=config.timezone, slug=f"{WEEKLY_EXPORT}-cron")],
            # Weeks start on Monday 00:00 in the same timezone the schedule runs in.
            parameters={"timezone": config.timezone},
            description="Write last week's detractor and summary CSVs and the 12-week chart.",
            **common,
        ),
    ]


def serve_all(config: ScheduleConfig, *, limit: int | None = None, pause_on_shutdown: bool = False) -> None:
    """Register both deployments and run their flow runs from this process until Ctrl-C or SIGTERM."""
    from flows.serving import serve_until_stopped

    serve_until_stopped(build_deployments(config), limit=limit, pause_on_shutdown=pause_on_shutdown)


def ensure_process_pool(name: str) -> bool:
    """Create a process work pool called ``name`` unless one exists; True if created."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            client.read_work_pool(name)
            return False
        except ObjectNotFound:
            client.create_work_pool(
                WorkPoolCreate(
                    name=name,
                    type=ProcessWorker.type,
                    base_job_template=ProcessWorker.get_default_base_job_template(),
                    description="umot flow runs in local processes (prefect worker start --pool ...)",
                )
            )
            return True


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


def pool_deployments(config: ScheduleConfig, *, fan_out: int = 0) -> list[RunnerDeployment]:
    """The deployments ``umot deploy`` sends to a work pool: pinned to this store and export folder.

    With them the ``crawl-shard`` and ``score-shard`` units a nightly run with
    ``fan_out`` > 0 hands to the pool's workers (docs/scaling.md); ``fan_out``
    is the deployed nightly's default.
    """
    from prefect.deployments.runner import EntrypointType

    from flows.night_units import crawl_shard, score_shard

    job_variables = worker_job_variables()
    deployments = build_deployments(config, job_variables=job_variables)
    if fan_out:
        deployments[0].parameters = {**deployments[0].parameters, "fan_out": fan_out}
    units = {"entrypoint_type": EntrypointType.MODULE_PATH, "tags": TAGS, "job_variables": job_variables}
    return [
        *deployments,
        crawl_shard.to_deployment(CRAWL_SHARD, description="One shard of a fanned-out night's sources.", **units),  # type: ignore[list-item]
        score_shard.to_deployment(SCORE_SHARD, description="Score claimed batches of a fanned-out night.", **units),  # type: ignore[list-item]
    ]


def deploy_all(config: ScheduleConfig, *, pool: str = DEFAULT_POOL, fan_out: int = 0) -> list[UUID]:
    """Create or update both deployments on work pool ``pool`` (created if missing).

    Nothing is built or pushed: workers import the flows from the installed
    umot package, so install umot wherever ``prefect worker start --pool
    <pool>`` runs. The store (SQLite), data, config and export locations are
    those of this process, as absolute paths (:func:`worker_job_variables`);
    a PostgreSQL ``UMOT_DATABASE_URL`` must be set on the workers.
    """
    # Not prefect.deploy(): in 3.8.8 it asks the server for the pool's workers
    # with limit=None, which the server rejects (422). apply() is the part we need.
    ensure_process_pool(pool)
    return [deployment.apply(work_pool_name=pool) for deployment in pool_deployments(config, fan_out=fan_out)]  # type: ignore[misc]
