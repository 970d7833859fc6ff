"""Score tasks: load the model once, then score and flag unscored reviews batch by batch.

Each batch is read, scored outside any transaction (the model is the slow
part; holding an SQLite write lock meanwhile would block crawls and the web
app), then its scores, referral intents and flags are written in ONE
transaction. A run killed half way keeps every finished batch, and no review
is ever scored without its flag: the next run picks up exactly the reviews
that have no score from this model version.

The store side (reading and writing a batch) is :mod:`flows.tasks.score_store`,
the remembered model versions :mod:`flows.tasks.model_versions`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import progress
from flows.stage_outcomes import BatchOutcome
from flows.tasks.model_versions import remember_version
from flows.tasks.score_store import PendingReview, read_batch, write_batch
from nlp.review_scoring import score_reviews


@task(name="load-scorer", timeout_seconds=900, cache_policy=NO_CACHE)
async def load_scorer(model: str | None = None) -> Any:
    """The scorer for this run (``None``: ``UMOT_MODEL`` or the shipped model).

    Async, loading in a thread, so that the timeout can end the task (a sync
    task in the flow's worker thread cannot be interrupted, and Prefect warns
    so on every run). Not retried: a local model that fails to load fails the
    same way again.
    """
    import asyncio

    import nlp

    progress.emit("score", "score", "loading model")
    scorer = await asyncio.to_thread(nlp.load_scorer, model)
    remember_version(model, scorer.version)
    return scorer


@task(name="score-batch", task_run_name="score-batch-{number}", timeout_seconds=1800, retries=1,
      retry_delay_seconds=2, cache_policy=NO_CACHE)
def score_batch(scorer: Any, number: int, brand_ids: Collection[int] | None = None, batch_size: int = 256,
                review_ids: list[int] | None = None) -> BatchOutcome:
    """Score and flag up to ``batch_size`` reviews (of ``brand_ids``; ``None``: any brand's) that this model
    version has not scored (``review_ids``: these, as planned by ``flows.night_scoring.score_all``)."""
    return score_pending(scorer, read_batch(scorer.version, brand_ids, batch_size, review_ids))


def score_pending(scorer: Any, pending: list[PendingReview], claimed_by: str | None = None) -> BatchOutcome:
    """Score and flag these reviews, written in one transaction; their counts by brand and label."""
    outcome = BatchOutcome(review_ids=[p.review_id for p in pending],
                           read_as=[(p.review_id, p.edited_at) for p in pending])
    if not pending:
        return outcome
    scores = score_reviews(scorer, [p.text for p in pending], [p.rating for p in pending],
                           referral_intents=[p.referral_intent for p in pending],
                           languages=[p.language for p in pending])
    outcome.new_flags, written = write_batch(scorer.version, pending, scores, claimed_by)
    outcome.scored = len(written)  # less any review edited meanwhile: unscored, it comes back in the next plan
    labels: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    kept = set(written)
    for p, s in zip(pending, scores):
        if p.review_id in kept:
            labels[p.brand_id][s.label or "unscored"] += 1
    outcome.labels = {b: dict(c) for b, c in labels.items()}
    progress.emit("score", "score", f"{outcome.new_flags} new detractors", advance=len(written),
                  flagged=outcome.new_flags)
    return outcome
