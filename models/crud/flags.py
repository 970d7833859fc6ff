"""Flags: detractors to act on, raised from scores.

Re-flagging a review (a re-score, a new model) refreshes why it was flagged
but never resets what the brand team already did with it; a review edited
on its site into no detractor has its flag cleared (``edited_flags``), and one edited after
it was dismissed is raised again when flagged (``edited_dismissals``). Changing the
triage state (with its audit trail) lives in ``models.crud.triage``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, true
from sqlmodel import Session, col, select

from models.crud._dialect import chunk_size, chunks, insert_for
from models.crud.edited_dismissals import reopen_edited_dismissals
from models.crud.edited_flags import clear_edited_flags, reopen_edited_flags
from models.crud.replies import respond_from_source
from models.datetimes import as_utc
from models.tables import Flag, Review, Score, table_of, utcnow

FLAG_TABLE = table_of(Flag)
_REFRESHED = ("score_id", "reasons", "severity", "updated_at")


def upsert_flags(session: Session, flags: Sequence[Mapping[str, Any]]) -> int:
    """Create or refresh flags (one per review); return how many are new (or raised again after an edit).

    A new flag starts ``new`` (``responded``, audited as the source's doing, when
    the review already has the brand's reply); an existing one gets the new
    score, reasons and severity and keeps its status, assignee, note and
    corrected label (a dismissal made before the review's last edit was of
    another text: that flag is ``new`` again).
    """
    clear_edited_flags(session)  # a batch's edited reviews that are detractors no more
    if not flags:
        return 0
    now = utcnow()
    rows: dict[int, dict[str, Any]] = {}
    for index, flag in enumerate(flags):
        if flag.get("review_id") is None:
            raise ValueError(f"flag {index}: review_id is required")
        review_id = int(flag["review_id"])
        rows[review_id] = {
            "review_id": review_id,
            "score_id": flag.get("score_id"),
            "brand_id": flag.get("brand_id"),
            "reasons": list(flag.get("reasons") or []),
            "severity": float(flag.get("severity") or 0.0),
            "status": "new",
            "created_at": now,
            "updated_at": now,
        }
    ids = list(rows)
    existing: set[int] = set()
    reopened = reopen_edited_flags(session, ids)  # cleared by an edit, a detractor again: new again
    reopened += reopen_edited_dismissals(session, ids)  # dismissed, then edited: the dismissal was of the old text
    missing_brand = [r for r, v in rows.items() if v["brand_id"] is None]
    for batch in chunks(ids, 500):
        existing.update(session.exec(select(Flag.review_id).where(col(Flag.review_id).in_(batch))))
    for batch in chunks(missing_brand, 500):
        found = select(Review.id, Review.brand_id).where(col(Review.id).in_(batch))
        for found_id, brand_id in session.exec(found):
            if found_id is not None:  # ids IN batch: never None
                rows[found_id]["brand_id"] = brand_id
    unknown = [r for r in missing_brand if rows[r]["brand_id"] is None]
    if unknown:
        raise ValueError(f"flag for unknown review id {unknown[0]}")
    insert = insert_for(session, FLAG_TABLE)
    stmt = insert.on_conflict_do_update(
        index_elements=["review_id"], set_={name: insert.excluded[name] for name in _REFRESHED}
    )
    values = list(rows.values())
    for batch in chunks(values, chunk_size(session, len(values[0]))):
        session.execute(stmt, list(batch))
    session.expire_all()  # ORM copies of refreshed flags are stale now
    # a review the brand had already answered at the source is flagged answered
    respond_from_source(session, [r for r in ids if r not in existing])
    return len(ids) - len(existing) + reopened


def flagged_reviews(
    session: Session,
    *,
    brand_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    status: str | Sequence[str] | None = None,
    where: ColumnElement[bool] | None = None,
) -> list[tuple[Flag, Review, Score | None]]:
    """Flags with their review and score, most severe first.

    ``since``/``until`` bound when the flag was raised (``since <= created_at < until``);
    ``where``: a further condition on the flag (e.g. :func:`not_settled`).
    """
    query = (
        select(Flag, Review, Score)
        .join(Review, col(Review.id) == Flag.review_id)
        .outerjoin(Score, col(Score.id) == Flag.score_id)
        .order_by(col(Flag.severity).desc(), col(Flag.created_at).desc(), col(Flag.id).desc())
    )
    if brand_id is not None:
        query = query.where(Flag.brand_id == brand_id)
    if since is not None:
        query = query.where(Flag.created_at >= as_utc(since))
    if until is not None:
        query = query.where(Flag.created_at < as_utc(until))
    if status is not None:
        query = query.where(col(Flag.status).in_([status] if isinstance(status, str) else list(status)))
    if where is not None:
        query = query.where(where)
    return [(flag, review, score) for flag, review, score in session.exec(query)]


def not_settled(seen: int | None, own_start: datetime) -> ColumnElement[bool]:
    """Flags no earlier night reported: above the brand's last settled flag id (``Brand.webhook_seen_flag_id``),
    or raised since this night's own start (a flag an edit raised again keeps its older id).

    The one rule for what a night counts, posts and, when its post fails, keeps for the next
    night (``flows.tasks.summarise``, ``flows.notify_state``): a night whose window reaches back
    to a killed night's start must not count what a ``--brand`` night in between posted.
    """
    if seen is None:
        return true()
    return or_(col(Flag.id) > seen, col(Flag.created_at) >= as_utc(own_start))
