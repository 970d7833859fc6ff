"""Referral intents the theme detector read, written back onto their reviews, and the flags they weigh on.

Scoring keeps a review's stored intent and fills one only where none was read, so an intent an
older umot stored outlived every rule fix ("Would you recommend Acme?" stayed an advocate). The
detector reads the intent again whenever it reads a review (a new detector version, ``umot rescore``):
its reading replaces the stored one, and a flag's severity and "warns others off" reason follow it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import bindparam, update
from sqlmodel import Session, col, select

from models.crud._dialect import chunks
from models.tables import Flag, Review, Score, table_of

REVIEW_TABLE = table_of(Review)


def set_referral_intents(session: Session, intents: Mapping[int, str | None]) -> int:
    """Set ``referral_intent`` of these reviews (review id -> intent, None: none) in one statement; how many."""
    if not intents:
        return 0
    session.execute(
        update(REVIEW_TABLE).where(REVIEW_TABLE.c.id == bindparam("rid")).values(referral_intent=bindparam("intent")),
        [{"rid": review_id, "intent": intent} for review_id, intent in intents.items()],
    )
    return len(intents)


def weighed_flags(session: Session, review_ids: Sequence[int]) -> list[tuple[Flag, float | None, float | None]]:
    """The flags of these reviews, each with what its severity weighs: its score's ``p_negative`` and the rating."""
    out: list[tuple[Flag, float | None, float | None]] = []
    for batch in chunks(list(review_ids), 500):
        query = (select(Flag, Score.p_negative, Review.rating)
                 .join(Review, col(Review.id) == Flag.review_id)
                 .outerjoin(Score, col(Score.id) == Flag.score_id)
                 .where(col(Flag.review_id).in_(batch)))
        out.extend((flag, p_negative, rating) for flag, p_negative, rating in session.exec(query))
    return out
