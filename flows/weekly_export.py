"""The weekly-export flow: Monday's CSVs and chart for brand teams.

Scheduled by the ``weekly-export`` deployment (default Monday 06:00, see
:mod:`flows.deployments`); ``umot export`` does the same without Prefect.
The run ends with a markdown artifact listing the files and the week's
figures, so the Prefect UI shows what was written without opening a CSV.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from prefect import flow
from prefect.artifacts import create_markdown_artifact
from prefect.logging import get_run_logger

from flows.report_format import md_escape
from flows.tasks.export import export_week
from reporting.safety import FORMULA_PREFIXES

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
    from flows.worker_env import check_deployed_store
    from reporting import default_week, parse_week

    check_deployed_store()  # a worker without the store's URL would export an empty new SQLite store
    target = str(parse_week(week) if week else default_week(timezone, scheduled_time()))
    get_run_logger().info("exporting week %s%s", target, f" for {brand}" if brand else "")
    paths = export_week(target, brand=brand, out_dir=out_dir, excel=excel, timezone=timezone)
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


def export_report(week: str, paths: list[Path]) -> str:
    """Markdown: the week's summary table, then the files written."""
    lines = [f"# Weekly export {week}", ""]
    summary = next((p for p in paths if p.name.startswith("summary-")), None)
    if summary is not None:
        with summary.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        if rows:
            lines += [
                "| brand | reviews | detractors | negative % | positive % | avg rating | NPS | NPS change "
                "| answered % | hours to reply |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            ]
            for r in rows:
                brand = _brand(r["brand"])
                cells = [r.get(c) or "-" for c in
                         ("reviews", "detractors", "negative_pct", "positive_pct", "avg_rating", "nps", "nps_change",
                          "reply_rate", "median_reply_hours")]
                lines.append(f"| {brand} | " + " | ".join(cells) + " |")
        else:
            lines.append("No brands in the store yet.")
        lines.append("")
    for benchmark in _benchmark_csvs(week, paths):
        lines += _benchmark_table(benchmark)
    lines.append("Files:")
    lines += [f"- `{p}`" for p in paths]
    return "\n".join(lines) + "\n"


def _benchmark_csvs(week: str, paths: list[Path]) -> list[Path]:
    """The ``benchmark-<brand>-<week>.csv`` files, told from ``benchmark-themes-<brand>-<week>.csv`` by the
    exported brands (their ``detractors-`` files), not by name: "Themes Acme"'s benchmark starts so too."""
    themes = {f"benchmark-themes-{p.name[len('detractors-'):]}" for p in paths if p.name.startswith("detractors-")}
    return [p for p in paths
            if p.name.startswith("benchmark-") and p.name.endswith(f"-{week}.csv") and p.name not in themes]


def _benchmark_table(path: Path) -> list[str]:
    """A brand beside its rivals (``benchmark-<brand>-<week>.csv``), as a markdown table."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        return []
    columns = ("reviews", "avg_rating", "negative_pct", "nps", "detractor_rate", "reply_rate", "median_reply_hours")
    lines = [f"**{_brand(rows[0]['brand'])} vs rivals**", "",
             "| brand | " + " | ".join(c.replace("_", " ") for c in columns) + " |",
             "| --- | " + " | ".join("---:" for _ in columns) + " |"]
    for r in rows:
        name = _brand(r["brand"]) + (" (rival)" if r["role"] == "rival" else "")
        lines.append(f"| {name} | " + " | ".join(r[c] or "-" for c in columns) + " |")
    return [*lines, ""]


def _brand(cell: str) -> str:
    """A brand name from a CSV as markdown text: ``Acme <Outlet>`` or ``*Star*`` is shown as written."""
    return md_escape(_unguard(cell))


def _unguard(cell: str) -> str:
    """Undo :func:`reporting.csv_safe` for display (markdown runs no formulas)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_PREFIXES) else cell
