"""Referral intents read at score time, written onto reviews that had none."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import bindparam, update
from sqlmodel import Session

from models.tables import Review, table_of

REVIEW_TABLE = table_of(Review)


def fill_referral_intents(session: Session, intents: Mapping[int, str]) -> int:
    """Set ``referral_intent`` of these reviews (review id -> intent) in one statement; return how many."""
    if not intents:
        return 0
    session.execute(
        update(REVIEW_TABLE)
        .where(REVIEW_TABLE.c.id == bindparam("rid"))
        .values(referral_intent=bindparam("intent")),
        [{"rid": review_id, "intent": intent} for review_id, intent in intents.items()],
    )
    return len(intents)
