"""A dismissal made stale by an edit at the source, then confirmed with the same label.

Before, ``update_flag`` skipped the unchanged label: no audit event, so the judgement still
predated the edit and ``umot train --from-db`` trained the review by its rating.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from models import crud
from models.crud.edited_dismissals import dismissal_labels
from models.crud.triage import update_flag
from models.tables import Flag, Review

PRAISE = {"source": "trustpilot", "external_id": "r1", "text": "Works great, love it", "rating": 1,
          "published_at": datetime.now(UTC) - timedelta(days=2)}
EDITED = {**PRAISE, "text": "Still works great a month later, love it"}


def _stale_dismissal(session: Session, brand_id: int) -> tuple[int, int]:
    """Review r1 flagged, dismissed as positive, then edited at the source: (review id, flag id)."""
    crud.upsert_reviews(session, [PRAISE], brand_id=brand_id)
    rid = int(session.exec(select(Review.id)).one() or 0)
    [sid] = crud.save_scores(session, [{"review_id": rid, "model_version": "m1", "detractor": True}])
    crud.upsert_flags(session, [{"review_id": rid, "score_id": sid, "brand_id": brand_id, "reasons": ["rated 1★"]}])
    flag_id = int(session.exec(select(Flag.id)).one() or 0)
    update_flag(session, flag_id, actor="cli:ana", status="dismissed", corrected_label="positive")
    session.commit()
    crud.upsert_reviews(session, [EDITED], brand_id=brand_id)
    session.commit()
    assert dismissal_labels(session, brand_id) == {}
    return rid, flag_id


def test_a_stale_dismissal_confirmed_with_the_same_label_labels_the_new_text(session: Session, brand_id: int) -> None:
    rid, flag_id = _stale_dismissal(session, brand_id)
    events = update_flag(session, flag_id, actor="cli:ana", status="dismissed", corrected_label="positive")
    session.commit()
    assert [(e.field_name, e.old_value, e.new_value) for e in events] == [("corrected_label", "positive", "positive")]
    assert dismissal_labels(session, brand_id) == {rid: "positive"}
    # confirmed once: the judgement is now newer than the edit, so saying it again changes nothing
    assert update_flag(session, flag_id, actor="cli:ana", status="dismissed", corrected_label="positive") == []


def test_a_note_alone_does_not_confirm_a_stale_dismissal(session: Session, brand_id: int) -> None:
    """Only a judgement (the dismissed status or a label, as sent) confirms; a note is no judgement."""
    _, flag_id = _stale_dismissal(session, brand_id)
    events = update_flag(session, flag_id, actor="cli:ana", note="Called them")
    session.commit()
    assert [e.field_name for e in events] == ["note"]
    assert dismissal_labels(session, brand_id) == {}


def test_an_unedited_dismissal_said_again_changes_nothing(session: Session, brand_id: int) -> None:
    crud.upsert_reviews(session, [PRAISE], brand_id=brand_id)
    rid = int(session.exec(select(Review.id)).one() or 0)
    crud.upsert_flags(session, [{"review_id": rid, "brand_id": brand_id, "reasons": ["rated 1★"]}])
    flag_id = int(session.exec(select(Flag.id)).one() or 0)
    update_flag(session, flag_id, actor="cli:ana", status="dismissed", corrected_label="positive")
    session.commit()
    assert update_flag(session, flag_id, actor="cli:ana", status="dismissed", corrected_label="positive") == []
