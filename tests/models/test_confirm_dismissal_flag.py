"""``update_flag(confirm_dismissal=True)``: the web page's confirmation of a stale dismissal.

The page sends no status or label it didn't change; before, nothing then confirmed a dismissal made
stale by an edit of the review, and ``umot train --from-db`` kept training the review by its rating.
"""

from __future__ import annotations

from sqlmodel import Session
from test_confirmed_dismissals import _stale_dismissal

from models.crud.edited_dismissals import dismissal_labels
from models.crud.triage import update_flag


def test_confirming_a_stale_dismissal_audits_its_label(session: Session, brand_id: int) -> None:
    rid, flag_id = _stale_dismissal(session, brand_id)
    events = update_flag(session, flag_id, actor="web:ana", confirm_dismissal=True)
    session.commit()
    assert [(e.field_name, e.old_value, e.new_value) for e in events] == [("corrected_label", "positive", "positive")]
    assert dismissal_labels(session, brand_id) == {rid: "positive"}
    assert update_flag(session, flag_id, actor="web:ana", confirm_dismissal=True) == []  # not stale any more


def test_a_flag_no_longer_dismissed_is_not_confirmed(session: Session, brand_id: int) -> None:
    _, flag_id = _stale_dismissal(session, brand_id)
    update_flag(session, flag_id, actor="web:gus", status="in_progress")
    assert update_flag(session, flag_id, actor="web:ana", confirm_dismissal=True) == []
    events = update_flag(session, flag_id, actor="web:ana", status="new", confirm_dismissal=True)
    assert [(e.field_name, e.new_value) for e in events] == [("status", "new")]
