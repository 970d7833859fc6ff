"""The queue's text search asks each flag's own review on PostgreSQL, and finds the same flags as before.

As a condition on the joined review, PostgreSQL's planner (it cannot estimate a LIKE) began with every
review and folded and searched them all, flagged or not: 0.1-0.2 s a query on 60,000 reviews, four
queries a queue page. SQLite already starts from the flags: there the search stays on the joined row.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, col, select

from models.crud import upsert_flags, upsert_reviews
from models.crud.triage import QueueFilter, query_queue, status_counts
from models.crud.triage.queue import joined_flag_query
from models.crud.triage.queue_filter import filter_conditions
from models.tables import Flag, Review
from tests.sql_statements import recorded_sql

WHEN = datetime(2026, 3, 2, tzinfo=UTC)
# external id -> (title, text, author, flagged)
ROWS = {
    "in-text": (None, "The Delivery was late", "ann", True),
    "in-title": ("DELIVERY failed", "nothing else", None, True),
    "in-author": ("fine", "ok", "Delivery Dan", True),
    "accents": ("Été", "ÜNÏCÖDÉ straße", "zoé", True),
    "literal": ("100% sure", "a_b and c\\d", "x", True),
    "elsewhere": ("price", "too dear", "bo", True),
    "unflagged": ("delivery", "delivery delivery 100% Été", "Delivery", False),
}
SEARCHES = {
    "delivery": {"in-text", "in-title", "in-author"},
    "ünïcödé": {"accents"},
    "ÉTÉ": {"accents"},
    "100%": {"literal"},
    "a_b": {"literal"},
    "c\\d": {"literal"},
    "_": {"literal"},
    "nowhere": set(),
}


def _seed(session: Session, brand_id: int) -> None:
    rows = [{"source": "t", "external_id": ext, "title": title, "text": text, "author": author, "published_at": WHEN}
            for ext, (title, text, author, _) in ROWS.items()]
    ids = upsert_reviews(session, rows, brand_id=brand_id).new_ids
    upsert_flags(session, [{"review_id": i, "brand_id": brand_id, "reasons": [], "severity": 0.5}
                           for i, ext in zip(ids, ROWS) if ROWS[ext][3]])
    session.commit()


def _kept(session: Session, q: str, *, per_flag: bool) -> set[str]:
    query = joined_flag_query(select(Review.external_id).select_from(Flag))
    return set(session.exec(query.where(*filter_conditions(QueueFilter(q=q), search_per_flag=per_flag))))


def test_either_way_the_search_finds_the_same_flags(session: Session, brand_id: int) -> None:
    _seed(session, brand_id)
    for q, expected in SEARCHES.items():
        assert _kept(session, q, per_flag=False) == expected, q
        assert _kept(session, q, per_flag=True) == expected, q
        rows, total = query_queue(session, QueueFilter(q=q, brand_ids=[brand_id]), limit=None)
        assert ({r.review.external_id for r in rows}, total) == (expected, len(expected)), q


def test_on_postgresql_each_flag_asks_its_own_review(session: Session, brand_id: int) -> None:
    """The page's four queries (total, rows, status tabs): on PostgreSQL the LIKE is in a subquery keyed on the
    flag's review, never on the joined review's columns; on SQLite on the joined row (no second lookup)."""
    _seed(session, brand_id)
    engine = session.get_bind()
    with recorded_sql(engine) as sent:
        f = QueueFilter(q="delivery", brand_ids=[brand_id])
        assert query_queue(session, f)[1] == 3 and status_counts(session, f)["new"] == 3
    statements = [" ".join(s.split()) for s in sent]  # one line each, single spaces
    searches = [s for s in statements if " LIKE " in s]
    assert len(searches) == 4
    for sql in searches:
        if engine.dialect.name == "postgresql":
            assert "flag.review_id = (SELECT review_1.id FROM review AS review_1 WHERE review_1.id = flag.review_id" in sql
            assert "(review.text)" not in sql and "(review.title)" not in sql and "(review.author)" not in sql
        else:
            assert "umot_fold(review.text) LIKE" in sql and "review_1" not in sql


@pytest.mark.parametrize("per_flag", [False, True])
def test_a_flag_without_its_text_searched_is_not_kept_by_the_others(session: Session, brand_id: int,
                                                                     per_flag: bool) -> None:
    """The search's NULLs (no title, no author) keep a row out, never in, and other filters still apply."""
    _seed(session, brand_id)
    query = joined_flag_query(select(Review.external_id).select_from(Flag))
    f = QueueFilter(q="delivery", brand_ids=[brand_id], source="elsewhere")
    assert set(session.exec(query.where(*filter_conditions(f, search_per_flag=per_flag)))) == set()
    kept = session.exec(query.where(col(Review.title).is_(None), *filter_conditions(QueueFilter(q="late"),
                                                                                      search_per_flag=per_flag)))
    assert set(kept) == {"in-text"}
