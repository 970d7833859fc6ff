"""Sources per brand in ``umot.toml``, and their sync into the store's ``Source`` table.

The file is what a person edits and versions; the table is what the nightly
flow crawls. ``sync_sources`` makes the table match the file (adding and
updating sources; with ``prune``, disabling those the file no longer lists,
whose reviews stay). Each source is one ``[[sources]]`` table::

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

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session, select

from models import crud
from models.tables import Source


class SourcesConfigError(ValueError):
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


@dataclass
class SyncResult:
    """What a sync changed in the store."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.disabled)} disabled"
        )


# --- spiders ----------------------------------------------------------------------
def spider_classes() -> dict[str, type]:
    """Every spider of the Scrapy project by name (imports Scrapy: call from commands only)."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    loader = SpiderLoader.from_settings(settings)
    return {name: loader.load(name) for name in loader.list()}


def resolve_urls(source: SourceConfig, spiders: dict[str, type] | None = None) -> list[str]:
    """The source's start URLs: its own, else the spider's defaults for its options."""
    spiders = spiders if spiders is not None else spider_classes()
    if source.spider not in spiders:
        raise SourcesConfigError(
            f"source {source.brand}/{source.name}: unknown spider {source.spider!r} "
            f"(available: {', '.join(sorted(spiders))})"
        )
    for url in source.urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SourcesConfigError(f"source {source.brand}/{source.name}: not an http(s) URL: {url!r}")
    if source.urls:
        return list(source.urls)
    default_urls = getattr(spiders[source.spider], "default_urls", None)
    urls = default_urls(source.brand, source.options) if default_urls else []
    if not urls:
        needs = ", ".join(getattr(spiders[source.spider], "url_options", ()) or ())
        hint = f" or options ({needs})" if needs else ""
        raise SourcesConfigError(f"source {source.brand}/{source.name}: spider {source.spider!r} needs urls{hint}")
    return urls


# --- the file -----------------------------------------------------------------------
def load_sources(path: Path) -> list[SourceConfig]:
    """The ``[[sources]]`` of ``path`` (``[]`` when the file does not exist)."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourcesConfigError(f"{path}: not valid TOML ({exc})") from None
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


def _read_document(path: Path) -> Any:
    import tomlkit

    if not path.exists():
        return tomlkit.document()
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except Exception as exc:  # tomlkit's parse errors have no common base worth naming
        raise SourcesConfigError(f"{path}: not valid TOML ({exc})") from None


def _write_document(path: Path, document: Any) -> None:
    import tomlkit

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    text = tomlkit.dumps(document)
    tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    tmp.replace(path)  # never a half-written config


def add_source_to_config(path: Path, source: SourceConfig) -> None:
    """Append ``source`` to the file (created if missing); refuses a (brand, name) already there."""
    path = Path(path)
    if any(s.key == source.key for s in load_sources(path)):
        raise SourcesConfigError(f"{path}: source {source.brand}/{source.name} already exists")
    import tomlkit

    document = _read_document(path)
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
    _write_document(path, document)


def update_source_in_config(path: Path, brand: str, name: str, **changes: Any) -> bool:
    """Set keys (e.g. ``enabled=False``) on one source in the file; False when it is not there."""
    path = Path(path)
    document = _read_document(path)
    for table in document.get("sources", []):
        if table.get("brand") == brand and table.get("name") == name:
            for key, value in changes.items():
                table[key] = value
            _write_document(path, document)
            return True
    return False


def remove_source_from_config(path: Path, brand: str, name: str) -> bool:
    """Drop one source from the file; False when it is not there."""
    path = Path(path)
    if not path.exists():
        return False
    document = _read_document(path)
    tables = document.get("sources", [])
    for index, table in enumerate(tables):
        if table.get("brand") == brand and table.get("name") == name:
            del tables[index]
            _write_document(path, document)
            return True
    return False


# --- the store ------------------------------------------------------------------------
def find_source(session: Session, brand: str, name: str) -> Source | None:
    """The stored source ``name`` of ``brand``, if any."""
    owner = crud.get_brand(session, brand)
    if owner is None:
        return None
    return session.exec(select(Source).where(Source.brand_id == owner.id, Source.name == name)).first()


def sync_sources(session: Session, config_path: Path, *, prune: bool = False) -> SyncResult:
    """Make the store's sources match ``config_path`` (a missing file changes nothing).

    Every configured source is added or updated (spider, resolved URLs,
    options, enabled). With ``prune``, stored sources the file does not list
    are disabled, never deleted (their reviews and crawl history stay).
    Raises :class:`SourcesConfigError` before changing anything when a source
    is invalid.
    """
    configured = load_sources(Path(config_path))
    result = SyncResult()
    if not configured and not prune:
        return result
    spiders = spider_classes()
    try:
        resolved = [(source, resolve_urls(source, spiders)) for source in configured]
    except SourcesConfigError as exc:
        raise SourcesConfigError(f"{config_path}: {exc}") from None  # the source is in that file: name it
    for source, urls in resolved:
        label = f"{source.brand}/{source.name}"
        row = find_source(session, source.brand, source.name)
        if row is None:
            crud.add_source(
                session, brand=source.brand, name=source.name, urls=urls, spider=source.spider,
                options=source.options, enabled=source.enabled,
            )
            result.added.append(label)
            continue
        wanted = {"spider": source.spider, "urls": urls, "options": source.options, "enabled": source.enabled}
        if all(getattr(row, key) == value for key, value in wanted.items()):
            result.unchanged.append(label)
            continue
        crud.update_source(session, row, **wanted)
        result.updated.append(label)
    if prune:
        keep = {source.key for source in configured}
        brands = {b.id: b.name for b in crud.list_brands(session)}
        for row in crud.list_sources(session, enabled_only=True):
            if (brands[row.brand_id], row.name) not in keep:
                crud.set_source_enabled(session, row.id, False)
                result.disabled.append(f"{brands[row.brand_id]}/{row.name}")
    session.flush()
    return result
