"""What ``umot run`` and ``umot demo`` show: rich progress lines while the flow runs, then
the summary as tables on stdout."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()
DOING = {"crawl": "crawling", "score": "scoring", "themes": "reading themes", "summarise": "summarising",
         "notify": "notifying"}


class ProgressDisplay:
    """Turns :mod:`flows.progress` events into rich progress lines (thread-safe).

    An event's key and message are a source's or brand's name and a crawl's error:
    text anyone can choose, so they are escaped (``[/x]`` would be rich markup).
    """

    def __init__(self, progress: Any) -> None:
        self.progress = progress
        self.tasks: dict[str, Any] = {}
        self.starting = progress.add_task("Starting the local Prefect API", total=1)
        self.last = "starting the local Prefect API"  # the last stage heard of, for a stopped run's line
        self.crawls_left = 0  # crawls started and not done: scoring runs beside them, so a stop is "while crawling"
        self.flagged = 0  # new detractors of every scoring batch so far (each event carries its batch's)
        self._count = threading.Lock()  # batches are scored in several threads

    @property
    def doing(self) -> str:
        """What a run stopped now was doing: crawling while any crawl runs, else the last stage heard of."""
        return "crawling" if self.crawls_left > 0 else self.last

    def _line(self, key: str, description: str, total: float | None = None) -> Any:
        if key not in self.tasks:
            self.tasks[key] = self.progress.add_task(description, total=total)
        return self.tasks[key]

    def __call__(self, event: Any) -> None:
        self.progress.update(self.starting, completed=1)
        self.last = DOING.get(event.stage, event.stage)
        self._show(replace(event, key=escape(event.key), message=escape(event.message)))

    def _show(self, event: Any) -> None:
        """``event`` (its texts already escaped) as its progress line."""
        if event.stage == "crawl" and event.key == "crawl":
            self.crawls_left = int(event.total or 0)
            line = self._line("crawl", f"Crawling {event.message}", total=event.total or 0)
            if not event.total:
                self.progress.update(line, total=1, completed=1)
        elif event.stage == "crawl":
            line = self._line(event.key, f"  {event.key}", total=1)
            self.progress.update(line, description=f"  {event.key}: {event.message}")
            if event.done:
                self.crawls_left = max(self.crawls_left - 1, 0)
                self.progress.update(line, completed=1)
                if "crawl" in self.tasks:
                    self.progress.advance(self.tasks["crawl"])
        elif event.stage == "score":
            line = self._line("score", "Scoring", total=None)
            message = event.message
            if event.advance:  # a batch: the run's new detractors so far, not this batch's
                with self._count:
                    self.flagged += event.flagged
                    flagged = self.flagged
                message = f"{flagged} new detractor{'' if flagged == 1 else 's'}"
            self.progress.update(line, description=f"Scoring: {message}", advance=event.advance)
        else:
            line = self._line(event.stage, event.message, total=1)
            self.progress.update(line, description=f"{event.stage.capitalize()}: {event.message}",
                                 completed=1 if event.done else 0)

    def finish(self) -> None:
        """Stop the spinners of lines whose total was unknown (scoring)."""
        for task in self.progress.tasks:
            if task.total is None:
                self.progress.update(task.id, total=max(task.completed, 1), completed=max(task.completed, 1))


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def summary_tables(result: Any) -> list[Table]:
    """The run as rich tables: sources (failures first), then brands (names and errors escaped: not markup)."""
    from flows.report_format import change, stars

    sources = Table(title="Sources", title_justify="left")
    sources.add_column("brand/source", no_wrap=True)
    sources.add_column("status", overflow="fold")  # an error message is never cut, only wrapped
    for name in ("pages", "seen", "new", "errors"):
        sources.add_column(name, justify="right")
    for s in sorted(result.sources, key=lambda s: (s.ok, s.source.label)):
        status = "[green]ok[/]" if s.ok else f"[red]failed[/]: {escape(s.error_message or 'unknown error')}"
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
               _share(b.share_positive), _share(b.share_negative), stars(week.get("avg_rating")),
               change(week.get("avg_rating"), prev.get("avg_rating"), kind="rating")]
        if webhooks:
            row.append({True: "[green]yes[/]", False: "[red]failed[/]", None: "–"}[b.notified])
        brands.add_row(*row)
    return [t for t in (sources, brands) if t.row_count]


def print_summary(result: Any) -> None:
    """The summary tables, then the headline and where the report is."""
    for table in summary_tables(result):
        console.print(table)
    if not result.sources:
        console.print("No enabled sources to crawl: add one with `umot sources add` (or edit umot.toml).")
    for warning in result.config_warnings:
        console.print(f"[bold yellow]warning:[/] {escape(warning)}", highlight=False)
    for line in unsent_lines(result.brands):
        console.print(line, highlight=False)
    style = "bold red" if result.failed_sources else "bold"
    console.print(f"[{style}]{escape(result.headline())}[/]", highlight=False)  # it names the failed sources
    console.print(f"report: {result.report_path} (and the Prefect artifact {result.artifact_key})", highlight=False,
                  markup=False)


def unsent_lines(brands: Any) -> list[str]:
    """One line per brand whose webhook failed: what was not posted, and that the next run posts it."""
    from core.wording import plural
    from flows.notify_state import unsent_count

    lines = []
    for b in brands:
        if b.notified is False:
            waiting = plural(unsent_count(b.brand_id), "detractor")
            lines.append(f"[bold yellow]notified: failed[/] — {escape(b.brand)}: {waiting} not posted yet; the next "
                         "run posts them again (see `umot detractors list`)")
    return lines
