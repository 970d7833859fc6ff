"""Crawl runs left ``running`` by a process that died are closed as failed by the next run."""

from __future__ import annotations

import subprocess

from core.processes import process_alive, process_identity
from models.crud import start_crawl_run, upsert_reviews
from models.crud.crawl_runs import ABANDONED, close_abandoned_runs
from models.db import session_scope
from models.tables import CrawlRun


def _ended_process_identity() -> str:
    proc = subprocess.Popen(["sleep", "0"])
    identity = process_identity(proc.pid)
    proc.wait()
    return identity


def test_process_identity_tells_a_live_process_from_an_ended_one() -> None:
    assert process_alive(process_identity()) is True
    assert process_alive(_ended_process_identity()) is False
    assert process_alive("another-host.example:1:abc.1") is None and process_alive("not an identity") is None


def test_runs_of_ended_processes_are_closed_as_failed_with_what_they_stored(engine, brand_id) -> None:
    with session_scope(engine) as s:
        mine = start_crawl_run(s, brand_id=brand_id, source_id=None, spider="schemaorg")
        killed = start_crawl_run(s, brand_id=brand_id, source_id=None, spider="schemaorg")
        killed.owner = _ended_process_identity()
        elsewhere = start_crawl_run(s, brand_id=brand_id, source_id=None, spider="schemaorg")
        elsewhere.owner = "another-host.example:1:abc.1"
        legacy = start_crawl_run(s, brand_id=brand_id, source_id=None, spider="schemaorg")
        legacy.owner = None
        s.add_all([killed, elsewhere, legacy])
        rows = [{"source": "shop", "external_id": f"r{i}", "text": f"review {i}"} for i in range(3)]
        upsert_reviews(s, rows, brand_id=brand_id, crawl_run_id=killed.id)
        ids = mine.id, killed.id, elsewhere.id, legacy.id
    assert mine_owner_is_this_process(engine, ids[0])
    with session_scope(engine) as s:
        assert close_abandoned_runs(s) == [ids[1]]
    with session_scope(engine, write=False) as s:
        runs = {run_id: s.get(CrawlRun, run_id) for run_id in ids}
    assert [runs[i].status for i in ids] == ["running", "failed", "running", "running"]
    closed = runs[ids[1]]
    assert closed.error_message == ABANDONED and closed.finished_at is not None
    assert closed.items_new == closed.items_scraped == 3  # the next crawl sees it stopped half way


def mine_owner_is_this_process(engine, run_id: int) -> bool:
    with session_scope(engine, write=False) as s:
        return s.get(CrawlRun, run_id).owner == process_identity()


def test_runs_that_cannot_be_checked_are_closed_once_a_day_old(engine, brand_id) -> None:
    from datetime import timedelta

    from models.tables import utcnow

    with session_scope(engine) as s:
        old = start_crawl_run(s, brand_id=brand_id, source_id=None, spider="schemaorg")
        old.owner, old.started_at = "recreated-container:1:abc.1", utcnow() - timedelta(hours=25)
        legacy = start_crawl_run(s, brand_id=brand_id, source_id=None, spider="schemaorg")
        legacy.owner, legacy.started_at = None, utcnow() - timedelta(days=3)
        recent = start_crawl_run(s, brand_id=brand_id, source_id=None, spider="schemaorg")
        recent.owner = "another-host.example:1:abc.1"
        s.add_all([old, legacy, recent])
        ids = old.id, legacy.id, recent.id
    with session_scope(engine) as s:
        assert sorted(close_abandoned_runs(s)) == sorted(ids[:2])
