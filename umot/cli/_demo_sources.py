"""The store side of ``umot demo``: its sources (one per demo brand) and the demo brand's rivals.

Registered before the run and disabled after it: the site lives on a port of
this run only, so a later ``umot run`` must not crawl it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from umot.cli._errors import err_console

if TYPE_CHECKING:
    from umot.demo import DemoSite


# The demo's brand with two rivals, to show the benchmark (invented brands; the pairing is only a demo).
DEMO_RIVALS = ("Acme Kitchen", ("Lumen Audio", "Northwind Outdoor"))


def register_demo_sources(site: DemoSite) -> list[str]:
    """One enabled ``demo-site`` source per demo brand, pointing at this run's port (the night crawls it
    beside a umot.toml that does not list it: ``crawlers.sources_sync.DEMO_SOURCE``)."""
    from crawlers.sources_sync import DEMO_SOURCE
    from models import crud
    from models.crud.sources import find_source
    from models.db import init_db, session_scope

    with session_scope(init_db()) as session:
        for brand in site.brands:
            crud.get_or_create_brand(session, brand.name)
            found = find_source(session, brand.name, DEMO_SOURCE)
            if found is not None:
                crud.update_source(session, found, urls=[brand.url], enabled=True)
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
    from crawlers.sources_sync import DEMO_SOURCE
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    with session_scope(get_engine()) as session:
        for source in crud.list_sources(session, enabled_only=True):
            if source.name == DEMO_SOURCE:
                crud.set_source_enabled(session, stored_id(source), False)
