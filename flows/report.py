"""The nightly run's markdown report (a Prefect artifact, key ``nightly-summary``).

Pure formatting of a :class:`flows.outcomes.NightlyResult`: what was crawled
(failed sources first), then per brand the new reviews, the sentiment split of
what this run scored, the week-over-week change and the most severe new
detractors quoted with links. Review texts are untrusted: they are escaped so
they cannot inject markdown, HTML or links into the Prefect UI.

Here the report is assembled and saved; its sources rows and brand sections are
:mod:`flows.report_sections`, how single values are written
:mod:`flows.report_format`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from core.wording import plural
from flows.outcomes import NightlyResult
from flows.report_format import md_escape
from flows.report_sections import brand_section, source_row

ARTIFACT_KEY = "nightly-summary"
REPORTS_FOLDER = "reports"  # under the data dir


def render_report(result: NightlyResult) -> str:
    """The whole report as markdown."""
    when = result.started_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    took = ""
    if result.finished_at is not None:
        took = f" The run took {(result.finished_at - result.started_at).total_seconds():.0f} s."  # not "…failed: X in 88 s"
    lines = [f"# umot nightly run — {when}", "", f"{md_escape(result.headline())}.{took}"]
    if result.unfinished_runs:  # reviews a killed night stored (flows.night_window)
        lines += ["", str(result.unfinished_note())]
    if result.model_version:
        lines += ["", f"Model: `{result.model_version.replace('`', '')}`; {plural(result.scored, 'review')} scored."]
    failed = result.failed_sources
    if failed:
        lines += ["", f"> **Warning:** {len(failed)} of {len(result.sources)} sources failed; "
                  "the others were crawled, scored and flagged as usual. Their reviews stored so far are kept."]
    for warning in result.config_warnings:
        lines += ["", f"> **Warning:** {md_escape(warning)}"]
    lines += ["", "## Sources", ""]
    if result.sources:
        lines += ["| source | status | pages | reviews seen | new | page errors |",
                  "| --- | --- | ---: | ---: | ---: | ---: |"]
        ordered = sorted(result.sources, key=lambda s: (s.ok, s.source.label))
        lines += [source_row(s) for s in ordered]
    else:
        lines.append("No enabled sources: add one with `umot sources add`.")
    lines.append("")
    for report in result.brands:
        lines += brand_section(report)
    return "\n".join(lines).rstrip() + "\n"


def save_report(markdown: str, data_dir: Path, started_at: datetime) -> Path:
    """Keep the report as ``<data dir>/reports/nightly-<UTC start>.md`` too (no Prefect UI needed)."""
    folder = data_dir / REPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"nightly-{started_at:%Y%m%dT%H%M%SZ}.md"
    path.write_text(markdown, encoding="utf-8")
    return path
