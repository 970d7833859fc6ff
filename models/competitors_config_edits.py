"""``umot brands link/unlink`` edits to the ``[[competitors]]`` tables of ``umot.toml``.

Edits go through tomlkit documents (``models.config_file``), so a person's comments and
the rest of the file survive; each edit reads the file once and writes it at most once,
and checks the whole file first (:func:`models.competitors_config.load_links`), so a
hand-edited mistake is refused, naming the file, before anything is written over it.
Brand names match as everywhere else (``models.identity.brand_key``: any case, Unicode form).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from models.competitors_config import TABLE, load_links
from models.config_file import read_document, write_document
from models.config_tables import drop_if_empty, table_array
from models.crud.competitors import CompetitorError
from models.identity import brand_key

if TYPE_CHECKING:
    from tomlkit import TOMLDocument
    from tomlkit.items import AbstractTable


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
