"""What ``umot sources`` does to one source in both places it lives: umot.toml and the store.

umot.toml is what people edit; the store is what the nightly run reads. Each
edit changes the file first, then the store, and a bad file or a source in
neither place is the CLI's one-line error (exit 2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from umot.cli._errors import fail
from umot.cli._store import open_store

if TYPE_CHECKING:
    from pathlib import Path

    from crawlers.sources_sync import SyncResult


def sync_into_store(path: Path, database_url: str | None, *, prune: bool = False) -> SyncResult:
    """Sync the file into the store; bad config -> one-line error naming the file and source. A ``warning:``
    line on stderr for each table umot does not read and each source the sync skipped (a name longer than the
    store holds: written by hand or by an older umot)."""
    from crawlers.sources_sync import sync_sources
    from models.db import session_scope
    from models.sources_config import SourcesConfigError

    engine = open_store(database_url)
    try:
        with session_scope(engine) as session:
            result = sync_sources(session, path, prune=prune)
    except SourcesConfigError as exc:
        fail(str(exc))
    warn_unknown_tables(path)
    for line in result.skipped:
        typer.echo(f"warning: {line}", err=True)
    return result


def warn_unknown_tables(path: Path) -> None:
    """``warning:`` on stderr for each table umot does not read: a misspelt ``[[source]]`` is named, not skipped."""
    from flows.config_check import unknown_tables

    if path.is_file():
        for line in unknown_tables(path):
            typer.echo(f"warning: {line}", err=True)


def remove_source_everywhere(path: Path, brand: str, name: str, database_url: str | None) -> None:
    """Take the source out of the file and the store (its reviews and crawl history stay)."""
    from models import crud
    from models.crud.sources import find_source
    from models.db import session_scope
    from models.sources_config import SourcesConfigError
    from models.sources_config_edits import remove_source_from_config
    from models.stored import stored_id

    engine = open_store(database_url)  # a store that does not open fails before the file is edited
    try:
        in_file = remove_source_from_config(path, brand.strip(), name.strip())
    except SourcesConfigError as exc:
        fail(str(exc))
    with session_scope(engine) as session:
        row = find_source(session, brand.strip(), name.strip())
        if row is not None:
            crud.remove_source(session, stored_id(row))
    if not in_file and row is None:
        fail(f"no source {name!r} for brand {brand!r} in {path} or the store")


def switch_source(path: Path, brand: str, name: str, *, enabled: bool, database_url: str | None) -> None:
    """Switch the source on or off in the file and the store (``umot sources enable/disable``)."""
    from models import crud
    from models.crud.sources import find_source
    from models.db import session_scope
    from models.sources_config import SourcesConfigError
    from models.sources_config_edits import update_source_in_config
    from models.stored import stored_id

    engine = open_store(database_url)  # a store that does not open fails before the file is edited
    try:
        in_file = update_source_in_config(path, brand.strip(), name.strip(), enabled=enabled)
    except SourcesConfigError as exc:
        fail(str(exc))
    with session_scope(engine) as session:
        row = find_source(session, brand.strip(), name.strip())
        if row is None and not in_file:
            fail(f"no source {name!r} for brand {brand!r} in {path} or the store")
        if row is not None:
            crud.set_source_enabled(session, stored_id(row), enabled)
