"""Sources per brand in ``umot.toml``: read, checked and edited.

The file is what a person edits and versions; the store's ``Source`` table is
what the nightly flow crawls. ``crawlers.sources_sync`` makes the table match
the file (it needs the spiders, which live a layer above this one). Each source
is one ``[[sources]]`` table::

    [[sources]]
    brand = "Acme"
    name = "ios-us"
    spider = "appstore"
    options = { app_id = "1234567890", countries = "us,gb" }   # spider arguments
    # urls = ["https://..."]    optional when the options say where to go
    # enabled = false           skip it in the nightly run

Edits by ``umot sources`` go through tomlkit, so comments and the rest of the
file are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from models import crud
from models.config_file import ConfigFileError, read_data, read_document, write_document
from models.tables import Source


class SourcesConfigError(ConfigFileError):
    """The sources file is unreadable or a source in it is invalid; the message says where."""


@dataclass
class SourceConfig:
    """One source as configured: where a spider starts for a brand, and its arguments."""

    brand: str
    name: str
    spider: str
    urls: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True

    @property
    def key(self) -> tuple[str, str]:
        return (self.brand, self.name)

    def as_toml(self) -> dict[str, Any]:
        table: dict[str, Any] = {"brand": self.brand, "name": self.name, "spider": self.spider}
        if self.urls:
            table["urls"] = list(self.urls)
        if self.options:
            table["options"] = dict(self.options)
        if not self.enabled:
            table["enabled"] = False
        return table


# --- the file -----------------------------------------------------------------------
def load_sources(path: Path) -> list[SourceConfig]:
    """The ``[[sources]]`` of ``path`` (``[]`` when the file does not exist)."""
    path = Path(path)
    return _sources_in(read_data(path, SourcesConfigError), path)


def _sources_in(data: dict[str, Any], path: Path) -> list[SourceConfig]:
    tables = data.get("sources", [])
    if not isinstance(tables, list):
        raise SourcesConfigError(f"{path}: 'sources' must be an array of tables ([[sources]])")
    sources: list[SourceConfig] = []
    seen: set[tuple[str, str]] = set()
    for index, table in enumerate(tables, start=1):
        source = _parse_table(table, f"{path}: source #{index}")
        if source.key in seen:
            raise SourcesConfigError(f"{path}: source #{index}: {source.brand}/{source.name} is listed twice")
        seen.add(source.key)
        sources.append(source)
    return sources


def _parse_table(table: Any, where: str) -> SourceConfig:
    if not isinstance(table, dict):
        raise SourcesConfigError(f"{where}: expected a table")
    unknown = set(table) - {"brand", "name", "spider", "urls", "options", "enabled"}
    if unknown:
        raise SourcesConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("brand", "name", "spider"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise SourcesConfigError(f"{where}: '{key}' must be a non-empty string")
    urls = table.get("urls", [])
    if isinstance(urls, str):
        urls = [urls]
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise SourcesConfigError(f"{where}: 'urls' must be a list of strings")
    options = table.get("options", {})
    if not isinstance(options, dict):
        raise SourcesConfigError(f"{where}: 'options' must be a table")
    enabled = table.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourcesConfigError(f"{where}: 'enabled' must be true or false")
    return SourceConfig(
        brand=table["brand"].strip(),
        name=table["name"].strip(),
        spider=table["spider"].strip(),
        urls=[u.strip() for u in urls if u.strip()],
        options=_plain(options),
        enabled=enabled,
    )


def _plain(value: Any) -> Any:
    """tomlkit/tomllib containers -> plain dicts and lists (JSON-safe for the store)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "unwrap"):
        return value.unwrap()
    return value


def add_source_to_config(path: Path, source: SourceConfig) -> None:
    """Append ``source`` to the file (created if missing); refuses a (brand, name) already there."""
    import tomlkit

    path = Path(path)
    document = read_document(path, SourcesConfigError)
    if any(s.key == source.key for s in _sources_in(document.unwrap(), path)):  # parsed once, checked whole
        raise SourcesConfigError(f"{path}: source {source.brand}/{source.name} already exists")
    if "sources" not in document:
        document.append("sources", tomlkit.aot())
    table = tomlkit.table()
    for key, value in source.as_toml().items():
        if key == "options":
            inline = tomlkit.inline_table()
            inline.update(value)
            table.add(key, inline)
        else:
            table.add(key, value)
    table.add(tomlkit.nl())  # a blank line between sources reads better
    document["sources"].append(table)
    write_document(path, document)


def update_source_in_config(path: Path, brand: str, name: str, **changes: Any) -> bool:
    """Set keys (e.g. ``enabled=False``) on one source in the file; False when it is not there."""
    path = Path(path)
    document = read_document(path, SourcesConfigError)
    for table in document.get("sources", []):
        if table.get("brand") == brand and table.get("name") == name:
            for key, value in changes.items():
                table[key] = value
            write_document(path, document)
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
        if table.get("brand") == brand and table.get("name") == name:
            del tables[index]
            write_document(path, document)
            return True
    return False


# --- the store ------------------------------------------------------------------------
def find_source(session: Session, brand: str, name: str) -> Source | None:
    """The stored source ``name`` of ``brand``, if any."""
    owner = crud.get_brand(session, brand)
    if owner is None:
        return None
    return session.exec(select(Source).where(Source.brand_id == owner.id, Source.name == name)).first()
