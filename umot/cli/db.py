"""``umot db``: migrate the store and see which schema revision it is at.

Which revision ``umot db upgrade REVISION`` names: :mod:`umot.cli._db_target`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from umot.cli._db_target import upgrade_target
from umot.cli._errors import fail
from umot.cli._store import DatabaseUrl

db_app = typer.Typer(
    name="db",
    help="The store's schema: upgrade it, show its revision, add a migration.",
    no_args_is_help=True,
)


def _database_error(url: str, exc: Exception) -> None:
    from umot.cli._store_errors import migration_error

    fail(migration_error(exc, url))


@db_app.command("upgrade")
def upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision")] = "head",
    database_url: DatabaseUrl = None,
) -> None:
    """Create or migrate the store's tables (safe to repeat; what every start does too)."""
    if not revision.strip():  # `umot db upgrade "$REV"` with REV unset: Alembic's AssertionError, a traceback
        fail(f"no target revision given ({revision!r}): name one, e.g. head (the default) or a revision id")
    from alembic.util import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from models.db_url import mask_password, normalize_url
    from models.migrate import upgrade as run_upgrade
    from models.migrate_known import UnknownRevisionError, unknown_revision_message

    url = normalize_url(database_url)
    try:
        reached = run_upgrade(url, upgrade_target(url, revision.strip()))
    except UnknownRevisionError as exc:  # a newer umot's store: nothing changed
        fail(unknown_revision_message(database_url or url, exc.revisions))
    except (SQLAlchemyError, OSError, CommandError) as exc:  # CommandError: an unknown target REVISION
        _database_error(url, exc)
    typer.echo(f"{mask_password(url)}: at revision {reached or '(none)'}")  # `upgrade base`: no tables yet


@db_app.command("current")
def current(
    database_url: DatabaseUrl = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the database is not at the newest revision")] = False,
) -> None:
    """Show the database's schema revision and the newest one this code knows."""
    from sqlalchemy.exc import SQLAlchemyError

    from models.db_url import mask_password, normalize_url
    from models.migrate import alembic_config, current_revision, head_revision
    from models.migrate_known import unknown_revisions
    from models.sqlite_url import sqlite_path

    url = normalize_url(database_url)
    path = sqlite_path(url)
    if path is not None and not path.exists():  # say so, rather than read a mistyped path as an empty store
        typer.echo(f"{mask_password(url)}: no database at {path} yet, newest revision {head_revision()} "
                   "(`umot db upgrade` creates it)")
        raise typer.Exit(1 if check else 0)
    try:
        at = current_revision(url)
    except (SQLAlchemyError, OSError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        fail(f"cannot open database {mask_password(url)}: {reason}")
    head = head_revision()
    if unknown_revisions([at], alembic_config(url)):  # ahead of this code: upgrading would not help
        state = "unknown to this umot: made by a newer version? upgrade umot, not the store"
    else:
        state = "up to date" if at == head else "behind: run `umot db upgrade`"
    typer.echo(f"{mask_password(url)}: revision {at or '(none)'}, newest {head} ({state})")
    if check and at != head:
        raise typer.Exit(1)


@db_app.command("revision")
def revision(
    message: Annotated[str, typer.Option("-m", "--message", help="What the migration changes")],
    autogenerate: Annotated[
        bool, typer.Option("--autogenerate/--empty", help="Diff models/tables/ against the database")
    ] = True,
    database_url: DatabaseUrl = None,
) -> None:
    """Write a new migration into models/migrations/versions (for developers), numbered after the
    newest (0010 after 0009), as the shipped ones are; alembic's own `revision` command names it by a
    random hex id instead. With --autogenerate (the default) the database must be at the newest
    revision; review the generated file before committing it.
    """
    from alembic import command
    from alembic.util import CommandError

    from models.db_url import mask_password, normalize_url
    from models.migrate import alembic_config, head_revision
    from models.migrate_known import check_umot_file
    from models.sqlite_url import sqlite_path

    url = normalize_url(database_url)
    path = sqlite_path(url)
    if autogenerate and path is not None:  # the diff opens the store: never an empty file made, nor WAL in another's
        if not path.exists():
            fail(f"no database at {path} to diff against: run `umot db upgrade` or check --database-url")
        check_umot_file(path)
    config = alembic_config(url)
    head = head_revision(config)
    number = f"{int(head) + 1:04d}" if head is not None and head.isdigit() else None  # else alembic's hex id
    try:
        scripts = command.revision(config, message=message, autogenerate=autogenerate, rev_id=number)
    except CommandError as exc:
        fail(f"cannot write a migration for {mask_password(url)}: {exc}")
    for script in scripts if isinstance(scripts, list) else [scripts]:
        if script is not None:
            typer.echo(script.path)
