"""A night refuses while another night's units still run: a cancelled fanned-out night's units outlive its lock.

Under a real server, cancelling a fanned-out night released the store's night lock while its crawl units
kept crawling (rows ``running``, beating); the next night started new units on the same sources at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from flows.night_lock import NightRunning
from tests.flows.conftest import review_rows

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST: dict[str, Any] = dict(crawl_retries=0, retry_delay=0.0, batch_size=10, notify=False, lease_seconds=60.0)
BUSY = (r"^another night's units are still running \(crawl unit 0 on worker-a, last beat 1[2-9] s ago\): "
        r"wait for them, or cancel their flow runs$")


def _unit(store: str, *, beat_ago: float, status: str = "running", night: str = "cancelled-night") -> None:
    """A crawl unit of another night, as a cancelled night's worker leaves it (still beating or not)."""
    from models.db import get_engine, session_scope
    from models.tables import NightShard

    with session_scope(get_engine(store)) as session:
        session.add(NightShard(night=night, kind="crawl", shard=0, source_ids=[1], status=status, worker="worker-a",
                               heartbeat_at=datetime.now(UTC) - timedelta(seconds=beat_ago)))


def _nights(store: str) -> int:
    from models.db import get_engine, session_scope
    from models.tables import NightShard

    with session_scope(get_engine(store), write=False) as session:
        return len(session.exec(select(NightShard).where(NightShard.kind == "night")).all())


@pytest.fixture
def crawled(store: str, add_source: Callable[..., int], fake_crawls: Any, fake_scorer: Any) -> list[str]:
    add_source("A", "a1")
    return fake_crawls({"a1": [review_rows("a1", 3)]})


def test_a_night_refuses_while_another_nights_unit_still_beats(store: str, crawled: list[str]) -> None:
    from flows.nightly import nightly

    _unit(store, beat_ago=12)
    with pytest.raises(NightRunning, match=BUSY):
        nightly(**FAST)
    assert crawled == [] and _nights(store) == 0  # nothing crawled, the night not even recorded


@pytest.mark.parametrize("unit", [dict(beat_ago=120), dict(beat_ago=1, status="done")],
                         ids=["silent-past-the-lease", "done"])
def test_a_dead_or_finished_unit_of_another_night_does_not_stop_the_next(
        store: str, crawled: list[str], unit: dict[str, Any]) -> None:
    from flows.nightly import nightly

    _unit(store, **unit)
    assert nightly(**FAST).new_reviews == 3
    assert crawled == ["a1"]


def test_umot_run_says_so_in_one_line(store: str, crawled: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.nightly import nightly
    from umot.cli import _nightly_run, app

    monkeypatch.setattr(_nightly_run, "_run", lambda *a: nightly(**FAST, return_state=True))
    _unit(store, beat_ago=12)
    result = CliRunner().invoke(app, ["run", "--no-notify"])
    assert result.exit_code == 1
    assert result.output.startswith("error: another night's units are still running (crawl unit 0 on worker-a")
    assert len(result.output.strip().splitlines()) == 1 and crawled == []


@pytest.mark.parametrize("unit", [dict(beat_ago=0, status="pending"), dict(beat_ago=120)],
                         ids=["queued-for-a-worker", "silent-past-the-lease"])
def test_a_dead_nights_units_no_worker_holds_cannot_start_beside_the_next(
        store: str, crawled: list[str], unit: dict[str, Any]) -> None:
    """Its flow runs may still wait in the pool's queue: one a worker took after the next night started crawled
    the same sources beside it. The next night marks them abandoned; a Prefect retry of theirs plans them again."""
    from flows.nightly import nightly
    from models import crud
    from models.db import get_engine, session_scope

    _unit(store, **unit)
    assert nightly(**FAST).new_reviews == 3
    with session_scope(get_engine(store)) as session:
        assert crud.take_shard(session, night="cancelled-night", kind="crawl", shard=0, worker="worker-b",
                               flow_run_id=None, lease_seconds=60) is None
        [row] = crud.night_shards(session, night="cancelled-night", kind="crawl")
        assert row.status == "abandoned"
        crud.plan_shards(session, night="cancelled-night", kind="crawl", source_ids=[[1]])  # its retry
        assert crud.take_shard(session, night="cancelled-night", kind="crawl", shard=0, worker="worker-b",
                               flow_run_id=None, lease_seconds=60) is not None
