"""Reviews: what the store already holds, so that a crawl asks for nothing it has.

Read-only counterparts of ``models.crud.reviews``: the external ids a crawl can
skip (optionally keeping recent unanswered reviews in play, see
``crawlers.reply_window``) and how many reviews are stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from models.datetimes import as_utc
from models.tables import Review


def _settled(query: Any, awaiting_reply_since: datetime | None) -> Any:
    """Leave out unanswered reviews published (else first seen) since then: a crawl reads them again."""
    if awaiting_reply_since is None:
        return query
    when = func.coalesce(Review.published_at, Review.first_seen_at)
    return query.where(or_(col(Review.reply_text).is_not(None), when < as_utc(awaiting_reply_since)))


def known_ids_by_source(
    session: Session, *, brand_id: int, awaiting_reply_since: datetime | None = None
) -> dict[str, list[str]]:
    """Every external id stored for a brand, by source label: what a crawl's runner hands
    its crawl process, so that a crawl with nothing new never opens the store itself.

    With ``awaiting_reply_since``, recent reviews without a reply are not listed
    (see ``crawlers.reply_window``)."""
    known: dict[str, list[str]] = {}
    query = select(Review.source, Review.external_id).where(Review.brand_id == brand_id)
    for source, external_id in session.exec(_settled(query, awaiting_reply_since)):
        known.setdefault(source, []).append(external_id)
    return known


def awaiting_reply_ids_by_source(
    session: Session, *, brand_id: int, awaiting_reply_since: datetime | None, source: str | None = None
) -> dict[str, list[str]]:
    """The ids :func:`known_ids_by_source` leaves out (recent reviews without a reply), by source label.

    Stored all the same: a crawl that finds one of them under another label
    (``crawlers.spiders._known``) stores it under the label it has, not a second time.
    """
    if awaiting_reply_since is None:
        return {}
    when = func.coalesce(Review.published_at, Review.first_seen_at)
    query = select(Review.source, Review.external_id).where(
        Review.brand_id == brand_id, col(Review.reply_text).is_(None), when >= as_utc(awaiting_reply_since)
    )
    if source is not None:
        query = query.where(Review.source == source)
    awaiting: dict[str, list[str]] = {}
    for label, external_id in session.exec(query):
        awaiting.setdefault(label, []).append(external_id)
    return awaiting


def known_external_ids(
    session: Session, *, brand_id: int, source: str, awaiting_reply_since: datetime | None = None
) -> set[str]:
    """External ids already stored for one brand and source (for incremental crawls)."""
    query = select(Review.external_id).where(Review.brand_id == brand_id, Review.source == source)
    return set(session.exec(_settled(query, awaiting_reply_since)))


def count_reviews(session: Session, *, brand_id: int | None = None) -> int:
    """Reviews stored, of one brand or (``None``) of all."""
    query = select(func.count()).select_from(Review)
    if brand_id is not None:
        query = query.where(Review.brand_id == brand_id)
    return int(session.exec(query).one())
