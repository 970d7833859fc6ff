"""``umot sources``: the places crawled for each brand (umot.toml, synced into the store).

Adding a source: :mod:`umot.cli._source_add`; changing one in both places:
:mod:`umot.cli._source_edits`; the ``list`` table: :mod:`umot.cli._sources_table`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from umot.cli._config import ConfigFile, config_path
from umot.cli._errors import fail
from umot.cli._source_add import add_source
from umot.cli._source_edits import remove_source_everywhere, switch_source, sync_into_store
from umot.cli._store import DatabaseUrl

sources_app = typer.Typer(
    name="sources",
    help="Review and mention sources per brand: kept in umot.toml, synced into the store the nightly run reads.",
    no_args_is_help=True,
)

SourceBrand = Annotated[str, typer.Argument(help="Brand of the source", show_default=False)]
SourceName = Annotated[str, typer.Argument(help="Name of the source", show_default=False)]


@sources_app.command("add")
def add(
    brand: Annotated[str, typer.Argument(help="Brand the source belongs to (created if new)", show_default=False)],
    name: Annotated[str, typer.Argument(help="Name of the source, unique per brand, e.g. ios-us", show_default=False)],
    spider: Annotated[str, typer.Option("--spider", help="appstore, googleplay, trustpilot, yelp, reddit, hackernews, feed, sitemap, schemaorg")],
    url: Annotated[list[str] | None, typer.Option("--url", metavar="URL", help="Start URL (repeatable); optional when --option says where to go")] = None,
    option: Annotated[list[str] | None, typer.Option("--option", metavar="KEY=VALUE", help="Spider argument KEY=VALUE (repeatable), e.g. app_id=123")] = None,
    disabled: Annotated[bool, typer.Option("--disabled", help="Add it switched off (the nightly run skips it)")] = False,
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Add a source to umot.toml and to the store.

    Examples:

      umot sources add Acme ios-us --spider appstore --option app_id=1234567890 --option countries=us,gb

      umot sources add Acme reddit --spider reddit            (searches Reddit for "Acme")

      umot sources add Acme blog --spider feed --url https://blog.example/feed.xml
    """
    path, done = add_source(config, brand, name, spider, url, option, enabled=not disabled, database_url=database_url)
    sync_into_store(path, database_url)
    typer.echo(done)


@sources_app.command("list")
def list_sources(
    brand: Annotated[str | None, typer.Option(help="Only this brand's sources")] = None,
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """List sources (after syncing umot.toml): spider, state, start URLs and the last crawl."""
    from umot.cli._console import stdout_console
    from umot.cli._sources_table import sources_table

    path = config_path(config)
    sync_into_store(path, database_url)
    table = sources_table(path, brand, database_url)
    if not table.row_count:
        typer.echo(f"no sources yet: add one with `umot sources add` (or edit {path})")
        return
    stdout_console(soft_wrap=True).print(table)  # piped: 200 columns, not rich's 80 that cut names short


@sources_app.command("remove")
def remove(brand: SourceBrand, name: SourceName, config: ConfigFile = None, database_url: DatabaseUrl = None) -> None:
    """Remove a source from umot.toml and the store (its reviews and crawl history stay)."""
    remove_source_everywhere(config_path(config), brand, name, database_url)
    typer.echo(f"removed {brand}/{name}")


@sources_app.command("enable")
def enable(brand: SourceBrand, name: SourceName, config: ConfigFile = None, database_url: DatabaseUrl = None) -> None:
    """Switch a source on: the nightly run crawls it."""
    switch_source(config_path(config), brand, name, enabled=True, database_url=database_url)
    typer.echo(f"enabled {brand}/{name}")


@sources_app.command("disable")
def disable(brand: SourceBrand, name: SourceName, config: ConfigFile = None, database_url: DatabaseUrl = None) -> None:
    """Switch a source off: the nightly run skips it; its reviews stay."""
    switch_source(config_path(config), brand, name, enabled=False, database_url=database_url)
    typer.echo(f"disabled {brand}/{name}")


@sources_app.command("sync")
def sync(
    prune: Annotated[bool, typer.Option("--prune", help="Disable stored sources that umot.toml no longer lists")] = False,
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Make the store's sources match umot.toml (`umot run` does this first, too)."""
    path = config_path(config)
    if not path.exists():
        fail(f"{path} does not exist: add a source with `umot sources add` or write [[sources]] tables")
    if prune:
        _check_prunable(path)
    result = sync_into_store(path, database_url, prune=prune)
    typer.echo(f"{path}: {result.summary()}")


def _check_prunable(path: Path) -> None:
    """A table umot does not read (``[[source]]``) may list sources: pruning then disabled them, after only a
    warning. One line (exit 2) instead, and nothing changed."""
    from flows.config_check import unknown_tables
    from models.config_file import ConfigFileError

    try:
        unread = unknown_tables(path)
    except ConfigFileError as exc:
        fail(str(exc))
    if unread:
        fail(f"{unread[0]}: --prune would disable the sources it lists (nothing changed)")
