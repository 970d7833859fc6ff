"""``umot demo``: the nightly flow against a generated review site on 127.0.0.1.

It registers one source per demo brand (and the demo brand's two rivals), runs
the flow as ``umot run`` does, disables the sources once the site is gone
(:mod:`umot.cli._demo_sources`) and exports the demo brands' week
(:mod:`umot.cli._demo_export`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from umot.cli._console import stdout_console
from umot.cli._demo_export import export_demo_week
from umot.cli._demo_sources import disable_demo_sources, register_demo_sources
from umot.cli._errors import fail
from umot.cli._nightly_run import run_nightly
from umot.cli._run_checks import check_run_arguments
from umot.cli._run_display import print_summary
from umot.cli._run_options import Model, Verbose


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
    from crawlers.sources_sync import DEMO_SOURCE
    from umot.demo import start_demo_site

    console = stdout_console()  # piped: 200 columns, as the summary (a long export path stays whole)
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
        console.print(f"wrote {path}", highlight=False, markup=False)  # UMOT_EXPORT_DIR may hold [brackets]
