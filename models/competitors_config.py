"""Competitor links in ``umot.toml``, and their sync into the store.

Beside the ``[[sources]]`` tables, one ``[[competitors]]`` table per brand::

    [[competitors]]
    brand = "Acme"
    rivals = ["Globex", "Initech"]   # each crawled like any brand (its own [[sources]])

``umot brands link/unlink`` edit the file (through tomlkit: comments and the
rest kept, :mod:`models.competitors_config_edits`) and the store together; ``umot run`` and ``umot brands list`` bring
hand edits in. A sync only adds links (``unlink`` removes from both, from every
table of the brand, and takes out of the file a name no stored brand has): the
file is not the only way in (``umot demo`` links its brands in the store alone),
so a link deleted from the file by hand stays in the store until unlinked. A bad
table stops it before anything changes, naming the file. A bad link (an unknown
brand, a cycle) stops ``umot brands list``'s sync too, while the nightly run skips
it with a warning and syncs the others: a hand edit never stops a night. Brand names
match as everywhere else (``models.crud.brands.brand_key``: any case, Unicode form).
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from models.config_file import read_data
from models.crud.competitors import CompetitorError, link_competitor

TABLE = "competitors"


def load_links(path: Path) -> list[tuple[str, str]]:
    """(brand, rival) pairs listed in the file, in file order; [] without a file."""
    path = Path(path)
    tables = read_data(path, CompetitorError).get(TABLE, [])
    if not isinstance(tables, list):
        raise CompetitorError(f"{path}: '{TABLE}' must be [[{TABLE}]] tables")
    links: list[tuple[str, str]] = []
    for number, table in enumerate(tables, 1):
        where = f"{path}: [[{TABLE}]] #{number}"
        brand = table.get("brand") if isinstance(table, dict) else None
        rivals = table.get("rivals") if isinstance(table, dict) else None
        if not isinstance(brand, str) or not brand.strip():
            raise CompetitorError(f"{where}: 'brand' must be a brand name")
        if not isinstance(rivals, list) or not all(isinstance(r, str) and r.strip() for r in rivals):
            raise CompetitorError(f"{where} ({brand}): 'rivals' must be a list of brand names")
        links += [(brand.strip(), r.strip()) for r in rivals]
    return links


def sync_links(session: Session, path: Path, *, skipped: list[str] | None = None) -> int:
    """Add the file's links missing from the store, in file order; how many were added.

    A bad link stops the sync (all or none), unless ``skipped`` is given: then the
    bad link is left out, a line naming it and the file goes there, and the others
    are added. ``link_competitor`` checks before it writes, so a refused link leaves nothing.
    """
    added = 0
    for brand, rival in load_links(path):
        try:
            added += link_competitor(session, brand, rival)
        except CompetitorError as exc:
            if skipped is None:
                raise CompetitorError(f"{path}: {exc}") from None
            skipped.append(f"{path}: [[{TABLE}]] link {brand} -> {rival} skipped: {exc}")
    return added


__all__ = ["CompetitorError", "load_links", "sync_links"]
