"""Competitor links in ``umot.toml``, and their sync into the store.

Beside the ``[[sources]]`` tables, one ``[[competitors]]`` table per brand::

    [[competitors]]
    brand = "Acme"
    rivals = ["Globex", "Initech"]   # each crawled like any brand (its own [[sources]])

``umot brands link/unlink`` edit the file (through tomlkit: comments and the
rest kept) and the store together; ``umot run`` and ``umot brands list`` bring
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

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from models.config_file import read_data, read_document, write_document
from models.config_tables import drop_if_empty, table_array
from models.crud.competitors import CompetitorError, all_links, link_competitor
from models.identity import brand_key

if TYPE_CHECKING:
    from tomlkit import TOMLDocument
    from tomlkit.items import AbstractTable

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


def _table_for(document: TOMLDocument, brand: str) -> AbstractTable | None:
    for table in document.get(TABLE, []):
        if brand_key(str(table.get("brand", ""))) == brand_key(brand):
            found: AbstractTable = table  # load_links, run first, has checked that every entry is a table
            return found
    return None


def add_links_to_config(path: Path, brand: str, rivals: Sequence[str]) -> None:
    """Add ``rivals`` to the brand's ``rivals`` (a new table when the brand has none): one read, one write."""
    import tomlkit

    load_links(Path(path))  # a hand-edited file with a bad table is refused, naming it, and left as it is
    document = read_document(Path(path))
    table = _table_for(document, brand)
    if table is None:
        tables = table_array(document, TABLE, Path(path), CompetitorError)  # "competitors = []" too
        table = tomlkit.table()
        table.add("brand", brand)
        table.add("rivals", tomlkit.array())
        table.add(tomlkit.nl())  # a blank line between tables reads better
        tables.append(table)
    for rival in rivals:
        if brand_key(rival) not in (brand_key(str(r)) for r in table["rivals"]):
            table["rivals"].append(rival)
    write_document(Path(path), document)


def remove_links_from_config(path: Path, brand: str, rivals: Sequence[str]) -> list[bool]:
    """Drop ``rivals`` from every table of the brand (``"zed co"`` and ``"Zed Co"`` alike: a sync would
    bring back a rival left in either) and each table left empty: one read, at most one write.

    Per rival, in order, whether it was listed (a rival named twice is removed once).
    """
    path = Path(path)
    if not path.is_file():
        return [False] * len(rivals)
    load_links(path)  # as in add_links_to_config: a bad table is refused before any edit
    document = read_document(path)
    tables = document.get(TABLE, [])
    removed = [False] * len(rivals)
    emptied = []
    for number, table in enumerate(tables):
        if brand_key(str(table.get("brand", ""))) != brand_key(brand):
            continue
        listed = list(table["rivals"])
        for i, rival in enumerate(rivals):
            kept = [r for r in listed if brand_key(str(r)) != brand_key(rival)]
            removed[i] = removed[i] or len(kept) < len(listed)
            listed = kept
        if len(listed) < len(table["rivals"]):
            table["rivals"] = listed
            emptied += [number] if not listed else []
    if not any(removed):
        return removed
    for number in reversed(emptied):
        del tables[number]
    drop_if_empty(document, TABLE)  # the last table gone: no "competitors = []" for the next link to trip on
    write_document(path, document)
    return removed


__all__ = ["CompetitorError", "add_links_to_config", "all_links", "load_links", "remove_links_from_config",
           "sync_links"]
