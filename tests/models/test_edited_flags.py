"""A flagged review edited on its site into praise: its flag is cleared, not kept as a detractor forever.

Before, the edit only unhooked the flag from its score; the next score refreshed
flags of detractors only, so the flag stayed open (with the old text's reasons
and severity) and counted in the weekly export and its summary.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from models import crud
from models.crud.triage import update_flag
from models.tables import Flag, FlagEvent, Review
from reporting.data import load_reviews
from reporting.detractor_data import count_flagged, load_detractors

COMPLAINT = {"source": "trustpilot", "external_id": "r1", "text": "Terrible, broke on day one", "rating": 1,
             "published_at": datetime.now(UTC)}
PRAISE = {**COMPLAINT, "text": "Support replaced it, now it works perfectly. Love it.", "rating": 5}


def _flagged(session: Session, brand_id: int, status: str | None = None) -> tuple[int, Flag]:
    crud.upsert_reviews(session, [COMPLAINT], brand_id=brand_id)
    rid = session.exec(select(Review.id)).one()
    [sid] = crud.save_scores(session, [{"review_id": rid, "model_version": "m1", "detractor": True}])
    crud.upsert_flags(session, [{"review_id": rid, "score_id": sid, "brand_id": brand_id,
                                 "reasons": ["rated 1★"], "severity": 1.0}])
    flag = session.exec(select(Flag)).one()
    if status is not None:
        update_flag(session, int(flag.id or 0), actor="cli", status=status)
    session.commit()
    return int(rid or 0), flag


def _rescored(session: Session, brand_id: int, rid: int, *, edit: dict, detractor: bool, version: str = "m1") -> int:
    if edit:
        crud.upsert_reviews(session, [edit], brand_id=brand_id)
    [sid] = crud.save_scores(session, [{"review_id": rid, "model_version": version, "detractor": detractor}])
    rows = [{"review_id": rid, "score_id": sid, "brand_id": brand_id, "reasons": ["negative text"]}] if detractor else []
    crud.upsert_flags(session, rows)
    session.commit()
    return sid


def _counted(session: Session, brand_id: int) -> tuple[int, int, int]:
    """The weekly CSV's detractors, the night report's count, the summary CSV's; each must agree with the
    web overview's weekly detractors and the reply figures' flagged reviews."""
    from models.crud.reports import reply_figures
    from models.crud.triage.overview import weekly_figures

    start, end = datetime.now(UTC) - timedelta(days=7), datetime.now(UTC) + timedelta(days=1)
    frame = load_reviews(session, [brand_id], start, end)
    counted = (len(load_detractors(session, brand_id, start, end)), count_flagged(session, start, end),
               int(frame["flag_status"].notna().sum()))
    web = sum(week.detractors for week in weekly_figures(session, brand_id))
    replies = int(brand_id in reply_figures(session, since=start, until=end))
    assert web == replies == counted[0], (web, replies, counted)
    return counted


def test_a_triaged_flag_edited_into_praise_is_resolved_audited_and_counted_nowhere(
    session: Session, brand_id: int
) -> None:
    rid, flag = _flagged(session, brand_id, status="in_progress")
    assert _counted(session, brand_id) == (1, 1, 1)
    sid = _rescored(session, brand_id, rid, edit=PRAISE, detractor=False)
    session.refresh(flag)
    assert (flag.status, flag.score_id, flag.reasons, flag.severity) == ("resolved", sid, [], 0.0)
    events = session.exec(select(FlagEvent).where(FlagEvent.actor == "umot")).all()
    assert {(e.field_name, e.old_value, e.new_value) for e in events} == {
        ("status", "in_progress", "resolved"), ("note", None, "edited on its site: no longer a detractor")}
    assert _counted(session, brand_id) == (0, 0, 0)


def test_an_untouched_new_flag_is_closed_too(session: Session, brand_id: int) -> None:
    rid, flag = _flagged(session, brand_id)
    _rescored(session, brand_id, rid, edit=PRAISE, detractor=False)
    session.refresh(flag)
    assert flag.status == "resolved" and flag.reasons == []
    assert _counted(session, brand_id) == (0, 0, 0)


def test_a_dismissed_flag_keeps_its_status_and_label(session: Session, brand_id: int) -> None:
    rid, flag = _flagged(session, brand_id, status="dismissed")
    _rescored(session, brand_id, rid, edit=PRAISE, detractor=False)
    session.refresh(flag)
    assert (flag.status, flag.corrected_label) == ("dismissed", "neutral")
    assert not session.exec(select(FlagEvent).where(FlagEvent.actor == "umot")).all()


def test_an_edit_that_is_still_a_detractor_refreshes_the_flag_as_before(session: Session, brand_id: int) -> None:
    rid, flag = _flagged(session, brand_id, status="in_progress")
    sid = _rescored(session, brand_id, rid, edit={**COMPLAINT, "text": "Still awful"}, detractor=True)
    session.refresh(flag)
    assert (flag.status, flag.score_id, flag.reasons) == ("in_progress", sid, ["negative text"])
    assert _counted(session, brand_id) == (1, 1, 1)


def test_a_new_model_version_on_an_unedited_review_closes_nothing(session: Session, brand_id: int) -> None:
    rid, flag = _flagged(session, brand_id, status="in_progress")
    old_score = flag.score_id
    _rescored(session, brand_id, rid, edit={}, detractor=False, version="m2")
    session.refresh(flag)
    assert (flag.status, flag.score_id, flag.reasons) == ("in_progress", old_score, ["rated 1★"])
    assert _counted(session, brand_id) == (1, 1, 1)
