"""A one-process night's scoring: every review of its brands this model version has not scored, in planned batches."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from flows.stage_outcomes import BatchOutcome
from flows.tasks.score import score_batch


def score_all(scorer: Any, *, brand_ids: Collection[int] | None, batch_size: int) -> list[BatchOutcome]:
    """Score and flag batches until no review of ``brand_ids`` lacks a score from this model version.

    ``brand_ids``: the brands the night covers (``None``: every brand). A night
    for some brands leaves the others' reviews unscored: scored now, their new
    detractors would be in no report, and the night that covers them would
    find them flagged already and report them as another night's.

    Batches are cut from the unscored reviews in content order
    (``unscored_ids_in_scoring_order``), planned again until none is left (a
    review stored meanwhile joins the next plan): int8 scores then do not depend
    on the order a crawl stored the reviews in, nor on where a killed run stopped.
    A review an import or crawl edits meanwhile loses its score and comes back in
    the next plan with its new ``edited_at``: it is scored again, from its new text.
    """
    from models.crud.scores import unscored_ids_in_scoring_order
    from models.db import get_engine, session_scope

    batches: list[BatchOutcome] = []
    seen: set[tuple[int, Any]] = set()  # (review id, edited_at as read): an edited review may be scored again
    while True:
        with session_scope(get_engine(), write=False) as session:
            plan = unscored_ids_in_scoring_order(session, model_version=scorer.version, brand_ids=brand_ids)
        if not plan:
            return batches
        for start in range(0, len(plan), batch_size):
            chunk = plan[start:start + batch_size]
            outcome = score_batch(scorer, number=len(batches) + 1, brand_ids=brand_ids, batch_size=batch_size,
                                  review_ids=chunk)
            again = seen.intersection(outcome.read_as)
            if again:  # read as before, so saving did not stick: stop, don't loop
                raise RuntimeError(f"reviews {sorted(rid for rid, _ in again)[:5]} were scored twice")
            seen.update(outcome.read_as)
            if outcome.review_ids:
                batches.append(outcome)
