"""Keep reviews stored under the crawlers' old ``h:`` content ids deduping.

Before ``models.identity`` held the one content-id formula, crawls gave
id-less reviews ``h:`` ids and the store ``sha1:`` ones. A row whose id is the
current content id takes the stored ``h:`` id instead when the store holds the
review under it, so the insert finds the conflict and stores nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from models.identity import content_id, legacy_content_id
from models.tables import Review


def adopt_legacy_ids(session: Session, brand_id: int, values: Sequence[dict[str, Any]]) -> int:
    """Rewrite (in place) content ids of rows stored under their legacy id; return how many."""
    legacy: dict[tuple[str, str], dict[str, Any]] = {}
    for row in values:
        source, author, text = row["source"], row["author"], row["text"]
        if row["external_id"] == content_id(source, author, text):
            legacy[(source, legacy_content_id(source, author, text))] = row
    if not legacy:
        return 0
    stored = session.exec(
        select(Review.source, Review.external_id).where(
            Review.brand_id == brand_id,
            col(Review.external_id).in_([external_id for _, external_id in legacy]),
        )
    ).all()
    for source, external_id in stored:
        adopted = legacy.get((source, external_id))
        if adopted is not None:
            adopted["external_id"] = external_id
    return len(stored)
