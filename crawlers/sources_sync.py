"""The sources ``umot.toml`` lists, checked against this Scrapy project's spiders and
synced into the store's ``Source`` table.

It lives beside the spiders because it needs them: :mod:`crawlers.source_urls` resolves
each source against its spider. :mod:`models.sources_config` reads the file and
:mod:`models.sources_config_edits` edits it; this module makes the store match it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from crawlers.source_urls import SourceOptionError, resolve_urls, spider_classes
from models import crud
from models.config_file import read_data
from models.crud.sources import find_source
from models.identity import brand_key
from models.sources_config import SourcesConfigError, load_sources
from models.stored import stored_id

#: ``umot demo``'s sources: registered in the store only, enabled for the demo's own run and disabled after it
#: (``umot.cli._demo_sources``), so never "unlisted" by a user's umot.toml.
DEMO_SOURCE = "demo-site"


@dataclass
class SyncResult:
    """What a sync changed in the store."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per source the store cannot hold
    unlisted: dict[int, str] = field(default_factory=dict)  # id -> label: enabled, stored, not in the file

    def summary(self) -> str:
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        unlisted = (f", {len(self.unlisted)} not in the file (not crawled by `umot run`; --prune disables them: "
                    f"{', '.join(self.unlisted.values())})") if self.unlisted else ""
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.disabled)} disabled{skipped}{unlisted}"
        )


def sync_sources(session: Session, config_path: Path, *, prune: bool = False) -> SyncResult:
    """Make the store's sources match ``config_path`` (a missing file changes nothing).

    Every configured source is added or updated (spider, resolved URLs,
    options, enabled). With ``prune``, stored sources the file does not list
    are disabled, never deleted (their reviews and crawl history stay), unless the file has no
    ``[[sources]]`` at all (a misspelt ``[[source]]`` disabled every source); without,
    the enabled ones are in ``unlisted`` (a source renamed, moved to another
    brand or deleted by hand: the night skips them, ``flows.tasks.plan``).
    Raises :class:`SourcesConfigError` before changing anything when a source
    is invalid. A source whose brand or name is longer than the store holds,
    or with an option its spider does not take (hand-written, or by an older
    umot, which took any name), is skipped with its line in ``skipped``: the
    others are synced.
    """
    configured = load_sources(Path(config_path))
    result = SyncResult()
    if not Path(config_path).is_file():
        return result
    if prune and "sources" not in read_data(Path(config_path), SourcesConfigError):
        raise SourcesConfigError(f"{config_path}: no [[sources]] tables: --prune would disable every stored source "
                                 "(nothing changed; `sources = []` says there are none)")
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
    keep = {source.key for source in configured}  # the brand by brand_key, as below
    brands = {b.id: b.name for b in crud.list_brands(session)}
    for row in crud.list_sources(session, enabled_only=True):  # "acme" in the file is the stored "Acme"
        label = f"{brands[row.brand_id]}/{row.name}"
        if (brand_key(brands[row.brand_id]), row.name) in keep:
            continue
        if prune:
            crud.set_source_enabled(session, stored_id(row), False)
            result.disabled.append(label)
        elif row.name != DEMO_SOURCE:
            result.unlisted[stored_id(row)] = label
    session.flush()
    return result
