"""The sources crawled for a brand: added, listed, found by name, edited, removed.

A source belongs to one brand and is named within it (``umot.toml`` and the CLI
name sources by brand and name; the store ids them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from models.crud.brands import get_brand, get_or_create_brand
from models.crud.name_limits import check_characters, check_length, shortened
from models.stored import stored_id
from models.tables import CrawlRun, Review, Source, table_of


def check_source_name(name: str) -> str:
    """The trimmed source name, or :class:`NameTooLongError` when ``source.name`` cannot hold it
    (:class:`NameCharacterError` when it is not one line of visible text)."""
    name = (name or "").strip()
    check_characters(name, f"source name {shortened(name)}")
    return check_length(name, table_of(Source).c.name, f"source name {shortened(name)}")


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


def live_source_id(session: Session, source_id: int | None) -> int | None:
    """``source_id`` while its source is stored, else None: a crawl's reviews and run outlive a source
    removed during it (``umot sources remove``), kept without one as :func:`remove_source` keeps earlier ones."""
    if source_id is None or session.get(Source, source_id) is not None:
        return source_id
    return None
