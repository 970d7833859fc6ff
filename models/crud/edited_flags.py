"""Flags of reviews edited on their site into something that is no longer a detractor.

An edit forgets the review's scores (``models.crud.review_edits``), so its flag
points at no score until the next night scores the new text. If that score is a
detractor, ``upsert_flags`` refreshes the flag as usual. If it is not, the flag
would otherwise keep the old text's reasons and severity and stay counted: here
it takes the new score (so it is known as cleared), loses the stale reasons and
severity, and an open one is resolved, audited as ``umot``'s doing. Only flags
raised before the review's ``edited_at`` are touched: a new model version
re-scoring unedited reviews closes nothing. A dismissed flag keeps its status
(the team's judgement). A review edited back into a detractor reopens the flag
an edit cleared (:func:`reopen_edited_flags`): raised again, it is counted and
posted as a new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import exists, false, func, not_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from models.crud._dialect import chunks
from models.crud.flag_locks import locking_flags
from models.status import OPEN_FLAG_STATUSES, FlagStatus
from models.tables import Flag, FlagEvent, Review, Score, utcnow

EDIT_ACTOR = "umot"
EDIT_NOTE = "edited on its site: no longer a detractor"
REOPEN_NOTE = "edited on its site again: a detractor again"


def cleared_by_edit() -> Any:
    """SQL condition: this flag was cleared by an edit (it names a score that is no detractor)."""
    named = aliased(Score)  # not the score a query joins: the one the flag names
    return exists().where(col(named.id) == col(Flag.score_id), col(named.detractor).is_(false()))


def still_detractor() -> Any:
    """SQL condition: this flag counts as a detractor (not dismissed, not cleared by an edit)."""
    return (col(Flag.status) != FlagStatus.dismissed) & not_(cleared_by_edit())


def audit_edit(session: Session, flag: Flag, changes: Sequence[tuple[str, Any]], now: datetime) -> None:
    """Set each (field, value) of ``changes`` on ``flag``, each audited as :data:`EDIT_ACTOR`'s doing: what
    an edit at the source changes in triage (cleared, raised again, a dismissal ended)."""
    for field, new in changes:
        session.add(FlagEvent(flag_id=int(flag.id or 0), actor=EDIT_ACTOR, at=now, field_name=field,
                              old_value=getattr(flag, field), new_value=new))
        setattr(flag, field, new)
    flag.updated_at = now
    session.add(flag)


def clear_edited_flags(session: Session) -> int:
    """Clear the flags whose edited review is now scored and not a detractor; how many were cleared."""
    newest = (select(col(Score.review_id), func.max(col(Score.id)).label("score_id"))
              .group_by(col(Score.review_id)).subquery("newest_score"))
    query = (
        select(Flag, newest.c.score_id)
        .join(Review, col(Review.id) == col(Flag.review_id))
        .join(newest, newest.c.review_id == col(Flag.review_id))
        .join(Score, col(Score.id) == newest.c.score_id)
        .where(col(Flag.score_id).is_(None), col(Review.edited_at).is_not(None),
               col(Review.edited_at) > col(Flag.created_at), col(Score.detractor).is_(false()))
    )
    found = [(flag, score_id) for flag, score_id in session.execute(locking_flags(query))]
    now = utcnow()
    for flag, score_id in found:
        flag.score_id, flag.reasons, flag.severity, flag.updated_at = score_id, [], 0.0, now
        if flag.status in OPEN_FLAG_STATUSES:
            audit_edit(session, flag, (("status", FlagStatus.resolved), ("note", EDIT_NOTE)), now)
        session.add(flag)
    if found:
        session.flush()
    return len(found)


def reopen_edited_flags(session: Session, review_ids: Sequence[int]) -> int:
    """Flags an edit cleared (last set ``resolved`` by :data:`EDIT_ACTOR`) of reviews now scored as
    detractors again: ``new`` again and raised now, so the night counts and posts them as new; audited."""
    last = (select(col(FlagEvent.flag_id), func.max(col(FlagEvent.id)).label("event_id"))
            .where(col(FlagEvent.field_name) == "status").group_by(col(FlagEvent.flag_id)).subquery("last_status"))
    now, reopened = utcnow(), 0
    for batch in chunks(list(review_ids), 500):
        query = (select(Flag).join(last, last.c.flag_id == col(Flag.id)).join(FlagEvent, col(FlagEvent.id) == last.c.event_id)
                 .where(col(Flag.review_id).in_(batch), col(Flag.status) == FlagStatus.resolved,
                        col(FlagEvent.actor) == EDIT_ACTOR, col(FlagEvent.new_value) == FlagStatus.resolved))
        for (flag,) in session.execute(locking_flags(query)).all():
            audit_edit(session, flag, (("status", FlagStatus.new), ("note", REOPEN_NOTE)), now)
            flag.created_at = now  # raised again: counted and posted as new
            reopened += 1
    if reopened:
        session.flush()
    return reopened
