"""``umot run``: the nightly flow, once.

Its arguments are checked first (:mod:`umot.cli._run_checks`); the Prefect flow
then runs in this process against a temporary local Prefect API, with a progress
display on stderr (:mod:`umot.cli._nightly_run`), and the summary is printed as
tables on stdout (:mod:`umot.cli._run_display`). Prefect's own log lines stay
out of the terminal unless ``--verbose``. It holds the store's nightly lock and
stops within seconds on SIGTERM or Ctrl-C (:mod:`umot.cli._run_stop`). ``umot demo`` (:mod:`umot.cli.demo`)
runs the same flow, with the same options (:mod:`umot.cli._run_options`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from umot.cli._nightly_run import run_nightly
from umot.cli._run_checks import check_run_arguments
from umot.cli._run_display import print_summary
from umot.cli._run_options import Concurrency, Model, Verbose, parse_settings
from umot.cli._store import DatabaseUrl


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
    exit code is then 1. Run it again at any time: reviews are stored once. One
    run per store at a time: a second one says so and exits 1. SIGTERM or Ctrl-C
    stop it within seconds, crawl included (exit 143 or 130).
    """
    crawl_settings = parse_settings(setting)
    check_run_arguments(database_url, brand=brand, source=source, model=model, settings=crawl_settings)
    result = run_nightly(
        verbose=verbose, concurrency=concurrency, brand=brand, source=source, model=model,
        crawl_retries=retries, batch_size=batch_size, notify=notify, crawl_settings=crawl_settings,
    )
    print_summary(result)
    if result.failed_sources:
        raise typer.Exit(1)
