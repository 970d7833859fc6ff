"""Replies at the source: stored on reviews already in the store, and what they do to flags.

A reply usually appears days after its review, so a crawl that reads a stored
review again may bring one: :func:`store_replies` writes it onto the stored
row (nothing else on the review changes, and a reply already stored is never
erased because a page stopped showing it). A flagged review that gets a reply
is answered: :func:`respond_from_source` moves its flag to ``responded``,
audited as done by the source, and only forward (``new`` or ``in_progress``);
what a triager set (responded, resolved, dismissed) stays.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from models.crud._dialect import chunks
from models.crud.flag_locks import locking_flags
from models.crud.stored_external_ids import stored_rows
from models.datetimes import as_utc
from models.replies import reply_date
from models.status import ANSWERABLE_FLAG_STATUSES, FlagStatus
from models.stored import stored_id
from models.tables import Flag, FlagEvent, Review, utcnow

#: Flag statuses a reply at the source moves on to ``responded``; the others are a triager's call.
ANSWERABLE = ANSWERABLE_FLAG_STATUSES
RESPONDED = FlagStatus.responded
SOURCE_ACTOR = "source:{source}"


def store_replies(
    session: Session, rows: Sequence[Mapping[str, Any]], *, brand_id: int, seen_at: datetime
) -> list[int]:
    """Write the replies of cleaned rows onto their stored reviews; ids of reviews that got one.

    Only rows with ``reply_text`` are looked at; a stored reply is updated when
    the site edited it (text or date), and keeps when it was first seen. A reply
    date is judged against the review date the store keeps (``models.replies.reply_date``),
    not the row's; a row that gives the reply, the same or edited, no date or author (or a date
    judged wrong) leaves the stored one: a field a page leaves out is no edit.
    """
    by_source: dict[str, dict[str, Mapping[str, Any]]] = {}
    for row in rows:
        if row.get("reply_text"):
            by_source.setdefault(row["source"], {})[row["external_id"]] = row
    answered: list[int] = []
    for source, wanted in by_source.items():
        stored = stored_rows(session, brand_id, source, wanted, Review.id, Review.external_id, Review.reply_text,
                             Review.replied_at, Review.reply_author, Review.published_at)
        for review_id, external_id, text, replied_at, author, published_at in stored:
            values = _reply_values(wanted[external_id], (text, _utc(replied_at), author),
                                   _utc(published_at), f"{source}/{external_id}")
            if values is None:
                continue
            if text is None:
                values["reply_seen_at"] = seen_at
                answered.append(review_id)
            session.execute(update(Review).where(col(Review.id) == review_id).values(**values))
    return answered


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)  # a naive one (SQLite) is UTC: compared with the row's


def _reply_values(row: Mapping[str, Any], stored: tuple[str | None, datetime | None, str | None],
                  published_at: datetime | None, where: str) -> dict[str, Any] | None:
    """The reply columns to write from ``row`` onto a review whose stored reply is ``stored``
    (text, date, author) and date ``published_at``; None when nothing changes."""
    text, replied_at, author = stored
    new = {"reply_text": row["reply_text"], "reply_author": row["reply_author"],
           "replied_at": reply_date(row["replied_at"], published_at, where)}
    # what the row leaves out (or dates wrong) stays as stored, the text edited or not: an edit
    # that shows no date or signature (a CSV without those columns) is no edit of them
    if new["replied_at"] is None and replied_at != row["replied_at"]:  # not the very date just judged wrong
        new["replied_at"] = replied_at
    new["reply_author"] = new["reply_author"] or author
    return None if (text, author, replied_at) == (new["reply_text"], new["reply_author"], new["replied_at"]) else new


def respond_from_source(session: Session, review_ids: Iterable[int]) -> int:
    """Move the flags of answered reviews to ``responded`` (only from new / in progress); how many moved.

    Each move is one audit event whose actor is ``source:<review source>``: the
    brand answered at the source, no umot user did.
    """
    ids = sorted(set(review_ids))
    moved = 0
    now = utcnow()
    for batch in chunks(ids, 500):
        query = (
            select(Flag, Review.source)
            .join(Review, col(Review.id) == Flag.review_id)
            .where(
                col(Flag.review_id).in_(batch), col(Flag.status).in_(ANSWERABLE),
                col(Review.reply_text).is_not(None),
            )
        )
        for flag, source in session.exec(locking_flags(query)).all():
            session.add(
                FlagEvent(
                    flag_id=stored_id(flag), actor=SOURCE_ACTOR.format(source=source), at=now,
                    field_name="status", old_value=flag.status, new_value=RESPONDED,
                )
            )
            flag.status = RESPONDED
            flag.updated_at = now
            session.add(flag)
            moved += 1
    if moved:
        session.flush()
    return moved

