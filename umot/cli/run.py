"""``umot run`` (the nightly flow, once) and ``umot demo`` (the same against a local demo site).

Both run the Prefect flow in this process against a temporary local Prefect
API (no server to set up; see :mod:`flows.prefect_env`), show a progress
display on stderr and print the summary as tables on stdout. Prefect's own log
lines stay out of the terminal unless ``--verbose``.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from umot.cli._errors import err_console, fail
from umot.cli._store import DatabaseUrl

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from reporting.weeks import IsoWeek

console = Console()
DEMO_SOURCE = "demo-site"
# The demo's brand with two rivals, to show the benchmark (invented brands; the pairing is only a demo).
DEMO_RIVALS = ("Acme Kitchen", ("Lumen Audio", "Northwind Outdoor"))


# -- display ------------------------------------------------------------------------
class ProgressDisplay:
    """Turns :mod:`flows.progress` events into rich progress lines (thread-safe)."""

    def __init__(self, progress: Any) -> None:
        self.progress = progress
        self.tasks: dict[str, Any] = {}
        self.starting = progress.add_task("Starting the local Prefect API", total=1)

    def _line(self, key: str, description: str, total: float | None = None) -> Any:
        if key not in self.tasks:
            self.tasks[key] = self.progress.add_task(description, total=total)
        return self.tasks[key]

    def __call__(self, event: Any) -> None:
        self.progress.update(self.starting, completed=1)
        if event.stage == "crawl" and event.key == "crawl":
            line = self._line("crawl", f"Crawling {event.message}", total=event.total or 0)
            if not event.total:
                self.progress.update(line, total=1, completed=1)
        elif event.stage == "crawl":
            line = self._line(event.key, f"  {event.key}", total=1)
            self.progress.update(line, description=f"  {event.key}: {event.message}")
            if event.done:
                self.progress.update(line, completed=1)
                if "crawl" in self.tasks:
                    self.progress.advance(self.tasks["crawl"])
        elif event.stage == "score":
            line = self._line("score", "Scoring", total=None)
            self.progress.update(line, description=f"Scoring: {event.message}", advance=event.advance)
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
    """The run as rich tables: sources (failures first), then brands."""
    from flows.report import change, stars

    sources = Table(title="Sources", title_justify="left")
    sources.add_column("brand/source", no_wrap=True)
    sources.add_column("status", overflow="fold")  # an error message is never cut, only wrapped
    for name in ("pages", "seen", "new", "errors"):
        sources.add_column(name, justify="right")
    for s in sorted(result.sources, key=lambda s: (s.ok, s.source.label)):
        status = "[green]ok[/]" if s.ok else f"[red]failed[/]: {s.error_message or 'unknown error'}"
        pages = f"{s.pages} ({s.unchanged} unchanged)" if s.unchanged else str(s.pages)
        sources.add_row(s.source.label, status, pages, str(s.items_scraped), str(s.items_new), str(s.errors))

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
        row = [b.brand, str(b.new_reviews), str(b.stored_reviews), str(b.new_detractors),
               _share(b.share_positive), _share(b.share_negative), stars(week.get("avg_rating")),
               change(week.get("avg_rating"), prev.get("avg_rating"), kind="rating")]
        if webhooks:
            row.append({True: "[green]yes[/]", False: "[red]failed[/]", None: "–"}[b.notified])
        brands.add_row(*row)
    return [t for t in (sources, brands) if t.row_count]


# -- running the flow -----------------------------------------------------------------
def _prefect_env(verbose: bool) -> None:
    """Offline Prefect settings before prefect is imported; its console quiet unless verbose."""
    from flows.prefect_env import configure_prefect

    configure_prefect()
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")


def run_nightly(*, verbose: bool, concurrency: int, **params: Any) -> Any:
    """Run the nightly flow with a progress display; exit with a one-line error on failure."""
    _prefect_env(verbose)
    from prefect.task_runners import ThreadPoolTaskRunner
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from flows import progress as events
    from flows.nightly import nightly
    from flows.prefect_env import local_run_settings
    from flows.tasks.crawl import SourceNotFound

    # one thread per crawl process, one for loading the model meanwhile
    flow = nightly.with_options(task_runner=ThreadPoolTaskRunner(max_workers=max(1, concurrency) + 1))
    params["crawl_processes"] = concurrency
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), disable=verbose) as bars:
        display = ProgressDisplay(bars)
        with events.listening(display), local_run_settings():
            state = flow(**params, return_state=True)
        display.finish()
    if state.is_completed():
        return state.result()
    exc = state.result(raise_on_failure=False)
    if isinstance(exc, SourceNotFound):
        fail(str(exc).strip("'\""))
    if isinstance(exc, FileNotFoundError):
        fail(f"cannot load the model: {exc}")
    detail = f"{type(exc).__name__}: {exc}" if isinstance(exc, BaseException) else (state.message or state.name)
    fail(f"the nightly run failed: {detail} (reviews stored so far are kept; run it again to finish)", code=1)


def print_summary(result: Any) -> None:
    for table in summary_tables(result):
        console.print(table)
    if not result.sources:
        console.print("No enabled sources to crawl: add one with `umot sources add` (or edit umot.toml).")
    style = "bold red" if result.failed_sources else "bold"
    console.print(f"[{style}]{result.headline()}[/]", highlight=False)
    console.print(f"report: {result.report_path} (and the Prefect artifact {result.artifact_key})", highlight=False)


def parse_settings(pairs: list[str] | None) -> dict[str, str] | None:
    """``["DOWNLOAD_DELAY=5"]`` -> ``{"DOWNLOAD_DELAY": "5"}`` (Scrapy parses the values)."""
    settings = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            fail(f"--set {pair!r}: expected NAME=VALUE, e.g. --set DOWNLOAD_DELAY=5")
        settings[name.strip()] = value.strip()
    return settings or None


Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's log lines instead of progress bars.")]
Concurrency = Annotated[int, typer.Option(
    min=1, help="Scrapy processes the sources are shared among (each crawls its share side by side).",
)]
Model = Annotated[str | None, typer.Option(help="Model directory or id \\[default: UMOT_MODEL or the shipped model]")]


def run(
    brand: Annotated[str | None, typer.Option(help="Only this brand's sources and reviews.")] = None,
    source: Annotated[str | None, typer.Option(help="Only the source with this name.")] = None,
    model: Model = None,
    concurrency: Concurrency = 1,
    retries: Annotated[int, typer.Option(min=0, help="Retries of a failed crawl (back-off 10 s, 20 s, ...).")] = 2,
    batch_size: Annotated[int, typer.Option(min=1, help="Reviews scored per batch (one transaction each).")] = 256,
    notify: Annotated[bool, typer.Option(help="Post new detractors to brand webhooks.")] = True,
    setting: Annotated[list[str] | None, typer.Option(
        "--set", "-s", metavar="NAME=VALUE", help="Scrapy setting for every crawl, e.g. -s DOWNLOAD_DELAY=5 (repeatable).",
    )] = None,
    verbose: Verbose = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Run the nightly job once: crawl enabled sources, store, score, flag, summarise, notify.

    A source that fails (after retries) is listed and the others carry on; the
    exit code is then 1. Run it again at any time: reviews are stored once.
    """
    check_run_arguments(database_url, brand=brand, source=source, model=model)
    result = run_nightly(
        verbose=verbose, concurrency=concurrency, brand=brand, source=source, model=model,
        crawl_retries=retries, batch_size=batch_size, notify=notify, crawl_settings=parse_settings(setting),
    )
    print_summary(result)
    if result.failed_sources:
        raise typer.Exit(1)


