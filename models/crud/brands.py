"""Brands and the sources crawled for them.

One rule names a brand everywhere (the CLI's ``--brand``, ``umot.toml``, the
export): the brand called exactly that, else the one brand whose name is the
same under :func:`brand_key` (any case, accents however encoded, spacing). A
brand is never created beside one it would be confused with.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from models.crud._dialect import insert_for
from models.stored import stored_id
from models.tables import Brand, CrawlRun, Review, Source, table_of, utcnow


class BrandNameError(ValueError):
    """A brand that cannot be created: another brand has the same name under :func:`brand_key`,
    or its name is longer than the store holds."""


class NameTooLongError(ValueError):
    """A name longer than its column holds: refused before anything is written, on every store
    (PostgreSQL would refuse it mid-write with a traceback; SQLite would keep it whole)."""


class BrandNameTooLongError(BrandNameError, NameTooLongError):
    """A brand name longer than ``brand.name`` holds (caught wherever either error is)."""


def column_limit(column: Any) -> int | None:
    """The most characters ``column`` holds, read from its table definition (None: no limit)."""
    return getattr(column.type, "length", None)


def check_length(value: str, column: Any, what: str, error: type[NameTooLongError] = NameTooLongError) -> str:
    """``value`` when ``column`` holds it, else ``error`` saying ``what`` it is, its length and the limit."""
    limit = column_limit(column)
    if limit is not None and len(value) > limit:
        raise error(f"{what} is {len(value)} characters long; at most {limit}")
    return value


def shortened(name: str, keep: int = 24) -> str:
    """``name`` quoted, cut to ``keep`` characters and an ellipsis: an over-long name is named, not printed whole."""
    return repr(name if len(name) <= keep else name[:keep] + "…")


def check_brand_name(name: str) -> str:
    """The trimmed brand name, or :class:`BrandNameTooLongError` when ``brand.name`` cannot hold it."""
    name = (name or "").strip()
    return check_length(name, table_of(Brand).c.name, f"brand name {shortened(name)}", BrandNameTooLongError)


def check_source_name(name: str) -> str:
    """The trimmed source name, or :class:`NameTooLongError` when ``source.name`` cannot hold it."""
    name = (name or "").strip()
    return check_length(name, table_of(Source).c.name, f"source name {shortened(name)}")


def check_webhook_url(url: str) -> str:
    """The URL, or :class:`NameTooLongError` when ``brand.webhook_url`` cannot hold it (not printed: it is a secret)."""
    return check_length(url, table_of(Brand).c.webhook_url, "webhook URL")


def brand_key(name: str) -> str:
    """What two brand names are compared by: NFKC, Unicode casefold, spacing collapsed (in Python:
    SQLite's lower() folds ASCII only, so "CAFÉ ÜBER" would not find "Café Über")."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name or "").casefold())
    return " ".join(folded.split())


def matching_brands(session: Session, name: str) -> list[Brand]:
    """The brands ``name`` may mean, by id: the one called exactly that, else every one equal under
    :func:`brand_key` (one is a match; several only in a store filled before this rule)."""
    wanted = (name or "").strip()
    if not wanted:
        return []
    exact = session.exec(select(Brand).where(Brand.name == wanted)).first()
    if exact is not None:
        return [exact]
    key = brand_key(wanted)  # the brands table is small: compared here, not in SQL
    return [b for b in session.exec(select(Brand).order_by(col(Brand.id))) if brand_key(b.name) == key]


def get_brand(session: Session, name: str) -> Brand | None:
    """The brand ``name`` names (see :func:`matching_brands`); None when none or several do."""
    found = matching_brands(session, name)
    return found[0] if len(found) == 1 else None


def get_or_create_brand(session: Session, name: str) -> Brand:
    """The brand called exactly ``name`` (trimmed), created on first use; :class:`BrandNameError` when
    another brand has the same name under :func:`brand_key` (no near-duplicate, no silent reuse) or
    the name is too long to store."""
    name = (name or "").strip()
    if not name:
        raise ValueError("brand name is empty")
    found = matching_brands(session, name)
    if found and found[0].name == name:
        return found[0]
    if found:
        stored = " and ".join(repr(b.name) for b in found)
        raise BrandNameError(
            f"brand {name!r} is already stored as {stored} (brand names are compared ignoring case, "
            f"spacing and Unicode form): use that name"
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


def list_sources(session: Session, enabled_only: bool = False, *, brand_id: int | None = None) -> list[Source]:
    """Sources ordered by brand then name; optionally only enabled ones or one brand's."""
    query = select(Source).order_by(col(Source.brand_id), col(Source.name))
    if enabled_only:
        query = query.where(Source.enabled == True)  # noqa: E712
    if brand_id is not None:
        query = query.where(Source.brand_id == brand_id)
    return list(session.exec(query))


def get_source(session: Session, source_id: int) -> Source | None:
    return session.get(Source, source_id)


def find_source(session: Session, brand: str, name: str) -> Source | None:
    """The stored source ``name`` of ``brand``, if any: ``umot.toml`` and the CLI name sources, the store ids them."""
    owner = get_brand(session, brand)
    if owner is None:
        return None
    return session.exec(select(Source).where(Source.brand_id == owner.id, Source.name == name)).first()


def add_source(
    session: Session,
    *,
    brand: str,
    name: str,
    urls: Sequence[str],
    spider: str = "schemaorg",
    options: dict[str, Any] | None = None,
    enabled: bool = True,
) -> Source:
    """Add a source to the brand ``brand`` names (created if none does); a second source of the same name is refused."""
    name = check_source_name(name)
    if not name:
        raise ValueError("source name is empty")
    owner = get_brand(session, brand) or get_or_create_brand(session, brand)
    clash = session.exec(select(Source).where(Source.brand_id == owner.id, Source.name == name)).first()
    if clash is not None:
        raise ValueError(f"source {name!r} already exists for brand {owner.name!r} (id {clash.id})")
    source = Source(
        brand_id=stored_id(owner), name=name, spider=spider, urls=list(urls), options=dict(options or {}),
        enabled=enabled,
    )
    session.add(source)
    session.flush()
    return source


def set_source_enabled(session: Session, source_id: int, enabled: bool) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise LookupError(f"no source with id {source_id}")
    source.enabled = enabled
    session.add(source)
    session.flush()
    return source


def update_source(session: Session, source: Source, **fields: Any) -> Source:
    """Set a stored source's fields (``spider``, ``urls``, ``options``, ``enabled``)."""
    unknown = set(fields) - {"spider", "urls", "options", "enabled"}
    if unknown:
        raise ValueError(f"not a source field: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(source, name, value)
    session.add(source)
    session.flush()
    return source


def set_brand_webhook(session: Session, brand: Brand, url: str | None) -> Brand:
    """Where the nightly run posts the brand's new detractors (None: nowhere)."""
    brand.webhook_url = check_webhook_url(url) if url is not None else None
    session.add(brand)
    session.flush()
    return brand


def remove_source(session: Session, source_id: int) -> bool:
    """Delete a source; its reviews and crawl runs stay (their ``source_id`` is cleared)."""
    source = session.get(Source, source_id)
    if source is None:
        return False
    session.execute(update(Review).where(col(Review.source_id) == source_id).values(source_id=None))
    session.execute(update(CrawlRun).where(col(CrawlRun.source_id) == source_id).values(source_id=None))
    session.delete(source)
    session.flush()
    return True
