"""The nightly run's markdown report (a Prefect artifact, key ``nightly-summary``).

Pure formatting of a :class:`flows.outcomes.NightlyResult`: what was crawled
(failed sources first), then per brand the new reviews, the sentiment split of
what this run scored, the week-over-week change and the most severe new
detractors quoted with links. Review texts are untrusted: they are escaped so
they cannot inject markdown, HTML or links into the Prefect UI.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from flows.notify import quote
from flows.outcomes import BrandReport, NightlyResult, SourceOutcome

ARTIFACT_KEY = "nightly-summary"
REPORTS_FOLDER = "reports"  # under the data dir
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: object) -> str:
    """Text that renders as itself in markdown (one line)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def md_link(url: str | None, label: str = "link") -> str:
    """A markdown link for http(s) URLs only; anything else is dropped."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return ""
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"[{label}]({safe})"


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def stars(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def change(current: float | None, previous: float | None, *, kind: str = "count") -> str:
    """Week-over-week change: ``+3``, ``-5 pts`` (shares), ``+0.20`` (ratings), ``new``."""
    if current is None and previous is None:
        return "–"
    if kind == "count" and not previous:
        return "new" if current else "–"
    if previous is None:
        return "–"
    if current is None:
        return "–"
    delta = current - previous
    if kind == "share":
        return f"{delta * 100:+.0f} pts"
    if kind == "rating":
        return f"{delta:+.2f}"
    return f"{delta:+.0f}"


def _split(report: BrandReport) -> str:
    labelled = {k: v for k, v in report.labels.items() if k in ("positive", "neutral", "negative")}
    total = sum(labelled.values())
    if not total:
        return "–"
    return " / ".join(f"{labelled.get(k, 0) / total * 100:.0f}% {k}" for k in ("positive", "neutral", "negative"))


def _pages(outcome: SourceOutcome) -> str:
    """``27 (25 unchanged)``: pages the site answered 304 for were not read again."""
    return f"{outcome.pages} ({outcome.unchanged} unchanged)" if outcome.unchanged else str(outcome.pages)


def _source_row(outcome: SourceOutcome) -> str:
    status = "ok" if outcome.ok else f"**failed**: {md_escape(outcome.error_message or 'unknown error')}"
    return (
        f"| {md_escape(outcome.source.label)} | {status} | {_pages(outcome)} | {outcome.items_scraped} "
        f"| {outcome.items_new} | {outcome.errors} |"
    )


def _week_table(report: BrandReport) -> list[str]:
    this, last = report.week, report.previous_week
    rows: list[tuple[str, float | None, float | None, str, Callable[[float], str]]] = [
        ("Reviews", this.get("new_reviews"), last.get("new_reviews"), "count", str),
        ("Detractors", this.get("detractors"), last.get("detractors"), "count", str),
        ("Negative share", this.get("share_negative"), last.get("share_negative"), "share", percent),
        ("Positive share", this.get("share_positive"), last.get("share_positive"), "share", percent),
        ("Average rating", this.get("avg_rating"), last.get("avg_rating"), "rating", stars),
        ("Average predicted stars", this.get("avg_stars"), last.get("avg_stars"), "rating", stars),
        ("Detractors answered at the source", this.get("reply_rate"), last.get("reply_rate"), "share", percent),
        ("Median hours to reply", this.get("median_reply_hours"), last.get("median_reply_hours"), "rating",
         lambda hours: f"{hours:.1f} h"),
    ]
    lines = ["| by first seen | last 7 days | 7 days before | change |", "| --- | ---: | ---: | ---: |"]
    for name, cur, prev, kind, fmt in rows:
        shown_cur = "–" if cur is None else fmt(cur)
        shown_prev = "–" if prev is None else fmt(prev)
        lines.append(f"| {name} | {shown_cur} | {shown_prev} | {change(cur, prev, kind=kind)} |")
    return lines


def _brand_section(report: BrandReport) -> list[str]:
    lines = [
        f"## {md_escape(report.brand)}",
        "",
        f"**{report.new_reviews}** new reviews ({report.stored_reviews} stored in all), "
        f"**{report.new_detractors}** new detractors; sentiment of the {report.scored} reviews scored "
        f"in this run: {_split(report)}.",
        "",
        *_week_table(report),
        "",
    ]
    if report.negative_themes:  # (#18)
        themes = ", ".join(f"{md_escape(name)} ({n})" for name, n in report.negative_themes)
        lines += [f"**Top negative themes** of the last 7 days' detractors: {themes}.", ""]
    if report.detractors:
        lines.append("**Top new detractors**")
        lines.append("")
        for i, item in enumerate(report.detractors, 1):
            rated = f"{item.rating_text} · " if item.rating_text else ""
            link = md_link(item.url)
            why = "; ".join(item.reasons)
            lines.append(
                f"{i}. severity {item.severity:.2f} · {rated}“{md_escape(quote(item.text))}”"
                + (f" — {link}" if link else "")
                + (f"  \n   _{md_escape(why)}_" if why else "")
            )
        if report.new_detractors > len(report.detractors):
            lines.append(f"\n…and {report.new_detractors - len(report.detractors)} more in the triage queue.")
        lines.append("")
    return lines


def render_report(result: NightlyResult) -> str:
    """The whole report as markdown."""
    when = result.started_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    took = ""
    if result.finished_at is not None:
        took = f" in {(result.finished_at - result.started_at).total_seconds():.0f} s"
    lines = [f"# umot nightly run — {when}", "", f"{md_escape(result.headline())}{took}."]
    if result.model_version:
        lines += ["", f"Model: `{result.model_version.replace('`', '')}`; {result.scored} reviews scored."]
    failed = result.failed_sources
    if failed:
        lines += ["", f"> **Warning:** {len(failed)} of {len(result.sources)} sources failed; "
                  "the others were crawled, scored and flagged as usual. Their reviews stored so far are kept."]
    lines += ["", "## Sources", ""]
    if result.sources:
        lines += ["| source | status | pages | reviews seen | new | page errors |",
                  "| --- | --- | ---: | ---: | ---: | ---: |"]
        ordered = sorted(result.sources, key=lambda s: (s.ok, s.source.label))
        lines += [_source_row(s) for s in ordered]
    else:
        lines.append("No enabled sources: add one with `umot sources add`.")
    lines.append("")
    for report in result.brands:
        lines += _brand_section(report)
    return "\n".join(lines).rstrip() + "\n"


def save_report(markdown: str, data_dir: Path, started_at: datetime) -> Path:
    """Keep the report as ``<data dir>/reports/nightly-<UTC start>.md`` too (no Prefect UI needed)."""
    folder = data_dir / REPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"nightly-{started_at:%Y%m%dT%H%M%SZ}.md"
    path.write_text(markdown, encoding="utf-8")
    return path
