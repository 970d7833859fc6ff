"""Store look-ups shared by the CLI commands, with the CLI's one-line errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from umot.cli._errors import fail
from umot.cli._store_errors import (
    is_migration_refusal,
    is_permission_denied,
    is_store_refusal,
    migration_error,
    opened_urls,
    store_error,
)


def _store_file_url(value: str | None) -> str | None:
    """--database-url that names no file (``sqlite:///$DB`` with $DB unset) is refused as it is read,
    by every command that has the option: its in-memory store would lose what the command writes."""
    if value is not None:
        from models.db_url import DatabaseUrlError, check_store_file

        try:
            check_store_file(value)
        except DatabaseUrlError as exc:
            fail(str(exc))
    return value


# The --database-url option of every command that opens the store.
DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", callback=_store_file_url,
                 help="Store URL \\[default: UMOT_DATABASE_URL or <UMOT_DATA_DIR>/umot.db]"),
]

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from models.tables import Brand


def open_store(database_url: str | None, *, must_exist: bool = False) -> Engine:
    """The store, migrated to the newest schema (what every command that opens it does).

    ``must_exist`` is for commands that only read or change what is stored
    (list, export, set): they refuse a missing SQLite file, since creating an
    empty store there would only hide a mistyped --database-url. A bad URL
    raises ``DatabaseUrlError``, which the CLI prints as its one-line error (so
    does one that names no file: an in-memory store would lose the writes); a
    store that refuses the connection or its migration (no CREATE on schema
    public) or whose folder takes no migration lock file (read-only), or one
    at a revision this umot does not know (a newer umot migrated it), exits
    here with one line (exit 2).
    """
    from models.db import init_db
    from models.db_url import check_store_file, normalize_url
    from models.migrate_known import UnknownRevisionError, unknown_revision_message
    from models.sqlite_url import sqlite_path

    url = normalize_url(database_url)  # from UMOT_DATABASE_URL: checked there
    if database_url is not None:
        check_store_file(url)
    path = sqlite_path(url)
    if must_exist and path is not None and not path.exists():
        fail(f"no database at {path}: run `umot db upgrade` or check --database-url (or UMOT_DATABASE_URL)")
    opened_urls.append(database_url or url)  # named as the user wrote it
    try:
        return init_db(url)
    except UnknownRevisionError as exc:  # a newer umot's store: refused before anything changes
        fail(unknown_revision_message(database_url or url, exc.revisions))
    except OSError as exc:  # the folder or <db>.migrate.lock cannot be made (read-only): `umot db upgrade`'s line
        fail(migration_error(exc, database_url or url))
    except Exception as exc:
        if is_store_refusal(exc) and not is_permission_denied(exc):
            fail(store_error(exc))
        if is_migration_refusal(exc):  # e.g. no CREATE on schema public: the line `umot db upgrade` prints
            fail(migration_error(exc, database_url or url))
        raise


def brand_or_fail(session: Session, name: str, *, create_hint: bool = False) -> Brand:
    """The stored brand called ``name``; else exit with an error listing the known brands
    (``create_hint``: and saying how to create it, for commands with ``--create-brand``)."""
    from models import crud

    brand = crud.get_brand(session, name)
    if brand is None:
        known = ", ".join(b.name for b in crud.list_brands(session)) or "none yet"
        if create_hint:
            hint = "; a new brand: add --create-brand"
        else:
            hint = "; `umot import` or `umot crawl` with --create-brand adds one" if known == "none yet" else ""
        fail(f"no brand named {name!r} in the store (brands: {known}){hint}")
    return brand


CreateBrand = Annotated[bool, typer.Option(
    "--create-brand", help="Add --brand to the store if it is not there yet (else an unknown brand is refused).",
)]


def store_brand(database_url: str | None, name: str, *, create: bool) -> str:
    """Open the store and check ``name`` is a brand in it (adding it if ``create``): before
    a crawl or import starts, so a typo in --brand never files reviews under a new brand."""
    from models import crud
    from models.db import session_scope

    if not name.strip():
        fail("--brand is empty: give the brand's name")
    with session_scope(open_store(database_url)) as session:
        if not create:
            return brand_or_fail(session, name, create_hint=True).name
        try:
            return crud.get_or_create_brand(session, name).name
        except crud.BrandNameError as exc:  # "tz" beside a stored "TZ": never a near-duplicate
            fail(f"--brand: {exc}")
