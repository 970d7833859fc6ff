"""``umot run``: the nightly flow, once.

It runs the Prefect flow in this process against a temporary local Prefect
API (no server to set up; see :mod:`flows.prefect_env`), shows a progress
display on stderr (:mod:`umot.cli._run_display`) and prints the summary as
tables on stdout. Prefect's own log lines stay out of the terminal unless
``--verbose``. ``umot demo`` (:mod:`umot.cli.demo`) runs the same flow.
"""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer
from rich.console import Console

from umot.cli._errors import fail
from umot.cli._run_display import ProgressDisplay, print_summary
from umot.cli._store import DatabaseUrl


def _prefect_env(verbose: bool) -> None:
    """Offline Prefect settings before prefect is imported; its console quiet unless verbose."""
    from flows.prefect_env import configure_prefect

    configure_prefect()
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")


def run_nightly(*, verbose: bool, concurrency: int, **params: Any) -> Any:
    """Run the nightly flow with a progress display; exit with a one-line error on failure."""
    _prefect_env(verbose)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from flows import progress as events
    from flows.nightly import nightly
    from flows.prefect_env import local_run_settings
    from flows.prefect_typing import thread_pool
    from flows.tasks.plan import SourceNotFound

    # one thread per crawl process, one for loading the model meanwhile
    flow = nightly.with_options(task_runner=thread_pool(max(1, concurrency) + 1))
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
    from crawlers.sources_sync import sync_sources
    from models import crud
    from models.db import session_scope
    from models.sources_config import SourcesConfigError
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
