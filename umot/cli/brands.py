"""``umot brands``: the rivals each brand is benchmarked against (umot.toml and the store)."""

from __future__ import annotations

from typing import Annotated

import typer

from core.wording import plural
from umot.cli._config import ConfigFile, config_path
from umot.cli._errors import fail
from umot.cli._store import DatabaseUrl, open_store

brands_app = typer.Typer(
    name="brands",
    help="Brands and their competitors: the rivals whose figures the benchmark puts beside a brand's.",
    no_args_is_help=True,
)

Rivals = Annotated[
    list[str], typer.Option("--competitor", "-c", metavar="BRAND", help="A rival brand (repeatable); it needs sources of its own", show_default=False)
]
LinkedRivals = Annotated[
    list[str], typer.Option("--competitor", "-c", metavar="BRAND", help="A rival to stop comparing the brand with (repeatable)", show_default=False)
]


@brands_app.command("link")
def link(
    brand: Annotated[str, typer.Argument(help="The brand that compares itself", show_default=False)],
    competitor: Rivals,
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Name a brand's rivals: the weekly summary, the overview and benchmark-<brand>-<week>.csv
    put their figures beside the brand's.

    Example: umot brands link Acme --competitor Globex --competitor Initech
    """
    from models.competitors_config_edits import add_links_to_config
    from models.config_file import ConfigFileError
    from models.crud.competitors import CompetitorError, find_brand, link_competitor
    from models.db import session_scope

    path = config_path(config)
    added: list[str] = []
    try:
        # a missing file is a mistyped --database-url, not an empty store: its brands could not be linked anyway
        with session_scope(open_store(database_url, must_exist=True)) as session:  # all links, or none
            for rival in competitor:
                if link_competitor(session, brand, rival):
                    added.append(find_brand(session, rival).name)
            name = find_brand(session, brand).name
            rivals = list(dict.fromkeys(find_brand(session, rival).name for rival in competitor))
            add_links_to_config(path, name, rivals)  # the file last: a file that cannot be written undoes the store's links
    except (CompetitorError, ConfigFileError) as exc:
        fail(str(exc))
    typer.echo(f"{name}: {_linked(added, [r for r in rivals if r not in added])}, kept in {path}")


def _linked(added: list[str], before: list[str]) -> str:
    """``1 new competitor (Globex); Initech already linked``: a rival linked before is not called new."""
    parts = [f"{plural(len(added), 'new competitor')} ({', '.join(added)})"] if added else []
    return "; ".join([*parts, *([f"{', '.join(before)} already linked"] if before else [])])


@brands_app.command("unlink")
def unlink(
    brand: Annotated[str, typer.Argument(help="The brand", show_default=False)],
    competitor: LinkedRivals,
    config: ConfigFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Stop comparing a brand with these rivals (their reviews stay stored), in the store and in every
    competitors table of the brand in umot.toml; a name no stored brand has (a typo) is taken out of the file.

    A link deleted from umot.toml by hand stays in the store until this command removes it.
    """
    from models.competitors_unlink import unlink as unlink_links
    from models.config_file import ConfigFileError
    from models.crud.competitors import CompetitorError
    from models.db import session_scope

    path = config_path(config)
    try:
        with session_scope(open_store(database_url, must_exist=True)) as session:
            done = unlink_links(session, path, brand, competitor)
    except (CompetitorError, ConfigFileError) as exc:
        fail(str(exc))
    if not done.removed:
        fail(f"{done.brand} has no such competitor: {', '.join(competitor)}")
    typer.echo(f"{done.brand}: {plural(len(done.removed), 'competitor')} removed")
    file_only = done.file_only if done.stored else [done.brand]
    if file_only:
        typer.echo(f"{', '.join(file_only)}: no stored brand has that name, removed from {path} only")


@brands_app.command("list")
def list_links(config: ConfigFile = None, database_url: DatabaseUrl = None) -> None:
    """Every brand and its rivals (after bringing in the links umot.toml lists); a store that is not
    there is refused (a mistyped --database-url), not made empty."""
    from models import crud
    from models.competitors_config import sync_links
    from models.crud.competitors import CompetitorError, competitors_of
    from models.db import session_scope
    from models.stored import stored_id

    bad_links: list[str] = []  # named after the list (exit 2), as the night skips them and syncs the rest
    try:
        with session_scope(open_store(database_url, must_exist=True)) as session:
            sync_links(session, config_path(config), skipped=bad_links)
            brands = crud.list_brands(session)
            for brand in brands:
                rivals = ", ".join(b.name for b in competitors_of(session, stored_id(brand))) or "-"
                typer.echo(f"{brand.name}\trivals: {rivals}")
            if not brands:
                typer.echo("no brands yet: `umot sources add BRAND NAME ...` adds a brand with its first source")
    except CompetitorError as exc:
        fail(str(exc))
    if bad_links:
        fail("; ".join(bad_links))