def check_run_arguments(database_url: str | None = None, *, brand: str | None = None,
                        source: str | None = None, model: str | None = None) -> None:
    """Check what a run needs now, in one line (exit 2), before the local Prefect API (~20 s)
    and any crawl start: a model that is there, a store that opens, and the --brand and
    --source it holds (after syncing umot.toml, as the run does)."""
    from core.settings import get_settings
    from models import crud
    from models.db import session_scope
    from models.sources_config import SourcesConfigError, sync_sources
    from nlp.model_source import model_source_error
    from umot.cli._store import brand_or_fail, open_store

    chosen = model or get_settings().model
    problem = model_source_error(chosen) if chosen else None
    if problem:
        fail(f"cannot load the model: {problem}")
    engine = open_store(database_url)
    if database_url:  # the flow, its tasks and the crawl processes read the store from the settings
        os.environ["UMOT_DATABASE_URL"] = database_url
    config = get_settings().config_file
    with session_scope(engine) as session:
        if config.is_file():
            try:
                sync_sources(session, config)
            except SourcesConfigError:
                pass  # the run logs it and crawls the sources already stored
        owner = brand_or_fail(session, brand) if brand is not None else None
        if source is not None and not any(
            s.name == source.strip() for s in crud.list_sources(session, enabled_only=True,
                                                               brand_id=owner.id if owner else None)
        ):
            fail(f"no enabled source named {source!r}{f' of brand {brand!r}' if brand else ''} in the store "
                 "(see `umot sources list`)")


