"""Which of some external ids the store holds for a brand (and source): one query per 500 ids.

Adoptions of old ids, replies and edits all match rows to stored reviews by their ids; this is
that one query. The ids go in ``IN (...)`` lists of at most :data:`CHUNK`, well under the bound
variable limits of SQLite and PostgreSQL, so a batch of N ids costs N / 500 queries, never one
per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Row, select
from sqlmodel import Session, col

from models.crud._dialect import chunks
from models.tables import Review

CHUNK = 500  # ids per IN (...) query


def stored_rows(
    session: Session, brand_id: int, source: str | None, ids: Iterable[str], *columns: Any
) -> list[Row[Any]]:
    """``columns`` of the brand's reviews stored under one of ``ids``, of ``source`` (None: of any)."""
    where = [col(Review.brand_id) == brand_id, *([col(Review.source) == source] if source is not None else [])]
    return [row for batch in chunks(sorted(set(ids)), CHUNK)
            for row in session.execute(select(*columns).where(*where, col(Review.external_id).in_(batch)))]


def stored_ids(session: Session, brand_id: int, source: str, ids: Iterable[str]) -> set[str]:
    """Of ``ids``, those the store holds for (brand, source)."""
    return {row[0] for row in stored_rows(session, brand_id, source, ids, col(Review.external_id))}
