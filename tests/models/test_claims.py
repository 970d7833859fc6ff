"""Scoring claims and night units: two workers never hold one review or one unit; a dead one's expire."""

from __future__ import annotations

import time

from sqlalchemy.engine import Engine

from models import crud
from models.db import session_scope

VERSION = "m@1"


def _reviews(engine: Engine, brand_id: int, n: int) -> list[int]:
    rows = [{"source": "s", "external_id": f"r{i}", "text": f"text {i}"} for i in range(n)]
    with session_scope(engine) as session:
        return crud.upsert_reviews(session, rows, brand_id=brand_id).new_ids


def _claim(engine: Engine, worker: str, limit: int = 4, lease: float = 60) -> list[int]:
    with session_scope(engine) as session:
        return crud.claim_unscored(session, model_version=VERSION, worker=worker, lease_seconds=lease, limit=limit)


def _score(engine: Engine, worker: str, ids: list[int]) -> None:
    with session_scope(engine) as session:
        crud.save_scores(session, [{"review_id": i, "model_version": VERSION, "label": "positive"} for i in ids])
        crud.release_claims(session, ids, model_version=VERSION, worker=worker)


def test_two_workers_claim_disjoint_batches_and_a_scored_review_is_never_claimed_again(
    engine: Engine, brand_id: int
) -> None:
    ids = _reviews(engine, brand_id, 10)
    a, b = _claim(engine, "a"), _claim(engine, "b")
    assert len(a) == len(b) == 4 and not set(a) & set(b)
    _score(engine, "a", a)
    c = _claim(engine, "c")
    assert sorted(c) == sorted(set(ids) - set(a) - set(b))  # the 2 left: a's scored ones are not claimable
    _score(engine, "b", b)
    _score(engine, "c", c)
    assert _claim(engine, "d") == []


def test_a_dead_workers_claims_expire_and_are_taken_over_while_a_live_ones_are_renewed(
    engine: Engine, brand_id: int
) -> None:
    ids = _reviews(engine, brand_id, 3)
    assert _claim(engine, "dead", lease=0.5) == ids
    assert _claim(engine, "live", lease=0.5) == []
    time.sleep(0.7)
    assert _claim(engine, "live", lease=0.5) == ids  # expired: taken over
    with session_scope(engine) as session:
        crud.release_claims(session, ids, model_version=VERSION, worker="dead")  # the dead worker's late release
    assert _claim(engine, "other") == []  # drops nothing of the live worker's
    with session_scope(engine) as session:
        assert crud.renew_claims(session, worker="live", lease_seconds=60) == 3
        assert crud.renew_claims(session, worker="idle", lease_seconds=0) == 0  # renews its own claims only
    time.sleep(0.7)
    assert _claim(engine, "other") == []  # renewed: still live


def test_a_unit_is_taken_by_one_worker_and_reopened_only_after_its_worker_stopped_beating(
    engine: Engine
) -> None:
    with session_scope(engine) as session:
        crud.plan_shards(session, night="n1", kind="crawl", source_ids=[[1, 2], [3]])

    def take(worker: str, lease: float):  # noqa: ANN202
        with session_scope(engine) as session:
            return crud.take_shard(session, night="n1", kind="crawl", shard=0, worker=worker,
                                   flow_run_id=None, lease_seconds=lease)

    first = take("w1", 0.5)
    assert first is not None and first.source_ids == [1, 2] and first.attempts == 1
    assert take("w2", 0.5) is None  # held by a live worker
    time.sleep(0.7)
    with session_scope(engine) as session:
        assert [s.shard for s in crud.expired_shards(session, night="n1", kind="crawl", lease_seconds=0.5)] == [0]
    second = take("w2", 0.5)  # w1 stopped beating: taken over
    assert second is not None and second.attempts == 2
    with session_scope(engine) as session:
        assert not crud.finish_shard(session, second.id, "w1", {"late": True})  # w1's late outcome is refused
        assert not crud.beat_shard(session, second.id, "w1")  # and its heartbeat no longer keeps the unit
        assert crud.beat_shard(session, second.id, "w2")
        assert crud.finish_shard(session, second.id, "w2", {"sources": []})
        rows = crud.night_shards(session, night="n1", kind="crawl")
    assert [(r.shard, r.status) for r in rows] == [(0, "done"), (1, "pending")]
    assert take("w3", 0.5) is None  # a finished unit is never taken again (a retried flow run finds it done)
    with session_scope(engine) as session:
        assert not crud.reopen_shard(session, second.id, lost_run=None, lease_seconds=0)  # done stays done
        assert [r.status for r in crud.night_shards(session, night="n1", kind="crawl")] == ["done", "pending"]


