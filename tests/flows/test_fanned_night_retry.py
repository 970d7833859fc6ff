"""A fanned-out night without its unit deployments, and one Prefect retries (the same flow run id: the same night).

The units run in this process, as a worker of the pool runs them: ``flows.fanout.start`` is replaced; planning,
waiting and the store's ``nightshard`` rows are the real ones, on this test's SQLite store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import uuid4

import pytest
from sqlmodel import select

from flows.nightly import nightly
from tests.flows.conftest import review_rows

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST: dict[str, Any] = dict(crawl_retries=0, retry_delay=0.0, batch_size=10, notify=False, fan_out=2)


@pytest.fixture
def fanned(store: str, add_source: Callable[..., int], fake_crawls: Any, fake_scorer: Any,
           monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sources of 3 reviews each, and a night that fans out on this store."""
    import flows.nightly

    add_source("A", "a1")
    add_source("A", "a2")
    fake_crawls({"a1": [review_rows("a1", 3)], "a2": [review_rows("a2", 3, start=10)]})
    monkeypatch.setattr(flows.nightly, "shared_store", lambda: True)  # the units share this SQLite store


def _units(store: str) -> list[tuple[str, int, str]]:
    from models.db import get_engine, session_scope
    from models.tables import NightShard

    with session_scope(get_engine(store), write=False) as session:
        rows = session.exec(select(NightShard).where(NightShard.kind != "night")).all()
        return sorted((r.kind, r.shard, r.status) for r in rows)


def _nights(store: str) -> int:
    from models.db import get_engine, session_scope
    from models.tables import NightShard

    with session_scope(get_engine(store), write=False) as session:
        return len(session.exec(select(NightShard).where(NightShard.kind == "night")).all())


@pytest.mark.usefixtures("fanned")
def test_a_fanned_night_without_the_unit_deployments_fails_naming_them_before_planning_a_unit(store: str) -> None:
    """Was: ``ObjectNotFound: None`` from run_deployment, after a pending crawl unit was planned."""
    with pytest.raises(RuntimeError, match=(
            r"^fan_out=2 needs the deployments crawl-shard/crawl-shard and score-shard/score-shard, which this "
            r"Prefect server does not have: create them with `umot deploy --pool <pool>` \(`umot serve` does not "
            r"register them\)")):
        nightly(**FAST)
    assert _units(store) == []
    assert _nights(store) == 0  # nor was the night recorded as started (the next night would count it unfinished)


