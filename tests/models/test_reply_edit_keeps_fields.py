"""An edited reply from a row that gives no date or author (a CSV without those columns) keeps the stored
date and signature: a field a page leaves out is no edit. They were kept only for the same text, so an
edited reply imported without them lost its date (and left the time-to-reply figures) and its author."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session, select

from models import crud
from models.tables import Review

STORED = {"source": "csv", "external_id": "r1", "text": "Broken on arrival", "rating": 1,
          "published_at": "2026-11-20T10:00:00Z", "reply_text": "Sorry Ann, we will fix it",
          "reply_author": "Acme Support", "replied_at": "2026-11-21T10:00:00Z"}
EDITED = "Sorry Ann, we will fix it - update: refund sent"


def _reply(session: Session) -> tuple[str | None, str | None, datetime | None]:
    session.expire_all()
    review = session.exec(select(Review)).one()
    return review.reply_text, review.reply_author, review.replied_at


@pytest.mark.parametrize("later, kept", [
    ({"reply_author": None, "replied_at": None}, ("Acme Support", datetime(2026, 11, 21, 10, tzinfo=UTC))),
    ({"replied_at": None}, ("Acme Support", datetime(2026, 11, 21, 10, tzinfo=UTC))),
    ({"reply_author": None}, ("Acme Support", datetime(2026, 11, 21, 10, tzinfo=UTC))),
    ({"replied_at": "2026-11-19T10:00:00Z"}, ("Acme Support", datetime(2026, 11, 21, 10, tzinfo=UTC))),  # before
    ({"reply_author": "Bea", "replied_at": "2026-11-22T09:00:00Z"}, ("Bea", datetime(2026, 11, 22, 9, tzinfo=UTC))),
], ids=["none", "no-date", "no-author", "date-judged-wrong", "both-edited"])
def test_an_edited_reply_keeps_what_the_row_leaves_out(session: Session, brand_id: int, later: dict,
                                                       kept: tuple) -> None:
    crud.upsert_reviews(session, [STORED], brand_id=brand_id)
    row = {k: v for k, v in {**STORED, "reply_text": EDITED, **later}.items() if v is not None}
    assert crud.upsert_reviews(session, [row], brand_id=brand_id).replied == 0  # an edit, not a new answer
    assert _reply(session) == (EDITED, *kept)
