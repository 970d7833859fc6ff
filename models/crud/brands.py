"""Brands: one name each, found by the same rule everywhere (sources: ``models.crud.sources``).

One rule names a brand everywhere (the CLI's ``--brand``, ``umot.toml``, the
export): the brand called exactly that, else the one brand whose name is the
same under :func:`brand_key` (any case, accents however encoded, spacing,
invisible characters). A brand is never created beside one it would be confused
with: creating one finds it instead.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session, col, select

from models.crud._dialect import advisory_key, dialect_name, insert_for
from models.crud.name_limits import NameCharacterError, NameTooLongError, check_characters, check_length, shortened
from models.identity import brand_key
from models.tables import Brand, table_of, utcnow


class BrandNameError(ValueError):
    """A brand that cannot be created: several brands have the same name under :func:`brand_key`,
    or its name is longer than the store holds or has a control character."""


class BrandNameTooLongError(BrandNameError, NameTooLongError):
    """A brand name longer than ``brand.name`` holds (caught wherever either error is)."""


class BrandNameCharacterError(BrandNameError, NameCharacterError):
    """A brand name with a control character, line break or invisible character (caught wherever either error is)."""


def check_brand_name(name: str) -> str:
    """The trimmed brand name, or :class:`BrandNameTooLongError` when ``brand.name`` cannot hold it
    (:class:`BrandNameCharacterError` when it is not one line of visible text)."""
    name = (name or "").strip()
    check_characters(name, f"brand name {shortened(name)}", BrandNameCharacterError)
    return check_length(name, table_of(Brand).c.name, f"brand name {shortened(name)}", BrandNameTooLongError)


def check_webhook_url(url: str) -> str:
    """The URL, or :class:`NameTooLongError` when ``brand.webhook_url`` cannot hold it (not printed: it is a secret)."""
    return check_length(url, table_of(Brand).c.webhook_url, "webhook URL")


def matching_brands(session: Session, name: str) -> list[Brand]:
    """The brands ``name`` may mean, by id: the one called exactly that, else every one equal under
    :func:`brand_key` (one is a match; several only in a store filled before this rule)."""
    wanted = (name or "").strip()
    if not wanted:
        return []
    # PostgreSQL refuses NUL in a query (no brand can hold it there): such a name is only compared below
    exact = None if "\x00" in wanted else session.exec(select(Brand).where(Brand.name == wanted)).first()
    if exact is not None:
        return [exact]
    key = brand_key(wanted)  # the brands table is small: compared here, not in SQL
    if not key:  # "\u2060" is not a stored "\u200b" (an older umot let one in): nothing visible names nothing
        return []
    return [b for b in session.exec(select(Brand).order_by(col(Brand.id))) if brand_key(b.name) == key]


def _wait_for_creators(session: Session, name: str) -> None:
    """PostgreSQL: wait, until this transaction ends, for any other one creating a brand of ``name``'s
    :func:`brand_key` (ON CONFLICT covers the exact name only: "Zeta Shop" and "ZETA SHOP" created at
    once were both stored). SQLite: its ``BEGIN IMMEDIATE`` already lets one writer in at a time."""
    if dialect_name(session) == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": advisory_key(f"umot brand {brand_key(name)}")})


def get_brand(session: Session, name: str) -> Brand | None:
    """The brand ``name`` names (see :func:`matching_brands`); None when none or several do."""
    found = matching_brands(session, name)
    return found[0] if len(found) == 1 else None


def get_or_create_brand(session: Session, name: str) -> Brand:
    """The brand ``name`` names (see :func:`get_brand`: "acme" is a stored "Acme"), created on first
    use, so a near-duplicate is never stored; :class:`BrandNameError` when several stored brands
    match (a store filled before this rule: no guess), or a new name is too long or not one line."""
    name = (name or "").strip()
    if not name:
        raise ValueError("brand name is empty")
    found = matching_brands(session, name)
    if not found:  # a new one: look again once no other writer is creating it (a stored one: no wait)
        _wait_for_creators(session, name)
        found = matching_brands(session, name)
    if len(found) == 1:
        return found[0]
    if found:
        stored = " and ".join(repr(b.name) for b in found)
        raise BrandNameError(
            f"brand {name!r} could be {stored} (brand names are compared ignoring case, spacing and "
            f"Unicode form): give the exact name"
        )
    check_brand_name(name)  # only a new one: a brand an older umot stored on SQLite is still found
    # ON CONFLICT: two crawls creating the same brand at once both get it.
    session.execute(
        insert_for(session, table_of(Brand))
        .values(name=name, created_at=utcnow())
        .on_conflict_do_nothing(index_elements=["name"])
    )
    return session.exec(select(Brand).where(Brand.name == name)).one()


def list_brands(session: Session) -> list[Brand]:
    return list(session.exec(select(Brand).order_by(Brand.name)))


def set_brand_webhook(session: Session, brand: Brand, url: str | None) -> Brand:
    """Where the nightly run posts the brand's new detractors (None: nowhere)."""
    brand.webhook_url = check_webhook_url(url) if url is not None else None
    session.add(brand)
    session.flush()
    return brand
