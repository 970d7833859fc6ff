"""Replies at the source: stored on re-crawl, flags answered by the source, bad reply dates."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from models import crud
from models.crud.triage import update_flag
from models.tables import Flag, FlagEvent, Review

REVIEW = {"source": "trustpilot", "external_id": "r1", "text": "Never arrived", "rating": 1,
          "published_at": "2024-03-08T14:00:00Z"}
REPLY = {"reply_text": "Sorry, refunded.", "reply_author": "Acme", "replied_at": "2024-03-09T16:30:00Z"}


def _flagged(session: Session, brand_id: int, review: dict | None = None) -> Flag:
    crud.upsert_reviews(session, [review or REVIEW], brand_id=brand_id)
    review_id = session.exec(select(Review.id)).first()
    crud.upsert_flags(session, [{"review_id": review_id, "brand_id": brand_id, "reasons": ["rated 1★"]}])
    return session.exec(select(Flag).where(Flag.review_id == review_id)).one()


def _events(session: Session, flag_id: int) -> list[tuple[str, str, str | None, str | None]]:
    query = select(FlagEvent).where(FlagEvent.flag_id == flag_id).order_by(FlagEvent.id)
    return [(e.actor, e.field_name, e.old_value, e.new_value) for e in session.exec(query)]


def test_a_reply_found_later_is_stored_and_answers_the_flag(session: Session, brand_id: int) -> None:
    flag = _flagged(session, brand_id)
    update_flag(session, flag.id, actor="web:ana@acme.example", assignee="ana", note="calling them")
    session.commit()
    result = crud.upsert_reviews(session, [{**REVIEW, **REPLY}], brand_id=brand_id)
    session.commit()
    assert (result.new, result.existing, result.replied, result.responded) == (0, 1, 1, 1)
    review = session.exec(select(Review)).one()
    session.refresh(review)
    assert (review.reply_text, review.reply_author) == ("Sorry, refunded.", "Acme")
    assert review.replied_at == datetime(2024, 3, 9, 16, 30, tzinfo=UTC)
    assert review.reply_seen_at is not None
    session.refresh(flag)
    assert (flag.status, flag.assignee, flag.note) == ("responded", "ana", "calling them")
    assert _events(session, flag.id)[-1] == ("source:trustpilot", "status", "new", "responded")


@pytest.mark.parametrize("status", ["responded", "resolved", "dismissed"])
def test_a_triagers_status_is_never_moved_back(session: Session, brand_id: int, status: str) -> None:
    flag = _flagged(session, brand_id)
    update_flag(session, flag.id, actor="cli:ana", status=status)
    session.commit()
    before = _events(session, flag.id)
    result = crud.upsert_reviews(session, [{**REVIEW, **REPLY}], brand_id=brand_id)
    assert (result.replied, result.responded) == (1, 0)
    session.refresh(flag)
    assert flag.status == status and _events(session, flag.id) == before


def test_in_progress_moves_on_to_responded(session: Session, brand_id: int) -> None:
    flag = _flagged(session, brand_id)
    update_flag(session, flag.id, actor="cli:ana", status="in_progress")
    crud.upsert_reviews(session, [{**REVIEW, **REPLY}], brand_id=brand_id)
    session.refresh(flag)
    assert flag.status == "responded"
    assert _events(session, flag.id)[-1] == ("source:trustpilot", "status", "in_progress", "responded")


def test_a_review_flagged_after_its_reply_starts_responded(session: Session, brand_id: int) -> None:
    flag = _flagged(session, brand_id, {**REVIEW, **REPLY})
    assert flag.status == "responded"
    assert _events(session, flag.id) == [("source:trustpilot", "status", "new", "responded")]
    crud.upsert_flags(session, [{"review_id": flag.review_id, "brand_id": brand_id, "severity": 0.9}])
    assert len(_events(session, flag.id)) == 1  # re-flagging adds nothing


def test_an_edited_reply_is_updated_and_a_vanished_one_kept(session: Session, brand_id: int) -> None:
    crud.upsert_reviews(session, [{**REVIEW, **REPLY}], brand_id=brand_id)
    first_seen = session.exec(select(Review.reply_seen_at)).one()
    edited = {**REVIEW, **REPLY, "reply_text": "Sorry, refunded in full."}
    assert crud.upsert_reviews(session, [edited], brand_id=brand_id).replied == 0  # not a new answer
    crud.upsert_reviews(session, [REVIEW], brand_id=brand_id)  # the page no longer shows it
    session.expire_all()
    review = session.exec(select(Review)).one()
    assert review.reply_text == "Sorry, refunded in full." and review.reply_seen_at == first_seen


def test_reply_without_a_date_is_kept_undated(session: Session, brand_id: int, caplog) -> None:
    caplog.set_level(logging.WARNING, logger="models.replies")
    crud.upsert_reviews(session, [{**REVIEW, "reply_text": "We are on it"}], brand_id=brand_id)
    review = session.exec(select(Review)).one()
    assert review.reply_text == "We are on it" and review.replied_at is None
    assert "review trustpilot/r1: reply has no date; kept without one" in caplog.text


@pytest.mark.parametrize(("replied_at", "logged"), [
    ("2024-03-01T09:00:00Z", "reply dated 2024-03-01T09:00:00+00:00, before the review (2024-03-08T14:00:00+00:00)"),
    # a placeholder 2099 date made the reply's "hours to reply" run to 75 years in the brand's median
    ("2099-01-01T00:00:00Z", "reply dated 2099-01-01T00:00:00+00:00, in the future; kept without a date"),
], ids=["before-the-review", "in-the-future"])
def test_a_reply_dated_where_it_cannot_be_loses_its_date(session: Session, brand_id: int, caplog, replied_at: str,
                                                         logged: str) -> None:
    caplog.set_level(logging.WARNING, logger="models.replies")
    crud.upsert_reviews(session, [{**REVIEW, **REPLY, "replied_at": replied_at}], brand_id=brand_id)
    review = session.exec(select(Review)).one()
    assert review.reply_text == "Sorry, refunded." and review.replied_at is None
    assert logged in caplog.text


# UMOT_TIMEZONE America/New_York: a day with no time is stored as its noon there, 17:00 UTC in March before DST
@pytest.mark.parametrize(("published_at", "replied_at", "kept"), [
    ("2024-03-08T17:00:00Z", "2024-03-08T14:00:00Z", True),  # day-only review ("2024-03-08"), answered 09:00
    ("2024-03-08T20:00:00Z", "2024-03-08T17:00:00Z", True),  # review at 15:00, day-only reply that day
    ("2024-03-08T17:00:00Z", "2024-03-08T04:00:00Z", False),  # 23:00 the day before in New York
    ("2024-03-08T20:00:00Z", "2024-03-08T14:00:00Z", False),  # both timed: a reply before the review
], ids=["day-only-review", "day-only-reply", "day-before", "both-timed"])
def test_a_same_day_reply_to_a_day_only_date_takes_0_hours(session: Session, brand_id: int, monkeypatch, caplog,
                                                            published_at: str, replied_at: str, kept: bool) -> None:
    from datetime import timedelta

    monkeypatch.setenv("UMOT_TIMEZONE", "America/New_York")
    caplog.set_level(logging.WARNING, logger="models.replies")
    row = {**REVIEW, **REPLY, "published_at": published_at, "replied_at": replied_at}
    [review_id] = crud.upsert_reviews(session, [row], brand_id=brand_id).new_ids
    review = session.exec(select(Review)).one()
    assert review.replied_at == (datetime.fromisoformat(replied_at) if kept else None)  # its own time kept
    assert ("before the review" in caplog.text) is not kept
    crud.upsert_flags(session, [{"review_id": review_id, "brand_id": brand_id}])
    now = datetime.now(UTC)
    [acme] = crud.brand_summary(session, since=now - timedelta(days=1), until=now + timedelta(days=1))
    assert acme["median_reply_hours"] == (0.0 if kept else None)


def test_author_or_date_without_text_is_no_reply(session: Session, brand_id: int) -> None:
    crud.upsert_reviews(session, [{**REVIEW, "reply_author": "Acme", "replied_at": "2024-03-09"}], brand_id=brand_id)
    review = session.exec(select(Review)).one()
    assert (review.reply_text, review.reply_author, review.replied_at, review.reply_seen_at) == (None,) * 4


def test_brand_summary_has_reply_rate_and_median_hours(session: Session, brand_id: int) -> None:
    from datetime import timedelta

    rows = [{**REVIEW, "external_id": f"r{i}"} for i in range(4)]
    rows[0] |= REPLY  # 26.5 h after the review
    rows[1] |= {**REPLY, "replied_at": "2024-03-08T20:00:00Z"}  # 6 h
    rows[2] |= {"reply_text": "undated"}  # answered, no time
    ids = crud.upsert_reviews(session, rows, brand_id=brand_id).new_ids
    crud.upsert_flags(session, [{"review_id": i, "brand_id": brand_id} for i in ids])
    now = datetime.now(UTC)
    [acme] = crud.brand_summary(session, since=now - timedelta(days=1), until=now + timedelta(days=1))
    assert (acme["reply_rate"], acme["median_reply_hours"]) == (0.75, 16.25)  # exact: the report rounds
    [empty] = crud.brand_summary(session, since=now + timedelta(days=1), until=now + timedelta(days=2))
    assert (empty["reply_rate"], empty["median_reply_hours"]) == (None, None)


def test_the_nightly_report_shows_reply_rate_and_hours() -> None:
    from flows.outcomes import BrandReport
    from flows.report_sections import week_table

    report = BrandReport(brand_id=1, brand="Acme", week={"reply_rate": 0.75, "median_reply_hours": 16.25},
                         previous_week={"reply_rate": 0.5, "median_reply_hours": 20.0})
    table = "\n".join(week_table(report))
    assert "| Detractors answered at the source | 75% | 50% | +25 pts |" in table
    assert "| Median hours to reply | 16.3 h | 20.0 h | -3.8 h |" in table  # was -3.75, no unit; 16.25 half up
    later = BrandReport(brand_id=1, brand="Acme", week={"median_reply_hours": 32.38},
                        previous_week={"median_reply_hours": 20.0})
    assert "| Median hours to reply | 32.4 h | 20.0 h | +12.4 h |" in "\n".join(week_table(later))
    first = BrandReport(brand_id=1, brand="Acme", week={"median_reply_hours": 5.0}, previous_week={})
    assert "| Median hours to reply | 5.0 h | – | – |" in "\n".join(week_table(first))


def test_dismissed_flags_count_nowhere_in_the_reply_figures(session: Session, brand_id: int) -> None:
    """A dismissed flag is not a detractor: its reply neither raises the reply rate nor sets the hours."""
    from datetime import timedelta

    rows = [{**REVIEW, "external_id": "open"}, {**REVIEW, **REPLY, "external_id": "dismissed"}]
    ids = crud.upsert_reviews(session, rows, brand_id=brand_id).new_ids
    crud.upsert_flags(session, [{"review_id": i, "brand_id": brand_id} for i in ids])
    dismissed = session.exec(select(Flag).where(Flag.review_id == ids[1])).one()
    update_flag(session, dismissed.id, actor="cli:ana", status="dismissed")
    session.commit()
    now = datetime.now(UTC)
    [acme] = crud.brand_summary(session, since=now - timedelta(days=1), until=now + timedelta(days=1))
    assert (acme["reply_rate"], acme["median_reply_hours"]) == (0.0, None)


STORED = {**REVIEW, **REPLY, "replied_at": "2024-03-09T15:00:00Z"}


def _reply(session: Session) -> tuple[str | None, str | None, datetime | None]:
    session.expire_all()
    review = session.exec(select(Review)).one()
    return review.reply_text, review.reply_author, review.replied_at


@pytest.mark.parametrize("later", [
    {k: v for k, v in STORED.items() if k not in ("replied_at", "reply_author")},  # a file without those columns
    {**STORED, "published_at": "2024-03-10T14:00:00Z"},  # the store keeps the review's 03-08: 03-09 is after it
], ids=["left-out", "later-review-date"])
def test_a_later_row_never_erases_the_stored_reply_date(session: Session, brand_id: int, later: dict) -> None:
    crud.upsert_reviews(session, [STORED], brand_id=brand_id)
    assert crud.upsert_reviews(session, [later], brand_id=brand_id).replied == 0
    assert _reply(session) == ("Sorry, refunded.", "Acme", datetime(2024, 3, 9, 15, tzinfo=UTC))


def test_a_new_reply_is_dated_against_the_review_date_the_store_keeps(session: Session, brand_id: int,
                                                                        caplog) -> None:
    """A row dating the stored review later (the store keeps 03-08) keeps a reply of 03-09; a row dating it
    earlier does not make a reply before the stored date a plausible one."""
    caplog.set_level(logging.WARNING, logger="models.replies")
    crud.upsert_reviews(session, [{**REVIEW, "published_at": "2024-03-08T14:00:00Z"}], brand_id=brand_id)
    early = {**REVIEW, **REPLY, "published_at": "2024-03-01T10:00:00Z", "replied_at": "2024-03-05T10:00:00Z"}
    assert crud.upsert_reviews(session, [early], brand_id=brand_id).replied == 1
    assert _reply(session) == ("Sorry, refunded.", "Acme", None)
    assert "reply dated 2024-03-05T10:00:00+00:00, before the review (2024-03-08T14:00:00+00:00)" in caplog.text


def test_store_replies_dates_a_reply_against_the_stored_review_date(session: Session, brand_id: int) -> None:
    """The store's step alone (the row as cleaned without a review date to judge by): a reply of 03-09 to a review
    the store dates 03-08 is kept whatever date the row gives the review."""
    from models.crud.replies import store_replies
    from models.datetimes import parse_datetime
    from models.replies import clean_reply

    crud.upsert_reviews(session, [REVIEW], brand_id=brand_id)
    row = {**REVIEW, "published_at": datetime(2024, 3, 10, tzinfo=UTC),
           **clean_reply(REPLY, where="trustpilot/r1", parse_date=parse_datetime)}
    assert len(store_replies(session, [row], brand_id=brand_id, seen_at=datetime.now(UTC))) == 1
    assert _reply(session) == ("Sorry, refunded.", "Acme", datetime(2024, 3, 9, 16, 30, tzinfo=UTC))
