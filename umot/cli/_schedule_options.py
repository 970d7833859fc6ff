"""The schedule options ``umot serve`` and ``umot deploy`` share, read into one checked ScheduleConfig.

The options only carry what was typed; :class:`flows.deployments.ScheduleConfig`
fills in the UMOT_* defaults and checks the crons with Prefect's validator, so
:func:`resolve_schedules` runs inside the commands, after the Prefect server is chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from umot.cli._errors import fail

if TYPE_CHECKING:
    from flows.deployments import ScheduleConfig

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


def resolve_schedules(nightly_cron: str | None, weekly_cron: str | None, timezone: str | None) -> ScheduleConfig:
    """Both schedules with their defaults filled in; a bad cron or timezone is the one-line error (exit 2)."""
    from flows.deployments import DeploymentConfigError, ScheduleConfig

    try:
        return ScheduleConfig.resolve(nightly_cron, weekly_cron, timezone)
    except DeploymentConfigError as exc:
        fail(str(exc))
