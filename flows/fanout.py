"""The parent's side of a fanned-out night: hand units to the work pool, wait, re-run dead ones.

Each unit is a child flow run of the ``crawl-shard`` or ``score-shard``
deployment (``flows.night_units``) started with ``run_deployment``: any worker
of the pool picks it up, and the Prefect UI shows it under the nightly run
with the worker that ran it. The parent polls the units' ``NightShard`` rows
in the store. A unit whose worker stopped beating for ``lease`` seconds, whose
flow run ended without finishing it, or whose flow run a worker started but
never took it (the worker died starting it), is reopened, the scoring claims
its worker held dropped, and started again (up to ``max_attempts`` starts); the
new worker takes it over. A unit another flow run holds and beats for (a
retried night's run that its first attempt queued, started late) is left to
that run, which is watched instead. Both deployments are checked before a unit
is planned (:mod:`flows.unit_deployments`); a retried night (same flow run id)
starts only its units that are not done. What Prefect says of a unit's flow
run: :mod:`flows.unit_flow_runs`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from prefect.logging import get_run_logger

from flows.night_units import CRAWL, CRAWL_UNIT, SCORE, SCORE_UNIT
from flows.unit_flow_runs import mark_crashed, why_lost

CRAWL_DEPLOYMENT = f"{CRAWL_UNIT}/{CRAWL_UNIT}"  # flow name / deployment name (flows.work_pools)
SCORE_DEPLOYMENT = f"{SCORE_UNIT}/{SCORE_UNIT}"
DEPLOYMENTS = {CRAWL: CRAWL_DEPLOYMENT, SCORE: SCORE_DEPLOYMENT}


class UnitsFailed(RuntimeError):
    """A unit was started ``max_attempts`` times and never finished, or the units left work undone."""


def plan(night: str, kind: str, groups: Sequence[Sequence[int]]) -> None:
    """Plan the night's units of ``kind`` (again, when Prefect retries the night: its done units stay done)."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        crud.plan_shards(session, night=night, kind=kind, source_ids=groups)


def start(kind: str, shard: int, parameters: dict[str, Any]) -> str:
    """Start one unit as a child flow run of its deployment (not waiting for it); its flow run id."""
    from prefect.deployments import run_deployment

    from flows.prefect_typing import called_sync

    run = called_sync(run_deployment(DEPLOYMENTS[kind], parameters={**parameters, "shard": shard}, timeout=0,
                                     flow_run_name=f"{kind}-shard-{shard}", as_subflow=True))
    return str(run.id)


def run_units(
    night: str, kind: str, count: int, parameters: dict[str, Any], *, lease_seconds: float,
    max_attempts: int = 3, poll_seconds: float = 2.0,
) -> list[Any]:
    """Start ``count`` units of ``kind`` and wait until each is done; their ``NightShard`` rows.

    A retried night's units its earlier attempt finished are not started again, and those its workers are
    still doing are watched through their flow runs, not started a second time.
    """
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    log = get_run_logger()
    start_timeout = max(120.0, 3 * lease_seconds)  # a worker takes a unit within seconds of starting its run
    params = {"night": night, "lease_seconds": lease_seconds, **parameters}
    with session_scope(get_engine(), write=False) as session:
        held = {row.shard: row for row in crud.night_shards(session, night=night, kind=kind)}
    runs = {shard: row.flow_run_id if row is not None and row.status == "running" and row.flow_run_id
            else start(kind, shard, params)
            for shard in range(count) if (row := held.get(shard)) is None or row.status != "done"}
    starts = dict.fromkeys(runs, 1)
    while True:
        with session_scope(get_engine()) as session:
            rows = crud.night_shards(session, night=night, kind=kind)
            expired = {s.shard for s in crud.expired_shards(session, night=night, kind=kind,
                                                              lease_seconds=lease_seconds)}
        if all(row.status == "done" for row in rows):
            return rows
        for row in rows:
            if row.status == "done":
                continue
            if row.status == "running" and row.flow_run_id and row.flow_run_id != runs[row.shard]:
                runs[row.shard] = row.flow_run_id  # another flow run took it (a retried night's queued one): watch it
            why: str | None
            if row.shard in expired:
                why = f"its worker {row.worker} stopped beating"
            elif (why := why_lost(runs[row.shard], start_timeout if row.status == "pending" else float("inf"))) is None:
                continue  # waiting for a worker, starting, or working and beating
            with session_scope(get_engine()) as session:
                if not crud.reopen_shard(session, stored_id(row), lost_run=runs[row.shard], lease_seconds=lease_seconds):
                    continue  # done meanwhile, or taken by a live flow run: read again at the next look
            if starts[row.shard] >= max_attempts:
                raise UnitsFailed(f"{kind} unit {row.shard} was started {max_attempts} times and never finished")
            log.warning("%s unit %s: %s; starting it again", kind, row.shard, why)
            if not why.startswith("its flow run ended"):
                mark_crashed(runs[row.shard], f"{why}; the unit was started again")
            runs[row.shard] = start(kind, row.shard, params)
            starts[row.shard] += 1
        time.sleep(poll_seconds)
