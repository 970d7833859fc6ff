"""Competitor links: the rivals a brand puts its figures beside.

A link reads "BRAND compares itself with RIVAL" and is one-way. Both brands
must exist (a rival is crawled like any brand: give it sources first), a brand
is never its own rival, and links never form a cycle (A -> B -> A, or longer):
a brand that is someone's rival is benchmarked *against*, and following the
links from any brand always ends. Each refusal is a :class:`CompetitorError`
whose message names the brands.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from models.crud.brands import matching_brands
from models.stored import stored_id
from models.tables import Brand, BrandCompetitor, utcnow


class CompetitorError(ValueError):
    """A link that cannot be made or removed; the message says why."""


def find_brand(session: Session, name: str) -> Brand:
    """The brand ``name`` names (the store's one rule: exact, else any case or Unicode form, see
    ``models.crud.brands``), or :class:`CompetitorError` listing the known ones."""
    found = known_brand(session, name)
    if found is None:
        wanted = (name or "").strip()
        raise CompetitorError(
            f"unknown brand {wanted!r}: a rival is crawled like any brand, add its sources first "
            f"(umot sources add {wanted or 'NAME'} ...); known brands: {known_brands(session)}"
        )
    return found


def known_brand(session: Session, name: str) -> Brand | None:
    """As :func:`find_brand`, but None for a name no stored brand has (``umot brands unlink`` still
    takes such a name, a typo, out of umot.toml); a name of several brands is refused all the same."""
    wanted = (name or "").strip()
    found = matching_brands(session, wanted)
    if len(found) > 1:
        names = ", ".join(b.name for b in found)
        raise CompetitorError(f"brand {wanted!r} names {len(found)} brands ({names}): give one's exact name")
    return found[0] if found else None


def known_brands(session: Session) -> str:
    """The stored brands' names, for a message ("none yet" in an empty store)."""
    return ", ".join(b.name for b in session.exec(select(Brand).order_by(Brand.name))) or "none yet"


def competitors_of(session: Session, brand_id: int) -> list[Brand]:
    """The brand's rivals, by name."""
    query = (
        select(Brand)
        .join(BrandCompetitor, col(BrandCompetitor.competitor_id) == Brand.id)
        .where(BrandCompetitor.brand_id == brand_id)
        .order_by(Brand.name)
    )
    return list(session.exec(query))


def all_links(session: Session) -> list[tuple[str, str]]:
    """Every (brand, rival) pair by name, sorted."""
    rival = select(Brand.id, Brand.name).subquery("rival")
    query = (
        select(Brand.name, rival.c.name)
        .join(BrandCompetitor, col(BrandCompetitor.brand_id) == Brand.id)
        .join(rival, rival.c.id == BrandCompetitor.competitor_id)
        .order_by(Brand.name, rival.c.name)
    )
    return [(a, b) for a, b in session.exec(query)]


def _path(session: Session, start: int, goal: int) -> list[int] | None:
    """Brand ids along the links from ``start`` to ``goal``, or None when none leads there."""
    edges: dict[int, list[int]] = {}
    for a, b in session.exec(select(BrandCompetitor.brand_id, BrandCompetitor.competitor_id)):
        edges.setdefault(a, []).append(b)
    previous: dict[int, int | None] = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        if node == goal:
            path = []
            step: int | None = node
            while step is not None:
                path.append(step)
                step = previous[step]
            return path[::-1]
        for nxt in edges.get(node, []):
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return None


def link_competitor(session: Session, brand_name: str, rival_name: str) -> bool:
    """Link ``rival_name`` as a rival of ``brand_name``; False when it already was."""
    brand, rival = find_brand(session, brand_name), find_brand(session, rival_name)
    if brand.id == rival.id:
        raise CompetitorError(f"{brand.name} cannot be its own competitor")
    if session.get(BrandCompetitor, (brand.id, rival.id)) is not None:
        return False
    brand_id, rival_id = stored_id(brand), stored_id(rival)
    back = _path(session, rival_id, brand_id)
    if back is not None:
        names = {b.id: b.name for b in session.exec(select(Brand).where(col(Brand.id).in_(back)))}
        loop = " -> ".join(names[i] for i in back)
        raise CompetitorError(
            f"linking {brand.name} -> {rival.name} would make a cycle ({loop} -> {rival.name}): "
            f"links are one-way, a brand's rivals are compared with it, not the other way round"
        )
    session.add(BrandCompetitor(brand_id=brand_id, competitor_id=rival_id, created_at=utcnow()))
    session.flush()
    return True


def unlink_competitor(session: Session, brand_name: str, rival_name: str) -> bool:
    """Remove the link; False when there was none."""
    brand, rival = find_brand(session, brand_name), find_brand(session, rival_name)
    link = session.get(BrandCompetitor, (brand.id, rival.id))
    if link is None:
        return False
    session.delete(link)
    session.flush()
    return True
