"""Scoring by claimed batches: what each ``score-shard`` unit of a fanned-out night does.

Each batch is claimed first (``models.crud.claims``: committed, leased,
renewed by the unit's heartbeat), then read, scored outside any transaction,
and written with its flags in one transaction that also drops the claims. So
several units score one store at once, a review is scored by one of them
only, and the reviews of a unit that died are taken over once its claims expire.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.stage_outcomes import BatchOutcome
from flows.tasks.model_versions import remember_version
from flows.tasks.score import score_pending
from flows.tasks.score_store import PendingReview
from nlp.review_scoring import review_text


def load_model(model: str | None) -> Any:
    """The scorer (``None``: ``UMOT_MODEL`` or the shipped model), in this worker's process.

    Its version is remembered in this machine's data dir, as ``load-scorer`` does:
    a parent on the same machine then skips the score units of a night with
    nothing to score (elsewhere it starts them and they find nothing to claim).
    """
    import nlp

    scorer = nlp.load_scorer(model)
    remember_version(model, scorer.version)
    return scorer


def _read_claimed(model_version: str, worker: str, lease_seconds: float, brand_ids: Collection[int] | None,
                  batch_size: int) -> list[PendingReview]:
    from sqlmodel import col, select

    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from models.tables import Review

    with session_scope(get_engine()) as session:
        ids = crud.claim_unscored(session, model_version=model_version, worker=worker,
                                  lease_seconds=lease_seconds, brand_ids=brand_ids, limit=batch_size)
        if not ids:
            return []
        found = {r.id: r for r in session.exec(select(Review).where(col(Review.id).in_(ids)))}
        return [PendingReview(stored_id(r), r.brand_id, review_text(r.title, r.text), r.rating, r.referral_intent,
                              r.language, r.edited_at)
                for r in (found[i] for i in ids)]  # in the claim's scoring order


@task(name="score-claimed-batch", timeout_seconds=1800, cache_policy=NO_CACHE)
def score_claimed_batch(scorer: Any, *, worker: str, lease_seconds: float, brand_ids: Collection[int] | None = None,
                        batch_size: int = 256) -> BatchOutcome:
    """Claim, score and flag up to ``batch_size`` unscored reviews (of these brands: the night's; ``None``: any
    brand's); empty when none is left to claim.

    Not retried by Prefect: a batch that fails leaves its claims to expire,
    and whoever claims next scores it.
    """
    pending = _read_claimed(scorer.version, worker, lease_seconds, brand_ids, batch_size)
    return score_pending(scorer, pending, claimed_by=worker)
