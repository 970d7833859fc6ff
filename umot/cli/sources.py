"""``umot sources``: the places crawled for each brand (umot.toml, synced into the store)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from umot.cli._config import ConfigFile, config_path
from umot.cli._errors import fail, plural
from umot.cli._pairs import name_values
from umot.cli._store import DatabaseUrl

sources_app = typer.Typer(
    name="sources",
    help="Review and mention sources per brand: kept in umot.toml, synced into the store the nightly run reads.",
    no_args_is_help=True,
)


def _sync(path: Path, database_url: str | None, *, prune: bool = False) -> Any:
    """Sync the file into the store; bad config -> one-line error naming the file and source."""
    from crawlers.sources_sync import sync_sources
    from models.db import init_db, session_scope
    from models.sources_config import SourcesConfigError

    try:
        engine = init_db(database_url)
        with session_scope(engine) as session:
            return sync_sources(session, path, prune=prune)
    except SourcesConfigError as exc:
        fail(str(exc))


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
    from crawlers.sources_sync import resolve_urls
    from models.sources_config import SourceConfig, SourcesConfigError, add_source_to_config

    brand, name = brand.strip(), name.strip()
    if not brand or not name:
        fail("brand and source name must not be empty")
    source = SourceConfig(brand=brand, name=name, spider=spider.strip(), urls=list(url or []),
                          options=name_values(option, "--option", key="KEY"), enabled=not disabled)
    path = config_path(config)
    try:
        urls = resolve_urls(source)
        add_source_to_config(path, source)
    except SourcesConfigError as exc:
        fail(str(exc))
    _sync(path, database_url)
    typer.echo(f"added {brand}/{name} ({source.spider}) to {path}: {', '.join(urls)}")


@sources_app.command("list")
def list_sources(
    brand: Annotated[str | None, typer.Option(help="Only this brand's sources")] = None,
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """List sources (after syncing umot.toml): spider, state, start URLs and the last crawl."""
    from rich.console import Console
    from rich.table import Table

    from models import crud
    from models.db import get_engine, session_scope
    from models.sources_config import load_sources

    path = config_path(config)
    _sync(path, database_url)
    in_file = {s.key for s in load_sources(path)}
    table = Table("brand", "source", "spider", "state", "last crawl", "in file")
    table.add_column("urls", overflow="fold")
    with session_scope(get_engine(database_url)) as session:
        brands = {b.id: b.name for b in crud.list_brands(session)}
        if brand is not None and brand.strip() not in brands.values():
            fail(f"no brand named {brand!r} in the store")
        rows = [s for s in crud.list_sources(session) if brand is None or brands[s.brand_id] == brand.strip()]
        for row in rows:
            runs = crud.list_crawl_runs(session, source_id=row.id, limit=1)
            last = "never"
            if runs:
                run = runs[0]
                errors = plural(run.errors, "error")
                last = f"{run.started_at:%Y-%m-%d %H:%M} {run.status}, {run.items_new} new, {errors}"
            table.add_row(
                brands[row.brand_id], row.name, row.spider, "enabled" if row.enabled else "disabled", last,
                "yes" if (brands[row.brand_id], row.name) in in_file else "no", "\n".join(row.urls),
            )
    if not rows:
        typer.echo(f"no sources yet: add one with `umot sources add` (or edit {path})")
        return
    Console(soft_wrap=True).print(table)


@sources_app.command("remove")
def remove(
    brand: Annotated[str, typer.Argument(help="Brand of the source", show_default=False)],
    name: Annotated[str, typer.Argument(help="Name of the source", show_default=False)],
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Remove a source from umot.toml and the store (its reviews and crawl history stay)."""
    from models import crud
    from models.db import init_db, session_scope
    from models.sources_config import SourcesConfigError, find_source, remove_source_from_config
    from models.stored import stored_id

    path = config_path(config)
    try:
        in_file = remove_source_from_config(path, brand.strip(), name.strip())
    except SourcesConfigError as exc:
        fail(str(exc))
    with session_scope(init_db(database_url)) as session:
        row = find_source(session, brand.strip(), name.strip())
        if row is not None:
            crud.remove_source(session, stored_id(row))
    if not in_file and row is None:
        fail(f"no source {name!r} for brand {brand!r} in {path} or the store")
    typer.echo(f"removed {brand}/{name}")


def _set_enabled(brand: str, name: str, enabled: bool, config: Path | None, database_url: str | None) -> None:
    from models import crud
    from models.db import init_db, session_scope
    from models.sources_config import SourcesConfigError, find_source, update_source_in_config
    from models.stored import stored_id

    path = config_path(config)
    try:
        in_file = update_source_in_config(path, brand.strip(), name.strip(), enabled=enabled)
    except SourcesConfigError as exc:
        fail(str(exc))
    with session_scope(init_db(database_url)) as session:
        row = find_source(session, brand.strip(), name.strip())
        if row is None and not in_file:
            fail(f"no source {name!r} for brand {brand!r} in {path} or the store")
        if row is not None:
            crud.set_source_enabled(session, stored_id(row), enabled)
    typer.echo(f"{'enabled' if enabled else 'disabled'} {brand}/{name}")


@sources_app.command("enable")
def enable(
    brand: Annotated[str, typer.Argument(help="Brand of the source", show_default=False)],
    name: Annotated[str, typer.Argument(help="Name of the source", show_default=False)],
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Switch a source on: the nightly run crawls it."""
    _set_enabled(brand, name, True, config, database_url)


@sources_app.command("disable")
def disable(
    brand: Annotated[str, typer.Argument(help="Brand of the source", show_default=False)],
    name: Annotated[str, typer.Argument(help="Name of the source", show_default=False)],
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Switch a source off: the nightly run skips it; its reviews stay."""
    _set_enabled(brand, name, False, config, database_url)


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
    result = _sync(path, database_url, prune=prune)
    typer.echo(f"{path}: {result.summary()}")
