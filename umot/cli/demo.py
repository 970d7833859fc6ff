"""``umot demo``: the nightly flow against a generated review site on 127.0.0.1.

It registers one source per demo brand (and the demo brand's two rivals), runs
the flow as ``umot run`` does, disables the sources once the site is gone and
exports the demo brands' week.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from umot.cli._errors import err_console, fail
from umot.cli._run_display import console, print_summary
from umot.cli.run import Model, Verbose, check_run_arguments, run_nightly

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from reporting.weeks import IsoWeek

DEMO_SOURCE = "demo-site"
# The demo's brand with two rivals, to show the benchmark (invented brands; the pairing is only a demo).
DEMO_RIVALS = ("Acme Kitchen", ("Lumen Audio", "Northwind Outdoor"))


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
    from models.stored import stored_id

    with session_scope(get_engine()) as session:
        for source in crud.list_sources(session, enabled_only=True):
            if source.name == DEMO_SOURCE:
                crud.set_source_enabled(session, stored_id(source), False)


def demo_week(engine: Engine, brands: list[str], now: datetime | None = None) -> IsoWeek:
    """The week the demo exports: this ISO week, or the last complete one when that holds
    more of the demo brands' detractors (early in a week, this one has barely begun: a
    Monday's demo would otherwise write header-only CSVs)."""
    from models import crud
    from models.db import session_scope
    from models.stored import stored_id
    from reporting.data import count_flagged
    from reporting.weeks import IsoWeek, resolve_timezone

    zone = resolve_timezone()
    this = IsoWeek.of((now or datetime.now(UTC)).astimezone(zone).date())
    last = this.shift(-1)
    with session_scope(engine, write=False) as session:
        ids = [stored_id(b) for name in brands if (b := crud.get_brand(session, name)) is not None]
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
