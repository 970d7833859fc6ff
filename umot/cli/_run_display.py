"""What ``umot run`` and ``umot demo`` print when the flow is done: the summary as tables on
stdout (the progress lines while it runs are :mod:`umot.cli._run_progress`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table

from umot.cli._console import stdout_console

if TYPE_CHECKING:
    from rich.console import Console

#: Where the summary goes; None: stdout, 200 columns when piped (:func:`stdout_console`), so a
#: report read from a log file keeps its names whole. A test puts a recording console here.
console: Console | None = None


def summary_tables(result: Any) -> list[Table]:
    """The run as rich tables: sources (failures first), then brands (names and errors escaped: not markup)."""
    from flows.report_format import change, percent, stars

    sources = Table(title="Sources", title_justify="left")
    sources.add_column("brand/source", no_wrap=True)
    sources.add_column("status", overflow="fold")  # an error message is never cut, only wrapped
    for name in ("pages", "seen", "new", "errors"):
        sources.add_column(name, justify="right")
    for s in sorted(result.sources, key=lambda s: (s.ok, s.source.label)):
        if s.ok:  # an ok crawl's message is its note: pages left unread, a --since cut, the page cap
            status = f"[green]ok[/]: {escape(s.error_message)}" if s.error_message else "[green]ok[/]"
        else:
            status = f"[red]failed[/]: {escape(s.error_message or 'unknown error')}"
        pages = f"{s.pages} ({s.unchanged} unchanged)" if s.unchanged else str(s.pages)
        sources.add_row(escape(s.source.label), status, pages, str(s.items_scraped), str(s.items_new), str(s.errors))

    brands = Table(title="Brands (split of the reviews scored now; rating of the last 7 days vs the 7 before)",
                   title_justify="left")
    brands.add_column("brand", no_wrap=True)
    for name in ("new", "stored", "detractors", "pos", "neg", "★ 7d", "Δ★"):
        brands.add_column(name, justify="right", no_wrap=True)
    webhooks = any(b.notified is not None for b in result.brands)
    if webhooks:
        brands.add_column("notified", justify="right")
    for b in result.brands:
        week, prev = b.week, b.previous_week
        row = [escape(b.brand), str(b.new_reviews), str(b.stored_reviews), str(b.new_detractors),
               percent(b.share_positive), percent(b.share_negative), stars(week.get("avg_rating")),
               change(week.get("avg_rating"), prev.get("avg_rating"), kind="rating")]
        if webhooks:
            row.append({True: "[green]yes[/]", False: "[red]failed[/]", None: "–"}[b.notified])
        brands.add_row(*row)
    return [t for t in (sources, brands) if t.row_count]


def print_summary(result: Any) -> None:
    """The summary tables, then the headline and where the report is."""
    out = _console()
    for table in summary_tables(result):
        out.print(table)
    if not result.sources:
        out.print("No enabled sources to crawl: add one with `umot sources add` (or edit umot.toml).")
    for warning in result.config_warnings:
        out.print(f"[bold yellow]warning:[/] {escape(warning)}", highlight=False)
    for line in unsent_lines(result.brands):
        out.print(line, highlight=False)
    style = "bold red" if result.failed_sources else "bold"
    out.print(f"[{style}]{escape(result.headline())}[/]", highlight=False)  # it names the failed sources
    out.print(f"report: {result.report_path} (and the Prefect artifact {result.artifact_key})", highlight=False,
              markup=False)


def unsent_lines(brands: Any) -> list[str]:
    """One line per brand whose webhook failed: what was not posted, and that the next run posts it."""
    from core.wording import plural
    from flows.notify_backlog import unsent_count

    lines = []
    for b in brands:
        if b.notified is False:
            waiting = plural(unsent_count(b.brand_id), "detractor")
            lines.append(f"[bold yellow]notified: failed[/] — {escape(b.brand)}: {waiting} not posted yet; the next "
                         "run posts them again (see `umot detractors list`)")
    return lines


def _console() -> Console:
    """The console the summary is printed on (see :data:`console`)."""
    return console if console is not None else stdout_console()
