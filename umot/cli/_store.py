"""Store look-ups shared by the CLI commands, with the CLI's one-line errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from umot.cli._errors import fail

if TYPE_CHECKING:
    from sqlmodel import Session

    from models.tables import Brand


def brand_or_fail(session: "Session", name: str) -> "Brand":
    """The stored brand called ``name``; else exit with an error listing the known brands."""
    from models import crud

    brand = crud.get_brand(session, name)
    if brand is None:
        known = ", ".join(b.name for b in crud.list_brands(session)) or "none yet: run a crawl or `umot demo`"
        fail(f"no brand named {name!r} in the store (brands: {known})")
    return brand
