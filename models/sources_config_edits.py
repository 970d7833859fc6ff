"""``umot sources`` edits to the ``[[sources]]`` tables of ``umot.toml``.

Edits go through tomlkit documents (``models.config_file``), so a person's
comments and the rest of the file survive ``umot sources add/remove/enable/disable``;
an addition checks the whole file first, so a hand-edited mistake is refused,
naming the file, before anything is written over it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.config_file import read_document, write_document
from models.config_tables import drop_if_empty, table_array
from models.configured_source import SourceConfig
from models.identity import brand_key
from models.sources_config import SourcesConfigError, parse_sources


def add_source_to_config(path: Path, source: SourceConfig) -> None:
    """Append ``source`` to the file (created if missing); refuses a (brand, name) already there,
    or one whose names the store cannot hold."""
    import tomlkit

    path = Path(path)
    problem = source.too_long()
    if problem:  # the sync would only skip it: refused before the file is touched
        raise SourcesConfigError(problem)
    document = read_document(path, SourcesConfigError)
    if any(s.key == source.key for s in parse_sources(document.unwrap(), path)):  # parsed once, checked whole
        raise SourcesConfigError(f"{path}: source {source.brand}/{source.name} already exists")
    tables = table_array(document, "sources", path, SourcesConfigError)  # "sources = []" too
    table = tomlkit.table()
    for key, value in source.as_toml().items():
        if key == "options":
            inline = tomlkit.inline_table()
            inline.update(value)
            table.add(key, inline)
        else:
            table.add(key, value)
    table.add(tomlkit.nl())  # a blank line between sources reads better
    tables.append(table)
    write_document(path, document, SourcesConfigError)


def _is(table: Any, brand: str, name: str) -> bool:
    """Is this ``[[sources]]`` table the source ``brand``/``name``? Brands by the store's rule
    (``umot sources disable acme f`` finds ``brand = "Acme"``), as the file's own duplicates are told;
    names stripped, as the parser reads them (``name = "blog "`` is the stored ``blog``)."""
    written = table.get("name")
    return isinstance(table.get("brand"), str) and brand_key(table["brand"]) == brand_key(brand) \
        and isinstance(written, str) and written.strip() == name.strip()


def update_source_in_config(path: Path, brand: str, name: str, **changes: Any) -> bool:
    """Set keys (e.g. ``enabled=False``) on one source in the file; False when it is not there."""
    path = Path(path)
    document = read_document(path, SourcesConfigError)
    for table in document.get("sources", []):
        if _is(table, brand, name):
            for key, value in changes.items():
                table[key] = value
            write_document(path, document, SourcesConfigError)
            return True
    return False


def remove_source_from_config(path: Path, brand: str, name: str) -> bool:
    """Drop one source from the file; False when it is not there."""
    path = Path(path)
    if not path.exists():
        return False
    document = read_document(path, SourcesConfigError)
    tables = document.get("sources", [])
    for index, table in enumerate(tables):
        if _is(table, brand, name):
            del tables[index]
            drop_if_empty(document, "sources")  # the last one gone: no "sources = []" for the next add to trip on
            write_document(path, document, SourcesConfigError)
            return True
    return False
