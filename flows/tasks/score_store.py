"""The store side of scoring: what is left to score, reading a batch, writing its results.

A batch is read in one short session and written in one transaction (scores,
referral intents, flags, released claims), so that the slow scoring between
them holds no SQLite write lock and no review is ever stored scored but unflagged.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from flows.flagging import Scored, flag_rows
from nlp.review_scoring import review_text


def has_unscored(model_version: str, brand_ids: Collection[int] | None = None) -> bool:
    """Is any review (of these brands; ``None``: of any) still without a score from this model version?"""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(), write=False) as session:
        return bool(crud.unscored_reviews(session, model_version=model_version, brand_ids=brand_ids, limit=1))


@dataclass(frozen=True)
class PendingReview:
    """An unscored review, copied out of its session: what the scorer and the flags need."""

    review_id: int
    brand_id: int
    text: str
    rating: float | None
    referral_intent: str | None
    language: str | None = None  # as stored (declared by the page or file, else guessed at the crawl): wins over a guess


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
                          r.language)
            for r in reviews
        ]


def write_batch(model_version: str, pending: list[PendingReview], scores: list[Any], claimed_by: str | None = None) -> int:
    """Save scores, fill missing referral intents and upsert flags in one transaction
    (which also drops ``claimed_by``'s claims on these reviews, see ``models.crud.claims``)."""
    from models import crud
    from models.db import get_engine, session_scope

    intents = [s.referral_intent for s in scores]  # as stored, else read from the text (score_reviews)
    with session_scope(get_engine()) as session:
        score_ids = crud.save_scores(
            session, [{**s.as_dict(), "review_id": p.review_id, "model_version": model_version}
                      for p, s in zip(pending, scores)]
        )
        crud.fill_referral_intents(session, {p.review_id: i for p, i in zip(pending, intents)
                                             if p.referral_intent is None and i is not None})
        scored = [
            Scored(p.review_id, p.brand_id, sid, bool(s.detractor), tuple(s.reasons or ()),
                   s.p_negative, p.rating, intent)
            for p, s, sid, intent in zip(pending, scores, score_ids, intents)
        ]
        if claimed_by is not None:
            crud.release_claims(session, [p.review_id for p in pending], model_version=model_version,
                                worker=claimed_by)
        return crud.upsert_flags(session, flag_rows(scored))
