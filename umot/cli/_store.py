"""Store look-ups shared by the CLI commands, with the CLI's one-line errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from umot.cli._errors import fail

# The --database-url option of every command that opens the store.
DatabaseUrl = Annotated[
    Optional[str],
    typer.Option("--database-url", help="Store URL \\[default: UMOT_DATABASE_URL or <UMOT_DATA_DIR>/umot.db]"),
]

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from models.tables import Brand


def open_store(database_url: str | None, *, must_exist: bool = False) -> "Engine":
    """The store, migrated to the newest schema (what every command that opens it does).

    ``must_exist`` is for commands that only read or change what is stored
    (list, export, set): they refuse a missing SQLite file, since creating an
    empty store there would only hide a mistyped --database-url. A bad URL
    raises ``DatabaseUrlError``, which the CLI prints as its one-line error.
    """
    from models.db import init_db, normalize_url, sqlite_path

    url = normalize_url(database_url)
    path = sqlite_path(url)
    if must_exist and path is not None and not path.exists():
        fail(f"no database at {path}: run `umot db upgrade` or check --database-url (or UMOT_DATABASE_URL)")
    return init_db(url)


def brand_or_fail(session: "Session", name: str) -> "Brand":
    """The stored brand called ``name``; else exit with an error listing the known brands."""
    from models import crud

    brand = crud.get_brand(session, name)
    if brand is None:
        known = ", ".join(b.name for b in crud.list_brands(session)) or "none yet: run a crawl or `umot demo`"
        fail(f"no brand named {name!r} in the store (brands: {known})")
    return brand
