"""Dismissals of a review's old text: an edit at the source makes the team's "not a detractor" stale.

A flag dismissed as "not a detractor" (with its corrected label) judged the text the team read.
A review edited on its site after that is another text: when it is flagged again, the flag is
``new`` again, raised now (so the night counts and posts it) and loses the old corrected label,
audited as ``umot``'s doing as :mod:`models.crud.edited_flags` does; ``umot train --from-db``
trains it by its rating, not by the old label (:func:`dismissal_labels`). A dismissal made after
the edit (the team read the new text) stands, and so does one confirmed since with the same label
(:func:`judged_before_edit`: ``update_flag`` audits it). Theme corrections follow the same rule
(``journeys.correction_applies``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from models.crud._dialect import chunks
from models.crud.edited_flags import audit_edit
from models.crud.flag_locks import locking_flags
from models.status import FlagStatus
from models.tables import Flag, FlagEvent, Review, utcnow

REDISMISS_NOTE = "edited on its site after it was dismissed: flagged again"
JUDGED_FIELDS = ("status", "corrected_label")  # the team's judgement of the text: its status and label


def _judged_at() -> Any:
    """SQL: when the flag's status or label last changed (its dismissal, or a relabelling since); a flag with
    no audited change (set by hand in the store) counts as judged when it was raised. Correlated: the
    flag's own events (indexed by flag), not every flag's."""
    last = (select(func.max(col(FlagEvent.at))).where(col(FlagEvent.flag_id) == col(Flag.id),
                                                       col(FlagEvent.field_name).in_(JUDGED_FIELDS))
            .correlate(Flag).scalar_subquery())
    return func.coalesce(last, col(Flag.created_at))


def _dismissed(*, stale: bool) -> Any:
    """Dismissed flags judged before their review's last edit (``stale``), or the others."""
    edited_later = col(Review.edited_at).is_not(None) & (col(Review.edited_at) > _judged_at())
    return (select(Flag).join(Review, col(Review.id) == col(Flag.review_id))
            .where(col(Flag.status) == FlagStatus.dismissed, edited_later if stale else ~edited_later))


def judged_before_edit(session: Session, flag_id: int) -> bool:
    """Whether this dismissed flag's judgement predates its review's last edit (a confirmation is news)."""
    return session.execute(_dismissed(stale=True).where(col(Flag.id) == flag_id)).first() is not None


def reopen_edited_dismissals(session: Session, review_ids: Sequence[int]) -> int:
    """Dismissed flags of these (flagged again) reviews whose text was edited after the dismissal: ``new``
    again, raised now, corrected label cleared; each change audited. Returns how many were reopened."""
    now, reopened = utcnow(), 0
    for batch in chunks(list(review_ids), 500):
        stale = locking_flags(_dismissed(stale=True).where(col(Flag.review_id).in_(batch)))
        for (flag,) in session.execute(stale).all():
            changes = (("status", FlagStatus.new), ("corrected_label", None), ("note", REDISMISS_NOTE))
            audit_edit(session, flag, changes, now)
            flag.created_at = now  # raised again: counted and posted as new
            reopened += 1
    if reopened:
        session.flush()
    return reopened


def dismissal_labels(session: Session, brand_id: int | None = None) -> dict[int, str | None]:
    """review id -> corrected label of each dismissed flag that still judges the review's text
    (dismissed after its last edit, or never edited); ``brand_id``: that brand's only."""
    query = _dismissed(stale=False)
    if brand_id is not None:
        query = query.where(col(Flag.brand_id) == brand_id)
    return {flag.review_id: flag.corrected_label for (flag,) in session.execute(query)}
