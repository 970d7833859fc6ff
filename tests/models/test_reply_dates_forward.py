"""A new reply on a stored review is dated against the review date the store keeps, not a later row's."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlmodel import Session, select

from models import crud
from models.tables import Review

REVIEW = {"source": "trustpilot", "external_id": "r1", "text": "Never arrived", "rating": 1,
          "published_at": "2024-03-08T14:00:00Z"}


def test_a_later_row_date_does_not_drop_a_new_replys_date(session: Session, brand_id: int, caplog) -> None:
    caplog.set_level(logging.WARNING, logger="models.replies")
    crud.upsert_reviews(session, [REVIEW], brand_id=brand_id)
    later = {**REVIEW, "published_at": "2024-03-10T14:00:00Z", "reply_text": "Sorry, refunded.",
             "replied_at": "2024-03-09T16:30:00Z"}
    assert crud.upsert_reviews(session, [later], brand_id=brand_id).replied == 1
    session.expire_all()
    assert session.exec(select(Review.replied_at)).one() == datetime(2024, 3, 9, 16, 30, tzinfo=UTC)
    assert "before the review" not in caplog.text
