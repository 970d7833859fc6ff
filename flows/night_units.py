"""The units of a fanned-out nightly run, each a flow any worker of the pool can run.

``crawl-shard``: crawl one shard of the night's sources into the shared store
(the same ``flows.night_crawl.crawl_all`` a one-process night uses). ``score-shard``: load the
model and score claimed batches until no unscored review is left unclaimed
(``models.crud.claims``), so several of them score at once and no review twice;
one that fails drops its claims, for the unit started again in its place.
Each takes its ``NightShard`` row first (a unit another live worker holds is
left alone), beats it while working (``flows.heartbeat``) and writes its
outcome there, where the parent flow reads it: nothing stays on a worker's disk.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any

from prefect import flow, runtime
from prefect.logging import get_run_logger

from flows.deployed_store import check_deployed_store
from flows.heartbeat import heartbeat, prefect_worker, worker_id
from flows.night_crawl import crawl_all
from flows.prefect_typing import thread_pool
from flows.stage_outcomes import SourceSpec

CRAWL, SCORE = "crawl", "score"
CRAWL_UNIT, SCORE_UNIT = "crawl-shard", "score-shard"  # each unit's flow and deployment name
DEFAULT_LEASE = 60.0  # seconds without a heartbeat after which a unit's worker counts as dead


def _take(night: str, kind: str, shard: int, lease_seconds: float) -> tuple[int, list[int]] | None:
    """Take the unit's row: (its id, its source ids); None (logged) when it is done or held by a live worker."""
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    with session_scope(get_engine()) as session:
        row = crud.take_shard(session, night=night, kind=kind, shard=shard, worker=worker_id(),
                              flow_run_id=str(runtime.flow_run.id or ""), lease_seconds=lease_seconds)
        if row is not None:
            return stored_id(row), list(row.source_ids)
    get_run_logger().info("%s unit %s of night %s is done or held by a live worker: nothing to do", kind, shard, night)
    return None


def _finish(shard_id: int, outcome: dict[str, Any]) -> bool:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        return crud.finish_shard(session, shard_id, worker_id(), outcome)


def _drop_claims() -> None:
    from models.crud.claims import drop_worker_claims
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        drop_worker_claims(session, worker_id())


def specs_for(source_ids: list[int]) -> list[SourceSpec]:
    """The unit's sources, read from the store (in the order planned)."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(), write=False) as session:
        brands = {b.id: b.name for b in crud.list_brands(session)}
        rows = {row.id: row for row in crud.list_sources(session)}
        return [SourceSpec.of(rows[i], brands[rows[i].brand_id]) for i in source_ids if i in rows]


@flow(name=CRAWL_UNIT, flow_run_name=CRAWL_UNIT + "-{shard}", task_runner=thread_pool(2))
def crawl_shard(
    night: str, shard: int, crawl_settings: dict[str, Any] | None = None, crawl_retries: int = 2,
    retry_delay: float = 10.0, crawl_timeout: float = 1800.0, crawl_processes: int = 1,
    lease_seconds: float = DEFAULT_LEASE,
) -> dict[str, Any]:
    """Crawl shard ``shard`` of night ``night`` into the store; its outcome per source."""
    check_deployed_store()  # a worker without the store's URL would crawl into a new SQLite file
    if (taken := _take(night, CRAWL, shard, lease_seconds)) is None:
        return {"skipped": True}
    shard_id, source_ids = taken
    with heartbeat(shard_id, worker_id(), lease_seconds):
        started = time.monotonic()
        outcomes = crawl_all(specs_for(source_ids), settings=crawl_settings, retries=crawl_retries,
                             retry_delay=retry_delay, timeout=crawl_timeout, processes=crawl_processes)
        result = {"worker": worker_id(), "prefect_worker": prefect_worker(),
                  "seconds": round(time.monotonic() - started, 3), "sources": [
            {**{k: v for k, v in asdict(o).items() if k != "source"}, "source_id": o.source.source_id}
            for o in outcomes]}
        _finish(shard_id, result)
    get_run_logger().info("crawl unit %s: %d sources, on worker %s (%s)", shard, len(outcomes), prefect_worker(),
                          worker_id())
    return result


@flow(name=SCORE_UNIT, flow_run_name=SCORE_UNIT + "-{shard}")
def score_shard(
    night: str, shard: int, model: str | None = None, brand_ids: list[int] | None = None, batch_size: int = 256,
    lease_seconds: float = DEFAULT_LEASE,
) -> dict[str, Any]:
    """Score claimed batches until nothing unclaimed is left; the model version and counts.

    ``brand_ids``: the night's brands, whose reviews only it scores (``None``: a night for every brand).
    """
    from flows.tasks.score_claims import load_model, score_claimed_batch

    check_deployed_store()
    if (taken := _take(night, SCORE, shard, lease_seconds)) is None:
        return {"skipped": True}
    shard_id = taken[0]
    try:
        with heartbeat(shard_id, worker_id(), lease_seconds):
            scorer = load_model(model)
            scored = batches = 0
            cpu = time.process_time()  # the scoring's CPU time (all threads), without loading the model
            while True:
                outcome = score_claimed_batch(scorer, worker=worker_id(), lease_seconds=lease_seconds,
                                              brand_ids=brand_ids, batch_size=batch_size)
                if not outcome.review_ids:
                    break
                scored, batches = scored + outcome.scored, batches + 1
            result = {"worker": worker_id(), "prefect_worker": prefect_worker(), "model_version": scorer.version,
                      "scored": scored, "batches": batches, "cpu_seconds": round(time.process_time() - cpu, 3)}
            _finish(shard_id, result)
    finally:  # a failed batch's claims: the unit started again scores it now, not once their lease ran out
        _drop_claims()
    get_run_logger().info("score unit %s: %d reviews in %d batches, on worker %s (%s)", shard, scored, batches,
                          prefect_worker(), worker_id())
    return result
