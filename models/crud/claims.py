"""Scoring claims: several workers score the same store at once, and no review twice.

A worker claims a batch of unscored reviews with ``INSERT ... ON CONFLICT DO
UPDATE ... WHERE expires_at <= now`` on ``ScoreClaim``'s key (review, model
version): the key decides between two workers racing for a review, and only
an expired claim (its worker died) can be taken over. After the claim is
committed, the reviews are checked again in a fresh statement, so a review
another worker scored and released in between is dropped, not scored again.
The worker renews its claims while it works (:func:`renew_claims`) and
deletes them in the transaction that writes the scores (:func:`release_claims`);
a unit that fails, or that the parent hands out again, drops all it holds (:func:`drop_worker_claims`).
Works the same on SQLite (one process) and PostgreSQL (many workers).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, exists, update
from sqlmodel import Session, col, select

from models.crud._dialect import insert_for
from models.crud.scores import SCORING_ORDER, of_brands
from models.tables import Review, Score, ScoreClaim, table_of, utcnow

CLAIM_TABLE = table_of(ScoreClaim)


def _unscored(model_version: str) -> Any:  # a SQL expression
    return ~exists().where(col(Score.review_id) == Review.id, col(Score.model_version) == model_version)


def claim_unscored(
    session: Session, *, model_version: str, worker: str, lease_seconds: float,
    brand_ids: Collection[int] | None = None, limit: int = 256,
) -> list[int]:
    """Claim up to ``limit`` reviews (of these brands) without a score from ``model_version`` and without a live claim.

    Commits the claims (they must be visible to other workers before the
    slow scoring starts); returns the claimed review ids in scoring order
    (``SCORING_ORDER``), after dropping any that got a score meanwhile. Empty
    when nothing is left to claim.
    """
    now = utcnow()
    live = exists().where(
        col(ScoreClaim.review_id) == Review.id, col(ScoreClaim.model_version) == model_version,
        col(ScoreClaim.expires_at) > now,
    )
    query = of_brands(select(Review.id).where(_unscored(model_version), ~live), brand_ids)
    query = query.order_by(*SCORING_ORDER).limit(limit)
    candidates: list[int] = [rid for rid in session.exec(query) if rid is not None]
    if not candidates:
        return []
    expires = now + timedelta(seconds=lease_seconds)
    insert = insert_for(session, CLAIM_TABLE)
    stmt = insert.values(
        [{"review_id": rid, "model_version": model_version, "claimed_by": worker, "expires_at": expires}
         for rid in candidates]
    ).on_conflict_do_update(
        index_elements=["review_id", "model_version"],
        set_={"claimed_by": insert.excluded.claimed_by, "expires_at": insert.excluded.expires_at},
        where=CLAIM_TABLE.c.expires_at <= now,
    ).returning(CLAIM_TABLE.c.review_id)
    won = set(session.execute(stmt).scalars())
    claimed = [rid for rid in candidates if rid in won]
    session.commit()
    if not claimed:
        return []
    fresh = set(session.exec(select(Review.id).where(col(Review.id).in_(claimed), _unscored(model_version))))
    stale = [rid for rid in claimed if rid not in fresh]
    if stale:  # scored by another worker between our candidate query and our claim
        release_claims(session, stale, model_version=model_version, worker=worker)
        session.commit()
    return [rid for rid in claimed if rid in fresh]


def renew_claims(session: Session, *, model_version: str | None = None, worker: str, lease_seconds: float) -> int:
    """Push back the expiry of every claim ``worker`` holds (its heartbeat); how many it holds."""
    stmt = update(CLAIM_TABLE).where(CLAIM_TABLE.c.claimed_by == worker)
    if model_version is not None:
        stmt = stmt.where(CLAIM_TABLE.c.model_version == model_version)
    result = session.exec(stmt.values(expires_at=utcnow() + timedelta(seconds=lease_seconds)))
    return result.rowcount or 0


def release_claims(session: Session, review_ids: Sequence[int], *, model_version: str, worker: str) -> None:
    """Drop ``worker``'s claims on these reviews (in the transaction that writes their scores)."""
    if review_ids:
        session.execute(delete(CLAIM_TABLE).where(
            CLAIM_TABLE.c.review_id.in_(list(review_ids)), CLAIM_TABLE.c.model_version == model_version,
            CLAIM_TABLE.c.claimed_by == worker,
        ))


def drop_worker_claims(session: Session, worker: str) -> int:
    """Drop every claim ``worker`` holds: its unit failed or died, so its batch is claimable now, not after the
    lease (a unit started again at once found it still claimed, scored nothing and finished); how many."""
    result = session.execute(delete(CLAIM_TABLE).where(CLAIM_TABLE.c.claimed_by == worker))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