def test_claims_follow_the_single_process_scoring_order_so_batches_do_not_depend_on_workers(
    engine: Engine, brand_id: int
) -> None:
    # stored in an order unrelated to content: ids and text lengths disagree
    lengths = [9, 2, 7, 4, 8, 1, 6, 3, 5, 10]
    rows = [{"source": "s", "external_id": f"r{i}", "text": "x" * n} for i, n in enumerate(lengths)]
    with session_scope(engine) as session:
        crud.upsert_reviews(session, rows, brand_id=brand_id)
        order = crud.unscored_ids_in_scoring_order(session, model_version=VERSION)
        by_id = sorted(order)
    assert order != by_id  # the test means something only if content order is not arrival order
    batches = [_claim(engine, worker, limit=3) for worker in ("a", "b", "a", "b")]
    assert batches == [order[0:3], order[3:6], order[6:9], order[9:10]]  # the nightly's own batches


def test_a_live_claim_made_between_the_candidate_query_and_the_insert_is_not_taken_over(
    engine: Engine, brand_id: int, monkeypatch
) -> None:
    """The race the ON CONFLICT ... WHERE expires_at <= now guard settles: worker b claims a review
    after worker a chose its candidates, before a's insert; a must not take b's live claim."""
    from datetime import timedelta

    from sqlalchemy import insert, select

    from models.crud import claims
    from models.tables import utcnow

    ids = _reviews(engine, brand_id, 3)
    real_insert_for = claims.insert_for

    def b_claims_first(session, table):  # noqa: ANN001, ANN202
        session.execute(insert(claims.CLAIM_TABLE).values(
            review_id=ids[0], model_version=VERSION, claimed_by="b", expires_at=utcnow() + timedelta(seconds=60)))
        return real_insert_for(session, table)

    monkeypatch.setattr(claims, "insert_for", b_claims_first)
    assert _claim(engine, "a") == ids[1:]
    with session_scope(engine, write=False) as session:
        holders = dict(session.execute(select(claims.CLAIM_TABLE.c.review_id, claims.CLAIM_TABLE.c.claimed_by)).all())
    assert holders == {ids[0]: "b", ids[1]: "a", ids[2]: "a"}


def test_a_night_planned_again_keeps_its_done_units_and_hands_out_the_others_again(engine: Engine) -> None:
    """Was: a retried nightly run (Prefect reuses its flow run id as the night) failed on uq_nightshard_unit."""
    with session_scope(engine) as session:
        crud.plan_shards(session, night="n1", kind="crawl", source_ids=[[1], [2], [3]])
    ids = {}
    for shard, worker in ((0, "w1"), (1, "w2")):
        with session_scope(engine) as session:
            row = crud.take_shard(session, night="n1", kind="crawl", shard=shard, worker=worker,
                                  flow_run_id=None, lease_seconds=60)
            assert row is not None
            ids[shard] = row.id
            if shard == 0:
                assert crud.finish_shard(session, row.id, worker, {"sources": [{"source_id": 1}]})
    with session_scope(engine) as session:  # the retry: unit 1's worker still runs, unit 2 never started
        assert crud.plan_shards(session, night="n1", kind="crawl", source_ids=[[1], [4]]) == [0, 1]
        crud.plan_shards(session, night="n1", kind="score", source_ids=[[]])  # another kind: its own units
    with session_scope(engine, write=False) as session:
        rows = [(r.shard, r.status, r.worker, r.source_ids, r.outcome)
                for r in crud.night_shards(session, night="n1", kind="crawl")]
    assert rows == [(0, "done", "w1", [1], {"sources": [{"source_id": 1}]}),  # kept, never started again
                    (1, "pending", None, [4], {})]  # other sources now: handed out again; unit 2 dropped
    with session_scope(engine) as session:
        assert crud.take_shard(session, night="n1", kind="crawl", shard=1, worker="w3", flow_run_id=None,
                               lease_seconds=60) is not None
        assert not crud.beat_shard(session, ids[1], "w2")  # the first attempt's worker no longer holds it


