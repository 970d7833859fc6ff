"""The nightly report's markdown pieces: a row of the sources table and one brand's section.

A brand's section holds its counts, the sentiment split of this run's scores,
the week-over-week table, its top negative themes and the most severe new
detractors quoted with links; every untrusted text goes through
:func:`flows.report_format.md_escape`.
"""

from __future__ import annotations

from collections.abc import Callable

from core.wording import plural
from flows.notify import quote
from flows.outcomes import BrandReport
from flows.report_format import change, md_escape, md_link, percent, stars
from flows.stage_outcomes import SourceOutcome
from reporting.rounding import figure_text


def _word(count: int, word: str) -> str:
    """``review`` / ``reviews`` after a bold count (``1 new review``, not ``1 new reviews``)."""
    return plural(count, word).split(" ", 1)[1]


def _split(report: BrandReport) -> str:
    """``50% positive / 17% neutral / 33% negative`` of this run's labelled scores; ``–`` for none."""
    shares = report.label_split  # they add up to 100% (each rounded on its own: 33 + 33 + 33)
    if shares is None:
        return "–"
    return " / ".join(f"{figure_text(shares[k])}% {k}" for k in ("positive", "neutral", "negative"))


def _pages(outcome: SourceOutcome) -> str:
    """``27 (25 unchanged)``: pages the site answered 304 for were not read again."""
    return f"{outcome.pages} ({outcome.unchanged} unchanged)" if outcome.unchanged else str(outcome.pages)


def source_row(outcome: SourceOutcome) -> str:
    """One row of the sources table; a failure shows the crawl's (escaped) error, an ok crawl that left pages
    unread its note (``crawlers.crawl_notes``: the page cap stopped it, a next page failed, ``--since`` cut it)."""
    if outcome.ok:
        status = f"ok: {md_escape(outcome.error_message)}" if outcome.error_message else "ok"
    else:
        status = f"**failed**: {md_escape(outcome.error_message or 'unknown error')}"
    return (
        f"| {md_escape(outcome.source.label)} | {status} | {_pages(outcome)} | {outcome.items_scraped} "
        f"| {outcome.items_new} | {outcome.errors} |"
    )


def week_table(report: BrandReport) -> list[str]:
    """The brand's last 7 days beside the 7 before (by first seen), with the change of each figure."""
    this, last = report.week, report.previous_week
    rows: list[tuple[str, float | None, float | None, str, Callable[[float], str]]] = [
        ("Reviews", this.get("new_reviews"), last.get("new_reviews"), "count", str),
        ("Detractors", this.get("detractors"), last.get("detractors"), "count", str),
        ("Negative share", this.get("share_negative"), last.get("share_negative"), "share", percent),
        ("Positive share", this.get("share_positive"), last.get("share_positive"), "share", percent),
        ("Average rating", this.get("avg_rating"), last.get("avg_rating"), "rating", stars),
        ("Average predicted stars", this.get("avg_stars"), last.get("avg_stars"), "rating", stars),
        ("Detractors answered at the source", this.get("reply_rate"), last.get("reply_rate"), "share", percent),
        ("Median hours to reply", this.get("median_reply_hours"), last.get("median_reply_hours"), "hours",
         lambda hours: f"{figure_text(hours, 1)} h"),
    ]
    lines = ["| by first seen | last 7 days | 7 days before | change |", "| --- | ---: | ---: | ---: |"]
    for name, cur, prev, kind, fmt in rows:
        shown_cur = "–" if cur is None else fmt(cur)
        shown_prev = "–" if prev is None else fmt(prev)
        lines.append(f"| {name} | {shown_cur} | {shown_prev} | {change(cur, prev, kind=kind)} |")
    return lines


def brand_section(report: BrandReport) -> list[str]:
    """One brand's part of the report, as markdown lines."""
    edited = report.edited_reviews
    stored = f"{report.stored_reviews} stored in all" + (f", {edited} edited" if edited else "")
    lines = [
        f"## {md_escape(report.brand)}",
        "",
        f"**{report.new_reviews}** new {_word(report.new_reviews, 'review')} ({stored}), "
        f"**{report.new_detractors}** new {_word(report.new_detractors, 'detractor')}; sentiment of the "
        f"{plural(report.labelled, 'review')} scored in this run: {_split(report)}.",
        "",
        *week_table(report),
        "",
    ]
    if report.negative_themes:  # (#18)
        themes = ", ".join(f"{md_escape(name)} ({n})" for name, n in report.negative_themes)
        lines += [f"**Top negative themes** of the detractors written in the last 7 days: {themes}.", ""]
    if report.detractors:
        lines.append("**Top new detractors**")
        lines.append("")
        for i, item in enumerate(report.detractors, 1):
            rated = f"{item.rating_text} · " if item.rating_text else ""
            link = md_link(item.url)
            why = "; ".join(item.reasons)
            lines.append(
                f"{i}. severity {figure_text(item.severity, 2)} · {rated}“{md_escape(quote(item.text))}”"
                + (f" — {link}" if link else "")
                + (f"  \n   _{md_escape(why)}_" if why else "")
            )
        if report.new_detractors > len(report.detractors):
            lines.append(f"\n…and {report.new_detractors - len(report.detractors)} more in the triage queue.")
        lines.append("")
    return lines