@pytest.mark.usefixtures("fanned", "unit_deployments")
def test_a_retried_fanned_night_starts_only_the_units_its_first_attempt_did_not_finish(
        store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: the retry planned its units again and failed on uq_nightshard_unit."""
    import flows.fanout
    from flows import night_units

    started: list[tuple[str, int]] = []

    def start_here(kind: str, shard: int, parameters: dict[str, Any]) -> str:
        started.append((kind, shard))
        if started.count((night_units.SCORE, 0)) == 1 and (kind, shard) == (night_units.SCORE, 0):
            raise RuntimeError("the first attempt dies starting its first score unit")
        unit = night_units.crawl_shard if kind == night_units.CRAWL else night_units.score_shard
        unit.fn(shard=shard, **parameters)
        return str(uuid4())

    monkeypatch.setattr(flows.fanout, "start", start_here)
    result = nightly.with_options(retries=1, retry_delay_seconds=0)(**FAST)
    assert started == [("crawl", 0), ("crawl", 1), ("score", 0),  # the first attempt
                       ("score", 0), ("score", 1)]  # the retry: its crawl units were done
    assert [(s.source.name, s.ok, s.items_new) for s in result.sources] == [("a1", True, 3), ("a2", True, 3)]
    assert result.scored == 6
    assert _units(store) == [("crawl", 0, "done"), ("crawl", 1, "done"), ("score", 0, "done"), ("score", 1, "done")]


@pytest.mark.usefixtures("fanned", "unit_deployments")
def test_a_retried_fanned_night_leaves_a_unit_still_running_to_its_worker(
        store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first attempt dies while a worker does crawl unit 1: the retry watches that worker's flow run and does
    not start the unit a second time (it was pending again and started beside the worker still crawling it)."""
    import flows.fanout
    from flows import night_units
    from models import crud
    from models.db import get_engine, session_scope

    started: list[tuple[str, int]] = []

    def start_here(kind: str, shard: int, parameters: dict[str, Any]) -> str:
        started.append((kind, shard))
        if (kind, shard) == (night_units.CRAWL, 1) and started.count((kind, shard)) == 1:
            with session_scope(get_engine()) as session:  # a worker takes it, then the parent dies
                assert crud.take_shard(session, night=parameters["night"], kind=kind, shard=shard, worker="w-old",
                                       flow_run_id="old-run", lease_seconds=600) is not None
            raise RuntimeError("the first attempt dies while unit 1 is crawled")
        unit = night_units.crawl_shard if kind == night_units.CRAWL else night_units.score_shard
        unit.fn(shard=shard, **parameters)
        return str(uuid4())

    def lost(flow_run_id: str, start_timeout: float) -> str | None:
        assert flow_run_id == "old-run"  # the retry watches the worker's own flow run
        with session_scope(get_engine()) as session:  # which finishes its unit
            [row] = [r for r in crud.night_shards(session, night=runtime_night[0], kind="crawl") if r.shard == 1]
            assert crud.finish_shard(session, row.id, "w-old", {"sources": [{"source_id": row.source_ids[0],
                                                                              "ok": True}]})
        return None

    runtime_night: list[str] = []
    original_plan = flows.fanout.plan

    def plan(night: str, kind: str, groups: Any) -> None:
        runtime_night[:] = [night]
        original_plan(night, kind, groups)

    monkeypatch.setattr(flows.fanout, "start", start_here)
    monkeypatch.setattr(flows.fanout, "why_lost", lost)
    monkeypatch.setattr("flows.fanned_night.plan", plan)
    result = nightly.with_options(retries=1, retry_delay_seconds=0)(**FAST)
    assert started.count(("crawl", 1)) == 1  # never started again
    assert [(s.source.name, s.ok) for s in result.sources] == [("a1", True), ("a2", True)]
    assert _units(store)[:2] == [("crawl", 0, "done"), ("crawl", 1, "done")]


@pytest.mark.usefixtures("fanned", "unit_deployments")
def test_a_retried_night_leaves_a_unit_to_the_first_attempts_queued_run_that_took_it_late(
        store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first attempt dies with crawl unit 1's run X still queued; the retry starts Y, but X starts first and
    takes the unit, so Y ends finding it held. Was: the parent saw Y end, reopened the unit under X and crawled it
    a third time beside X. Now it watches X, which finishes the unit."""
    import flows.fanout
    from flows import night_units
    from models import crud
    from models.db import get_engine, session_scope

    started: list[tuple[str, int]] = []
    ended: set[str] = set()
    night: list[str] = []

    def start_here(kind: str, shard: int, parameters: dict[str, Any]) -> str:
        started.append((kind, shard))
        night[:] = [parameters["night"]]
        if (kind, shard) == (night_units.CRAWL, 1) and started.count((kind, shard)) == 1:
            raise RuntimeError("the first attempt dies; unit 1's run X waits for a worker")
        if (kind, shard) == (night_units.CRAWL, 1):  # the retry's run Y: X takes the unit just before it
            with session_scope(get_engine()) as session:
                assert crud.take_shard(session, night=parameters["night"], kind=kind, shard=shard, worker="w-x",
                                       flow_run_id="run-x", lease_seconds=60) is not None
        unit = night_units.crawl_shard if kind == night_units.CRAWL else night_units.score_shard
        outcome = unit.fn(shard=shard, **parameters)
        assert (outcome == {"skipped": True}) == ((kind, shard) == (night_units.CRAWL, 1))  # Y finds it held
        run_id = str(uuid4())
        ended.add(run_id)
        return run_id

    def lost(flow_run_id: str, start_timeout: float) -> str | None:
        if flow_run_id != "run-x":
            return "its flow run ended COMPLETED" if flow_run_id in ended else None
        with session_scope(get_engine()) as session:  # X, alive and beating, finishes its unit
            [row] = [r for r in crud.night_shards(session, night=night[0], kind="crawl") if r.shard == 1]
            crud.finish_shard(session, row.id, "w-x", {"sources": [{"source_id": row.source_ids[0], "ok": True}]})
        return None

    monkeypatch.setattr(flows.fanout, "start", start_here)
    monkeypatch.setattr(flows.fanout, "why_lost", lost)
    monkeypatch.setattr(flows.fanout, "mark_crashed", lambda *args: None)
    result = nightly.with_options(retries=1, retry_delay_seconds=0)(**FAST)
    assert started.count(("crawl", 1)) == 2  # the first attempt's X and the retry's Y: never a third
    assert [(s.source.name, s.ok) for s in result.sources] == [("a1", True), ("a2", True)]
    assert _units(store)[:2] == [("crawl", 0, "done"), ("crawl", 1, "done")]
