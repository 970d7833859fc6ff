"""The two deployments (nightly, weekly-export) and their schedules, served from
one process (``umot serve``); :mod:`flows.work_pools` sends the same ones to a
work pool (``umot deploy``). Deployment code lives here, apart from the flows.

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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.settings import Settings
from core.wording import plural

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

NIGHTLY = "nightly"
WEEKLY_EXPORT = "weekly-export"
DEFAULT_NIGHTLY_CRON: str = Settings.model_fields["nightly_cron"].default  # every day at 02:00
DEFAULT_WEEKLY_CRON: str = Settings.model_fields["weekly_cron"].default  # Mondays at 06:00
DEFAULT_TIMEZONE: str = Settings.model_fields["timezone"].default
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
        """Arguments (``umot serve``/``deploy``'s options), else the settings (``UMOT_NIGHTLY_CRON`` ...: see
        core.settings); validated, a bad value named as it was given: the option, or the variable."""
        from core.settings import get_settings

        settings = settings or get_settings()
        given = {"nightly_cron": nightly_cron, "weekly_cron": weekly_cron, "timezone": timezone}
        config = cls(**{field: getattr(settings, field) if value is None else value for field, value in given.items()})
        config.validate(frozenset(field for field, value in given.items() if value is not None))  # "" too
        return config

    def validate(self, given: frozenset[str] = frozenset()) -> None:
        """Raise :class:`DeploymentConfigError` naming the bad value's option (a field in ``given``) or setting."""
        def name(field: str) -> str:
            option, variable = _NAMES[field]
            return option if field in given else f"{field.replace('_', ' ')} ({variable})"

        for field, expr in (("nightly_cron", self.nightly_cron), ("weekly_cron", self.weekly_cron)):
            problem = _cron_problem(expr)
            if problem:
                raise DeploymentConfigError(f"{name(field)} {expr!r} {problem}")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise DeploymentConfigError(
                f"{name('timezone')} {self.timezone!r} is not an IANA name like Europe/Berlin"
            ) from None


def _cron_problem(expr: str) -> str | None:
    """Why Prefect's schedule would not run ``expr`` as written; None if it would.

    Prefect accepts more than the five fields (or a nickname: ``@daily``) the docs describe: a sixth is
    read as seconds (``0 2 * * * *``: a run every second from 02:00:00 to
    02:00:59), and a date that never comes (``0 6 30 2 *``) fails only on the
    server, when it looks for the next run.
    """
    from prefect._internal.schemas.validators import validate_cron_string
    from prefect._vendor.croniter import CroniterBadDateError, croniter

    try:
        validate_cron_string(expr)
    except ValueError:
        return f"is not a cron expression like '0 2 * * *' ({_FIELDS})"
    if len(expr.split()) != 5 and expr.strip().lower() not in _NICKNAMES:
        return f"has {plural(len(expr.split()), 'field')}, not 5 ({_FIELDS}, or {', '.join(_NICKNAMES)})"
    try:
        croniter(expr).get_next()
    except CroniterBadDateError:
        return "never comes: no date matches its day and month"
    return None


_FIELDS = "minute hour day-of-month month day-of-week"
#: cron's nicknames, which Prefect reads as their five fields (``@daily`` = ``0 0 * * *``)
_NICKNAMES = ("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")

#: Each schedule field's ``umot serve``/``deploy`` option and environment variable, as errors name them.
_NAMES = {"nightly_cron": ("--nightly-cron", "UMOT_NIGHTLY_CRON"), "weekly_cron": ("--weekly-cron", "UMOT_WEEKLY_CRON"),
          "timezone": ("--timezone", "UMOT_TIMEZONE")}


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

    serve_until_stopped(build_deployments(config), limit=limit, pause_on_shutdown=pause_on_shutdown)
