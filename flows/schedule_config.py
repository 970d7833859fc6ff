"""When the deployments run: the two cron schedules and their timezone, checked as Prefect would run them
(:mod:`flows.deployments` builds and serves the deployments from them).

Schedules are cron expressions in a configurable IANA timezone, resolved from
the arguments, else ``UMOT_NIGHTLY_CRON`` / ``UMOT_WEEKLY_CRON`` /
``UMOT_TIMEZONE``, else 02:00 daily and Monday 06:00 UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.settings import Settings
from core.wording import plural

DEFAULT_NIGHTLY_CRON: str = Settings.model_fields["nightly_cron"].default  # every day at 02:00
DEFAULT_WEEKLY_CRON: str = Settings.model_fields["weekly_cron"].default  # Mondays at 06:00
DEFAULT_TIMEZONE: str = Settings.model_fields["timezone"].default


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
        if not _known_timezone(self.timezone):
            raise DeploymentConfigError(f"{name('timezone')} {self.timezone!r} is not an IANA name like Europe/Berlin")


def _known_timezone(name: str) -> bool:
    """Would Prefect's schedule take it? Its own check (``CronSchedule``'s), and the system's: ``posixrules``,
    ``right/UTC``, ``posix/Europe/Berlin`` are files ``ZoneInfo`` loads that Prefect refuses, once it has
    created the work pool (``umot deploy``) or with a traceback (``umot serve``); ``""`` the other way round."""
    from prefect._internal.schemas.validators import default_timezone

    try:
        default_timezone(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


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
