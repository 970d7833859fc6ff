"""A reply stored again unchanged writes nothing (models.crud.replies._reply_values).

Was: the stored (text, date, author) was compared with the new values in the order (text, author,
date), so every reply with an author or a date was written again on every store: 2,000 UPDATEs a
re-import of 2,000 answered reviews, each locking its review (14x slower on PostgreSQL).
"""

from __future__ import annotations

from sqlmodel import Session

from models import crud
from tests.sql_statements import beginning_with, recorded_sql

ROWS = [{"source": "trustpilot", "external_id": f"r{i}", "text": f"Never arrived #{i}", "rating": 1,
         "published_at": "2024-03-08T14:00:00Z", "reply_text": "Sorry, refunded.", "reply_author": "Acme team",
         "replied_at": "2024-03-09T10:00:00Z"} for i in range(3)]


def test_storing_the_same_replies_again_updates_no_review(session: Session, brand_id: int) -> None:
    crud.upsert_reviews(session, ROWS, brand_id=brand_id)
    session.flush()
    with recorded_sql(session.get_bind()) as statements:
        crud.upsert_reviews(session, ROWS, brand_id=brand_id)
        session.flush()
    assert beginning_with(statements, "UPDATE REVIEW") == []
