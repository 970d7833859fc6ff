"""Row locks that let two writers replace the same reviews' readings at once on PostgreSQL.

A reading is replaced by deleting the old rows, then inserting. Under PostgreSQL's
READ COMMITTED two writers (two ``umot rescore``, a night's detect-themes beside a
rescore, a triager's correction) would both delete nothing, then both insert, and
the second fails on the unique key. Locking the reviews first makes the second
wait for the first to commit, then delete what it wrote. ``FOR NO KEY UPDATE``
(not ``FOR UPDATE``) leaves alone the key-share locks that inserts referencing a
review take, and ids are locked in ascending order, so two writers cannot deadlock
on each other's locks. SQLite needs none of this: a writing scope holds the whole
database (``BEGIN IMMEDIATE``), so nothing is sent there.

A writer that read reviews before its transaction (scoring, theme reading: the slow
work runs outside it) also checks, once they are locked, that no import or crawl
edited them meanwhile (``still_as_read``): an edit drops their readings, and results
from the old text written after it would stand for the new one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlmodel import Session, col, select

from models.crud._dialect import chunks, dialect_name
from models.crud.stored_external_ids import stored_rows
from models.tables import Review

LOCK_BATCH = 500  # review ids per SELECT ... FOR NO KEY UPDATE: one statement per batch, never one per row


def lock_reviews(session: Session, review_ids: Iterable[int]) -> None:
    """Lock these reviews' rows until the transaction ends (PostgreSQL; a no-op on SQLite), ascending by id."""
    if dialect_name(session) != "postgresql":
        return
    ids = sorted({int(i) for i in review_ids})
    for batch in chunks(ids, LOCK_BATCH):
        session.exec(select(Review.id).where(col(Review.id).in_(batch)).order_by(col(Review.id))
                     .with_for_update(key_share=True)).all()


def lock_stored(session: Session, brand_id: int, rows: Iterable[Mapping[str, object]]) -> None:
    """Lock the stored reviews a batch of cleaned rows names (by source and external id) before it writes any
    (PostgreSQL): an import or crawl batch then updates its edits and replies under locks taken in id order,
    as scoring takes them (``still_as_read``); taken row by row, in the batch's order, the two deadlocked."""
    if dialect_name(session) != "postgresql":
        return
    by_source: dict[str, set[str]] = {}
    for row in rows:
        by_source.setdefault(str(row["source"]), set()).add(str(row["external_id"]))
    lock_reviews(session, [rid for source, ids in by_source.items()
                           for (rid,) in stored_rows(session, brand_id, source, ids, col(Review.id))])


def still_as_read(session: Session, read: Mapping[int, datetime | None]) -> set[int]:
    """Lock these reviews (review id -> ``edited_at`` as read) and return those still stored and not edited since:
    one statement per batch reads and locks them (PostgreSQL; SQLite reads only)."""
    locking = dialect_name(session) == "postgresql"
    now: dict[int, datetime | None] = {}
    for batch in chunks(sorted({int(i) for i in read}), LOCK_BATCH):
        query = select(Review.id, Review.edited_at).where(col(Review.id).in_(batch)).order_by(col(Review.id))
        for rid, edited_at in session.exec(query.with_for_update(key_share=True) if locking else query):
            now[int(rid or 0)] = edited_at
    return {rid for rid, edited_at in read.items() if rid in now and now[rid] == edited_at}
