"""The table ``umot sources list`` prints: each stored source, its state, its last crawl and
whether umot.toml still lists it (a source dropped from the file stays in the store)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.wording import plural
from umot.cli._errors import fail
from umot.cli._store import open_store

if TYPE_CHECKING:
    from pathlib import Path

    from rich.table import Table

    from models.tables import CrawlRun


def last_crawl(run: CrawlRun | None) -> str:
    """``2024-05-01 02:00 finished, 3 new, 1 error``, or ``never`` for a source not crawled yet."""
    if run is None:
        return "never"
    return f"{run.started_at:%Y-%m-%d %H:%M} {run.status}, {run.items_new} new, {plural(run.errors, 'error')}"


def sources_table(path: Path, brand: str | None, database_url: str | None) -> Table:
    """One row per stored source (only ``brand``'s if given; an unknown brand is the one-line error).

    Names and URLs are anyone's text: escaped, so ``[/x]`` or ``Acme [eu]`` show as written, not as rich markup.
    """
    from rich.markup import escape
    from rich.table import Table

    from models import crud
    from models.db import session_scope
    from models.identity import brand_key
    from models.sources_config import load_sources

    in_file = {s.key for s in load_sources(path)}  # the brand by brand_key: "acme" in the file is "Acme"
    table = Table("brand", "source", "spider", "state", "last crawl", "in file")
    table.add_column("urls", overflow="fold")
    with session_scope(open_store(database_url)) as session:
        brands = {b.id: b.name for b in crud.list_brands(session)}
        owner = crud.get_brand(session, brand) if brand is not None else None
        if brand is not None and owner is None:
            fail(f"no brand named {brand!r} in the store")
        rows = crud.list_sources(session, brand_id=owner.id if owner is not None else None)
        for row in rows:
            runs = crud.list_crawl_runs(session, source_id=row.id, limit=1)
            table.add_row(
                escape(brands[row.brand_id]), escape(row.name), escape(row.spider),
                "enabled" if row.enabled else "disabled", last_crawl(runs[0] if runs else None),
                "yes" if (brand_key(brands[row.brand_id]), row.name) in in_file else "no", escape("\n".join(row.urls)),
            )
    return table
