"""The sources ``umot.toml`` lists, checked against this Scrapy project's spiders and
synced into the store's ``Source`` table.

It lives beside the spiders because it needs them: a source names a spider, and
a spider derives its default start URLs from the source's options (an App Store
id, a brand to search for). :mod:`models.sources_config` reads the file and
:mod:`models.sources_config_edits` edits it; this module resolves it and makes
the store match it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from core.http_url import HttpUrlError, check_http_url
from models import crud
from models.crud.brands import brand_key
from models.crud.sources import find_source
from models.sources_config import SourceConfig, SourcesConfigError, load_sources
from models.stored import stored_id


@dataclass
class SyncResult:
    """What a sync changed in the store."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per source the store cannot hold

    def summary(self) -> str:
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.disabled)} disabled{skipped}"
        )


def spider_classes() -> dict[str, type]:
    """Every spider of the Scrapy project by name (imports Scrapy: call from commands only)."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from crawlers import settings as crawl_settings

    settings = Settings()
    settings.setmodule(crawl_settings, priority="project")
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
    check_options(source, spiders[source.spider])
    for url in source.urls:
        try:
            check_http_url(url)  # the check `umot webhook set` makes, too
        except HttpUrlError as exc:
            raise SourcesConfigError(f"source {source.brand}/{source.name}: {url!r}: {exc}") from None
    if source.urls:
        return list(source.urls)
    default_urls = getattr(spiders[source.spider], "default_urls", None)
    urls = default_urls(source.brand, source.options) if default_urls else []
    if not urls:
        needs = ", ".join(getattr(spiders[source.spider], "url_options", ()) or ())
        hint = f" or options ({needs})" if needs else ""
        raise SourcesConfigError(f"source {source.brand}/{source.name}: spider {source.spider!r} needs urls{hint}")
    return urls


class SourceOptionError(SourcesConfigError):
    """An option the source's spider does not take or cannot read (:func:`check_options`)."""


def check_options(source: SourceConfig, spider: type) -> None:
    """Options the spider does not take or cannot read (a misspelt name, a bad pattern) fail the
    source here, when it is added or synced, not every night it is crawled."""
    from crawlers.spiders.arguments import SpiderArgumentError

    check = getattr(spider, "check_arguments", None)
    if check is None:
        return
    try:
        check({name: str(value) for name, value in source.options.items()})
    except SpiderArgumentError as exc:
        value = source.options.get(exc.name, "")
        raise SourceOptionError(f"source {source.brand}/{source.name}: option '{exc.name}={value}': {exc}") from None


def sync_sources(session: Session, config_path: Path, *, prune: bool = False) -> SyncResult:
    """Make the store's sources match ``config_path`` (a missing file changes nothing).

    Every configured source is added or updated (spider, resolved URLs,
    options, enabled). With ``prune``, stored sources the file does not list
    are disabled, never deleted (their reviews and crawl history stay).
    Raises :class:`SourcesConfigError` before changing anything when a source
    is invalid. A source whose brand or name is longer than the store holds,
    or with an option its spider does not take (hand-written, or by an older
    umot, which took any name), is skipped with its line in ``skipped``: the
    others are synced.
    """
    configured = load_sources(Path(config_path))
    result = SyncResult()
    if not configured and not prune:
        return result
    resolved = []
    spiders = spider_classes()
    for number, source in enumerate(configured, start=1):  # parse_sources keeps the file's order
        problem = source.too_long()
        if problem:
            result.skipped.append(f"{config_path}: source #{number}: {problem}; skipped, the other sources were synced")
            continue
        try:
            resolved.append((source, resolve_urls(source, spiders)))
        except SourceOptionError as exc:  # an option an older umot let in (it took any name): as stored
            result.skipped.append(f"{config_path}: {exc}; skipped, the other sources were synced")
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
        keep = {source.key for source in configured}  # the brand by brand_key, as below
        brands = {b.id: b.name for b in crud.list_brands(session)}
        for row in crud.list_sources(session, enabled_only=True):  # "acme" in the file is the stored "Acme"
            if (brand_key(brands[row.brand_id]), row.name) not in keep:
                crud.set_source_enabled(session, stored_id(row), False)
                result.disabled.append(f"{brands[row.brand_id]}/{row.name}")
    session.flush()
    return result
