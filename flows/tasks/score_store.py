"""The store side of scoring: what is left to score, reading a batch, writing its results.

A batch is read in one short session and written in one transaction (scores,
referral intents, flags, released claims), so that the slow scoring between
them holds no SQLite write lock and no review is ever stored scored but unflagged.
A review an import or crawl edited in between (``edited_at`` no longer as read) is
left out of the write: it stays unscored, and is scored from its new text next.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flows.flagging import Scored, flag_rows
from nlp.review_scoring import review_text


def has_unscored(model_version: str, brand_ids: Collection[int] | None = None) -> bool:
    """Is any review (of these brands; ``None``: of any) still without a score from this model version?"""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(), write=False) as session:
        return bool(crud.unscored_reviews(session, model_version=model_version, brand_ids=brand_ids, limit=1))


def unscored_count(model_version: str, brand_ids: Collection[int] | None = None, *, before: datetime) -> int:
    """How many reviews (of these brands; ``None``: of any) still lack a score from this model version, of
    those stored and unedited ``before`` then: one another process imports, crawls or edits later waits for
    the next night (as in a one-process night, which plans its ids once), it is no batch a unit lost."""
    from sqlmodel import col, or_, select

    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(), write=False) as session:
        ids = crud.unscored_ids_in_scoring_order(session, model_version=model_version, brand_ids=brand_ids)
        left = 0
        for start in range(0, len(ids), 5000):  # bound parameters per statement
            chunk = ids[start:start + 5000]
            left += len(session.exec(select(Review.id).where(
                col(Review.id).in_(chunk), col(Review.first_seen_at) < before,
                or_(col(Review.edited_at).is_(None), col(Review.edited_at) < before))).all())
        return left


@dataclass(frozen=True)
class PendingReview:
    """An unscored review, copied out of its session: what the scorer and the flags need."""

    review_id: int
    brand_id: int
    text: str
    rating: float | None
    referral_intent: str | None
    language: str | None = None  # as stored (declared by the page or file, else guessed at the crawl): wins over a guess
    edited_at: datetime | None = None  # as read: another one at the write means the text was edited meanwhile


def read_batch(model_version: str, brand_ids: Collection[int] | None, limit: int,
                review_ids: list[int] | None = None) -> list[PendingReview]:
    """Up to ``limit`` unscored reviews (of these brands), oldest first; or those of ``review_ids`` still unscored."""
    from models import crud
    from models.crud.scores import unscored_reviews_among
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    with session_scope(get_engine()) as session:
        if review_ids is not None:
            reviews = unscored_reviews_among(session, review_ids, model_version=model_version)
        else:
            reviews = crud.unscored_reviews(session, model_version=model_version, brand_ids=brand_ids, limit=limit)
        return [
            PendingReview(stored_id(r), r.brand_id, review_text(r.title, r.text), r.rating, r.referral_intent,
                          r.language, r.edited_at)
            for r in reviews
        ]


def write_batch(model_version: str, pending: list[PendingReview], scores: list[Any],
                claimed_by: str | None = None) -> tuple[int, list[int]]:
    """Save scores, fill missing referral intents and upsert flags in one transaction
    (which also drops ``claimed_by``'s claims on these reviews, see ``models.crud.claims``);
    the new flags and the ids of the reviews written (not those edited since they were read)."""
    from models import crud
    from models.crud.review_locks import still_as_read
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        kept = still_as_read(session, {p.review_id: p.edited_at for p in pending})
        rows = [(p, s, s.referral_intent) for p, s in zip(pending, scores, strict=True) if p.review_id in kept]
        # s.referral_intent: as stored, else read from the text (score_reviews)
        score_ids = crud.save_scores(
            session, [{**s.as_dict(), "review_id": p.review_id, "model_version": model_version} for p, s, _ in rows]
        )
        crud.fill_referral_intents(session, {p.review_id: i for p, _, i in rows
                                             if p.referral_intent is None and i is not None})
        scored = [
            Scored(p.review_id, p.brand_id, sid, bool(s.detractor), tuple(s.reasons or ()),
                   s.p_negative, p.rating, intent)
            for (p, s, intent), sid in zip(rows, score_ids, strict=True)
        ]
        if claimed_by is not None:  # an edited review's too: it is unscored, for whoever claims it next
            crud.release_claims(session, [p.review_id for p in pending], model_version=model_version,
                                worker=claimed_by)
        return crud.upsert_flags(session, flag_rows(scored)), [p.review_id for p, _, _ in rows]
