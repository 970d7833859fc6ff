"""The weekly-export flow: Monday's CSVs and chart for brand teams.

Scheduled by the ``weekly-export`` deployment (default Monday 06:00, see
:mod:`flows.deployments`); ``umot export`` does the same without Prefect.
The run ends with a markdown artifact listing the files and the week's
figures (:mod:`flows.export_artifact`), so the Prefect UI shows what was
written without opening a CSV.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import flow
from prefect.artifacts import create_markdown_artifact
from prefect.logging import get_run_logger

from flows.export_artifact import export_report
from flows.tasks.export import export_week

ARTIFACT_KEY = "weekly-export"
FLOW_TIMEOUT_S = 1800


@flow(name="weekly-export", timeout_seconds=FLOW_TIMEOUT_S)
def weekly_export(
    week: str | None = None,
    brand: str | None = None,
    out_dir: str | None = None,
    excel: bool = False,
    timezone: str | None = None,
) -> list[str]:
    """Export one ISO week (default: the last complete one when the run was scheduled) per brand.

    Args:
        week: ISO week such as ``2026-W47``; empty = the last complete week at the run's
            scheduled time (:func:`scheduled_time`: a late run exports its own week).
        brand: only this brand; empty = all brands.
        out_dir: folder for the files; empty = ``UMOT_EXPORT_DIR`` (``exports``).
        excel: start CSVs with a UTF-8 BOM for Excel.
        timezone: where weeks start (IANA name); empty = ``UMOT_TIMEZONE`` or UTC.
    """
    from flows.deployed_store import check_deployed_store
    from reporting import default_week, parse_week

    check_deployed_store()  # a worker without the store's URL would export an empty new SQLite store
    target = str(parse_week(week) if week else default_week(timezone, scheduled_time()))
    get_run_logger().info("exporting week %s%s", target, f" for {brand}" if brand else "")
    paths = export_week(target, brand=brand or None, out_dir=out_dir, excel=excel, timezone=timezone)
    create_markdown_artifact(
        key=ARTIFACT_KEY,
        markdown=export_report(target, [Path(p) for p in paths]),
        description=f"Weekly export {target}",
    )
    return paths


def scheduled_time() -> datetime | None:
    """When this flow run was due (Prefect's expected start time; now outside a flow run).

    A run scheduled for Monday 06:00 that starts a week late (a worker or
    ``umot serve`` was down) exports the week before that Monday, as it would
    have on time: counted from now, every late run after an outage would export
    the same newest week and the weeks between would never be written.
    """
    from prefect.runtime import flow_run

    when = flow_run.scheduled_start_time
    return when if isinstance(when, datetime) else None
