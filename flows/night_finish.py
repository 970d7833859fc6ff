"""A night's last steps: themes, per-brand summary, notifications, the artifact and the report file.

The same for every way of running a night (one process, or fanned out over the
work pool: :mod:`flows.fanned_night`), so it lives apart from the flow in
:mod:`flows.nightly`, which only decides how the crawl and scoring run.
"""

from __future__ import annotations

from datetime import UTC, datetime

from prefect.artifacts import create_markdown_artifact
from prefect.logging import get_run_logger

from flows import progress
from flows.fanned_night import Night
from flows.notify_state import record_posted
from flows.outcomes import BrandReport, NightlyResult
from flows.report import ARTIFACT_KEY, render_report, save_report
from flows.tasks.negative_themes import add_negative_themes
from flows.tasks.notify import notify_brand
from flows.tasks.summarise import summarise
from flows.tasks.themes import detect_themes


def finish_night(night: Night, *, notify: bool, top: int) -> NightlyResult:
    """Summarise, notify, write the artifact and the report: the same for every way of running."""
    from core.settings import get_settings

    log = get_run_logger()
    result, brand_ids, batches = night.result, night.brand_ids, night.batches
    result.themes_read = detect_themes(brand_ids)  # (#18) themes and stages of every review not read yet
    progress.emit("summarise", "summarise", "summarising")
    # new detractors: the flags raised since the report's window opened (a killed night's too: flows.night_window)
    now = datetime.now(UTC)  # one moment for the week's figures and the top themes beside them
    result.brands = summarise(brand_ids, result.counted_since, result.sources, batches, result.model_version, top=top,
                              own_start=result.started_at, now=now)
    add_negative_themes(result.brands, now)
    n = len(result.brands)
    progress.emit("summarise", "summarise", f"{n} brand{'s' if n != 1 else ''}", done=True)
    if notify:
        for report in result.brands:
            if report.webhook_url and report.new_detractors:
                report.notified = _notify(report)
                if report.notified:  # settled now: a night stopped before its end must not post it twice
                    record_posted(report, result)

    result.finished_at = datetime.now(UTC)
    markdown = render_report(result)
    create_markdown_artifact(markdown=markdown, key=ARTIFACT_KEY, description="umot nightly run: per-brand summary")
    result.artifact_key = ARTIFACT_KEY
    try:
        result.report_path = str(save_report(markdown, get_settings().data_dir, result.started_at))
    except OSError as exc:  # the artifact has it; a full disk must not fail the run
        log.warning("could not save the report file: %s", exc)
    log.info(result.headline())
    return result


def _notify(report: BrandReport) -> bool:
    """One brand's post; any failure of it (the task's time limit too) is a failed post, which
    :mod:`flows.notify_state` keeps for the next night: never the night's, nor the other brands'."""
    try:
        return notify_brand(report)
    except Exception as exc:  # noqa: BLE001 - the report and the other brands' posts come first
        get_run_logger().warning("could not notify %s: %s", report.brand, type(exc).__name__)
        progress.emit("notify", report.brand, "webhook failed", done=True)
        return False