# -- the demo ----------------------------------------------------------------------------
def register_demo_sources(site: Any) -> list[str]:
    """One enabled ``demo-site`` source per demo brand, pointing at this run's port."""
    from models import crud
    from models.db import init_db, session_scope

    with session_scope(init_db()) as session:
        for brand in site.brands:
            owner = crud.get_or_create_brand(session, brand.name)
            found = [s for s in crud.list_sources(session, brand_id=owner.id) if s.name == DEMO_SOURCE]
            if found:
                crud.update_source(session, found[0], urls=[brand.url], enabled=True)
            else:
                crud.add_source(session, brand=brand.name, name=DEMO_SOURCE, urls=[brand.url], spider="schemaorg")
        _link_demo_rivals(session)
    return [b.name for b in site.brands]


def _link_demo_rivals(session: Any) -> None:
    """Acme Kitchen's two rivals; a link the store refuses (a user's own links make a cycle) is skipped."""
    from models.crud.competitors import CompetitorError, link_competitor

    brand, rivals = DEMO_RIVALS
    for rival in rivals:
        try:
            link_competitor(session, brand, rival)
        except CompetitorError as exc:
            err_console.print(f"demo: {brand} -> {rival} not linked: {exc}", markup=False)


def disable_demo_sources() -> None:
    """The demo site is gone once the demo ends: keep ``umot run`` from crawling it."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        for source in crud.list_sources(session, enabled_only=True):
            if source.name == DEMO_SOURCE:
                crud.set_source_enabled(session, source.id, False)


def demo_week(engine: Engine, brands: list[str], now: datetime | None = None) -> IsoWeek:
    """The week the demo exports: this ISO week, or the last complete one when that holds
    more of the demo brands' detractors (early in a week, this one has barely begun: a
    Monday's demo would otherwise write header-only CSVs)."""
    from models import crud
    from models.db import session_scope
    from reporting.data import count_flagged
    from reporting.weeks import IsoWeek, resolve_timezone

    zone = resolve_timezone()
    this = IsoWeek.of((now or datetime.now(UTC)).astimezone(zone).date())
    last = this.shift(-1)
    with session_scope(engine, write=False) as session:
        ids = [b.id for name in brands if (b := crud.get_brand(session, name)) is not None]
        flagged = {week: count_flagged(session, *week.bounds(zone), brand_ids=ids) for week in (this, last)}
    return last if flagged[last] > flagged[this] else this


def export_demo_week(brands: list[str]) -> list[Path]:
    """The demo brands' week (see :func:`demo_week`): detractor CSVs, summary and chart, via reporting."""
    from models.db import get_engine
    from reporting import write_weekly_export

    engine = get_engine()
    return write_weekly_export(engine, week=demo_week(engine, brands))


def demo(
    reviews: Annotated[int | None, typer.Option(min=1, help="Reviews on the demo site \\[default: ~150].")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the generated site (same seed, same reviews).")] = 0,
    model: Model = None,
    verbose: Verbose = False,
) -> None:
    """Crawl a generated local review site, score, flag, summarise and export a week's CSVs.

    The site runs on 127.0.0.1 (a free port) only while the demo runs; its
    four brands and their sources are registered in the store (UMOT_DATA_DIR,
    default data/). Run it again: nothing is stored twice. The export is this ISO
    week's, or the last complete week's when that holds more detractors.
    """
    check_run_arguments(model=model)
    from crawlers.runner import LOCAL_SITE_SETTINGS
    from umot.demo import start_demo_site

    with start_demo_site(n_reviews=reviews, seed=seed) as site:
        console.print(f"Demo site: {site.base_url}/ ({site.n_reviews} reviews, {len(site.brands)} brands; "
                      "sample data)", highlight=False)
        brands = register_demo_sources(site)
        try:
            result = run_nightly(
                verbose=verbose, concurrency=1, source=DEMO_SOURCE, model=model,
                crawl_settings=dict(LOCAL_SITE_SETTINGS), crawl_retries=1, retry_delay=1.0, notify=False,
            )
        finally:
            disable_demo_sources()
    print_summary(result)
    try:
        paths = export_demo_week(brands)
    except OSError as exc:
        fail(f"cannot write the export to {exc.filename}: {exc.strerror or exc}")
    for path in paths:
        console.print(f"wrote {path}", highlight=False)
