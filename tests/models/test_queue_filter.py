"""models.crud.triage.queue_filter: what each queue filter keeps, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session, col, select

from models.crud import upsert_flags, upsert_reviews
from models.crud.triage.queue import joined_flag_query
from models.crud.triage.queue_filter import QueueFilter, filter_conditions
from models.tables import Flag, Review

# external id -> (rating, reply, flag status, text, published)
ROWS = {
    "one": (1.0, None, "new", "100% broken", datetime(2026, 3, 1, 23, 30, tzinfo=UTC)),
    "low3": (3.4, "Sorry!", "in_progress", "meh", datetime(2026, 3, 2, tzinfo=UTC)),
    "half4": (3.5, None, "responded", "100 pct fine", datetime(2026, 3, 2, tzinfo=UTC)),
    "high4": (4.49, "Thanks", "resolved", "good", datetime(2026, 3, 2, tzinfo=UTC)),
    "half5": (4.5, None, "dismissed", "great", datetime(2026, 3, 2, tzinfo=UTC)),
    "five": (5.0, None, "new", "perfect", datetime(2026, 3, 2, tzinfo=UTC)),
    "unrated": (None, None, "new", "no stars", datetime(2026, 3, 2, tzinfo=UTC)),
}


def _seed(session: Session, brand_id: int) -> None:
    rows = [{"source": "t", "external_id": ext, "rating": rating, "reply_text": reply, "text": text,
             "published_at": when} for ext, (rating, reply, _, text, when) in ROWS.items()]
    ids = upsert_reviews(session, rows, brand_id=brand_id).new_ids
    upsert_flags(session, [{"review_id": i, "brand_id": brand_id, "reasons": [], "severity": 0.5} for i in ids])
    for flag, ext in session.exec(select(Flag, Review.external_id).join(Review, col(Review.id) == Flag.review_id)):
        flag.status = ROWS[ext][2]
    session.commit()


def _kept(session: Session, f: QueueFilter, *, with_status: bool = True) -> set[str]:
    query = joined_flag_query(select(Review.external_id).select_from(Flag))
    return set(session.exec(query.where(*filter_conditions(f, with_status=with_status))))


def test_rating_is_the_nearest_whole_star(session: Session, brand_id: int) -> None:
    _seed(session, brand_id)
    assert _kept(session, QueueFilter(rating="1")) == {"one"}
    assert _kept(session, QueueFilter(rating="3")) == {"low3"}
    assert _kept(session, QueueFilter(rating="4")) == {"half4", "high4"}  # 3.5 counts as 4
    assert _kept(session, QueueFilter(rating="5")) == {"half5", "five"}
    assert _kept(session, QueueFilter(rating="none")) == {"unrated"}


def test_status_reply_text_and_dates(session: Session, brand_id: int) -> None:
    _seed(session, brand_id)
    assert _kept(session, QueueFilter(status="open")) == {"one", "low3", "half4", "five", "unrated"}
    assert _kept(session, QueueFilter(status="dismissed")) == {"half5"}
    assert len(_kept(session, QueueFilter(status="dismissed"), with_status=False)) == len(ROWS)
    assert _kept(session, QueueFilter(reply="answered")) == {"low3", "high4"}
    assert len(_kept(session, QueueFilter(reply="unanswered"))) == len(ROWS) - 2
    assert _kept(session, QueueFilter(q="100%")) == {"one"}  # % is literal, not a wildcard
    assert _kept(session, QueueFilter(date_to=date(2026, 3, 1))) == {"one"}  # the whole last day
    assert "one" not in _kept(session, QueueFilter(date_from=date(2026, 3, 2)))
    assert _kept(session, QueueFilter(brand_ids=[])) == set()


def test_dates_at_the_ends_of_the_calendar(session: Session, brand_id: int) -> None:
    """9999-12-31 has no day after it (it overflowed, a 500); it and 0001-01-01 keep every review."""
    _seed(session, brand_id)
    assert _kept(session, QueueFilter(date_to=date.max)) == set(ROWS)
    assert _kept(session, QueueFilter(date_from=date.min)) == set(ROWS)
    assert _kept(session, QueueFilter(date_from=date.min, date_to=date.max)) == set(ROWS)
    assert _kept(session, QueueFilter(date_from=date.max)) == set()
    assert _kept(session, QueueFilter(date_to=date.min)) == set()


def test_search_ignores_case_of_every_letter(session: Session, brand_id: int) -> None:
    """SQLite's LIKE folded ASCII only: "ünïcödé" missed "Ünïcödé"."""
    rows = [{"source": "t", "external_id": "u", "text": "Ünïcödé ÉTÉ straße", "published_at": datetime(2026, 3, 2, tzinfo=UTC)},
            {"source": "t", "external_id": "a", "text": "plain", "author": "MALLORY", "published_at": datetime(2026, 3, 2, tzinfo=UTC)}]
    ids = upsert_reviews(session, rows, brand_id=brand_id).new_ids
    upsert_flags(session, [{"review_id": i, "brand_id": brand_id, "reasons": [], "severity": 0.5} for i in ids])
    session.commit()
    for q in ("Ünïcödé", "ünïcödé", "ÜNÏCÖDÉ", "été", "STRAẞE"):
        assert _kept(session, QueueFilter(q=q)) == {"u"}, q
    assert _kept(session, QueueFilter(q="mallory")) == {"a"}
    assert _kept(session, QueueFilter(q="x_y")) == set()  # _ is literal, not a wildcard
