"""Sources per brand in ``umot.toml``: read and checked.

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

This module reads and checks the tables into :class:`~models.configured_source.SourceConfig`
(``models.configured_source``). Edits by ``umot sources`` are in
``models.sources_config_edits`` (through tomlkit, so comments and the rest of
the file are kept); the stored source of a (brand, name) is found by
``models.crud.source_lookup``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.config_file import ConfigFileError, read_data
from models.configured_source import SourceConfig


class SourcesConfigError(ConfigFileError):
    """The sources file is unreadable or a source in it is invalid; the message says where."""


def load_sources(path: Path) -> list[SourceConfig]:
    """The ``[[sources]]`` of ``path`` (``[]`` when the file does not exist)."""
    path = Path(path)
    return parse_sources(read_data(path, SourcesConfigError), path)


def parse_sources(data: dict[str, Any], path: Path) -> list[SourceConfig]:
    """The checked sources of the file's data; ``path`` only names the file in errors."""
    tables = data.get("sources", [])
    if not isinstance(tables, list):
        raise SourcesConfigError(f"{path}: 'sources' must be an array of tables ([[sources]])")
    sources: list[SourceConfig] = []
    seen: set[tuple[str, str]] = set()
    for index, table in enumerate(tables, start=1):
        source = _parse_table(table, f"{path}: source #{index}")
        if source.key in seen:  # "acme" and "Acme" too: the store has one brand for both
            first = next(s for s in sources if s.key == source.key)
            twice = "" if first.brand == source.brand else f" (as {first.brand}/{first.name} above: one brand)"
            raise SourcesConfigError(f"{path}: source #{index}: {source.brand}/{source.name} is listed twice{twice}")
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
