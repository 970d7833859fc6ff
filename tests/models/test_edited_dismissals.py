"""A flag dismissed as "not a detractor", then its review edited at the source into a complaint.

Before, the dismissal outlived the edit: flagged again, the flag stayed ``dismissed`` (out of the
queue and every count) and ``umot train --from-db`` trained the new complaint with the old
text's 'positive' label. A dismissal judges the text the team read.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from models import crud
from models.crud.edited_dismissals import REDISMISS_NOTE, dismissal_labels
from models.crud.triage import update_flag
from models.tables import Flag, FlagEvent, Review

PRAISE = {"source": "trustpilot", "external_id": "r1", "text": "Works great, love it", "rating": 1,
          "published_at": datetime.now(UTC) - timedelta(days=2)}
COMPLAINT = {**PRAISE, "text": "Stopped working after a week, useless junk, avoid this seller"}


def _dismissed(session: Session, brand_id: int) -> tuple[int, Flag]:
    """Review r1 (1★ praise) flagged, then dismissed as positive."""
    crud.upsert_reviews(session, [PRAISE], brand_id=brand_id)
    rid = int(session.exec(select(Review.id)).one() or 0)
    _flag_again(session, brand_id, rid)
    flag = session.exec(select(Flag)).one()
    update_flag(session, int(flag.id or 0), actor="cli:ana", status="dismissed", corrected_label="positive")
    session.commit()
    return rid, flag


def _flag_again(session: Session, brand_id: int, rid: int, version: str = "m1") -> int:
    [sid] = crud.save_scores(session, [{"review_id": rid, "model_version": version, "detractor": True}])
    new = crud.upsert_flags(session, [{"review_id": rid, "score_id": sid, "brand_id": brand_id,
                                       "reasons": ["rated 1★"], "severity": 1.0}])
    session.commit()
    return new


def test_a_dismissal_of_the_old_text_is_reopened_when_the_edit_is_flagged(session: Session, brand_id: int) -> None:
    rid, flag = _dismissed(session, brand_id)
    raised = flag.created_at
    assert dismissal_labels(session, brand_id) == {rid: "positive"}
    crud.upsert_reviews(session, [COMPLAINT], brand_id=brand_id)  # edited at the source
    session.commit()
    assert dismissal_labels(session, brand_id) == {}  # --from-db: the old label no longer applies
    assert _flag_again(session, brand_id, rid) == 1  # raised again: counted and posted as new
    session.refresh(flag)
    assert (flag.status, flag.corrected_label, flag.note) == ("new", None, REDISMISS_NOTE)
    assert flag.created_at > raised
    events = session.exec(select(FlagEvent).where(FlagEvent.actor == "umot")).all()
    assert {(e.field_name, e.old_value, e.new_value) for e in events} == {
        ("status", "dismissed", "new"), ("corrected_label", "positive", None), ("note", None, REDISMISS_NOTE)}
    assert _flag_again(session, brand_id, rid, version="m2") == 0  # once: a later score reopens nothing more


def test_a_dismissal_made_after_the_edit_stands(session: Session, brand_id: int) -> None:
    crud.upsert_reviews(session, [PRAISE], brand_id=brand_id)
    crud.upsert_reviews(session, [COMPLAINT], brand_id=brand_id)  # edited before anyone triaged it
    rid = int(session.exec(select(Review.id)).one() or 0)
    _flag_again(session, brand_id, rid)
    flag = session.exec(select(Flag)).one()
    update_flag(session, int(flag.id or 0), actor="cli:ana", status="dismissed", corrected_label="neutral")
    session.commit()
    assert _flag_again(session, brand_id, rid, version="m2") == 0
    session.refresh(flag)
    assert (flag.status, flag.corrected_label) == ("dismissed", "neutral")
    assert dismissal_labels(session, brand_id) == {rid: "neutral"}


def test_an_unedited_dismissed_review_flagged_by_a_new_model_stays_dismissed(session: Session, brand_id: int) -> None:
    rid, flag = _dismissed(session, brand_id)
    assert _flag_again(session, brand_id, rid, version="m2") == 0
    session.refresh(flag)
    assert (flag.status, flag.corrected_label) == ("dismissed", "positive")
    assert not session.exec(select(FlagEvent).where(FlagEvent.actor == "umot")).all()