def test_a_night_planned_again_with_moved_sources_hands_out_their_units_again(engine: Engine) -> None:
    """Sources shift between units when the list changes between attempts (round-robin by position): a done unit
    kept with its old sources left a source that moved into it uncrawled, and crawled another twice. A running
    unit with the same sources stays with its worker (handed out again, the same sources were crawled twice)."""
    with session_scope(engine) as session:
        crud.plan_shards(session, night="n2", kind="crawl", source_ids=[[1, 3], [2, 4], [5]])
    for shard, worker in ((0, "w1"), (1, "w2")):
        with session_scope(engine) as session:
            row = crud.take_shard(session, night="n2", kind="crawl", shard=shard, worker=worker,
                                  flow_run_id=None, lease_seconds=60)
            assert row is not None
            if shard == 0:
                assert crud.finish_shard(session, row.id, worker, {"sources": []})
    with session_scope(engine) as session:  # source 6 added: unit 0's group changes, unit 1's does not
        crud.plan_shards(session, night="n2", kind="crawl", source_ids=[[1, 3, 6], [2, 4], [5]])
    with session_scope(engine, write=False) as session:
        rows = [(r.shard, r.status, r.worker, r.source_ids) for r in crud.night_shards(session, night="n2", kind="crawl")]
    assert rows == [(0, "pending", None, [1, 3, 6]), (1, "running", "w2", [2, 4]), (2, "pending", None, [5])]


def test_a_unit_is_reopened_only_from_a_lost_or_silent_flow_run_and_its_workers_claims_go_with_it(
    engine: Engine, brand_id: int
) -> None:
    """Was: the parent reopened a unit another flow run held and beat for (it crawled it again beside that run),
    and left a failed unit's claims live for the lease (its restart found its batch claimed and scored nothing)."""
    from models.crud.claims import drop_worker_claims

    _reviews(engine, brand_id, 6)
    with session_scope(engine) as session:
        crud.plan_shards(session, night="n3", kind="score", source_ids=[[]])
        row = crud.take_shard(session, night="n3", kind="score", shard=0, worker="w-x", flow_run_id="run-x",
                              lease_seconds=60)
        assert row is not None
        shard_id = row.id
    held, other = _claim(engine, "w-x", limit=2), _claim(engine, "w-y", limit=2)

    def reopen(lost_run: str, lease: float) -> bool:
        with session_scope(engine) as session:
            return crud.reopen_shard(session, shard_id, lost_run=lost_run, lease_seconds=lease)

    assert not reopen("run-y", 60)  # run-x holds it and beats: watched, not reopened
    assert len(_claim(engine, "w-z")) == 2  # and w-x's claims stay its own
    assert reopen("run-x", 60)  # run-x ended: reopened, its worker's claims dropped at once
    assert sorted(_claim(engine, "w-z", limit=6)) == sorted(held)  # claimable now; w-y's stay w-y's
    assert not set(held) & set(other)
    with session_scope(engine) as session:
        assert [(r.status, r.worker) for r in crud.night_shards(session, night="n3", kind="score")] == [("pending", None)]
        assert crud.take_shard(session, night="n3", kind="score", shard=0, worker="w-2", flow_run_id="run-2",
                               lease_seconds=0.5) is not None
    time.sleep(0.7)
    assert reopen("run-y", 0.5)  # silent past the lease: reopened whoever's run it was
    with session_scope(engine) as session:
        assert drop_worker_claims(session, "w-z") == 4 and drop_worker_claims(session, "w-z") == 0
